from __future__ import annotations

from django.urls import path

from indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_list, name="list"),
    # Before the detail pattern: no indicator code is lower case, but the
    # order keeps it that way if one ever is.
    path("import/", views.indicator_import, name="import"),
    path("<str:code>/", views.indicator_detail, name="detail"),
    path("<str:code>/chart.svg", views.indicator_chart, name="chart"),
]
