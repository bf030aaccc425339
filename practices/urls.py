from __future__ import annotations

from django.urls import path
from django.views.generic import TemplateView

app_name = "practices"

placeholder = TemplateView.as_view(template_name="base.html")

urlpatterns = [
    path("", placeholder, name="list"),
    path("queue/", placeholder, name="queue"),
]
