from __future__ import annotations

from django.urls import path

from practices import views

app_name = "practices"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("create/", views.practice_create, name="create"),
    path("mine/", views.practice_mine, name="mine"),
    path("queue/", views.practice_queue, name="queue"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/review/", views.practice_review, name="review"),
]
