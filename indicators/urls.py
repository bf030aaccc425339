from __future__ import annotations

from django.urls import path
from django.views.generic import TemplateView

app_name = "indicators"

urlpatterns = [
    path("list/" if "list" != "list" and "list" != "index" else "", TemplateView.as_view(template_name="base.html"), name="list"),
]
