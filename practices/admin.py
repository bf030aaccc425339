from __future__ import annotations

from django.contrib import admin
from django.db import models

from practices.models import Practice, PracticeReview
from practices.services import practice_refresh


class PracticeReviewInline(admin.TabularInline):
    model = PracticeReview
    extra = 0
    can_delete = False
    readonly_fields = ["moderator", "agency", "decision", "reason", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "status", "year_started", "created_at"]
    list_filter = ["status", "language", "stakeholder_group", "themes"]
    search_fields = ["title", "organisation", "summary"]
    date_hierarchy = "created_at"
    list_select_related = ["stakeholder_group"]
    raw_id_fields = ["submitted_by"]
    filter_horizontal = ["themes"]
    # Status changes go through the moderation pages, so that every decision
    # is recorded and the submitter hears of it.
    readonly_fields = [
        "slug",
        "status",
        "published_at",
        "created_at",
        "updated_at",
    ]
    exclude = ["description_html"]
    inlines = [PracticeReviewInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request) -> bool:
        return False

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        practice_refresh(practice=form.instance)
