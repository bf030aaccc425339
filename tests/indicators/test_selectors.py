"""The latest figures of an indicator, as the meeting reports use them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from indicators.models import Area
from indicators.selectors import indicator_areas, indicator_latest_values
from tests.indicators.helpers import (
    CLASSIF_HEADER,
    SOURCE,
    csv_bytes,
    import_bytes,
    rate_rows,
)

pytestmark = pytest.mark.django_db


def values(rows, area, year) -> dict[str, Decimal]:
    return {
        row[3].removeprefix("Sex: "): Decimal(row[-4])
        for row in rows
        if row[0] == area and row[-5] == str(year)
    }


def test_each_area_gets_its_own_latest_year():
    rows = rate_rows(areas=("Kenya",), years=(2019, 2021)) + rate_rows(
        areas=("Ghana",), years=(2018, 2020)
    )
    run = import_bytes(csv_bytes(rows))

    latest = indicator_latest_values(indicator=run.indicator)

    assert [(entry.area.name, entry.year) for entry in latest] == [
        ("Ghana", 2020),
        ("Kenya", 2021),
    ]
    kenya = values(rows, "Kenya", 2021)
    assert (latest[1].women, latest[1].men, latest[1].total) == (
        kenya["Female"],
        kenya["Male"],
        kenya["Total"],
    )
    assert latest[1].gap == kenya["Male"] - kenya["Female"]


def test_a_year_with_no_value_at_all_is_not_the_latest():
    rows = rate_rows(years=(2020, 2021))
    for row in rows:
        if row[4] == "2021":
            row[5] = ""
    run = import_bytes(csv_bytes(rows))

    (latest,) = indicator_latest_values(indicator=run.indicator)

    assert latest.year == 2020


def test_only_the_chosen_areas_are_returned_in_one_query(django_assert_num_queries):
    run = import_bytes(csv_bytes(rate_rows(areas=("Kenya", "Ghana", "Chad"))))
    chosen = [Area.objects.get(name="Chad").pk, Area.objects.get(name="Kenya").pk]

    with django_assert_num_queries(1):
        latest = indicator_latest_values(indicator=run.indicator, areas=chosen)

    assert [entry.area.name for entry in latest] == ["Chad", "Kenya"]


def test_the_default_classification_item_is_the_total():
    rows = [
        ["Kenya", SOURCE, "Employment by sector (thousands)", sex,
         "Institutional sector: %s" % item, "2021", value, "", "", ""]
        for sex, item, value in (
            ("Sex: Female", "Public", "10"),
            ("Sex: Female", "Total", "30"),
            ("Sex: Male", "Public", "20"),
            ("Sex: Male", "Total", "50"),
        )
    ]  # fmt: skip
    run = import_bytes(
        csv_bytes(rows, header=CLASSIF_HEADER), filename="EMP_TEMP_SEX_INS_NB_A.csv"
    )

    (latest,) = indicator_latest_values(indicator=run.indicator)

    assert (latest.women, latest.men, latest.total) == (
        Decimal(30),
        Decimal(50),
        None,
    )


ACCENTED = ("Czechia", "Türkiye", "Côte d'Ivoire", "Tuvalu", "Costa Rica")
IN_ORDER = ["Costa Rica", "Côte d'Ivoire", "Czechia", "Türkiye", "Tuvalu"]


def test_areas_are_listed_in_alphabetical_order_accents_aside():
    run = import_bytes(csv_bytes(rate_rows(areas=ACCENTED)))

    areas = indicator_areas(indicator=run.indicator)

    assert [area.name for area in areas] == IN_ORDER


def test_the_latest_figures_follow_the_same_order():
    run = import_bytes(csv_bytes(rate_rows(areas=ACCENTED)))

    latest = indicator_latest_values(indicator=run.indicator)

    assert [entry.area.name for entry in latest] == IN_ORDER
