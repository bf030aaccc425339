from __future__ import annotations

from django.urls import path
from django.views.generic import TemplateView

app_name = "forums"

urlpatterns = [
    path("index/" if "index" != "list" and "index" != "index" else "", TemplateView.as_view(template_name="base.html"), name="index"),
]
