"""What a reader sees on an indicator's page: words instead of ILO codes,
figures in their language, a chart that says what one year can say, and a
table that fits a phone."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from indicators.importers.ilostat import age_item, is_ilo_reference
from indicators.models import Area, Indicator, Observation
from indicators.selectors import source_letter
from tests.indicators.helpers import DATA_DIR, RATE, SOURCE, csv_bytes, import_bytes

pytestmark = pytest.mark.django_db

CODES = DATA_DIR / "fixtures" / "UNE_DEAP_SEX_AGE_RT_A-codes-excerpt.csv"
UNE_URL = reverse("indicators:detail", args=["UNE_DEAP_SEX_AGE_RT_A"])
DETAIL_URL = reverse("indicators:detail", args=["EMP_NIFL_SEX_RT_A"])
CHART_URL = reverse("indicators:chart", args=["EMP_NIFL_SEX_RT_A"])
EARNINGS = "Average monthly earnings of employees by sex (2021 PPP $)"


def import_codes():
    return import_bytes(CODES.read_bytes(), filename=CODES.name)


def area(name: str) -> Area:
    return Area.objects.get(name=name)


def visible_text(html: str) -> str:
    """The page's text and attribute values, as a reader or screen reader gets
    them (alt text included), without the markup around them."""
    return re.sub(r"<[^>]+>", " ", html) + " ".join(
        re.findall(r'(?:alt|value)="([^"]*)"', html)
    )


def rows_with_values(values_by_year: dict[int, tuple[str, str, str]], source=SOURCE):
    rows = []
    for year, (women, men, total) in values_by_year.items():
        for sex, value in (
            ("Sex: Female", women),
            ("Sex: Male", men),
            ("Sex: Total", total),
        ):
            rows.append(["Kenya", source, RATE, sex, str(year), value, "", "", ""])
    return rows


# ILO codes become words


def test_the_code_layout_page_names_the_age_group_and_decodes_its_items(client):
    import_codes()

    response = client.get(UNE_URL, {"area": area("United States of America").pk})

    html = response.content.decode()
    assert '<label for="id_age">Age group:</label>' in html
    assert '<option value="15+" selected>15+</option>' in html
    assert '<option value="15-24">15-24</option>' in html
    assert "AGE_YTHADULT" not in html
    assert "YGE15" not in html
    assert "<h2>United States of America · age 15+</h2>" in html


def test_the_age_group_label_is_translated(client):
    import_codes()

    response = client.get(UNE_URL, HTTP_ACCEPT_LANGUAGE="fr")

    assert '<label for="id_age">Tranche d' in response.content.decode()


def test_note_codes_are_left_out_with_a_word_on_why(client):
    import_codes()

    response = client.get(UNE_URL, {"area": area("United States of America").pk})

    html = response.content.decode()
    text = visible_text(html)
    for code in ("R1:3513", "R1:2803", "T2:85", "I11:264", "C6:1058"):
        assert code not in text
    assert "Break in series</li>" in html
    assert "gives some notes only as ILOSTAT reference codes" in html


def test_a_source_code_is_named_as_a_reference_not_as_text(client):
    import_codes()

    usa = client.get(UNE_URL, {"area": area("United States of America").pk})
    kenya = client.get(UNE_URL, {"area": area("Kenya").pk})

    assert "ILOSTAT source reference: BA:453." in usa.content.decode()
    kenya_html = kenya.content.decode()
    # Kenya's figures come from four surveys, listed once below the table.
    codes = ["BX:3465", "BB:7021", "AA:1311", "BA:7008"]
    for letter, code in zip("abcd", codes, strict=True):
        assert (
            '<li id="source-%s">ILOSTAT source reference %s</li>' % (letter, code)
            in kenya_html
        )


def test_a_source_written_in_words_is_not_taken_for_a_code():
    assert not is_ilo_reference(SOURCE)
    assert not is_ilo_reference("Repository: ILO-STATISTICS - Micro data processing")
    assert is_ilo_reference("BA:453")
    assert is_ilo_reference("R1:3513_R1:2803_T2:85")


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("YGE15", "15+"),
        ("Y15-24", "15-24"),
        ("Y25-54", "25-54"),
        ("YGE25", "25+"),
        ("Y05-09", "5-9"),
        ("YLT15", "<15"),
        ("TOTAL", "Total"),
    ],
)
def test_age_codes_read_as_ages(code, label):
    assert age_item(code) == label


def test_the_code_layout_stores_the_age_banding_by_its_ilo_name():
    run = import_codes()

    assert run.indicator.age_name == "Age (Youth, adults)"
    assert run.indicator.age_groups == ["15+", "15-24"]


def test_importing_the_code_layout_again_updates_what_an_older_import_stored():
    import_codes()
    Indicator.objects.filter(code="UNE_DEAP_SEX_AGE_RT_A").update(
        age_name="AGE_YTHADULT"
    )
    Observation.objects.filter(area__iso3="USA", year=2025).update(value=0)

    run = import_codes()

    assert run.indicator.age_name == "Age (Youth, adults)"
    assert Observation.objects.count() == 52
    assert not Observation.objects.filter(value=0).exists()


# Figures in the reader's language


@pytest.fixture
def earnings():
    rows = rows_with_values(
        {
            2024: ("1117.714", "86525.675", "1249.69"),
            2023: ("939.98", "1249.189", "1149.071"),
            2022: ("711.3", "1145.725", "1054.676"),
        }
    )
    for row in rows:
        row[2] = EARNINGS
    return import_bytes(csv_bytes(rows), filename="EAR_4MTH_SEX_GEO_CUR_NB_A.csv")


def test_figures_are_grouped_with_one_decimal_in_english(client, earnings):
    url = earnings.indicator.get_absolute_url()

    response = client.get(url, {"area": area("Kenya").pk})

    html = response.content.decode()
    for shown in ("1,117.7", "86,525.7", "1,249.7", "940.0", "711.3", "1,145.7"):
        assert '<td class="num">%s</td>' % shown in html
    assert '<td class="num">85,408.0</td>' in html  # the gap, men - women
    for raw in ("1117.714", "939.98", "86525.675"):
        assert raw not in html


def test_figures_are_grouped_with_one_decimal_in_french(client, earnings):
    url = earnings.indicator.get_absolute_url()

    response = client.get(url, {"area": area("Kenya").pk}, HTTP_ACCEPT_LANGUAGE="fr")

    html = response.content.decode()
    for shown in ("1\xa0117,7", "86\xa0525,7", "940,0", "711,3"):
        assert '<td class="num">%s</td>' % shown in html
    assert "femmes 1\xa0117,7, hommes 86\xa0525,7" in html


def test_whole_numbers_stay_whole(client):
    import_bytes(csv_bytes(rows_with_values({2021: ("1200", "1500", "2700")})))

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert '<td class="num">1,200</td>' in html
    assert '<td class="num">300</td>' in html


def test_the_report_export_keeps_raw_values(earnings):
    from indicators.selectors import indicator_latest_values

    (latest,) = indicator_latest_values(indicator=earnings.indicator)

    assert str(latest.women) == "1117.714"


# One year


@pytest.fixture
def one_year():
    return import_bytes(
        csv_bytes(rows_with_values({2019: ("90.187", "83.125", "86.489")}))
    )


def test_a_single_year_is_drawn_as_markers_with_a_legend_that_matches(client, one_year):
    response = client.get(CHART_URL, {"area": area("Kenya").pk})

    svg = response.content.decode()
    assert response.status_code == 200
    # No band, no trend lines: two markers and the gap between them.
    assert "PolyCollection" not in svg
    ticks = re.findall(r">(\d{4})</text>", svg)
    assert ticks == ["2019"]
    for label in (">Women</text>", ">Men</text>", ">Gap (men − women)</text>"):
        assert label in svg
    assert ">0</text>" in svg  # the value axis starts at zero


def test_a_longer_series_keeps_its_lines_and_band(client):
    import_bytes(
        csv_bytes(
            rows_with_values(
                {2019: ("90.1", "83.1", "86.4"), 2021: ("89.0", "82.0", "85.5")}
            )
        )
    )

    response = client.get(CHART_URL, {"area": area("Kenya").pk})

    assert "PolyCollection" in response.content.decode()


def test_a_single_year_page_says_so_under_the_chart(client, one_year):
    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert "Women and men in 2019, the only year with figures for both" in html
    assert "shaded band" not in html
    assert 'alt="Chart of %s for Kenya, women and men, in 2019 only' % RATE in html
    assert "women 90.2, men 83.1, a gap of -7.1 percentage points" in html


# A table that fits a phone


def test_headers_are_short_and_the_unit_is_said_once_in_the_caption(client):
    import_bytes(csv_bytes(rows_with_values({2019: ("90.1", "83.1", "86.4")})))

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert '<th scope="col" class="num">Gap</th>' in html
    assert "Gap (men − women)</th>" not in html
    assert "Gap: men minus women, in percentage points." in html
    # The name already ends with "(%)": it is not said twice.
    assert "%s: Kenya, by year " % RATE in html
    assert "by year (%)" not in html


def test_a_single_source_is_named_below_the_table_not_on_every_row(client):
    import_bytes(csv_bytes(rows_with_values({2019: ("90.1", "83.1", "86.4")})))

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert '<th scope="col">Source</th>' not in html
    assert "(ILO). %s.</p>" % SOURCE in html


def test_rows_from_several_sources_point_to_a_list_instead_of_a_column(client):
    rows = rows_with_values({2021: ("52.0", "60.9", "57.3")}, source="LFS - Continuous")
    rows += rows_with_values({2014: ("51.9", "55.6", "54.2")}, source="LFS - National")
    import_bytes(csv_bytes(rows))

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert '<th scope="col">Source</th>' not in html
    assert re.search(r'<th scope="row">2021<sup[^>]*><a href="#source-a">', html)
    assert re.search(r'<th scope="row">2014<sup[^>]*><a href="#source-b">', html)
    assert '<li id="source-a">LFS - Continuous</li>' in html
    assert '<li id="source-b">LFS - National</li>' in html
    assert "(ILO).</p>" in html  # the sources are not listed twice


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "a"), (25, "z"), (26, "aa"), (27, "ab"), (52, "ba")]
)
def test_source_letters_follow_the_browsers_own_lettering(index, letter):
    assert source_letter(index) == letter


# A chart drawn for a phone


def svg_width(svg: str) -> float:
    return float(re.search(r'<svg[^>]* width="([\d.]+)pt"', svg).group(1))


def test_a_phone_gets_a_narrower_chart_with_text_of_the_same_size(client, one_year):
    params = {"area": area("Kenya").pk}

    wide = client.get(CHART_URL, params).content.decode()
    narrow = client.get(CHART_URL, {**params, "size": "narrow"}).content.decode()

    assert svg_width(narrow) < 0.7 * svg_width(wide)
    assert svg_width(narrow) <= 250  # 333 CSS pixels: a phone shows it unshrunk
    sizes = set(re.findall(r"font-size: ([\d.]+px)", narrow))
    assert sizes == set(re.findall(r"font-size: ([\d.]+px)", wide)) == {"9px"}


def test_the_page_offers_the_narrow_chart_to_small_screens(client, one_year):
    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert '<source media="(max-width: 32rem)" srcset="/indicators/' in html
    assert "size=narrow" in html


# Notes, units and projections


def test_two_notes_on_one_figure_read_as_two_numbers_not_one(client):
    rows = rows_with_values(
        {2021: ("52.0", "60.9", "57.3"), 2020: ("49.8", "57.6", "54.5")}
    )
    for row in rows:
        if row[4] == "2020" and row[3] == "Sex: Female":
            row[6], row[7] = "Break in series", "Methodology revised"
    import_bytes(csv_bytes(rows))

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    refs = re.search(r"49\.8<sup class=\"note-ref\">(.*?)</sup>", html).group(1)
    assert re.sub(r"<[^>]+>", "", refs) == "note 1,note 2"
    assert '<li id="note-1" value="1">Break in series</li>' in html
    assert '<li id="note-2" value="2">Methodology revised</li>' in html


def test_a_unit_ilostat_names_in_english_reads_in_french(client):
    rows = rows_with_values({2021: ("9591.2", "10579.7", "20170.9")})
    for row in rows:
        row[2] = "Employment by sex (thousands)"
    import_bytes(csv_bytes(rows), filename="EMP_TEMP_SEX_NB_A.csv")
    url = reverse("indicators:detail", args=["EMP_TEMP_SEX_NB_A"])

    english = client.get(url).content.decode()
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "unit: thousands" in english
    assert "unité\xa0: milliers" in french
    assert "en milliers." in french
    assert "thousands" not in visible_text(french).replace("(thousands)", "")


def test_years_after_this_one_are_marked_as_projections(client):
    this_year = timezone.localdate().year
    import_bytes(
        csv_bytes(
            rows_with_values(
                {this_year + 1: ("4.8", "4.6", "4.7"), this_year: ("4.5", "4.4", "4.4")}
            )
        )
    )

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert re.search(
        r'<th scope="row">%d<a class="projection-ref"' % (this_year + 1), html
    )
    assert not re.search(
        r'<th scope="row">%d<a class="projection-ref"' % this_year, html
    )
    assert "* Years after %d are the publisher's projections" % this_year in html


def test_a_series_without_future_years_says_nothing_of_projections(client, one_year):
    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    assert "projection" not in response.content.decode()


def test_control_characters_in_the_query_string_stay_out_of_the_page(client):
    import_codes()

    response = client.get(UNE_URL, {"age": "\u202ebogus\x00"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "“bogus” is not one of this indicator&#x27;s groups" in html
    assert "\u202e" not in html
    assert "\x00" not in html
