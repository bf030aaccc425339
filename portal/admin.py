from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.models import ActionLine, StakeholderGroup, Theme, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "organisation", "agency", "is_staff"]
    search_fields = ["email", "display_name", "organisation"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {
                "fields": (
                    "display_name",
                    "first_name",
                    "last_name",
                    "organisation",
                    "stakeholder_group",
                    "country",
                    "agency",
                )
            },
        ),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "password1", "password2")}),)


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]


@admin.register(ActionLine)
class ActionLineAdmin(TranslationAdmin):
    list_display = ["code", "name"]


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
