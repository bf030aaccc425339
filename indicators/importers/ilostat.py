"""Reading ILOSTAT files: the label layout, the code layout and SDMX-CSV.

`read_file` checks every row of a file and returns what it holds, or raises
`IndicatorFileError` naming the lines at fault. It writes nothing: the import
service decides what to store, so a bad file never leaves half an import.

Each row is decoded, checked and kept as one compact tuple of strings (repeated
labels are interned), so a file is held in memory about once, beside the
stream it is read from.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import PurePath
from typing import IO, NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import override

MAX_PROBLEMS = 10

# The sex labels of both spellings, and the ILO codes, to the stored value.
SEXES = {
    "total": "total",
    "female": "female",
    "male": "male",
    "other": "other",
    "sex_t": "total",
    "sex_f": "female",
    "sex_m": "male",
    "sex_o": "other",
}

# ILO observation status codes, as the label layout spells them out.
STATUSES = {"B": "Break in series", "U": "Unreliable"}

# ILOSTAT's own regional and income groups. The label layout carries names
# only, so these are how an aggregate is told from a country.
# TODO: add the ILO subregions and other groups (G20, EU27) once a file with
# aggregates is imported; until then they would be filed as countries.
AGGREGATE_NAMES = frozenset(
    {
        "World",
        "Africa",
        "Americas",
        "Arab States",
        "Asia and the Pacific",
        "Europe and Central Asia",
        "Low income",
        "Lower-middle income",
        "Upper-middle income",
        "High income",
    }
)
AGGREGATE_CODES = {"X01": "World"}

# ILOSTAT indicator codes: EMP_NIFL_SEX_RT_A, EAR_4MTH_SEX_GEO_CUR_NB_A.
CODE_IN_NAME = re.compile(
    r"^([A-Z0-9]{3}_[A-Z0-9]{2,}(?:_[A-Z0-9]+)*_[AQM])(?![A-Z0-9])"
)
DATAFLOW = re.compile(r"^[^:]+:DF_([A-Z0-9_]+)\(")
NUMBER = re.compile(r"^-?\d{1,14}(?:\.\d{1,6})?$")
YEAR = re.compile(r"^\d{4}$")
UNIT_IN_LABEL = re.compile(r"\(([^()]+)\)\s*$")
AGE_CODE_ITEM = (
    (re.compile(r"^YGE(\d+)$"), "{0}+"),
    (re.compile(r"^Y(\d+)[-_](\d+)$"), "{0}-{1}"),
    (re.compile(r"^YLT(\d+)$"), "<{0}"),
    (re.compile(r"^TOTAL$"), "Total"),
)
# ILO's age bandings, named as the label layout names them.
AGE_SCHEMES = {
    "AGE_YTHADULT": "Age (Youth, adults)",
    "AGE_10YRBANDS": "Age (10-year bands)",
    "AGE_5YRBANDS": "Age (5-year bands)",
    "AGE_AGGREGATE": "Age (Aggregate bands)",
    "AGE_YTHBANDS": "Age (Youth bands)",
    "AGE_ALLAGES": "Age (All bands)",
    "AGE_CLDVERSION": "Age (Child labour bands)",
}
# ILO note and source references in the code layout: BA:453, R1:3513_T2:85.
ILO_REFERENCE = re.compile(r"^[A-Z][A-Z0-9]*:\d+(?:_[A-Z][A-Z0-9]*:\d+)*$")


def is_ilo_reference(text: str) -> bool:
    """Whether a source or note is one of ILO's codes rather than words.

    The code layout writes sources and notes as references into ILOSTAT's
    dictionaries, which a reader cannot look up from the file alone.
    """
    return bool(ILO_REFERENCE.match(text))


def age_item(code: str) -> str:
    """`YGE15` -> `15+`, `Y15-24` -> `15-24`, `Y05-09` -> `5-9`, `TOTAL` -> `Total`."""
    for pattern, template in AGE_CODE_ITEM:
        match = pattern.match(code)
        if match:
            return template.format(*(str(int(group)) for group in match.groups()))
    return code


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, at a line counted as a person counts them."""

    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Line %(line)s: %(message)s") % {
            "line": self.line,
            "message": self.message,
        }


class IndicatorFileError(ValueError):
    """A file that cannot be imported; `problems` holds the first few reasons."""

    def __init__(self, problems: list[Problem], *, total: int | None = None):
        self.problems = problems[:MAX_PROBLEMS]
        self.total = max(total or 0, len(problems))
        super().__init__(self.message)

    @property
    def message(self) -> str:
        lines = [str(problem) for problem in self.problems]
        if self.total > len(self.problems):
            lines.append(
                _("… and %(count)s more problems.")
                % {"count": self.total - len(self.problems)}
            )
        return "\n".join(lines)


class Row(NamedTuple):
    """One checked data row, before it becomes an observation."""

    line: int
    area: str
    year: int
    sex: str
    age_group: str
    classif1: str
    classif2: str
    source: str
    value: Decimal | None
    status: str
    note_indicator: str
    note_source: str
    note_classif: str


@dataclass
class AreaInfo:
    name: str
    kind: str
    iso3: str | None


@dataclass
class ParsedFile:
    """What a checked file holds: its indicator, areas and rows."""

    filename: str
    sha256: str
    layout: str
    code: str | None
    name: str
    unit: str
    age_name: str = ""
    classif1_name: str = ""
    classif2_name: str = ""
    row_count: int = 0
    duplicates: int = 0
    areas: dict[str, AreaInfo] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)

    def items(self, column: str) -> list[str]:
        return sorted({getattr(row, column) for row in self.rows} - {""})


class _Stop(Exception):
    """A problem after which no further line can be read sensibly."""

    def __init__(self, problem: Problem):
        self.problem = problem


@dataclass
class Layout:
    """How one of ILO's file layouts names its columns and spells its values."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    area: str
    source: str
    indicator: str
    sex: str
    year: str
    value: str
    status: str
    note_indicator: str
    note_source: str
    note_classif: str
    classif_columns: Callable[[list[str]], list[str]]
    split_classif: Callable[[str], tuple[str, str, bool]]


def _split_label_classif(label: str) -> tuple[str, str, bool]:
    """`Age (Youth, adults): 15-24` -> name, item, and whether it is an age."""
    name, separator, item = label.partition(": ")
    if not separator or not name or not item:
        raise ValueError(
            _("the classification %(label)s is not written as “Name: item”.")
            % {"label": _quoted(label)}
        )
    return name, item, name == "Age" or name.startswith("Age (")


def _split_code_classif(code: str) -> tuple[str, str, bool]:
    """`AGE_YTHADULT_Y15-24` -> `Age (Youth, adults)`, `15-24`, True."""
    parts = code.split("_", 2)
    if len(parts) < 3:
        raise ValueError(
            _("the classification code %(code)s is not written as “TYPE_NAME_ITEM”.")
            % {"code": _quoted(code)}
        )
    name, item = "_".join(parts[:2]), parts[2]
    is_age = parts[0] == "AGE"
    if is_age:
        name, item = AGE_SCHEMES.get(name, name), age_item(item)
    return name, item, is_age


LABEL_LAYOUT = Layout(
    name="label",
    required=(
        "ref_area.label",
        "source.label",
        "indicator.label",
        "sex.label",
        "time",
        "obs_value",
    ),
    optional=(
        "classif1.label",
        "classif2.label",
        "obs_status.label",
        "note_classif.label",
        "note_indicator.label",
        "note_source.label",
    ),
    area="ref_area.label",
    source="source.label",
    indicator="indicator.label",
    sex="sex.label",
    year="time",
    value="obs_value",
    status="obs_status.label",
    note_indicator="note_indicator.label",
    note_source="note_source.label",
    note_classif="note_classif.label",
    classif_columns=lambda header: [
        column for column in ("classif1.label", "classif2.label") if column in header
    ],
    split_classif=_split_label_classif,
)

CODE_LAYOUT = Layout(
    name="code",
    required=("ref_area", "source", "indicator", "sex", "time", "obs_value"),
    optional=(
        "classif1",
        "classif2",
        "obs_status",
        "note_classif",
        "note_indicator",
        "note_source",
    ),
    area="ref_area",
    source="source",
    indicator="indicator",
    sex="sex",
    year="time",
    value="obs_value",
    status="obs_status",
    note_indicator="note_indicator",
    note_source="note_source",
    note_classif="note_classif",
    classif_columns=lambda header: [
        column for column in ("classif1", "classif2") if column in header
    ],
    split_classif=_split_code_classif,
)

SDMX_KNOWN = (
    "DATAFLOW",
    "REF_AREA",
    "FREQ",
    "MEASURE",
    "SEX",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_STATUS",
    "UNIT_MEASURE_TYPE",
    "UNIT_MEASURE",
    "UNIT_MULT",
    "SOURCE",
    "NOTE_SOURCE",
    "NOTE_INDICATOR",
    "NOTE_CLASSIF",
    "DECIMALS",
    "UPPER_BOUND",
    "LOWER_BOUND",
)


def _sdmx_classif_columns(header: list[str]) -> list[str]:
    """Every dimension the standard columns leave over: AGE, ECO, INS..."""
    return [column for column in header if column not in SDMX_KNOWN]


def _split_sdmx_classif(code: str) -> tuple[str, str, bool]:
    return _split_code_classif(code)


SDMX_LAYOUT = Layout(
    name="sdmx-csv",
    required=("DATAFLOW", "REF_AREA", "SEX", "TIME_PERIOD", "OBS_VALUE"),
    optional=SDMX_KNOWN,
    area="REF_AREA",
    source="SOURCE",
    indicator="DATAFLOW",
    sex="SEX",
    year="TIME_PERIOD",
    value="OBS_VALUE",
    status="OBS_STATUS",
    note_indicator="NOTE_INDICATOR",
    note_source="NOTE_SOURCE",
    note_classif="NOTE_CLASSIF",
    classif_columns=_sdmx_classif_columns,
    split_classif=_split_sdmx_classif,
)


def _quoted(text: str, limit: int = 60) -> str:
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "“%s”" % text


def _choose_layout(header: list[str]) -> Layout:
    if "ref_area.label" in header:
        return LABEL_LAYOUT
    if "DATAFLOW" in header and "REF_AREA" in header:
        return SDMX_LAYOUT
    if "ref_area" in header:
        return CODE_LAYOUT
    raise _Stop(
        Problem(
            1,
            _(
                "the columns are not those of an ILOSTAT file: the first line "
                "must name columns such as ref_area.label, sex.label, time and "
                "obs_value."
            ),
        )
    )


def _check_header(header: list[str], layout: Layout) -> None:
    missing = [column for column in layout.required if column not in header]
    if missing:
        raise _Stop(
            Problem(
                1,
                _("required columns are missing: %(columns)s.")
                % {"columns": ", ".join(missing)},
            )
        )
    if layout is not SDMX_LAYOUT:
        allowed = set(layout.required) | set(layout.optional)
        unknown = [column for column in header if column not in allowed]
        if unknown:
            raise _Stop(
                Problem(
                    1,
                    _("unknown columns: %(columns)s.")
                    % {"columns": ", ".join(_quoted(c) for c in unknown)},
                )
            )
    repeated = sorted({column for column in header if header.count(column) > 1})
    if repeated:
        raise _Stop(
            Problem(
                1,
                _("columns named twice: %(columns)s.")
                % {"columns": ", ".join(repeated)},
            )
        )
    if len(layout.classif_columns(header)) > 2:
        raise _Stop(
            Problem(1, _("the file has more than two classifications besides sex."))
        )


def _decoded_lines(stream: Iterable[bytes], digest) -> Iterator[str]:
    """The file's lines as text, hashing the bytes on the way."""
    for number, raw in enumerate(stream, start=1):
        digest.update(raw)
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _Stop(
                Problem(
                    number,
                    _(
                        "the file is not UTF-8 text (byte %(byte)s at position "
                        "%(position)s). Save it as UTF-8 CSV and try again."
                    )
                    % {
                        "byte": "0x%02X" % raw[error.start],
                        "position": error.start + 1,
                    },
                )
            ) from error


@cache
def _country_codes() -> dict[str, str]:
    from django_countries import countries

    with override("en"):
        return {str(name).casefold(): code for code, name in countries}


@cache
def _iso3_for_name(name: str) -> str | None:
    from django_countries import countries

    alpha2 = _country_codes().get(name.casefold()) or countries.by_name(
        name, language="en"
    )
    return countries.alpha3(alpha2) or None if alpha2 else None


@cache
def _area_for_code(code: str) -> AreaInfo:
    from django_countries import countries

    if re.fullmatch(r"X\d\d", code):
        return AreaInfo(AGGREGATE_CODES.get(code, code), "aggregate", code)
    with override("en"):
        name = countries.name(code)
    return AreaInfo(str(name) or code, "country", code)


def _area_for_name(name: str) -> AreaInfo:
    if name in AGGREGATE_NAMES:
        return AreaInfo(name, "aggregate", None)
    return AreaInfo(name, "country", _iso3_for_name(name))


def _unit_from_label(label: str) -> str:
    match = UNIT_IN_LABEL.search(label)
    return match.group(1).strip() if match else ""


def _indicator_code(layout: Layout, filename: str, first_value: str, freq: str) -> str:
    from_name = CODE_IN_NAME.match(PurePath(filename).name)
    if layout is LABEL_LAYOUT:
        return from_name.group(1) if from_name else ""
    if layout is SDMX_LAYOUT:
        match = DATAFLOW.match(first_value)
        base = match.group(1) if match else first_value
        return "%s_%s" % (base, freq) if freq else base
    if from_name and from_name.group(1).startswith(first_value):
        return from_name.group(1)
    return first_value


def read_file(stream: IO[bytes] | Iterable[bytes], *, filename: str) -> ParsedFile:
    """Check every row of an ILOSTAT file and return its contents.

    Raises `IndicatorFileError` with up to ten problems, each with its line
    number (the header is line 1), if any row is unfit; nothing is returned
    then, so nothing can be half-imported.
    """
    digest = hashlib.sha256()
    problems: list[Problem] = []
    total_problems = 0

    def complain(line: int | None, message: str) -> None:
        nonlocal total_problems
        total_problems += 1
        if len(problems) < MAX_PROBLEMS:
            problems.append(Problem(line, message))

    try:
        parsed = _read_rows(_decoded_lines(stream, digest), filename, complain)
    except _Stop as stop:
        complain(stop.problem.line, stop.problem.message)
        raise IndicatorFileError(problems, total=total_problems) from None
    except csv.Error as error:
        complain(None, _("the file is not valid CSV: %(error)s") % {"error": error})
        raise IndicatorFileError(problems, total=total_problems) from None
    if problems:
        raise IndicatorFileError(problems, total=total_problems)
    parsed.sha256 = digest.hexdigest()
    return parsed


def _read_rows(
    lines: Iterator[str], filename: str, complain: Callable[[int | None, str], None]
) -> ParsedFile:
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise _Stop(Problem(None, _("The file is empty.")))
    header = [column.strip() for column in header]
    layout = _choose_layout(header)
    _check_header(header, layout)

    position = {column: index for index, column in enumerate(header)}
    width = len(header)

    def column(name: str) -> int | None:
        return position.get(name)

    area_at = position[layout.area]
    indicator_at = position[layout.indicator]
    sex_at = position[layout.sex]
    year_at = position[layout.year]
    value_at = position[layout.value]
    source_at = column(layout.source)
    status_at = column(layout.status)
    note_indicator_at = column(layout.note_indicator)
    note_source_at = column(layout.note_source)
    note_classif_at = column(layout.note_classif)
    freq_at = column("FREQ") if layout is SDMX_LAYOUT else None
    classif_at = [position[name] for name in layout.classif_columns(header)]

    # Per classification column: is it the age, and which names appear in it.
    classif_is_age: list[bool | None] = [None] * len(classif_at)
    classif_names: list[set[str]] = [set() for _column in classif_at]
    currency_items: set[str] = set()

    parsed = ParsedFile(
        filename=filename, sha256="", layout=layout.name, code=None, name="", unit=""
    )
    indicator_value: str | None = None
    freq = ""
    other_indicators: set[str] = set()
    seen: dict[int, int] = {}
    interned: dict[str, str] = {}
    failed = False
    line = 1

    def keep(text: str) -> str:
        return interned.setdefault(text, text)

    def optional(cells: list[str], at: int | None) -> str:
        return keep(cells[at].strip()) if at is not None else ""

    for cells in reader:
        start = line + 1
        line = reader.line_num
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue
        parsed.row_count += 1
        if len(cells) != width:
            complain(
                start,
                _("%(found)s fields where the header has %(expected)s.")
                % {"found": len(cells), "expected": width},
            )
            failed = True
            continue
        row_problems: list[str] = []

        indicator = cells[indicator_at].strip()
        if indicator_value is None:
            indicator_value = indicator
            freq = cells[freq_at].strip() if freq_at is not None else ""
        elif indicator != indicator_value and indicator not in other_indicators:
            other_indicators.add(indicator)
            row_problems.append(
                _(
                    "a second indicator, %(other)s, after %(first)s; a file must "
                    "hold one indicator only."
                )
                % {"other": _quoted(indicator), "first": _quoted(indicator_value)}
            )

        area_text = cells[area_at].strip()
        if not area_text:
            row_problems.append(_("the area (ref_area) is empty."))

        sex_text = cells[sex_at].strip()
        sex_key = sex_text.removeprefix("Sex: ").strip().casefold()
        sex = SEXES.get(sex_key, "")
        if not sex:
            row_problems.append(
                _("unknown sex %(value)s; expected Total, Female, Male or Other.")
                % {"value": _quoted(sex_text)}
            )

        year_text = cells[year_at].strip()
        year = int(year_text) if YEAR.match(year_text) else None
        if year is None:
            row_problems.append(
                _("the year %(value)s is not a whole year such as 2021.")
                % {"value": _quoted(year_text)}
            )

        value_text = cells[value_at].strip()
        value: Decimal | None = None
        if value_text:
            if NUMBER.match(value_text):
                try:
                    value = Decimal(value_text)
                except InvalidOperation:
                    value = None
            if value is None:
                row_problems.append(
                    _(
                        "the value %(value)s is not a number (write it like "
                        "1234.5, with a point and no thousands separator)."
                    )
                    % {"value": _quoted(value_text)}
                )

        age_group = ""
        items: list[str] = []
        for index, at in enumerate(classif_at):
            label = cells[at].strip()
            if not label:
                items.append("")
                continue
            try:
                name, item, is_age = layout.split_classif(label)
            except ValueError as error:
                row_problems.append(str(error))
                continue
            if classif_is_age[index] is None:
                classif_is_age[index] = is_age
            elif classif_is_age[index] != is_age:
                row_problems.append(
                    _("%(label)s mixes an age group with another classification.")
                    % {"label": _quoted(label)}
                )
                continue
            classif_names[index].add(keep(name))
            if is_age:
                age_group = keep(item)
            else:
                # Items keep their full label until the end of the file shows
                # whether the column holds one classification or several.
                items.append(keep(label))
                if name == "Currency":
                    currency_items.add(item)

        if row_problems:
            for message in row_problems:
                complain(start, message)
            failed = True
            continue
        if failed:
            # Keep checking, but stop collecting rows that will not be stored.
            continue

        if area_text not in parsed.areas:
            parsed.areas[area_text] = (
                _area_for_name(area_text)
                if layout is LABEL_LAYOUT
                else _area_for_code(area_text)
            )
        items += [""] * (2 - len(items))
        status = optional(cells, status_at)
        row = Row(
            line=start,
            area=keep(area_text),
            year=year,
            sex=sex,
            age_group=age_group,
            classif1=items[0],
            classif2=items[1],
            source=optional(cells, source_at),
            value=value,
            status=keep(STATUSES.get(status, status)),
            note_indicator=optional(cells, note_indicator_at),
            note_source=optional(cells, note_source_at),
            note_classif=optional(cells, note_classif_at),
        )
        # Rows are found again by the hash of their key and compared in full,
        # which spares holding a second copy of every key.
        key = hash(_key(row))
        earlier = parsed.rows[seen[key]] if key in seen else None
        if earlier is not None and _key(earlier) == _key(row):
            # ILO repeats a group under several age bandings (10-year bands,
            # aggregate bands): the same figure twice is one observation.
            if earlier.value == value:
                parsed.duplicates += 1
                continue
            complain(
                start,
                _(
                    "this row repeats line %(line)s (same area, year, sex, "
                    "groups and source) with another value."
                )
                % {"line": earlier.line},
            )
            failed = True
            continue
        seen.setdefault(key, len(parsed.rows))
        parsed.rows.append(row)

    if parsed.row_count == 0:
        raise _Stop(Problem(None, _("The file has a header but no data rows.")))
    if failed:
        return parsed

    parsed.code = _indicator_code(layout, filename, indicator_value or "", freq) or None
    if layout is LABEL_LAYOUT:
        parsed.name = indicator_value or ""
        parsed.unit = _unit_from_label(parsed.name)
    else:
        parsed.name = parsed.code or ""
        parsed.unit = "%" if "_RT" in (parsed.code or "") else ""
    if not parsed.unit and len(currency_items) == 1:
        parsed.unit = next(iter(currency_items))

    other_names: list[str] = []
    strip_prefix: list[bool] = []
    for index, is_age in enumerate(classif_is_age):
        names = sorted(classif_names[index])
        if is_age:
            parsed.age_name = "; ".join(names)
        else:
            other_names.append("; ".join(names))
            strip_prefix.append(len(names) == 1)
    other_names += [""] * (2 - len(other_names))
    strip_prefix += [False] * (2 - len(strip_prefix))
    parsed.classif1_name, parsed.classif2_name = other_names[0], other_names[1]
    seen.clear()
    if any(strip_prefix):
        # In place, so that the file's rows are never held twice.
        rows = parsed.rows
        for index, row in enumerate(rows):
            rows[index] = _strip_items(
                row, strip_prefix, layout.split_classif, interned
            )
    return parsed


def _key(row: Row) -> tuple:
    """What makes an observation one: everything but its value and notes."""
    return (
        row.area,
        row.year,
        row.sex,
        row.age_group,
        row.classif1,
        row.classif2,
        row.source,
    )


def _strip_items(
    row: Row,
    strip: list[bool],
    split: Callable[[str], tuple[str, str, bool]],
    interned: dict[str, str],
) -> Row:
    """The item alone (`Public`), once its column is known to hold one name."""
    classif1, classif2 = row.classif1, row.classif2
    if strip[0] and classif1:
        item = split(classif1)[1]
        classif1 = interned.setdefault(item, item)
    if strip[1] and classif2:
        item = split(classif2)[1]
        classif2 = interned.setdefault(item, item)
    return row._replace(classif1=classif1, classif2=classif2)
