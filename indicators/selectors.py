"""Reads for indicators: lists, one area's series, and the latest figures."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _

from indicators.importers.ilostat import is_ilo_reference
from indicators.models import Area, ImportRun, Indicator, Observation, Sex

NOTE_SEPARATOR = " | "
# More decimals than one would ask the reader to compare noise: 86,525.675
# thousand people is 86,525.7 thousand to anyone reading a table.
MAX_DECIMALS = 1


def decimals_for(values: Iterable[Decimal | None]) -> int:
    """One precision for a table: the file's, up to MAX_DECIMALS."""
    decimals = 0
    for value in values:
        if value is not None:
            decimals = max(decimals, -plain(value).as_tuple().exponent)
    return min(decimals, MAX_DECIMALS)


def number_format(decimals: int) -> str:
    """The `floatformat` argument that rounds to `decimals` and groups."""
    return "%dg" % decimals


def formatted(value: Decimal, decimals: int) -> str:
    """A figure in the reader's language, rounded and grouped: 1,117.7 or
    1 117,7, exactly as the table's `floatformat` writes it."""
    return floatformat(value, number_format(decimals))


def name_key(name: str) -> str:
    """Sort key for area names that puts “Côte d'Ivoire” beside “Costa Rica”
    and “Türkiye” before “Tuvalu”: accents and case set aside."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def plain(value: Decimal | None) -> Decimal | None:
    """The value as the file wrote it: 86.395, not 86.395000 or 8.6395E+1."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def indicator_list() -> QuerySet[Indicator]:
    """Every indicator with the summary its import left on it: one query."""
    return Indicator.objects.all()


def indicator_get(*, code: str) -> Indicator:
    """One indicator, with the id of its latest import for cache keys."""
    return Indicator.objects.annotate(latest_run_id=Max("import_runs__id")).get(
        code=code
    )


def indicator_areas(*, indicator: Indicator) -> list[Area]:
    """The areas that have figures for the indicator: countries first, by name.

    Each area carries `year_count`, the number of years with a figure, and
    `women_year_count`, the years with a figure for women, so a page can open
    on the area with the longest series by sex. One aggregate pass over the
    indicator's observations, joined to their areas.
    """
    rows = (
        Observation.objects.filter(indicator=indicator)
        .values("area_id", "area__name", "area__kind", "area__iso3")
        .annotate(
            year_count=Count("year", distinct=True),
            women_year_count=Count(
                "year", distinct=True, filter=Q(sex=Sex.FEMALE, value__isnull=False)
            ),
        )
        .order_by()
    )
    areas = []
    for row in rows:
        area = Area(
            pk=row["area_id"],
            name=row["area__name"],
            kind=row["area__kind"],
            iso3=row["area__iso3"],
        )
        area.year_count = row["year_count"]
        area.women_year_count = row["women_year_count"]
        areas.append(area)
    areas.sort(key=lambda area: (area.kind != Area.Kind.COUNTRY, name_key(area.name)))
    return areas


def import_runs_recent(*, limit: int = 10) -> list[ImportRun]:
    return list(ImportRun.objects.select_related("indicator", "imported_by")[:limit])


@dataclass(frozen=True)
class SeriesChoice:
    """Which of an indicator's series a page shows: one area, one of each group."""

    area: Area
    age_group: str = ""
    classif1: str = ""
    classif2: str = ""


@dataclass
class Cell:
    value: Decimal | None
    status: str = ""
    notes: list[int] = field(default_factory=list)


@dataclass
class SeriesRow:
    year: int
    source: str
    cells: dict[str, Cell] = field(default_factory=dict)
    source_notes: list[int] = field(default_factory=list)
    # The letter of the row's source in the list below the table, when the
    # figures come from more than one.
    source_key: str = ""
    # A year after this one: the publisher's projection, not a measurement.
    projected: bool = False
    # The cells in the order of the table's columns; None where none exists.
    ordered: list[Cell | None] = field(default_factory=list)

    def value(self, sex: str) -> Decimal | None:
        cell = self.cells.get(sex)
        return cell.value if cell else None

    @property
    def gap(self) -> Decimal | None:
        """Men minus women, in the indicator's unit."""
        women, men = self.value(Sex.FEMALE), self.value(Sex.MALE)
        if women is None or men is None:
            return None
        return plain(men - women)


@dataclass
class Series:
    """One area's figures by year, with numbered notes and the sources cited."""

    indicator: Indicator
    choice: SeriesChoice
    rows: list[SeriesRow]
    sexes: list[str]
    notes: list[tuple[int, str]]
    general_notes: list[str]
    sources: list[str]
    # Years after this one are the publisher's projections.
    this_year: int
    # Notes left out because the file gives them only as ILO codes.
    has_coded_notes: bool = False

    @property
    def sex_labels(self) -> list[str]:
        return [Sex(sex).label for sex in self.sexes]

    @property
    def decimals(self) -> int:
        return decimals_for(
            [cell.value for row in self.rows for cell in row.cells.values()]
        )

    @property
    def number_format(self) -> str:
        """The `floatformat` argument for every figure of the table."""
        return number_format(self.decimals)

    @property
    def source_names(self) -> list[str]:
        return [source for source in self.sources if not is_ilo_reference(source)]

    @property
    def source_references(self) -> list[str]:
        return [source for source in self.sources if is_ilo_reference(source)]

    @property
    def one_source(self) -> bool:
        """Every row from the same source: it is said once, below the table."""
        return len(self.sources) <= 1

    @property
    def keyed_sources(self) -> list[tuple[str, str, bool]]:
        """(letter, source, whether it is an ILO code) for the list of sources
        that rows refer to by letter, so that no column of long survey names
        pushes the figures off a phone's screen."""
        return [
            (source_letter(index), source, is_ilo_reference(source))
            for index, source in enumerate(self.sources)
        ]

    @property
    def has_projections(self) -> bool:
        return any(row.projected for row in self.rows)

    @property
    def single_year(self) -> bool:
        return len(self.chart_points) == 1

    @property
    def chart_points(self) -> list[tuple[int, Decimal, Decimal]]:
        """(year, women, men) for the years that have both, oldest first."""
        points = {}
        for row in self.rows:
            women, men = row.value(Sex.FEMALE), row.value(Sex.MALE)
            if women is not None and men is not None and row.year not in points:
                points[row.year] = (row.year, women, men)
        return sorted(points.values())

    @property
    def caption_unit(self) -> str:
        """The unit, unless the indicator's name already ends with it."""
        unit = self.indicator.unit
        if not unit or self.indicator.name.endswith("(%s)" % unit):
            return ""
        return self.indicator.unit_label

    @property
    def gap_unit(self) -> str:
        unit = self.indicator.unit
        return _("percentage points") if unit == "%" else self.indicator.unit_label

    def summary(self) -> str:
        """One sentence that says what the chart shows, for its alt text."""
        points = self.chart_points
        if not points:
            return ""
        first, last = points[0], points[-1]
        decimals = self.decimals
        values = {
            "indicator": self.indicator.name,
            "area": self.choice.area.name,
            "first": first[0],
            "last": last[0],
            "women": formatted(last[1], decimals),
            "men": formatted(last[2], decimals),
            "gap": formatted(last[2] - last[1], decimals),
            "unit": self.gap_unit,
        }
        if len(points) == 1:
            return (
                _(
                    "Chart of %(indicator)s for %(area)s, women and men, in "
                    "%(last)s only: women %(women)s, men %(men)s, a gap of "
                    "%(gap)s %(unit)s. The table gives every figure."
                )
                % values
            )
        return (
            _(
                "Line chart of %(indicator)s for %(area)s, women and men, "
                "%(first)s to %(last)s. In %(last)s: women %(women)s, men "
                "%(men)s, a gap of %(gap)s %(unit)s. The table gives every figure."
            )
            % values
        )


def source_letter(index: int) -> str:
    """a, b, … z, aa, ab: as a browser numbers an `<ol type="a">`."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _note_parts(*texts: str) -> list[str]:
    parts = []
    for text in texts:
        parts += [part.strip() for part in text.split(NOTE_SEPARATOR) if part.strip()]
    return parts


def _readable(notes: list[str]) -> tuple[list[str], bool]:
    """The notes written in words, and whether any ILO code was left out."""
    kept = [note for note in notes if not is_ilo_reference(note)]
    return kept, len(kept) < len(notes)


def indicator_series(*, indicator: Indicator, choice: SeriesChoice) -> Series:
    """The chosen area's figures by year and source: one query.

    Notes that apply to every figure (or every source) are listed once as
    general notes; the rest are numbered and marked on their cells. Notes
    that the file gives only as ILO codes are left out, and flagged.
    """
    observations = Observation.objects.filter(
        indicator=indicator,
        area=choice.area,
        age_group=choice.age_group,
        classif1=choice.classif1,
        classif2=choice.classif2,
    ).order_by("-year", "source")

    rows: dict[tuple[int, str], SeriesRow] = {}
    cell_notes: list[tuple[Cell, list[str]]] = []
    row_notes: list[tuple[SeriesRow, list[str]]] = []
    sexes: set[str] = set()
    sources: list[str] = []
    has_coded_notes = False
    for observation in observations:
        key = (observation.year, observation.source)
        row = rows.get(key)
        if row is None:
            row = rows[key] = SeriesRow(
                year=observation.year, source=observation.source
            )
            notes, coded = _readable(_note_parts(observation.note_source))
            has_coded_notes = has_coded_notes or coded
            row_notes.append((row, notes))
            if observation.source and observation.source not in sources:
                sources.append(observation.source)
        cell = row.cells[observation.sex] = Cell(
            value=plain(observation.value), status=observation.status
        )
        notes, coded = _readable(
            _note_parts(
                observation.status,
                observation.note_indicator,
                observation.note_classif,
            )
        )
        has_coded_notes = has_coded_notes or coded
        cell_notes.append((cell, notes))
        sexes.add(observation.sex)

    general = _common([notes for _cell, notes in cell_notes])
    general += [
        note
        for note in _common([notes for _row, notes in row_notes])
        if note not in general
    ]
    numbers: dict[str, int] = {}
    for row, notes in row_notes:
        row.source_notes = _numbered(notes, general, numbers)
    for cell, notes in cell_notes:
        cell.notes = _numbered(notes, general, numbers)

    columns = [Sex.FEMALE, Sex.MALE, Sex.TOTAL]
    if Sex.OTHER in sexes:
        columns.insert(2, Sex.OTHER)
    this_year = timezone.localdate().year
    letters = (
        {source: source_letter(index) for index, source in enumerate(sources)}
        if len(sources) > 1
        else {}
    )
    for row in rows.values():
        row.ordered = [row.cells.get(sex) for sex in columns]
        row.source_key = letters.get(row.source, "")
        row.projected = row.year > this_year
    return Series(
        indicator=indicator,
        choice=choice,
        rows=list(rows.values()),
        sexes=[str(sex) for sex in columns],
        notes=[(number, text) for text, number in numbers.items()],
        general_notes=general,
        sources=sources,
        this_year=this_year,
        has_coded_notes=has_coded_notes,
    )


def _common(note_lists: list[list[str]]) -> list[str]:
    """The notes found in every list, in the order of the first."""
    if len(note_lists) < 2:
        return []
    shared = set(note_lists[0]).intersection(*note_lists[1:])
    return [note for note in note_lists[0] if note in shared]


def _numbered(notes: list[str], general: list[str], numbers: dict[str, int]):
    return [
        numbers.setdefault(note, len(numbers) + 1)
        for note in notes
        if note not in general
    ]


@dataclass
class LatestValue:
    """An area's figures in the latest year that has any, for one indicator."""

    area: Area
    year: int
    source: str
    women: Decimal | None = None
    men: Decimal | None = None
    total: Decimal | None = None
    other: Decimal | None = None
    status: str = ""

    @property
    def gap(self) -> Decimal | None:
        if self.women is None or self.men is None:
            return None
        return plain(self.men - self.women)


def indicator_latest_values(
    *, indicator: Indicator, areas: Iterable[Area | int] | None = None
) -> list[LatestValue]:
    """Per area, the latest year's women, men and total figures: one query.

    Uses the indicator's default item of each classification (a total where
    there is one). The latest year is the latest with any published value;
    if two sources report that year, the first by name is used. Areas come
    back by name; an area without figures is left out.
    """
    series = Observation.objects.filter(
        indicator=indicator,
        age_group=indicator.default_age_group,
        classif1=indicator.default_classif1,
        classif2=indicator.default_classif2,
    )
    if areas is not None:
        # A queryset of areas stays a subquery; anything else is listed.
        if not isinstance(areas, QuerySet):
            areas = list(areas)
        series = series.filter(area__in=areas)
    latest_year = (
        series.filter(area=OuterRef("area"), value__isnull=False)
        .order_by("-year")
        .values("year")[:1]
    )
    observations = (
        series.filter(year=Subquery(latest_year))
        .select_related("area")
        .order_by("area__name", "source", "sex")
    )

    latest: dict[int, LatestValue] = {}
    for observation in observations:
        entry = latest.get(observation.area_id)
        if entry is None:
            entry = latest[observation.area_id] = LatestValue(
                area=observation.area, year=observation.year, source=observation.source
            )
        elif entry.source != observation.source:
            continue
        value = plain(observation.value)
        attribute = {
            Sex.FEMALE: "women",
            Sex.MALE: "men",
            Sex.TOTAL: "total",
            Sex.OTHER: "other",
        }[Sex(observation.sex)]
        setattr(entry, attribute, value)
        if observation.status and observation.status not in entry.status:
            entry.status = ", ".join(filter(None, [entry.status, observation.status]))
    return sorted(latest.values(), key=lambda entry: name_key(entry.area.name))
