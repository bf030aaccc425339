"""Writes for indicators: importing ILOSTAT files."""

from __future__ import annotations

import logging
import time
from itertools import islice
from typing import IO

from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils.translation import gettext as _

from indicators.importers.ilostat import (
    IndicatorFileError,
    ParsedFile,
    Problem,
    read_file,
)
from indicators.models import (
    OBSERVATION_KEY,
    Area,
    ImportRun,
    Indicator,
    Observation,
)
from portal.models import User

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
OBSERVATION_UPDATED = [
    "value",
    "status",
    "note_indicator",
    "note_source",
    "note_classif",
]


def indicator_import(
    *, file: IO[bytes], filename: str, imported_by: User | None = None
) -> ImportRun:
    """Import one ILOSTAT file (label, code or SDMX-CSV layout) in one transaction.

    Every row is checked before anything is written; a bad file raises
    `IndicatorFileError` and stores nothing. Importing a file again updates
    the values, statuses and notes of the observations it repeats, and adds
    the rest; observations missing from the new file are kept.

    Locks the indicator's row, so two imports of one indicator run one after
    the other. Sends nothing.
    """
    started = time.perf_counter()
    parsed = read_file(file, filename=filename)
    read_seconds = time.perf_counter() - started

    with transaction.atomic():
        indicator = _indicator_for(parsed)
        area_ids = _area_ids_for(parsed)
        before = indicator.observation_count
        for batch in _batched(parsed.rows, BATCH_SIZE):
            Observation.objects.bulk_create(
                [
                    Observation(
                        indicator=indicator,
                        area_id=area_ids[row.area],
                        year=row.year,
                        sex=row.sex,
                        age_group=row.age_group,
                        classif1=row.classif1,
                        classif2=row.classif2,
                        source=row.source,
                        value=row.value,
                        status=row.status,
                        note_indicator=row.note_indicator,
                        note_source=row.note_source,
                        note_classif=row.note_classif,
                    )
                    for row in batch
                ],
                update_conflicts=True,
                unique_fields=OBSERVATION_KEY,
                update_fields=OBSERVATION_UPDATED,
            )
        _summarise(indicator)
        run = ImportRun.objects.create(
            indicator=indicator,
            file_name=filename[:255],
            sha256=parsed.sha256,
            row_count=parsed.row_count,
            new_count=indicator.observation_count - before,
            duplicate_count=parsed.duplicates,
            imported_by=imported_by,
        )

    seconds = time.perf_counter() - started
    logger.info(
        "Imported %s into indicator %s: %d rows (%d new observations, "
        "%d repeated rows merged), import run %d by user %s, "
        "%.2f s (%.2f s reading), %.0f rows/s",
        filename,
        indicator.code,
        parsed.row_count,
        run.new_count,
        run.duplicate_count,
        run.pk,
        imported_by.pk if imported_by else "-",
        seconds,
        read_seconds,
        parsed.row_count / seconds if seconds else 0,
    )
    return run


@transaction.atomic
def indicator_describe(*, indicator: Indicator, name: str, unit: str = "") -> Indicator:
    """Give an indicator the name and unit that a code-only file cannot.

    ILO's code and SDMX layouts carry the indicator's code but not its label;
    a later import in the label layout replaces what is set here.
    """
    indicator.name = name[:300]
    indicator.unit = unit or indicator.unit
    indicator.save(update_fields=["name", "unit"])
    logger.info("Indicator %s described as %r", indicator.code, indicator.name)
    return indicator


def _batched(rows: list, size: int):
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _indicator_for(parsed: ParsedFile) -> Indicator:
    code = parsed.code
    if not code:
        known = Indicator.objects.filter(name=parsed.name).values_list(
            "code", flat=True
        )[:1]
        if not known:
            raise IndicatorFileError(
                [
                    Problem(
                        None,
                        _(
                            "the file name must start with the ILOSTAT indicator "
                            "code, as downloaded (for example "
                            "EMP_NIFL_SEX_RT_A.csv): the file itself holds only "
                            "the indicator's name, %(name)s."
                        )
                        % {"name": parsed.name},
                    )
                ]
            )
        code = known[0]

    indicator, created = Indicator.objects.select_for_update().get_or_create(
        code=code,
        defaults={"name": parsed.name[:300], "unit": parsed.unit},
    )
    indicator.publisher = "ILOSTAT"
    if parsed.layout == "label" or created:
        # Only the label layout spells the name and the classifications out.
        indicator.name = parsed.name[:300]
        indicator.unit = parsed.unit or indicator.unit
    indicator.age_name = parsed.age_name or indicator.age_name
    indicator.classif1_name = parsed.classif1_name or indicator.classif1_name
    indicator.classif2_name = parsed.classif2_name or indicator.classif2_name
    indicator.save()
    return indicator


def _area_ids_for(parsed: ParsedFile) -> dict[str, int]:
    """The id of each area the file names, creating the ones not yet known.

    An area with an ISO code is matched by its code first, then by its name,
    so that the code layout and the label layout share one Kenya.
    """
    infos = parsed.areas
    codes = {info.iso3 for info in infos.values() if info.iso3}
    names = {info.name for info in infos.values()}
    known = list(Area.objects.filter(iso3__in=codes)) + list(
        Area.objects.filter(name__in=names)
    )
    by_code = {area.iso3: area for area in known if area.iso3}
    by_name = {area.name: area for area in known}

    missing = []
    claimed = set(by_code)
    for info in infos.values():
        area = by_code.get(info.iso3) or by_name.get(info.name)
        if area is None:
            iso3 = info.iso3 if info.iso3 not in claimed else None
            claimed.add(iso3)
            missing.append(Area(name=info.name, kind=info.kind, iso3=iso3))
        elif info.iso3 and not area.iso3 and info.iso3 not in by_code:
            area.iso3 = info.iso3
            area.save(update_fields=["iso3"])
            by_code[info.iso3] = area
    if missing:
        # Another import may be creating the same areas at this moment:
        # skip what it wrote first, then read back what exists.
        Area.objects.bulk_create(missing, ignore_conflicts=True)
        created = Area.objects.filter(
            Q(name__in=[area.name for area in missing])
            | Q(iso3__in=[area.iso3 for area in missing if area.iso3])
        )
        for area in created:
            by_name[area.name] = area
            if area.iso3:
                by_code[area.iso3] = area

    return {
        key: (by_code.get(info.iso3) or by_name[info.name]).pk
        for key, info in infos.items()
    }


def _summarise(indicator: Indicator) -> None:
    """Refresh the counts, year range and items that pages show without a scan."""
    observations = Observation.objects.filter(indicator=indicator)
    summary = observations.aggregate(
        count=Count("id"),
        areas=Count("area", distinct=True),
        first=Min("year"),
        last=Max("year"),
    )
    dimensions = observations.values_list(
        "age_group", "classif1", "classif2"
    ).distinct()
    age_groups, classif1, classif2 = set(), set(), set()
    for age_group, item1, item2 in dimensions:
        age_groups.add(age_group)
        classif1.add(item1)
        classif2.add(item2)
    indicator.observation_count = summary["count"]
    indicator.area_count = summary["areas"]
    indicator.year_min = summary["first"]
    indicator.year_max = summary["last"]
    indicator.age_groups = _age_sorted(age_groups - {""})
    indicator.classif1_items = sorted(classif1 - {""})
    indicator.classif2_items = sorted(classif2 - {""})
    indicator.save(
        update_fields=[
            "observation_count",
            "area_count",
            "year_min",
            "year_max",
            "age_groups",
            "classif1_items",
            "classif2_items",
            "updated_at",
        ]
    )


def _age_sorted(groups: set[str]) -> list[str]:
    """Total first, then by lower bound: 15+, 15-24, 25+, 25-54."""

    def key(group: str) -> tuple[int, int, str]:
        digits = "".join(ch if ch.isdigit() else " " for ch in group).split()
        if not digits:
            return (0, 0, group)
        return (1, int(digits[0]), group)

    return sorted(groups, key=key)
