from __future__ import annotations

from django.urls import path

from portal.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_create, name="create"),
]
