from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.models import Theme
from practices.models import Practice, PracticeStatus
from practices.services import practice_approve, practice_submit
from tests.practices.factories import form_data, make_practice, practice_data

pytestmark = pytest.mark.django_db


def test_a_submission_keeps_what_was_typed_and_waits_for_a_moderator(member_client):
    response = member_client.post(reverse("practices:create"), form_data())

    assert response.status_code == 302
    practice = Practice.objects.get()
    assert practice.status == PracticeStatus.PENDING
    assert practice.slug == "womens-online-crafts-market"
    assert practice.countries == ["SN", "ML"]
    assert [theme.slug for theme in practice.themes.all()] == ["gender"]
    assert practice.website == "https://crafts.example.org"
    assert "<strong>photograph</strong>" in practice.description_html
    assert practice.search_vector is not None
    assert practice.published_at is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("themes", [], "Choose at least one theme."),
        ("year_started", str(timezone.now().year + 1), "cannot be later than"),
        ("year_started", "1969", "The year cannot be earlier than 1970."),
        ("website", "not a web address", "Enter a valid URL."),
        ("website", "ftp://files.example.org/report", "Enter a valid URL."),
        ("countries", ["XX"], "Select a valid choice."),
        ("countries", [], "Choose at least one country."),
        ("summary", "x" * 301, "at most 300 characters"),
        ("title", "", "This field is required."),
    ],
)
def test_bad_input_is_explained_beside_its_field_and_nothing_is_stored(
    member_client, field, value, message
):
    response = member_client.post(
        reverse("practices:create"), form_data(**{field: value})
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    assert 'aria-invalid="true"' in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Practice.objects.exists()


def test_the_service_refuses_a_practice_without_themes_and_stores_nothing(member):
    with pytest.raises(ValidationError) as raised:
        practice_submit(submitted_by=member, **practice_data(themes=[]))

    assert "themes" in raised.value.message_dict
    assert not Practice.objects.exists()


def test_the_service_refuses_a_year_in_the_future(member):
    next_year = timezone.now().year + 1

    with pytest.raises(ValidationError) as raised:
        practice_submit(submitted_by=member, **practice_data(year_started=next_year))

    assert "year_started" in raised.value.message_dict
    assert not Practice.objects.exists()


def test_markdown_with_a_script_is_stored_and_shown_sanitised(
    client, member, moderator
):
    practice = make_practice(
        submitted_by=member,
        description=(
            "Hello <script>alert('x')</script>\n\n"
            "[click](javascript:alert(1)) <img src=x onerror=alert(2)>"
        ),
    )
    practice_approve(practice=practice, moderator=moderator)

    response = client.get(practice.get_absolute_url())

    html = practice.description_html
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "<img" not in html
    assert "<script>alert" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_two_practices_with_the_same_title_get_different_stable_addresses(member):
    first = make_practice(submitted_by=member, title="Mobile money for traders")
    second = make_practice(submitted_by=member, title="Mobile money for traders")

    first.title = "Mobile money for market traders"
    first.save()
    first.refresh_from_db()

    assert first.slug == "mobile-money-for-traders"
    assert second.slug == "mobile-money-for-traders-2"


@pytest.mark.parametrize("title", ["Create", "Mine", "Queue"])
def test_a_title_like_one_of_the_apps_pages_does_not_hide_that_page(
    client, member, title
):
    practice = make_practice(submitted_by=member, title=title)

    assert practice.slug == "%s-2" % title.lower()


def test_a_title_without_latin_letters_still_gets_an_address(member):
    practice = make_practice(submitted_by=member, title="电子商务", language="zh-hans")

    assert practice.slug == "practice"
    assert practice.get_absolute_url() == "/practices/practice/"


def test_the_form_offers_themes_as_checkboxes_and_countries_as_a_list(member_client):
    response = member_client.get(reverse("practices:create"))

    content = response.content.decode()
    assert content.count('type="checkbox" name="themes"') == Theme.objects.count()
    assert '<select name="countries"' in content
    assert "multiple" in content
