from __future__ import annotations

import pytest
from django.urls import reverse

from portal.models import StakeholderGroup, Theme
from practices.models import Practice
from practices.selectors import practice_latest
from tests.practices.factories import links_to, make_practice, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(member, moderator) -> dict[str, Practice]:
    """Three published practices that differ in every filter, and one pending."""
    return {
        "mobile": make_published(
            submitted_by=member,
            moderator=moderator,
            title="Mobile wallets for market traders",
            description="Traders receive payments on their phones.",
            themes=[Theme.objects.get(slug="unbanked-payments")],
            countries=["KE", "TZ"],
            stakeholder_group=StakeholderGroup.objects.get(slug="private-sector"),
        ),
        "skills": make_published(
            submitted_by=member,
            moderator=moderator,
            title="Coding clubs for girls",
            description="Volunteers teach programming to teenage girls.",
            themes=[Theme.objects.get(slug="gender")],
            countries=["GH"],
            stakeholder_group=StakeholderGroup.objects.get(slug="civil-society"),
        ),
        "farm": make_published(
            submitted_by=member,
            moderator=moderator,
            title="Crop prices by text message",
            description="Farmers get the morning's wholesale prices.",
            themes=[Theme.objects.get(slug="rural-poverty")],
            countries=["IN"],
            stakeholder_group=StakeholderGroup.objects.get(slug="government"),
        ),
        "pending": make_practice(
            submitted_by=member,
            title="Pending wallets",
            description="Also about payments, but not yet approved.",
            themes=[Theme.objects.get(slug="unbanked-payments")],
            countries=["KE"],
        ),
    }


def listed(client, **params) -> set[str]:
    response = client.get(reverse("practices:list"), params)
    assert response.status_code == 200
    return {
        practice.title
        for practice in Practice.objects.all()
        if links_to(response, practice)
    }


def test_the_list_shows_published_practices_newest_first_and_hides_pending(
    client, world
):
    response = client.get(reverse("practices:list"))

    content = response.content.decode()
    positions = [
        content.index(world[key].get_absolute_url())
        for key in ("farm", "skills", "mobile")
    ]
    assert positions == sorted(positions)
    assert not links_to(response, world["pending"])
    assert "3 practices" in content


def test_the_theme_filter_keeps_practices_of_that_theme(client, world):
    assert listed(client, theme="gender") == {world["skills"].title}


def test_the_country_filter_matches_any_of_a_practices_countries(client, world):
    assert listed(client, country="TZ") == {world["mobile"].title}
    assert listed(client, country="KE") == {world["mobile"].title}


def test_the_group_filter_keeps_practices_of_that_stakeholder_group(client, world):
    assert listed(client, group="government") == {world["farm"].title}


def test_filters_combine(client, world):
    assert listed(client, country="KE", theme="gender") == set()
    assert listed(client, country="KE", group="private-sector") == {
        world["mobile"].title
    }


def test_the_country_filter_offers_only_countries_that_have_practices(client, world):
    response = client.get(reverse("practices:list"))

    choices = dict(response.context["filter_form"].fields["country"].choices)
    assert set(choices) == {"", "KE", "TZ", "GH", "IN"}
    assert choices["GH"] == "Ghana"


def test_a_word_from_the_description_finds_the_practice(client, world):
    assert listed(client, q="volunteers") == {world["skills"].title}


def test_a_stemmed_form_of_a_word_finds_the_practice(client, world):
    assert listed(client, q="payment") == {world["mobile"].title}
    assert listed(client, q="farmer") == {world["farm"].title}


@pytest.mark.parametrize("place", ["Ghana", "ghana", "غانا"])
def test_a_country_name_in_any_portal_language_finds_its_practices(
    client, world, place
):
    assert listed(client, q=place) == {world["skills"].title}


def test_search_ranks_a_title_match_above_a_description_match(
    client, member, moderator, world
):
    in_title = make_published(
        submitted_by=member,
        moderator=moderator,
        title="Payments hub for cooperatives",
        description="A shared service for small cooperatives.",
    )

    response = client.get(reverse("practices:list"), {"q": "payments"})

    content = response.content.decode()
    assert content.index(in_title.get_absolute_url()) < content.index(
        world["mobile"].get_absolute_url()
    )


def test_a_search_that_finds_nothing_says_so(client, world):
    response = client.get(reverse("practices:list"), {"q": "blockchain"})

    assert "No practices match these filters" in response.content.decode()
    assert "0 practices" in response.content.decode()


def test_an_unknown_theme_is_explained_and_the_list_stays_unfiltered(client, world):
    response = client.get(reverse("practices:list"), {"theme": "no-such-theme"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "3 practices" in response.content.decode()


def test_the_filter_form_is_a_plain_get_form_with_a_submit_button(client, world):
    response = client.get(reverse("practices:list"))

    content = response.content.decode()
    assert '<form class="filters" method="get"' in content
    assert 'type="search" name="q"' in content
    assert '<button type="submit">' in content


def test_pages_hold_twenty_and_their_links_keep_the_filters(client, member, moderator):
    theme = Theme.objects.get(slug="broadband")
    for number in range(21):
        make_published(
            submitted_by=member,
            moderator=moderator,
            title="Broadband point %d" % number,
            themes=[theme],
        )
    make_published(submitted_by=member, moderator=moderator, title="Other theme")

    first = client.get(reverse("practices:list"), {"theme": "broadband"})
    second = client.get(reverse("practices:list"), {"theme": "broadband", "page": 2})

    assert len(first.context["page"].object_list) == 20
    assert "21 practices" in first.content.decode()
    assert 'href="?theme=broadband&amp;page=2"' in first.content.decode()
    assert len(second.context["page"].object_list) == 1
    assert 'href="?theme=broadband&amp;page=1"' in second.content.decode()


def test_the_latest_practices_are_the_newest_published_ones(world):
    latest = practice_latest(limit=2)

    assert [practice.title for practice in latest] == [
        world["farm"].title,
        world["skills"].title,
    ]
