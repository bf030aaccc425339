from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from forums.models import Forum, Post
from forums.services import post_create, thread_create
from indicators.models import Indicator
from indicators.services import indicator_import
from portal.models import Theme
from tests.practices.factories import make_published

pytestmark = pytest.mark.django_db

ILOSTAT_HEADER = (
    '\ufeff"ref_area.label","source.label","indicator.label","sex.label","time",'
    '"obs_value","obs_status.label","note_indicator.label","note_source.label"\n'
)


def ilostat_file(rows: list[tuple[str, str, str, str]]) -> io.BytesIO:
    lines = [ILOSTAT_HEADER]
    for area, sex, year, value in rows:
        lines.append(
            f'"{area}","LFS - Labour Force Survey",'
            f'"Informal employment rate by sex (%)",'
            f'"Sex: {sex}","{year}",{value},"","",""\n'
        )
    return io.BytesIO("".join(lines).encode("utf-8"))


def report_params(**overrides) -> dict:
    today = timezone.localdate()
    params = {
        "start": (today - datetime.timedelta(days=30)).isoformat(),
        "end": today.isoformat(),
        "format": "csv",
    }
    params.update(overrides)
    return params


def download_csv(client, **params) -> list[list[str]]:
    response = client.get(reverse("reports:create"), report_params(**params))
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def backdate_practice(practice, days: int) -> None:
    practice.published_at = timezone.now() - datetime.timedelta(days=days)
    practice.save(update_fields=["published_at"])


@pytest.fixture
def indicator(db):
    run = indicator_import(
        file=ilostat_file(
            [
                ("Kenya", "Female", "2019", "86.1"),
                ("Kenya", "Male", "2019", "78.0"),
                ("Kenya", "Total", "2019", "82.0"),
                ("Kenya", "Female", "2022", "85.5"),
                ("Kenya", "Male", "2022", "77.25"),
                ("Kenya", "Total", "2022", "81.4"),
            ]
        ),
        filename="EMP_NIFL_SEX_RT_A.csv",
    )
    return run.indicator


def test_the_report_form_is_for_facilitators_only(
    client, member, moderator, facilitator
):
    url = reverse("reports:create")

    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(moderator)
    assert client.get(url).status_code == 403
    client.force_login(facilitator)
    assert client.get(url).status_code == 200


def test_the_csv_report_lists_practices_published_in_the_period_by_theme(
    facilitator_client, member, moderator
):
    gender = Theme.objects.get(slug="gender")
    recent = make_published(
        submitted_by=member,
        moderator=moderator,
        title="Women sellers online",
        themes=[gender],
    )
    old = make_published(
        submitted_by=member, moderator=moderator, title="Older programme"
    )
    backdate_practice(old, days=400)

    rows = download_csv(facilitator_client)

    titles = [row[1] for row in rows if len(row) > 1]
    assert "Women sellers online" in titles
    assert "Older programme" not in titles
    row = next(row for row in rows if len(row) > 1 and row[1] == recent.title)
    assert row[0] == gender.name
    assert row[-1] == "http://testserver" + recent.get_absolute_url()


def test_the_report_keeps_to_the_chosen_themes(facilitator_client, member, moderator):
    make_published(
        submitted_by=member,
        moderator=moderator,
        title="Broadband for villages",
        themes=[Theme.objects.get(slug="broadband")],
    )
    make_published(
        submitted_by=member,
        moderator=moderator,
        title="Mobile wallet",
        themes=[Theme.objects.get(slug="unbanked-payments")],
    )
    broadband = Theme.objects.get(slug="broadband")

    rows = download_csv(facilitator_client, themes=[broadband.pk])

    titles = [row[1] for row in rows if len(row) > 1]
    assert "Broadband for villages" in titles
    assert "Mobile wallet" not in titles


def test_the_most_active_threads_come_first(facilitator_client, member, other_member):
    forum = Forum.objects.get(theme__slug="gender")
    thread_create(forum=forum, author=member, title="Quiet thread", body="Hi")
    busy = thread_create(forum=forum, author=member, title="Busy thread", body="Hi")
    for number in range(3):
        post_create(thread=busy, author=other_member, body=f"Reply {number}")
    stale = thread_create(forum=forum, author=member, title="Stale thread", body="Hi")
    Post.objects.filter(thread=stale).update(
        created_at=timezone.now() - datetime.timedelta(days=90)
    )

    rows = download_csv(facilitator_client)

    start = rows.index(["Most active forum threads"])
    threads = [row[1] for row in rows[start + 2 :] if len(row) > 1]
    assert threads[:2] == ["Busy thread", "Quiet thread"]
    assert "Stale thread" not in threads
    busy_row = next(row for row in rows if len(row) > 1 and row[1] == busy.title)
    assert busy_row[2] == "4"


def test_the_report_closes_with_the_latest_figures_of_chosen_indicators(
    facilitator_client, indicator
):
    rows = download_csv(facilitator_client, indicators=[indicator.pk])

    kenya = next(row for row in rows if row and row[0] == "Kenya")
    assert kenya == ["Kenya", "2022", "85.5", "77.25", "81.4", "-8.25"]


def test_text_that_a_spreadsheet_would_run_is_neutralised(
    facilitator_client, member, moderator
):
    make_published(
        submitted_by=member,
        moderator=moderator,
        title='=HYPERLINK("http://evil.example")',
        organisation="+Org",
    )

    rows = download_csv(facilitator_client)

    row = next(row for row in rows if len(row) > 1 and "HYPERLINK" in row[1])
    assert row[1].startswith("'=")
    assert row[2] == "'+Org"


def test_the_pdf_report_is_a_pdf_named_after_the_period(
    facilitator_client, member, moderator, indicator
):
    make_published(submitted_by=member, moderator=moderator, title="Market prices")

    response = facilitator_client.get(
        reverse("reports:create"),
        report_params(format="pdf", indicators=[indicator.pk]),
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="ebusiness-report-' in response["Content-Disposition"]


def test_an_end_before_the_start_is_refused_with_a_message(facilitator_client):
    response = facilitator_client.get(
        reverse("reports:create"), report_params(start="2026-05-01", end="2026-04-01")
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "The end date comes before the start date." in response.content.decode()


def test_a_date_that_is_not_a_date_is_refused_with_a_message(facilitator_client):
    response = facilitator_client.get(
        reverse("reports:create"), report_params(start="31/31/2026")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["start"]


def test_the_report_costs_the_same_queries_with_more_content(
    facilitator_client, member, moderator, indicator, django_assert_max_num_queries
):
    forum = Forum.objects.get(theme__slug="gender")

    def add(count: int) -> None:
        for number in range(count):
            make_published(submitted_by=member, moderator=moderator)
            thread_create(forum=forum, author=member, title=f"T{number}", body="x")

    add(2)
    params = report_params(indicators=[Indicator.objects.get().pk])
    with django_assert_max_num_queries(12) as small:
        facilitator_client.get(reverse("reports:create"), params)
    add(20)

    with django_assert_max_num_queries(len(small.captured_queries)):
        facilitator_client.get(reverse("reports:create"), params)


LONG_AREAS = [
    ("Bolivia (Plurinational State of)", "2023", "2309.2", "9371.4"),
    ("Lao People's Democratic Republic", "2022", "86.1", "79.039"),
    ("United Kingdom of Great Britain and Northern Ireland", "2021", "71.5", "64.438"),
    ("Venezuela (Bolivarian Republic of)", "2019", "8919.432", "1857.37"),
]


@pytest.fixture
def long_named_figures(db):
    rows = []
    for area, year, women, men in LONG_AREAS:
        rows += [(area, "Female", year, women), (area, "Male", year, men)]
        rows += [(area, "Total", year, women)]
    return indicator_import(
        file=ilostat_file(rows), filename="EMP_NIFL_SEX_RT_A.csv"
    ).indicator


@pytest.fixture
def printed(monkeypatch):
    """The PDF report's pages as WeasyPrint lays them out, filled in by a request."""
    from portal.reports import views
    from portal.reports.exports import pdf_layout

    layouts = []

    def lay_out(html: str) -> bytes:
        layouts.append(pdf_layout(html))
        return b"%PDF"

    monkeypatch.setattr(views, "pdf_bytes", lay_out)
    return layouts


def download_pdf(client, printed, language: str = "en", **params):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(
        reverse("reports:create"), report_params(format="pdf", **params)
    )
    assert response.status_code == 200
    return printed[-1]


def printed_cells(layout) -> list[tuple[str, list[str], list]]:
    """Each table cell as (tag.class, its printed lines, its text boxes)."""
    cells = []
    for page in layout.pages:
        for box in page._page_box.descendants():
            if type(box).__name__ != "TableCellBox":
                continue
            lines, texts = [], []
            for line in box.descendants():
                if type(line).__name__ == "LineBox":
                    words = [b for b in line.descendants() if hasattr(b, "text")]
                    lines.append("".join(b.text for b in words).strip())
                    texts += words
            kind = f"{box.element.tag}.{box.element.get('class') or ''}"
            cells.append((kind, lines, texts))
    return cells


def printed_paragraphs(layout) -> list:
    return [
        box
        for page in layout.pages
        for box in page._page_box.descendants()
        if getattr(box, "element_tag", "") == "p" and type(box).__name__ == "BlockBox"
    ]


def test_numbers_years_and_headers_print_whole_beside_long_area_names(
    facilitator_client, printed, long_named_figures, member, other_member
):
    forum = Forum.objects.get(theme__slug="gender")
    thread = thread_create(forum=forum, author=member, title="Rural women", body="Hi")
    post_create(thread=thread, author=other_member, body="Reply")

    layout = download_pdf(
        facilitator_client, printed, indicators=[long_named_figures.pk]
    )

    cells = printed_cells(layout)
    numbers = [lines for kind, lines, _texts in cells if kind in ("td.num", "td.date")]
    assert ["2023"] in numbers
    assert ["2,309.2"] in numbers
    assert [timezone.localdate().isoformat()] in numbers
    assert all(len(lines) == 1 for lines in numbers), numbers
    headers = " ".join(" ".join(lines) for _kind, lines, _texts in cells).split()
    for word in ["Year", "Women", "Men", "Total", "(Plurinational", "Democratic"]:
        assert word in headers


def test_an_arabic_report_prints_english_text_and_numbers_left_to_right(
    facilitator_client, printed, member, other_member, moderator, indicator
):
    make_published(
        submitted_by=member,
        moderator=moderator,
        title="Women sellers online",
        summary="Traders sell online once a week (since 2019), in 3 towns.",
    )
    forum = Forum.objects.get(theme__slug="gender")
    thread = thread_create(forum=forum, author=member, title="Who sells?", body="Hi")
    post_create(thread=thread, author=other_member, body="Reply")

    layout = download_pdf(
        facilitator_client, printed, language="ar", indicators=[indicator.pk]
    )

    assert layout.pages[0]._page_box.style["direction"] == "rtl"
    paragraphs = {
        "".join(b.text for b in box.descendants() if hasattr(b, "text")).strip(): box
        for box in printed_paragraphs(layout)
    }
    summary = paragraphs["Traders sell online once a week (since 2019), in 3 towns."]
    assert summary.style["direction"] == "ltr"
    intro = next(text for text in paragraphs if text.startswith("From "))
    assert paragraphs[intro].style["direction"] == "ltr"
    boxes = {
        box.text: box for _kind, _lines, texts in printed_cells(layout) for box in texts
    }
    assert boxes["Who sells?"].style["direction"] == "ltr"
    assert boxes["-8,3"].style["direction"] == "ltr"
    assert boxes["Kenya"].style["direction"] == "ltr"
    table = next(
        box
        for box in layout.pages[-1]._page_box.descendants()
        if type(box).__name__ == "TableBox"
    )
    assert table.style["direction"] == "rtl"


AGE_ROW = '"{area}","{source}","UNE_DEAP_SEX_AGE_RT","SEX_T","AGE_YTHADULT_{age}",'
AGE_FILE = (
    '"ref_area","source","indicator","sex","classif1","time","obs_value",'
    '"obs_status","note_classif","note_indicator","note_source"\n'
    + AGE_ROW.format(area="KEN", source="BX:3465", age="YGE15")
    + '"{this}",5.6,,,,\n'
    + AGE_ROW.format(area="KEN", source="BX:3465", age="Y15-24")
    + '"{this}",11.2,,,,\n'
    + AGE_ROW.format(area="X01", source="XA:8405", age="YGE15")
    + '"{next}",4.8,,,,\n'
    + AGE_ROW.format(area="X01", source="XA:8405", age="Y15-24")
    + '"{next}",12.6,,,,\n'
)


@pytest.fixture
def unemployment_by_age(db):
    year = timezone.localdate().year
    text = AGE_FILE.format(this=year, next=year + 1)
    return indicator_import(
        file=io.BytesIO(text.encode()), filename="UNE_DEAP_SEX_AGE_RT_A.csv"
    ).indicator


def test_the_figures_say_which_age_group_and_mark_projections(
    facilitator_client, printed, unemployment_by_age
):
    year = timezone.localdate().year

    layout = download_pdf(
        facilitator_client, printed, indicators=[unemployment_by_age.pk]
    )

    paragraphs = [
        "".join(b.text for b in box.descendants() if hasattr(b, "text"))
        for page in layout.pages
        for box in page._page_box.descendants()
        if type(box).__name__ == "LineBox"
    ]
    assert any("Age group: 15+" in line for line in paragraphs)
    years = [lines for kind, lines, _ in printed_cells(layout) if kind == "td.num"]
    assert [str(year)] in years
    assert [f"{year + 1}\xa0*"] in years
    assert any(
        line.startswith(f"* Years after {year} come after the date of this report")
        for line in paragraphs
    )


def test_the_csv_figures_say_which_age_group_and_which_years_are_projections(
    facilitator_client, unemployment_by_age
):
    year = timezone.localdate().year

    rows = download_csv(facilitator_client, indicators=[unemployment_by_age.pk])

    assert ["Age group", "15+"] in rows
    assert [str(year + 1)] == [row[1] for row in rows if row and row[0] == "World"]
    assert any(row and row[0].startswith(f"Years after {year} ") for row in rows)
