"""The three real ILOSTAT files, imported once for this module.

Importing 25,000 rows takes seconds, so the files are imported once, outside
the per-test transactions, and removed when the module is done.
"""

from __future__ import annotations

import io
import random
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.urls import reverse

from indicators import demo
from indicators.models import Area, ImportRun, Indicator, Observation, Sex
from indicators.selectors import indicator_latest_values
from indicators.services import indicator_import
from tests.indicators.helpers import DATA_DIR, read_real

FILES = {
    "EMP_NIFL_SEX_RT_A.csv": 3559,
    "EMP_TEMP_SEX_INS_NB_A.csv": 15839,
    "EAR_4MTH_SEX_GEO_CUR_NB_A.csv": 6234,
}
SEXES = {"Total": Sex.TOTAL, "Male": Sex.MALE, "Female": Sex.FEMALE, "Other": Sex.OTHER}


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        runs = {}
        for name in FILES:
            with (DATA_DIR / name).open("rb") as file:
                runs[name] = indicator_import(
                    file=file, filename=name, imported_by=None
                )
        yield runs
        ImportRun.objects.all().delete()
        Observation.objects.all().delete()
        Indicator.objects.all().delete()
        Area.objects.all().delete()


def sex_of(label: str) -> str:
    return SEXES[label.removeprefix("Sex: ")]


def stored(indicator: Indicator, row: dict[str, str]) -> Observation:
    return Observation.objects.get(
        indicator=indicator,
        area__name=row["ref_area.label"],
        year=int(row["time"]),
        sex=sex_of(row["sex.label"]),
        classif1=row.get("classif1.label", "").partition(": ")[2],
        classif2=row.get("classif2.label", "").partition(": ")[2],
        source=row["source.label"],
    )


@pytest.mark.parametrize("name", FILES)
def test_every_data_row_of_a_real_file_becomes_one_observation(db, imported, name):
    rows = read_real(name)

    run = imported[name]

    assert run.row_count == len(rows) == FILES[name]
    assert Observation.objects.filter(indicator=run.indicator).count() == len(rows)
    assert run.indicator.area_count == len({row["ref_area.label"] for row in rows})


@pytest.mark.parametrize("name", FILES)
def test_empty_values_in_a_real_file_are_stored_as_null(db, imported, name):
    empty = [row for row in read_real(name) if row["obs_value"] == ""]

    nulls = Observation.objects.filter(
        indicator=imported[name].indicator, value__isnull=True
    )

    assert nulls.count() == len(empty)
    for row in empty:
        assert stored(imported[name].indicator, row).value is None


@pytest.mark.parametrize("name", FILES)
def test_sampled_rows_are_stored_exactly_as_the_file_writes_them(db, imported, name):
    rows = read_real(name)
    sample = random.Random(name).sample(rows, 3)

    observations = [stored(imported[name].indicator, row) for row in sample]

    for row, observation in zip(sample, observations, strict=True):
        expected = Decimal(row["obs_value"]) if row["obs_value"] else None
        assert observation.value == expected
        assert observation.status == row["obs_status.label"]
        assert observation.note_indicator == row["note_indicator.label"]
        assert observation.note_source == row["note_source.label"]


@pytest.mark.parametrize("name", FILES)
def test_both_spellings_of_sex_and_other_are_read(db, imported, name):
    rows = read_real(name)
    counts = {sex: 0 for sex in Sex.values}
    for row in rows:
        counts[sex_of(row["sex.label"])] += 1

    stored_counts = {
        sex: Observation.objects.filter(
            indicator=imported[name].indicator, sex=sex
        ).count()
        for sex in Sex.values
    }

    assert stored_counts == counts
    assert counts[Sex.OTHER] > 0


def test_the_indicator_keeps_its_unit_and_classification_names(db, imported):
    employment = imported["EMP_TEMP_SEX_INS_NB_A.csv"].indicator
    earnings = imported["EAR_4MTH_SEX_GEO_CUR_NB_A.csv"].indicator
    rate = imported["EMP_NIFL_SEX_RT_A.csv"].indicator

    assert (rate.code, rate.unit, rate.classif1_name) == ("EMP_NIFL_SEX_RT_A", "%", "")
    assert (employment.unit, employment.classif1_name) == (
        "thousands",
        "Institutional sector",
    )
    assert "Public" in employment.classif1_items
    assert (earnings.classif1_name, earnings.classif2_name) == ("Area type", "Currency")
    assert earnings.unit == "2021 PPP $"


def test_importing_a_real_file_again_adds_no_observation(db, imported):
    before = Observation.objects.count()

    with (DATA_DIR / "EMP_NIFL_SEX_RT_A.csv").open("rb") as file:
        run = indicator_import(
            file=file, filename="EMP_NIFL_SEX_RT_A.csv", imported_by=None
        )

    assert Observation.objects.count() == before
    assert run.sha256 == imported["EMP_NIFL_SEX_RT_A.csv"].sha256


def to_one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def test_detail_shows_women_men_and_total_from_the_file_to_one_decimal(
    client, imported
):
    rows = [
        row
        for row in read_real("EMP_TEMP_SEX_INS_NB_A.csv")
        if row["ref_area.label"] == "Kenya"
        and row["classif1.label"] == "Institutional sector: Public"
    ]
    year = max(int(row["time"]) for row in rows)
    expected = {
        sex_of(row["sex.label"]): Decimal(row["obs_value"])
        for row in rows
        if int(row["time"]) == year
    }
    kenya = Area.objects.get(name="Kenya")
    url = reverse("indicators:detail", args=["EMP_TEMP_SEX_INS_NB_A"])

    response = client.get(url, {"area": kenya.pk, "classif1": "Public"})

    assert response.status_code == 200
    html = response.content.decode()
    row_html = re.search(r'<th scope="row">%d\b.*?</th>(.*?)</tr>' % year, html, re.S)
    cells = re.findall(r'<td class="num">([-\d.,]+)', row_html.group(1))
    women, men, total, gap = (Decimal(cell.replace(",", "")) for cell in cells)
    assert (women, men, total) == (
        to_one_decimal(expected[Sex.FEMALE]),
        to_one_decimal(expected[Sex.MALE]),
        to_one_decimal(expected[Sex.TOTAL]),
    )
    assert gap == to_one_decimal(expected[Sex.MALE] - expected[Sex.FEMALE])
    assert "Source: ILOSTAT" in html


def test_detail_marks_a_break_in_series_with_a_note(client, imported):
    row = next(
        row
        for row in read_real("EMP_NIFL_SEX_RT_A.csv")
        if row["obs_status.label"] == "Break in series"
    )
    area = Area.objects.get(name=row["ref_area.label"])
    url = reverse("indicators:detail", args=["EMP_NIFL_SEX_RT_A"])

    response = client.get(url, {"area": area.pk})

    html = response.content.decode()
    number = re.search(r'<li id="note-(\d+)" value="\d+">Break in series</li>', html)
    assert number is not None
    assert 'href="#note-%s"' % number.group(1) in html


def test_every_real_chart_is_small_svg_text(client, imported):
    url = reverse("indicators:chart", args=["EMP_TEMP_SEX_INS_NB_A"])
    canada = Area.objects.get(name="Canada")

    response = client.get(url, {"area": canada.pk, "classif1": "Total"})

    assert response["Content-Type"].startswith("image/svg+xml")
    assert len(response.content) <= 10 * 1024
    assert b"<text" in response.content
    assert b"<path" in response.content


def test_latest_values_give_each_area_its_latest_year(
    db, imported, django_assert_num_queries
):
    rows = [
        row
        for row in read_real("EMP_NIFL_SEX_RT_A.csv")
        if row["ref_area.label"] in ("Brazil", "India") and row["obs_value"]
    ]
    indicator = imported["EMP_NIFL_SEX_RT_A.csv"].indicator
    areas = Area.objects.filter(name__in=["Brazil", "India"])

    with django_assert_num_queries(1):
        latest = indicator_latest_values(indicator=indicator, areas=areas)

    assert [entry.area.name for entry in latest] == ["Brazil", "India"]
    for entry in latest:
        area_rows = [row for row in rows if row["ref_area.label"] == entry.area.name]
        year = max(int(row["time"]) for row in area_rows)
        values = {
            sex_of(row["sex.label"]): Decimal(row["obs_value"])
            for row in area_rows
            if int(row["time"]) == year
        }
        assert entry.year == year
        assert (entry.women, entry.men, entry.total) == (
            values[Sex.FEMALE],
            values[Sex.MALE],
            values[Sex.TOTAL],
        )


def test_the_demo_skips_files_already_imported(db, imported):
    output = io.StringIO()
    runs = ImportRun.objects.count()

    demo.load(stdout=output)

    # The three real files were imported by the fixture; only the sex-by-age
    # excerpt is new.
    assert ImportRun.objects.count() == runs + 1
    assert output.getvalue().count("already imported") == 3
    assert "15,839 rows" in output.getvalue()
    assert "UNE_DEAP_SEX_AGE_RT_A" in output.getvalue()
