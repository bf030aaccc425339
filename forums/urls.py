from __future__ import annotations

from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("", views.index, name="index"),
    # Before the thread's own address: no thread slug is ever "reply".
    path("threads/<int:pk>/reply/", views.reply, name="reply"),
    path("threads/<int:pk>/<slug:slug>/", views.thread_detail, name="thread"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
    path("<slug:slug>/new/", views.thread_create, name="thread_create"),
]
