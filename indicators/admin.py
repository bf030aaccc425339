"""Indicators in the admin: read-mostly, since figures come only from imports."""

from __future__ import annotations

from django.contrib import admin

from indicators.models import Area, ImportRun, Indicator, Observation


class ReadOnlyAdmin(admin.ModelAdmin):
    """Figures change only through the import service, never by hand."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "area_count", "year_min", "year_max"]
    search_fields = ["code", "name"]
    readonly_fields = [
        "code",
        "publisher",
        "age_name",
        "classif1_name",
        "classif2_name",
        "age_groups",
        "classif1_items",
        "classif2_items",
        "observation_count",
        "area_count",
        "year_min",
        "year_max",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    """Names come from the files; the kind and ISO code may need a hand."""

    list_display = ["name", "kind", "iso3"]
    list_filter = ["kind"]
    search_fields = ["name", "iso3"]
    readonly_fields = ["name"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = [
        "indicator",
        "area",
        "year",
        "sex",
        "age_group",
        "classif1",
        "classif2",
        "value",
        "status",
    ]
    list_filter = ["indicator", "sex", "status"]
    list_select_related = ["indicator", "area"]
    search_fields = ["area__name"]
    show_full_result_count = False


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "indicator", "row_count", "imported_by", "created_at"]
    list_select_related = ["indicator", "imported_by"]
    date_hierarchy = "created_at"
