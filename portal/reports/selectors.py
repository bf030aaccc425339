"""What goes into a meeting-preparation report, read in a fixed number of
queries whatever the size of the period."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from forums.models import Thread
from indicators.models import Indicator
from indicators.selectors import LatestValue, indicator_latest_values
from portal.models import Theme
from practices.models import Practice

ACTIVE_THREADS = 10


@dataclass
class ThemeSection:
    theme: Theme
    practices: list[Practice] = field(default_factory=list)


@dataclass
class IndicatorFigures:
    """An indicator's latest figures with what they measure: the age group and
    classification items the values are for, and which years are projections."""

    indicator: Indicator
    rows: list[LatestValue]
    age_group: str
    classifications: list[tuple[str, str]]
    # Years after this one are later than the report: the publisher's projections.
    last_actual_year: int

    @property
    def has_projections(self) -> bool:
        return any(row.year > self.last_actual_year for row in self.rows)


def indicator_figures(
    *, indicator: Indicator, areas: list | None, today: datetime.date
) -> IndicatorFigures:
    """The latest figures, labelled with the groups `indicator_latest_values`
    picks (its default age group and classification items)."""
    classifications = [
        (name, item)
        for name, item in [
            (indicator.classif1_name, indicator.default_classif1),
            (indicator.classif2_name, indicator.default_classif2),
        ]
        if name and item
    ]
    return IndicatorFigures(
        indicator=indicator,
        rows=indicator_latest_values(indicator=indicator, areas=areas or None),
        age_group=indicator.default_age_group,
        classifications=classifications,
        last_actual_year=today.year,
    )


@dataclass
class Report:
    start: datetime.date
    end: datetime.date
    themes: list[Theme]
    sections: list[ThemeSection]
    practice_count: int
    threads: list[Thread]
    figures: list[IndicatorFigures]
    created_at: datetime.datetime


def _period(start: datetime.date, end: datetime.date):
    """The period as aware datetimes: from the start of `start` to the end of `end`."""
    zone = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    high = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return low, high


def report_build(
    *,
    start: datetime.date,
    end: datetime.date,
    themes: list[Theme] | None = None,
    indicators: list | None = None,
    areas: list | None = None,
) -> Report:
    """Gather new published practices by theme, the most active threads of the
    period and the latest figures of the chosen indicators."""
    low, high = _period(start, end)
    chosen = list(themes) if themes else list(Theme.objects.all())
    chosen_ids = {theme.id for theme in chosen}

    practices = (
        Practice.objects.published()
        .filter(published_at__gte=low, published_at__lt=high, themes__in=chosen)
        .distinct()
        .select_related("stakeholder_group")
        .prefetch_related("themes")
        .order_by("published_at", "id")
    )
    sections = {theme.id: ThemeSection(theme) for theme in chosen}
    seen = set()
    for practice in practices:
        seen.add(practice.id)
        for theme in practice.themes.all():
            if theme.id in chosen_ids:
                sections[theme.id].practices.append(practice)

    in_period = Q(posts__created_at__gte=low, posts__created_at__lt=high)
    threads = list(
        Thread.objects.filter(forum__theme__in=chosen)
        .annotate(posts_in_period=Count("posts", filter=in_period))
        .filter(posts_in_period__gt=0)
        .select_related("forum__theme", "author")
        .order_by("-posts_in_period", "-last_activity_at")[:ACTIVE_THREADS]
    )

    created_at = timezone.now()
    today = timezone.localdate(created_at)
    figures = [
        indicator_figures(indicator=indicator, areas=areas, today=today)
        for indicator in indicators or []
    ]

    return Report(
        start=start,
        end=end,
        themes=chosen,
        sections=[sections[theme.id] for theme in chosen],
        practice_count=len(seen),
        threads=threads,
        figures=figures,
        created_at=created_at,
    )
