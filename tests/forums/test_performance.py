"""Budgets: queries per page, flat as data grows, and the weight of a thread."""

from __future__ import annotations

import gzip
import re

import pytest
from django.urls import reverse

from conftest import make_user
from forums import services
from tests.forums.factories import forum_get, text, thread_make

pytestmark = pytest.mark.django_db

# Queries of the page itself, for an anonymous reader. A member's request also
# looks up the session and the user (the +2 the budget allows); the role and
# model-permission lookups that base.html's menu needs come out of the page's
# own allowance.
BUDGETS = {"index": 4, "forum": 5, "thread": 6}
SIGNED_IN_EXTRA = 2


def page_url(page: str, thread) -> str:
    return {
        "index": reverse("forums:index"),
        "forum": thread.forum.get_absolute_url(),
        "thread": thread.get_absolute_url(),
    }[page]


def grow(forum, people, thread) -> None:
    """Thirty more threads in the forum and elsewhere, thirty more replies."""
    other = forum_get("broadband")
    for number in range(30):
        thread_make(
            forum=forum if number % 2 else other,
            author=people[number % len(people)],
            title=f"Question {number}",
            posts=2,
            words=10,
            repliers=people,
        )
    for number in range(30):
        services.post_create(
            thread=thread,
            author=people[number % len(people)],
            body=text(10, seed=number),
        )


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
@pytest.mark.parametrize("kind", list(BUDGETS))
def test_each_page_stays_within_its_query_budget_at_any_size(
    client, member, other_member, django_assert_max_num_queries, kind, signed_in
):
    forum = forum_get("gender")
    people = [member, other_member, make_user("third@example.org")]
    thread = thread_make(forum=forum, author=member, posts=3, repliers=people)
    thread_make(forum=forum, author=other_member, title="Second", posts=2)
    if signed_in:
        client.force_login(member)
    budget = BUDGETS[kind] + (SIGNED_IN_EXTRA if signed_in else 0)

    with django_assert_max_num_queries(budget) as small:
        assert client.get(page_url(kind, thread)).status_code == 200
    grow(forum, people, thread)
    with django_assert_max_num_queries(budget) as large:
        response = client.get(page_url(kind, thread))

    assert response.status_code == 200
    assert len(large) == len(small)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
def test_a_page_of_twenty_posts_of_a_hundred_words_weighs_under_8_kb_gzipped(
    client, member, other_member, signed_in
):
    people = [
        member,
        other_member,
        make_user(
            "third@example.org",
            display_name="Thandiwe Nkosi",
            organisation="Eastern Cape Rural Traders Association",
        ),
    ]
    thread = thread_make(
        forum=forum_get("gender"),
        author=member,
        title="Measuring women's share of online work: which indicators do you use?",
        posts=20,
        words=100,
        repliers=people,
    )
    if signed_in:
        client.force_login(member)

    response = client.get(thread.get_absolute_url())

    html = response.content.decode()
    assert len(re.findall(r'<article class="post', html)) == 20
    assert len(re.findall(r"\w+", text(100, seed=1))) >= 100
    assert len(gzip.compress(response.content)) <= 8 * 1024


def test_a_deep_page_of_a_thread_is_found_by_position_not_by_offset(
    client, member, django_assert_max_num_queries
):
    thread = thread_make(forum=forum_get("gender"), author=member, posts=45)

    with django_assert_max_num_queries(2) as queries:
        response = client.get(thread.get_absolute_url() + "?page=3")

    posts = list(response.context["page_obj"])
    assert [post.position for post in posts] == [41, 42, 43, 44, 45]
    assert not any("OFFSET" in query["sql"] for query in queries.captured_queries)


def test_a_page_of_posts_read_again_is_served_without_its_posts_query(
    client, member, django_assert_max_num_queries
):
    thread = thread_make(forum=forum_get("gender"), author=member, posts=3)
    first = client.get(thread.get_absolute_url())

    with django_assert_max_num_queries(1):
        again = client.get(thread.get_absolute_url())

    assert again.content == first.content


def test_a_new_reply_shows_at_once_on_a_last_page_read_before(member_client, member):
    thread = thread_make(forum=forum_get("gender"), author=member, posts=21, words=5)
    last_page = thread.get_absolute_url() + "?page=2"
    member_client.get(last_page)
    member_client.get(thread.get_absolute_url())

    member_client.post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Late but welcome."}
    )

    assert "Late but welcome." in member_client.get(last_page).content.decode()
    assert "Late but welcome." not in (
        member_client.get(thread.get_absolute_url()).content.decode()
    )


def test_a_page_of_posts_read_in_english_is_rendered_anew_in_french(client, member):
    thread = thread_make(forum=forum_get("gender"), author=member, posts=2)
    english = client.get(thread.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")

    french = client.get(thread.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr")

    month = thread.created_at.month
    english_months = "Jan Feb March April May June July Aug Sept Oct Nov Dec".split()
    french_months = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]  # fmt: skip
    assert english_months[month - 1] in english.content.decode()
    assert french_months[month - 1] in french.content.decode()


def test_a_reader_without_cookies_gets_a_page_read_before_whole_from_the_cache(
    client, member
):
    thread = thread_make(forum=forum_get("gender"), author=member, posts=3)
    first = client.get(thread.get_absolute_url())

    again = client.get(thread.get_absolute_url())

    assert first.templates and not again.templates
    assert again.content == first.content
    assert again["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Security-Policy" in again
    assert set(again["Vary"].split(", ")) == set(first["Vary"].split(", "))


def test_readers_without_cookies_see_a_new_reply_and_a_lock_at_once(
    client, member_client, member
):
    thread = thread_make(forum=forum_get("gender"), author=member, posts=2)
    client.get(thread.get_absolute_url())

    member_client.post(
        reverse("forums:reply", args=[thread.pk]), {"body": "Fresh news."}
    )
    assert "Fresh news." in client.get(thread.get_absolute_url()).content.decode()

    services.thread_lock(thread=thread)
    assert "This thread is locked" in (
        client.get(thread.get_absolute_url()).content.decode()
    )


def test_a_signed_in_member_never_gets_the_page_kept_for_anonymous_readers(
    client, member
):
    thread = thread_make(forum=forum_get("gender"), author=member, posts=2)
    assert "Sign in to reply" in client.get(thread.get_absolute_url()).content.decode()

    client.force_login(member)
    page = client.get(thread.get_absolute_url()).content.decode()

    assert "Sign in to reply" not in page
    assert "Send reply" in page
