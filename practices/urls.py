from __future__ import annotations

from django.urls import path
from django.views.generic import TemplateView

app_name = "practices"

urlpatterns = [
    path("list/" if "list" != "list" and "list" != "index" else "", TemplateView.as_view(template_name="base.html"), name="list"),
    path("queue/" if "queue" != "list" and "queue" != "index" else "", TemplateView.as_view(template_name="base.html"), name="queue"),
]
