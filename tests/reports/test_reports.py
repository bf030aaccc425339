from __future__ import annotations

import csv
import datetime
import io

import pytest
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
