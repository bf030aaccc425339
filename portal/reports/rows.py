"""A report as rows of cells, for the CSV export."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.utils.translation import gettext as _

from portal.reports.selectors import IndicatorFigures, Report


def report_rows(report: Report, absolute: Callable[[str], str]) -> Iterator[list]:
    yield [_("Meeting-preparation report: e-business and e-employment")]
    yield [_("Period"), report.start.isoformat(), report.end.isoformat()]
    yield [_("Themes"), "; ".join(theme.name for theme in report.themes)]
    yield []

    yield [_("New published practices by theme")]
    yield [
        _("Theme"),
        _("Title"),
        _("Organisation"),
        _("Countries"),
        _("Stakeholder group"),
        _("Year started"),
        _("Published"),
        _("Address"),
    ]
    for section in report.sections:
        for practice in section.practices:
            yield [
                section.theme.name,
                practice.title,
                practice.organisation,
                "; ".join(str(name) for name in practice.country_names),
                practice.stakeholder_group.name,
                practice.year_started,
                practice.published_at.date().isoformat(),
                absolute(practice.get_absolute_url()),
            ]
    yield []

    yield [_("Most active forum threads")]
    yield [
        _("Forum"),
        _("Thread"),
        _("Posts in the period"),
        _("Posts in all"),
        _("Last activity"),
        _("Address"),
    ]
    for thread in report.threads:
        yield [
            thread.forum.theme.name,
            thread.title,
            thread.posts_in_period,
            thread.post_count,
            thread.last_activity_at.date().isoformat(),
            absolute(thread.get_absolute_url()),
        ]

    for figures in report.figures:
        yield []
        yield [_("Latest figures: %(name)s") % {"name": figures.indicator.name}]
        yield from figures_notes(figures)
        yield [
            _("Country or area"),
            _("Year"),
            _("Women"),
            _("Men"),
            _("Total"),
            _("Gap (men minus women)"),
        ]
        for row in figures.rows:
            yield [row.area, row.year, row.women, row.men, row.total, row.gap]


def figures_notes(figures: IndicatorFigures) -> Iterator[list]:
    """What the figures are for, so that a value is not read as all ages."""
    if figures.age_group:
        yield [_("Age group"), figures.age_group]
    for name, item in figures.classifications:
        yield [name, item]
    if figures.indicator.unit:
        yield [_("Unit"), figures.indicator.unit_label]
    if figures.has_projections:
        yield [projection_note(figures)]


def projection_note(figures: IndicatorFigures) -> str:
    return _(
        "Years after %(year)s come after the date of this report: "
        "they are the publisher's projections, not measured figures."
    ) % {"year": figures.last_actual_year}
