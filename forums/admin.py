from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from forums import services
from forums.models import Forum, Post, Thread

# Counters, positions and rendered HTML are kept by forums.services; the admin
# shows them and changes state only through services, never by raw edits.


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["slug", "thread_count", "post_count", "last_post_at"]
    list_select_related = ["theme"]
    readonly_fields = ["thread_count", "post_count", "last_post_at"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "forum",
        "author",
        "post_count",
        "last_activity_at",
        "is_locked",
    ]
    list_filter = ["forum", "is_locked"]
    list_select_related = ["forum__theme", "author"]
    search_fields = ["title"]
    actions = ["lock", "unlock"]
    readonly_fields = [
        "forum",
        "title",
        "slug",
        "author",
        "created_at",
        "last_activity_at",
        "post_count",
        "last_poster",
        "is_locked",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: Thread) -> None:
        services.thread_delete(thread=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Thread]) -> None:
        for thread in queryset:
            services.thread_delete(thread=thread)

    @admin.action(description=_("Lock the selected threads"))
    def lock(self, request: HttpRequest, queryset: QuerySet[Thread]) -> None:
        for thread in queryset:
            services.thread_lock(thread=thread, locked=True)

    @admin.action(description=_("Unlock the selected threads"))
    def unlock(self, request: HttpRequest, queryset: QuerySet[Thread]) -> None:
        for thread in queryset:
            services.thread_lock(thread=thread, locked=False)


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "created_at"]
    list_select_related = ["author"]
    search_fields = ["body"]
    readonly_fields = [
        "thread",
        "author",
        "position",
        "body",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Removing a post would leave a gap in its thread's positions and
        # counters; hiding posts is moderation work still to be built.
        return False
