"""The indicator pages, the chart and the upload form, through the test client."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conftest import make_user
from indicators import views
from indicators.models import Area, ImportRun, Indicator, Observation
from tests.indicators.helpers import (
    CLASSIF_HEADER,
    RATE,
    SOURCE,
    csv_bytes,
    import_bytes,
    rate_rows,
    upload,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("indicators:list")
IMPORT_URL = reverse("indicators:import")
DETAIL_URL = reverse("indicators:detail", args=["EMP_NIFL_SEX_RT_A"])
CHART_URL = reverse("indicators:chart", args=["EMP_NIFL_SEX_RT_A"])


def area(name: str) -> Area:
    return Area.objects.get(name=name)


def sector_rows(areas=("Kenya",), years=(2020, 2021)) -> list[list[str]]:
    rows = []
    for area_name in areas:
        for year in years:
            for s, sex in enumerate(("Sex: Total", "Sex: Male", "Sex: Female")):
                for i, item in enumerate(("Total", "Public", "Private")):
                    rows.append(
                        [area_name, SOURCE, "Employment by sector (thousands)", sex,
                         "Institutional sector: %s" % item, str(year),
                         "%d.5" % (1000 - 100 * i - 10 * s + year % 100), "", "", ""]
                    )  # fmt: skip
    return rows


# The list


def test_the_list_shows_each_indicator_with_unit_areas_years_and_source(client):
    import_bytes(csv_bytes(rate_rows(areas=("Kenya", "Ghana"), years=(2019, 2021))))

    response = client.get(LIST_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert RATE in html
    assert "EMP_NIFL_SEX_RT_A · 2 areas" in html
    assert "2019–2021" in html
    assert "ILOSTAT" in html


def test_the_list_offers_the_import_form_only_to_facilitators(client, member):
    client.force_login(member)

    response = client.get(LIST_URL)

    assert IMPORT_URL not in response.content.decode()


def test_the_list_costs_the_same_queries_for_3_or_33_indicators(
    client, django_assert_max_num_queries
):
    def add(count: int, start: int) -> None:
        Indicator.objects.bulk_create(
            Indicator(code="X_%d_A" % n, name="Indicator %d" % n, area_count=n)
            for n in range(start, start + count)
        )

    add(3, 0)
    with django_assert_max_num_queries(1):
        client.get(LIST_URL)
    add(30, 3)

    with django_assert_max_num_queries(1):
        response = client.get(LIST_URL)

    assert response.content.decode().count('<li class="card">') == 33


# The detail page


def test_the_detail_opens_on_the_country_with_the_longest_series(client):
    rows = rate_rows(areas=("Ghana",), years=(2021,))
    rows += rate_rows(areas=("Kenya",), years=(2019, 2020, 2021))
    rows += rate_rows(areas=("Angola",), years=(2020, 2021))
    import_bytes(csv_bytes(rows))

    response = client.get(DETAIL_URL)

    assert response.status_code == 200
    assert response.context["series"].choice.area.name == "Kenya"
    assert "<h2>Kenya</h2>" in response.content.decode()


def test_the_detail_shows_women_men_total_and_the_gap_for_a_chosen_area(client):
    rows = rate_rows(areas=("Kenya", "Ghana"), years=(2020, 2021))
    import_bytes(csv_bytes(rows))
    file_values = {
        row[3]: Decimal(row[5])
        for row in rows
        if row[0] == "Kenya" and row[4] == "2021"
    }

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    row = next(row for row in response.context["series"].rows if row.year == 2021)
    women, men, total = (cell.value for cell in row.ordered)
    assert women == file_values["Sex: Female"]
    assert men == file_values["Sex: Male"]
    assert total == file_values["Sex: Total"]
    assert row.gap == men - women
    html = response.content.decode()
    assert '<th scope="col" class="num">Women</th>' in html
    # The file's 40.75 is shown to one decimal, as every figure of the table.
    assert women == Decimal("40.75")
    assert '<td class="num">40.8</td>' in html
    assert "Other</th>" not in html


def test_the_detail_adds_an_other_column_when_the_file_has_one(client):
    rows = rate_rows()
    rows.append(
        ["Kenya", SOURCE, RATE, "Sex: Other", "2021", "77.7", "Unreliable", "", ""]
    )
    import_bytes(csv_bytes(rows))

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert '<th scope="col" class="num">Other</th>' in html
    assert "77.7" in html
    assert "Unreliable</li>" in html


def test_the_detail_offers_the_classification_and_defaults_to_the_total(client):
    import_bytes(
        csv_bytes(sector_rows(), header=CLASSIF_HEADER),
        filename="EMP_TEMP_SEX_INS_NB_A.csv",
    )
    url = reverse("indicators:detail", args=["EMP_TEMP_SEX_INS_NB_A"])

    default = client.get(url)
    public = client.get(url, {"area": area("Kenya").pk, "classif1": "Public"})

    assert default.context["series"].choice.classif1 == "Total"
    assert '<label for="id_classif1">Institutional sector:</label>' in (
        default.content.decode()
    )
    expected = {
        row[3]: Decimal(row[6])
        for row in sector_rows()
        if row[5] == "2021" and row[4] == "Institutional sector: Public"
    }
    row = public.context["series"].rows[0]
    assert row.year == 2021
    assert [cell.value for cell in row.ordered] == [
        expected["Sex: Female"],
        expected["Sex: Male"],
        expected["Sex: Total"],
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"area": "999999"}, "There are no figures for that area"),
        ({"area": "Atlantis"}, "There are no figures for that area"),
    ],
)
def test_an_unknown_area_gets_a_clear_message(client, query, message):
    import_bytes(csv_bytes(rate_rows()))

    response = client.get(DETAIL_URL, query)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["series"] is None


def test_an_unknown_classification_item_gets_a_clear_message(client):
    import_bytes(
        csv_bytes(sector_rows(), header=CLASSIF_HEADER),
        filename="EMP_TEMP_SEX_INS_NB_A.csv",
    )
    url = reverse("indicators:detail", args=["EMP_TEMP_SEX_INS_NB_A"])

    response = client.get(url, {"area": area("Kenya").pk, "classif1": "Military"})

    assert response.status_code == 400
    assert "“Military” is not one of this indicator&#x27;s groups" in (
        response.content.decode()
    )


def test_an_unknown_indicator_is_not_found(client):
    response = client.get(reverse("indicators:detail", args=["NOPE_A"]))

    assert response.status_code == 404


def test_the_detail_embeds_the_chart_with_a_summary_and_the_table(client):
    import_bytes(csv_bytes(rate_rows()))

    response = client.get(DETAIL_URL, {"area": area("Kenya").pk})

    html = response.content.decode()
    assert 'src="%s?area=' % CHART_URL in html
    assert 'alt="Line chart of %s for Kenya' % RATE in html
    assert 'aria-describedby="series-caption"' in html
    assert 'href="#series-table"' in html


def test_the_detail_costs_the_same_queries_for_3_or_33_areas(
    client, django_assert_max_num_queries
):
    import_bytes(csv_bytes(rate_rows(areas=("Kenya", "Ghana", "Chad"))))
    query = {"area": area("Kenya").pk}
    with django_assert_max_num_queries(3):
        client.get(DETAIL_URL, query)
    many = ["Area %d" % n for n in range(30)] + ["Kenya"]
    import_bytes(csv_bytes(rate_rows(areas=many, years=range(2000, 2024))))

    with django_assert_max_num_queries(3):
        response = client.get(DETAIL_URL, query)

    assert len(response.context["series"].rows) == 24


def test_the_detail_for_a_signed_in_user_costs_a_few_more_queries(
    member_client, django_assert_max_num_queries
):
    import_bytes(csv_bytes(rate_rows(areas=["Area %d" % n for n in range(33)])))
    query = {"area": area("Area 7").pk}

    with django_assert_max_num_queries(6):
        response = member_client.get(DETAIL_URL, query)

    assert response.status_code == 200


def test_only_the_chart_relaxes_the_style_policy(client):
    import_bytes(csv_bytes(rate_rows()))
    query = {"area": area("Kenya").pk}

    page = client.get(DETAIL_URL, query)
    chart = client.get(CHART_URL, query)

    assert "'unsafe-inline'" not in page["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in chart["Content-Security-Policy"]
    assert "default-src 'none'" in chart["Content-Security-Policy"]


# The chart


def test_the_chart_is_small_svg_whose_text_stays_text(client):
    import_bytes(csv_bytes(rate_rows(years=range(2000, 2024))))

    response = client.get(CHART_URL, {"area": area("Kenya").pk})

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    svg = response.content.decode()
    assert svg.startswith("<?xml")
    assert ">Women</text>" in svg
    assert ">Men</text>" in svg
    assert "<font" not in svg
    assert "glyph" not in svg
    assert len(response.content) <= 10 * 1024


def test_a_chart_is_drawn_once_until_the_next_import(client, monkeypatch):
    import_bytes(csv_bytes(rate_rows()))
    drawn = []

    def counting(**kwargs):
        drawn.append(kwargs)
        return "<svg></svg>"

    monkeypatch.setattr(views, "gap_chart_svg", counting)
    query = {"area": area("Kenya").pk}

    client.get(CHART_URL, query)
    client.get(CHART_URL, query)
    assert len(drawn) == 1
    import_bytes(csv_bytes(rate_rows(base=60)))
    client.get(CHART_URL, query)

    assert len(drawn) == 2
    assert drawn[1]["points"][0][1] != drawn[0]["points"][0][1]


def test_a_chart_for_an_unknown_area_is_a_bad_request(client):
    import_bytes(csv_bytes(rate_rows()))

    response = client.get(CHART_URL, {"area": "999999"})

    assert response.status_code == 400
    assert "Choose an area" in response.content.decode()


def test_a_chart_without_women_and_men_is_not_found(client):
    rows = [row for row in rate_rows() if row[3] == "Sex: Total"]
    import_bytes(csv_bytes(rows))

    response = client.get(CHART_URL, {"area": area("Kenya").pk})

    assert response.status_code == 404


# The upload form


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("fixture", ["member_client", "moderator_client"])
def test_members_and_moderators_may_not_import(request, fixture):
    client = request.getfixturevalue(fixture)

    get = client.get(IMPORT_URL)
    post = client.post(IMPORT_URL, {"file": upload(csv_bytes(rate_rows()))})

    assert (get.status_code, post.status_code) == (403, 403)
    assert not Observation.objects.exists()


def test_a_superuser_may_import(client):
    admin = make_user("root@example.org", roles=(), is_superuser=True)
    client.force_login(admin)

    response = client.get(IMPORT_URL)

    assert response.status_code == 200


def test_importing_a_file_again_says_that_no_figure_is_new(facilitator_client):
    data = csv_bytes(rate_rows(areas=("Kenya", "Ghana")))
    facilitator_client.post(IMPORT_URL, {"file": upload(data)})

    response = facilitator_client.post(IMPORT_URL, {"file": upload(data)})

    message = str(list(get_messages(response.wsgi_request))[-1])
    assert "Read 12 rows from EMP_NIFL_SEX_RT_A.csv: 0 new figures" in message
    assert ImportRun.objects.order_by("pk").last().new_count == 0
    assert Observation.objects.count() == 12


def test_a_first_import_with_repeated_rows_says_it_imported_them(
    facilitator_client,
):
    rows = rate_rows(areas=("Kenya", "Ghana"))
    data = csv_bytes([*rows, rows[0]])

    response = facilitator_client.post(IMPORT_URL, {"file": upload(data)})

    (message,) = get_messages(response.wsgi_request)
    assert "Imported 13 rows from EMP_NIFL_SEX_RT_A.csv" in str(message)
    run = ImportRun.objects.get()
    assert (run.new_count, run.duplicate_count, run.updated_count) == (12, 1, 0)


def test_a_facilitator_imports_a_file_and_is_told_the_row_count(
    facilitator_client, facilitator
):
    data = csv_bytes(rate_rows(areas=("Kenya", "Ghana")))

    response = facilitator_client.post(IMPORT_URL, {"file": upload(data)})

    assert response.status_code == 302
    (message,) = get_messages(response.wsgi_request)
    assert "Imported 12 rows from EMP_NIFL_SEX_RT_A.csv" in str(message)
    assert '<a href="%s">' % DETAIL_URL in str(message)
    run = ImportRun.objects.get()
    assert (run.imported_by, run.row_count) == (facilitator, 12)
    assert Observation.objects.count() == 12


def test_a_bad_file_shows_its_problems_on_the_form_and_stores_nothing(
    facilitator_client,
):
    rows = rate_rows()
    rows[3][4] = "twenty"

    response = facilitator_client.post(IMPORT_URL, {"file": upload(csv_bytes(rows))})

    assert response.status_code == 400
    errors = response.context["form"].errors["file"]
    assert errors[0] == "Nothing was imported. Correct the file and upload it again."
    assert errors[1].startswith("Line 5: the year “twenty” is not a whole year")
    assert not Observation.objects.exists()
    assert not ImportRun.objects.exists()


def test_a_file_over_the_size_limit_is_refused(facilitator_client, settings):
    settings.INDICATOR_UPLOAD_MAX_BYTES = 100

    response = facilitator_client.post(
        IMPORT_URL, {"file": upload(csv_bytes(rate_rows()))}
    )

    assert response.status_code == 400
    assert (
        "the largest accepted is 100\xa0bytes"
        in (response.context["form"].errors["file"][0])
    )
    assert not Observation.objects.exists()


def test_a_file_that_is_not_csv_is_refused(facilitator_client):
    response = facilitator_client.post(
        IMPORT_URL, {"file": upload(b"PK\x03\x04", name="EMP_NIFL_SEX_RT_A.xlsx")}
    )

    assert response.status_code == 400
    assert "Choose a .csv file" in response.context["form"].errors["file"][0]
    assert not Observation.objects.exists()


def test_the_import_page_costs_the_same_queries_for_3_or_33_runs(
    facilitator_client, django_assert_max_num_queries
):
    data = csv_bytes(rate_rows())
    for _n in range(3):
        import_bytes(data)
    with django_assert_max_num_queries(5):
        facilitator_client.get(IMPORT_URL)
    for _n in range(30):
        import_bytes(data)

    with django_assert_max_num_queries(5):
        response = facilitator_client.get(IMPORT_URL)

    assert len(response.context["runs"]) == 10


def test_a_cached_chart_costs_the_same_queries_for_3_or_33_areas(
    client, django_assert_max_num_queries
):
    import_bytes(csv_bytes(rate_rows(areas=("Kenya", "Ghana", "Chad"))))
    query = {"area": area("Kenya").pk}
    client.get(CHART_URL, query)
    with django_assert_max_num_queries(3):
        client.get(CHART_URL, query)
    import_bytes(csv_bytes(rate_rows(areas=["Area %d" % n for n in range(30)])))
    client.get(CHART_URL, query)

    with django_assert_max_num_queries(3):
        response = client.get(CHART_URL, query)

    assert response.status_code == 200


def test_the_detail_prefers_a_country_with_figures_for_women(client):
    totals_only = [
        ["Kenya", SOURCE, RATE, "Sex: Total", str(year), "40.0", "", "", ""]
        for year in range(2010, 2020)
    ]
    rows = totals_only + rate_rows(areas=("Ghana",), years=(2020, 2021))
    import_bytes(csv_bytes(rows))

    response = client.get(DETAIL_URL)

    assert response.context["series"].choice.area.name == "Ghana"
