"""The report as the PDF template lays it out, each piece of text with its own
direction.

WeasyPrint ignores `dir="auto"` and `unicode-bidi`, so English left in an
Arabic report (user content, untranslated wording) would be laid out right to
left and scrambled. The direction is worked out here, as `dir="auto"` would:
from the first letter that has one.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi, gettext

from indicators.selectors import decimals_for, formatted
from portal.reports.rows import projection_note
from portal.reports.selectors import IndicatorFigures, Report

STRONG_DIRECTIONS = {"L": "ltr", "R": "rtl", "AL": "rtl"}


def text_direction(text: str) -> str:
    """`ltr` or `rtl` after the first strong letter; empty if there is none."""
    for char in text:
        direction = STRONG_DIRECTIONS.get(unicodedata.bidirectional(char))
        if direction:
            return direction
    return ""


class Text(str):
    """Text that renders isolated in its own direction, whatever surrounds it.

    A str, because templates turn any other object into one before escaping.
    """

    def __new__(cls, value: object = "") -> Text:
        return super().__new__(cls, "" if value is None else value)

    @property
    def dir(self) -> str:
        return text_direction(self)

    @property
    def value(self) -> str:
        return str.__str__(self)

    def __html__(self) -> SafeString:
        if not self.dir:
            return format_html("<bdi>{}</bdi>", self.value)
        return format_html('<bdi dir="{}">{}</bdi>', self.dir, self.value)


@dataclass
class PracticeEntry:
    title: Text
    organisation: Text
    countries: list[Text]
    year_started: int
    summary: Text


@dataclass
class ThemeEntry:
    name: Text
    practices: list[PracticeEntry]


@dataclass
class ThreadEntry:
    title: Text
    forum: Text
    posts_in_period: int
    last_activity: datetime.date


@dataclass
class FigureRow:
    area: Text
    year: int
    projected: bool
    # Rounded and grouped in the report's language, as on the indicator page;
    # the CSV keeps the file's own figures.
    women: str | None
    men: str | None
    total: str | None
    gap: str | None


@dataclass
class FigureTable:
    name: Text
    publisher: Text
    scope: list[Text]
    rows: list[FigureRow]
    projection_note: str


def wording_direction() -> str:
    """The direction of the report's own wording: English, left to right,
    where the active language's catalogue does not translate it."""
    fallback = "rtl" if get_language_bidi() else "ltr"
    return text_direction(gettext("Meeting-preparation report")) or fallback


def figure_table(figures: IndicatorFigures) -> FigureTable:
    scope = []
    if figures.age_group:
        scope.append(
            Text(gettext("Age group: %(group)s") % {"group": figures.age_group})
        )
    for name, item in figures.classifications:
        scope.append(Text(f"{name}: {item}"))
    if figures.indicator.unit:
        scope.append(
            Text(gettext("Unit: %(unit)s") % {"unit": figures.indicator.unit_label})
        )
    decimals = decimals_for(
        value
        for row in figures.rows
        for value in (row.women, row.men, row.total, row.gap)
    )

    def shown(value: Decimal | None) -> str | None:
        return None if value is None else formatted(value, decimals)

    return FigureTable(
        name=Text(figures.indicator.name),
        publisher=Text(figures.indicator.publisher),
        scope=scope,
        rows=[
            FigureRow(
                area=Text(row.area.name),
                year=row.year,
                projected=row.year > figures.last_actual_year,
                women=shown(row.women),
                men=shown(row.men),
                total=shown(row.total),
                gap=shown(row.gap),
            )
            for row in figures.rows
        ],
        projection_note=projection_note(figures) if figures.has_projections else "",
    )


def report_document_context(report: Report, *, site_url: str) -> dict:
    """What templates/reports/report_document.html needs, in the active language."""
    return {
        "report": report,
        "start": Text(date_format(report.start, "j F Y")),
        "end": Text(date_format(report.end, "j F Y")),
        "created": Text(
            date_format(timezone.localtime(report.created_at), "j F Y, H:i")
        ),
        "site_url": Text(site_url),
        "wording_dir": wording_direction(),
        "sections": [
            ThemeEntry(
                name=Text(section.theme.name),
                practices=[
                    PracticeEntry(
                        title=Text(practice.title),
                        organisation=Text(practice.organisation),
                        countries=[Text(name) for name in practice.country_names],
                        year_started=practice.year_started,
                        summary=Text(practice.summary),
                    )
                    for practice in section.practices
                ],
            )
            for section in report.sections
        ],
        "threads": [
            ThreadEntry(
                title=Text(thread.title),
                forum=Text(thread.forum.theme.name),
                posts_in_period=thread.posts_in_period,
                last_activity=timezone.localdate(thread.last_activity_at),
            )
            for thread in report.threads
        ],
        "figures": [figure_table(figures) for figures in report.figures],
    }
