"""Demo content for indicators: the three real ILOSTAT files in data/ilostat/,
and ILO's excerpt of unemployment by sex and age, the one series with ages."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings

from indicators.models import ImportRun
from indicators.services import indicator_describe, indicator_import

DEMO_FILES = [
    "EMP_NIFL_SEX_RT_A.csv",
    "EMP_TEMP_SEX_INS_NB_A.csv",
    "EAR_4MTH_SEX_GEO_CUR_NB_A.csv",
    "fixtures/UNE_DEAP_SEX_AGE_RT_A-codes-excerpt.csv",
]
# The code layout names no indicator: its label, as ILOSTAT's catalogue gives it.
LABELS = {"UNE_DEAP_SEX_AGE_RT_A": ("Unemployment rate by sex and age (%)", "%")}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def load(*, stdout) -> None:
    """Import each demo file through the import service, once.

    A file whose exact bytes were imported before is skipped, so running
    this again changes nothing.
    """
    data_dir = Path(settings.BASE_DIR) / "data" / "ilostat"
    for name in DEMO_FILES:
        path = data_dir / name
        earlier = ImportRun.objects.filter(sha256=_sha256(path)).first()
        if earlier is not None:
            stdout.write(
                "Indicators: %s already imported (%s rows).\n"
                % (name, format(earlier.row_count, ","))
            )
            continue
        with path.open("rb") as file:
            run = indicator_import(file=file, filename=path.name, imported_by=None)
        if run.indicator.code in LABELS and run.indicator.name == run.indicator.code:
            name, unit = LABELS[run.indicator.code]
            indicator_describe(indicator=run.indicator, name=name, unit=unit)
        stdout.write(
            "Indicators: %s imported, %s rows into %s.\n"
            % (name, format(run.row_count, ","), run.indicator.code)
        )
