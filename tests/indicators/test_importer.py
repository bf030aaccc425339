"""The importer on small and broken files: all or nothing, with line numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from indicators.importers.ilostat import IndicatorFileError
from indicators.models import Area, ImportRun, Indicator, Observation, Sex
from tests.indicators.helpers import (
    CLASSIF_HEADER,
    DATA_DIR,
    LABEL_HEADER,
    RATE,
    SOURCE,
    csv_bytes,
    import_bytes,
    rate_rows,
)

pytestmark = pytest.mark.django_db


def nothing_stored() -> bool:
    return not (
        Observation.objects.exists()
        or ImportRun.objects.exists()
        or Indicator.objects.exists()
        or Area.objects.exists()
    )


def import_error(data: bytes, filename="EMP_NIFL_SEX_RT_A.csv") -> str:
    with pytest.raises(IndicatorFileError) as caught:
        import_bytes(data, filename=filename)
    return caught.value.message


def test_a_bad_row_in_the_middle_of_a_real_file_imports_nothing():
    lines = (DATA_DIR / "EMP_NIFL_SEX_RT_A.csv").read_bytes().split(b"\n")
    lines[1799] = lines[1799].replace(b'"Sex: Female"', b'"Sex: Unknown"')
    lines[1799] = lines[1799].replace(b'"Sex: Male"', b'"Sex: Unknown"')
    lines[1799] = lines[1799].replace(b'"Sex: Total"', b'"Sex: Unknown"')

    message = import_error(b"\n".join(lines))

    assert message.startswith("Line 1800: unknown sex “Sex: Unknown”")
    assert nothing_stored()


def test_a_value_that_is_not_a_number_is_named_with_its_line():
    rows = rate_rows(years=(2019, 2020, 2021))
    rows[4][5] = "12,5x"

    message = import_error(csv_bytes(rows))

    assert "Line 6: the value “12,5x” is not a number" in message
    assert nothing_stored()


@pytest.mark.parametrize(
    ("column", "bad", "complaint"),
    [
        (4, "2021Q1", "the year “2021Q1” is not a whole year"),
        (4, "", "the year “” is not a whole year"),
        (0, "", "the area (ref_area) is empty"),
        (3, "Sex: Unknown", "unknown sex “Sex: Unknown”"),
        (2, "Unemployment rate", "a second indicator, “Unemployment rate”"),
    ],
)
def test_each_kind_of_bad_row_is_refused(column, bad, complaint):
    rows = rate_rows(years=(2020, 2021))
    rows[3][column] = bad

    message = import_error(csv_bytes(rows))

    assert message.startswith("Line 5: ")
    assert complaint in message
    assert nothing_stored()


def test_a_row_with_a_field_too_many_is_refused():
    rows = rate_rows()
    rows[1].append("extra")

    message = import_error(csv_bytes(rows))

    assert "Line 3: 10 fields where the header has 9." in message
    assert nothing_stored()


def test_a_missing_required_column_is_named():
    header = [column for column in LABEL_HEADER if column != "time"]
    rows = [row[:4] + row[5:] for row in rate_rows()]

    message = import_error(csv_bytes(rows, header=header))

    assert message == "Line 1: required columns are missing: time."
    assert nothing_stored()


def test_columns_of_another_kind_of_file_are_refused():
    message = import_error(b"name,email\nAda,ada@example.org\n")

    assert message.startswith("Line 1: the columns are not those of an ILOSTAT file")
    assert nothing_stored()


def test_an_unknown_column_is_refused():
    header = [*LABEL_HEADER, "comment"]
    rows = [[*row, ""] for row in rate_rows()]

    message = import_error(csv_bytes(rows, header=header))

    assert message == "Line 1: unknown columns: “comment”."


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        (b"", "The file is empty."),
        (b"\xef\xbb\xbf", "The file is empty."),
        (csv_bytes([]), "The file has a header but no data rows."),
    ],
)
def test_an_empty_file_is_refused(data, complaint):
    message = import_error(data)

    assert message == complaint
    assert nothing_stored()


def test_bytes_that_are_not_utf8_are_named_with_their_line():
    rows = rate_rows(areas=("Kenya", "Côte d'Ivoire"))
    data = csv_bytes(rows, bom=False).decode().encode("cp1252")

    message = import_error(data)

    assert message.startswith("Line 8: the file is not UTF-8 text (byte 0xF4")
    assert nothing_stored()


def test_at_most_ten_problems_are_listed_and_the_rest_counted():
    rows = rate_rows(years=range(2000, 2010))
    for row in rows[:15]:
        row[5] = "n/a"

    with pytest.raises(IndicatorFileError) as caught:
        import_bytes(csv_bytes(rows))

    assert [problem.line for problem in caught.value.problems] == list(range(2, 12))
    assert caught.value.message.endswith("… and 5 more problems.")


def test_a_bad_file_leaves_earlier_figures_untouched():
    import_bytes(csv_bytes(rate_rows()))
    before = sorted(Observation.objects.values_list("id", "value"))
    rows = rate_rows(base=10)
    rows[-1][5] = "lots"

    import_error(csv_bytes(rows))

    assert sorted(Observation.objects.values_list("id", "value")) == before
    assert ImportRun.objects.count() == 1


def test_a_file_name_without_an_indicator_code_is_refused_for_a_new_indicator():
    message = import_error(csv_bytes(rate_rows()), filename="download.csv")

    assert "the file name must start with the ILOSTAT indicator code" in message
    assert nothing_stored()


def test_a_file_name_without_a_code_updates_the_indicator_of_that_name():
    import_bytes(csv_bytes(rate_rows()), filename="EMP_NIFL_SEX_RT_A-2024.csv")

    run = import_bytes(csv_bytes(rate_rows(base=50)), filename="download.csv")

    assert run.indicator.code == "EMP_NIFL_SEX_RT_A"
    assert Indicator.objects.count() == 1


def test_importing_the_same_file_twice_stores_each_figure_once():
    data = csv_bytes(rate_rows(areas=("Kenya", "Ghana"), years=(2020, 2021)))
    import_bytes(data)

    run = import_bytes(data)

    assert Observation.objects.count() == 12
    assert ImportRun.objects.count() == 2
    assert run.indicator.observation_count == 12


def test_a_corrected_file_updates_values_statuses_and_notes():
    rows = rate_rows()
    import_bytes(csv_bytes(rows))
    rows[0][5:9] = [
        "41.5",
        "Break in series",
        "Break in series: Methodology revised",
        "",
    ]

    import_bytes(csv_bytes(rows))

    observation = Observation.objects.get(year=2020, sex=Sex.TOTAL)
    assert observation.value == Decimal("41.5")
    assert observation.status == "Break in series"
    assert observation.note_indicator == "Break in series: Methodology revised"
    assert Observation.objects.count() == len(rows)


def test_an_empty_value_is_stored_as_null_with_its_status():
    rows = rate_rows()
    rows[2][5:7] = ["", "Unreliable"]

    import_bytes(csv_bytes(rows))

    observation = Observation.objects.get(year=2020, sex=Sex.FEMALE)
    assert observation.value is None
    assert observation.status == "Unreliable"


def test_sex_is_read_with_or_without_its_prefix_and_other_is_kept():
    rows = [
        ["Kenya", SOURCE, RATE, "Total", "2020", "10", "", "", ""],
        ["Kenya", SOURCE, RATE, "Sex: Female", "2020", "11", "", "", ""],
        ["Kenya", SOURCE, RATE, "Male", "2020", "12", "", "", ""],
        ["Kenya", SOURCE, RATE, "Sex: Other", "2020", "13", "", "", ""],
    ]

    import_bytes(csv_bytes(rows))

    stored = dict(Observation.objects.values_list("sex", "value"))
    assert stored == {
        Sex.TOTAL: Decimal(10),
        Sex.FEMALE: Decimal(11),
        Sex.MALE: Decimal(12),
        Sex.OTHER: Decimal(13),
    }


def test_an_age_classification_becomes_the_age_group():
    rows = [
        ["Kenya", SOURCE, "Unemployment rate by sex and age (%)", "Sex: Total", age,
         "2020", value, "", "", ""]
        for age, value in (
            ("Age (Youth, adults): 15+", "5.6"),
            ("Age (Youth, adults): 15-24", "10.2"),
        )
    ]  # fmt: skip

    run = import_bytes(
        csv_bytes(rows, header=CLASSIF_HEADER), filename="UNE_DEAP_SEX_AGE_RT_A.csv"
    )

    assert run.indicator.age_name == "Age (Youth, adults)"
    assert run.indicator.age_groups == ["15+", "15-24"]
    assert run.indicator.classif1_name == ""
    assert set(Observation.objects.values_list("age_group", "classif1")) == {
        ("15+", ""),
        ("15-24", ""),
    }


def test_one_age_group_under_two_bandings_is_stored_once():
    rows = [
        ["Kenya", SOURCE, "Unemployment rate by sex and age (%)", "Sex: Total", age,
         "2020", "10.2", "", "", ""]
        for age in ("Age (Youth, adults): 15-24", "Age (10-year bands): 15-24")
    ]  # fmt: skip

    import_bytes(
        csv_bytes(rows, header=CLASSIF_HEADER), filename="UNE_DEAP_SEX_AGE_RT_A.csv"
    )

    assert Observation.objects.get().age_group == "15-24"


def test_two_different_values_for_one_observation_are_refused():
    rows = rate_rows()
    rows.append(list(rows[0]))
    rows[-1][5] = "99"

    message = import_error(csv_bytes(rows))

    assert "Line 8: this row repeats line 2" in message
    assert nothing_stored()


def test_the_code_layout_excerpt_imports_ages_and_aggregates():
    path = DATA_DIR / "fixtures" / "UNE_DEAP_SEX_AGE_RT_A-codes-excerpt.csv"

    run = import_bytes(path.read_bytes(), filename=path.name)

    assert run.row_count == 52
    assert run.indicator.code == "UNE_DEAP_SEX_AGE_RT_A"
    assert run.indicator.age_groups == ["15+", "15-24"]
    world = Area.objects.get(iso3="X01")
    assert (world.name, world.kind) == ("World", Area.Kind.AGGREGATE)
    usa = Observation.objects.get(
        area__iso3="USA", year=2025, sex=Sex.FEMALE, age_group="15-24"
    )
    assert (usa.value, usa.status, usa.source) == (
        Decimal("9.002"),
        "Break in series",
        "BA:453",
    )


def test_the_sdmx_csv_excerpt_joins_the_same_indicator():
    fixtures = DATA_DIR / "fixtures"
    codes = fixtures / "UNE_DEAP_SEX_AGE_RT_A-codes-excerpt.csv"
    sdmx = fixtures / "ILO-SDMX-CSV-DF_UNE_DEAP_SEX_AGE_RT-excerpt.csv"
    import_bytes(codes.read_bytes(), filename=codes.name)

    run = import_bytes(sdmx.read_bytes(), filename=sdmx.name)

    assert run.indicator.code == "UNE_DEAP_SEX_AGE_RT_A"
    aruba = Observation.objects.get(area__name="Aruba", sex=Sex.MALE)
    assert (aruba.year, aruba.age_group, aruba.value) == (2011, "15+", Decimal("8.6"))


def test_a_country_name_gets_its_iso_code_and_an_area_is_shared_by_layouts():
    import_bytes(csv_bytes(rate_rows(areas=("Kenya",))))
    codes = DATA_DIR / "fixtures" / "UNE_DEAP_SEX_AGE_RT_A-codes-excerpt.csv"

    import_bytes(codes.read_bytes(), filename=codes.name)

    assert Area.objects.filter(name="Kenya").get().iso3 == "KEN"
    assert not Area.objects.filter(iso3="KEN").exclude(name="Kenya").exists()


def test_windows_line_ends_and_a_note_over_two_lines_keep_line_numbers_right():
    rows = rate_rows(years=(2019, 2020, 2021))
    rows[1][7] = "Remarks: first line\nsecond line"
    rows[5][5] = "oops"
    data = csv_bytes(rows).replace(b"\n", b"\r\n")

    message = import_error(data)

    assert message.startswith("Line 8: the value “oops” is not a number")


def test_a_note_over_two_lines_is_stored_whole():
    rows = rate_rows()
    rows[1][7] = "Remarks: first line\nsecond line"

    import_bytes(csv_bytes(rows).replace(b"\n", b"\r\n"))

    assert Observation.objects.filter(
        note_indicator="Remarks: first line\r\nsecond line"
    ).exists()
