"""The filter form of the practices list: theme, country, group and words."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.postgres.search import SearchRank
from django.db.models import F, Func, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.models import StakeholderGroup, Theme
from practices.models import Practice
from practices.search import practice_search_query


def country_choices() -> list[tuple[str, str]]:
    """The countries that published practices name, by name in the reader's
    language: offering the others would only lead to empty pages."""
    codes = (
        Practice.objects.published()
        .annotate(code=Func(F("countries"), function="unnest"))
        .values_list("code", flat=True)
        .order_by()
        .distinct()
    )
    return sorted(
        ((code, str(countries.name(code))) for code in codes),
        key=lambda choice: choice[1],
    )


class PracticeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"),
        method="filter_words",
        max_length=200,
        widget=forms.SearchInput,
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.all(),
        empty_label=_("All themes"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=[],
        method="filter_country",
        empty_label=_("All countries"),
    )
    group = django_filters.ModelChoiceFilter(
        label=_("Stakeholder group"),
        field_name="stakeholder_group",
        to_field_name="slug",
        queryset=StakeholderGroup.objects.all(),
        empty_label=_("All groups"),
    )

    class Meta:
        model = Practice
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Read once per request, for validating and for showing the options.
        self.filters["country"].extra["choices"] = country_choices()

    def filter_country(
        self, queryset: QuerySet[Practice], name: str, value: str
    ) -> QuerySet[Practice]:
        # Array containment (@>) is what the GIN index on countries serves.
        return queryset.filter(countries__contains=[value])

    def filter_words(
        self, queryset: QuerySet[Practice], name: str, value: str
    ) -> QuerySet[Practice]:
        query = practice_search_query(value)
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-published_at", "-id")
        )
