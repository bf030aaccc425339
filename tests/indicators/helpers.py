"""Small ILOSTAT files written for tests, and the real files' whereabouts."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import ImportRun
from indicators.services import indicator_import

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "ilostat"

LABEL_HEADER = [
    "ref_area.label",
    "source.label",
    "indicator.label",
    "sex.label",
    "time",
    "obs_value",
    "obs_status.label",
    "note_indicator.label",
    "note_source.label",
]
CLASSIF_HEADER = LABEL_HEADER[:4] + ["classif1.label"] + LABEL_HEADER[4:]
RATE = "Informal employment rate by sex (%)"
SOURCE = "LFS - Labour Force Survey"


def csv_bytes(rows: Iterable[list[str]], header=LABEL_HEADER, bom=True) -> bytes:
    """A file written the way ILOSTAT writes them: BOM, quoted, LF."""
    text = io.StringIO()
    writer = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = text.getvalue().encode()
    return (b"\xef\xbb\xbf" + data) if bom else data


def rate_rows(
    areas: Iterable[str] = ("Kenya",),
    years: Iterable[int] = (2020, 2021),
    *,
    base: float = 40.0,
) -> list[list[str]]:
    """Women, men and total rows for each area and year, values all different."""
    rows = []
    for a, area in enumerate(areas):
        for y, year in enumerate(years):
            for s, sex in enumerate(("Sex: Total", "Sex: Male", "Sex: Female")):
                value = "%.3f" % (base + a + y * 0.5 + s * 0.125)
                rows.append([area, SOURCE, RATE, sex, str(year), value, "", "", ""])
    return rows


def import_bytes(data: bytes, filename="EMP_NIFL_SEX_RT_A.csv", user=None) -> ImportRun:
    return indicator_import(file=io.BytesIO(data), filename=filename, imported_by=user)


def upload(data: bytes, name="EMP_NIFL_SEX_RT_A.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def read_real(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))
