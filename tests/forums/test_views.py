from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from conftest import make_user
from forums import services
from forums.models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, Forum, Post, Thread
from tests.forums.factories import forum_get, thread_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum() -> Forum:
    return forum_get("gender")


@pytest.fixture
def thread(forum, other_member) -> Thread:
    return thread_make(forum=forum, author=other_member)


def create_url(forum: Forum) -> str:
    return reverse("forums:thread_create", kwargs={"slug": forum.slug})


def reply_url(thread: Thread) -> str:
    return reverse("forums:reply", kwargs={"pk": thread.pk})


class Tags(HTMLParser):
    """The elements and attributes in a piece of HTML, as a browser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.attributes: list[str] = []
        self.values: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.names.append(tag)
        self.attributes.extend(name for name, _value in attrs)
        self.values.extend(value or "" for _name, value in attrs)


def post_ids(response) -> list[int]:
    return [
        int(pk)
        for pk in re.findall(
            r'<article class="post[^"]*" id="post-(\d+)"', response.content.decode()
        )
    ]


# Reading


def test_the_index_lists_every_theme_with_its_counts_and_latest_thread(
    client, forum, thread
):
    response = client.get(reverse("forums:index"))

    assert response.status_code == 200
    forums = response.context["forums"]
    assert len(forums) == 10
    gender = next(item for item in forums if item.slug == "gender")
    assert (gender.thread_count, gender.post_count) == (1, 1)
    assert gender.latest_thread["pk"] == thread.pk
    assert thread.get_absolute_url() in response.content.decode()


def test_forum_names_come_from_the_theme_in_the_reader_s_language(client, forum):
    response = client.get(
        reverse("forums:forum", kwargs={"slug": "gender"}), HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert (
        "<h1>Les femmes dans l&#x27;économie numérique</h1>"
        in response.content.decode()
    )


def test_an_unknown_forum_or_thread_is_not_found(client, thread):
    assert (
        client.get(reverse("forums:forum", kwargs={"slug": "nope"})).status_code == 404
    )
    missing = reverse("forums:thread", kwargs={"pk": thread.pk + 1, "slug": "x"})
    assert client.get(missing).status_code == 404


def test_a_thread_address_with_a_wrong_slug_moves_permanently_to_the_right_one(
    client, thread
):
    wrong = reverse("forums:thread", kwargs={"pk": thread.pk, "slug": "old-title"})

    response = client.get(wrong + "?page=2")

    assert response.status_code == 301
    assert response["Location"] == thread.get_absolute_url() + "?page=2"


def test_the_thread_page_shows_author_organisation_date_and_text(client, forum):
    author = make_user(
        "writer@example.org", display_name="Wanjiru", organisation="Kisumu Coop"
    )
    thread = services.thread_create(
        forum=forum, author=author, title="Agents", body="Cash runs out on **Fridays**."
    )

    response = client.get(thread.get_absolute_url())

    page = response.content.decode()
    assert "<b>Wanjiru</b>, Kisumu Coop" in page
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\dZ">', page)
    assert "Cash runs out on <strong>Fridays</strong>." in page
    assert "writer@example.org" not in page


def test_readers_are_invited_to_sign_in_and_members_get_the_reply_form(
    client, thread, member
):
    anonymous = client.get(thread.get_absolute_url()).content.decode()
    client.force_login(member)
    signed_in = client.get(thread.get_absolute_url()).content.decode()

    assert "Sign in to reply" in anonymous
    assert f'action="{reply_url(thread)}"' not in anonymous
    assert f'action="{reply_url(thread)}"' in signed_in


def test_start_a_thread_is_offered_only_to_those_who_may_post(client, forum, member):
    anonymous = client.get(forum.get_absolute_url()).content.decode()
    client.force_login(member)
    signed_in = client.get(forum.get_absolute_url()).content.decode()

    assert create_url(forum) not in anonymous
    assert create_url(forum) in signed_in


def test_twenty_one_posts_make_two_pages_of_twenty_and_one(client, forum, member):
    thread = thread_make(forum=forum, author=member, posts=21, words=5)
    positions = list(thread.posts.order_by("position").values_list("pk", flat=True))

    first = client.get(thread.get_absolute_url())
    second = client.get(thread.get_absolute_url() + "?page=2")

    assert post_ids(first) == positions[:20]
    assert post_ids(second) == positions[20:]
    assert (
        'href="%s?page=2" rel="next"' % thread.get_absolute_url()
        in first.content.decode()
    )
    assert "Page 2 of 2" in second.content.decode()


def test_threads_are_listed_twenty_five_a_page_newest_activity_first(
    client, forum, member
):
    threads = [
        thread_make(forum=forum, author=member, title=f"Thread {n}") for n in range(26)
    ]
    services.post_create(thread=threads[0], author=member, body="Back to the top.")

    first = client.get(forum.get_absolute_url())
    second = client.get(forum.get_absolute_url() + "?page=2")

    listed = [thread.pk for thread in first.context["page_obj"]]
    assert len(listed) == 25
    assert listed[0] == threads[0].pk
    assert listed[1] == threads[25].pk
    assert [thread.pk for thread in second.context["page_obj"]] == [threads[1].pk]


# Writing


def test_a_member_opens_a_thread_and_it_comes_first_in_its_forum(
    member_client, forum, thread
):
    response = member_client.post(
        create_url(forum),
        {"title": "Which indicators show women's online work?", "body": "Ideas?"},
    )

    new = Thread.objects.get(title="Which indicators show women's online work?")
    assert response.status_code == 302
    assert response["Location"] == new.get_absolute_url()
    listing = member_client.get(forum.get_absolute_url())
    assert [item.pk for item in listing.context["page_obj"]] == [new.pk, thread.pk]
    forum.refresh_from_db()
    assert (forum.thread_count, forum.post_count) == (2, 2)
    assert new.posts.get().body_html == "<p>Ideas?</p>\n"


def test_a_reply_lands_on_the_last_page_at_its_anchor(member_client, forum, member):
    thread = thread_make(forum=forum, author=member, posts=20, words=5)

    response = member_client.post(reply_url(thread), {"body": "The twenty-first."})

    post = Post.objects.get(body="The twenty-first.")
    assert response.status_code == 302
    assert response["Location"] == f"{thread.get_absolute_url()}?page=2#post-{post.pk}"
    page = member_client.get(response["Location"])
    assert post_ids(page) == [post.pk]


def test_replies_keep_the_counters_of_thread_and_forum_right(
    member_client, forum, thread, member
):
    member_client.post(reply_url(thread), {"body": "One."})
    member_client.post(reply_url(thread), {"body": "Two."})

    thread.refresh_from_db()
    forum.refresh_from_db()
    last = thread.posts.order_by("position").last()
    assert thread.post_count == 3
    assert list(thread.posts.values_list("position", flat=True)) == [1, 2, 3]
    assert thread.last_poster == member
    assert thread.last_activity_at == last.created_at
    assert (forum.thread_count, forum.post_count) == (1, 3)
    assert forum.last_post_at == last.created_at


def test_moderators_and_facilitators_may_reply_too(client, thread, moderator):
    client.force_login(moderator)

    response = client.post(reply_url(thread), {"body": "Welcome."})

    assert response.status_code == 302
    assert thread.posts.count() == 2


def test_markdown_is_rendered_and_scripts_and_javascript_links_removed(
    member_client, thread
):
    body = (
        "**bold** <script>alert('x')</script> [click](javascript:alert(1)) "
        '<a href="javascript:alert(2)">raw</a> <img src=x onerror=alert(3)>'
    )

    member_client.post(reply_url(thread), {"body": body})

    page = member_client.get(thread.get_absolute_url()).content.decode()
    html = thread.posts.get(position=2).body_html
    assert "<strong>bold</strong>" in html
    for markup in (html, page):
        tags = Tags()
        tags.feed(markup)
        assert "script" not in tags.names
        assert "img" not in tags.names
        assert not [value for value in tags.values if "javascript:" in value]
        assert not [name for name in tags.attributes if name.startswith("on")]
    assert "&lt;script&gt;" in html  # kept as visible text, which is harmless


# Refusals


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_must_sign_in_to_start_a_thread(client, forum, method):
    response = getattr(client, method)(create_url(forum), {"title": "T", "body": "B"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Thread.objects.exists()


def test_anonymous_reply_is_sent_to_sign_in_and_then_back_to_the_thread(client, thread):
    response = client.post(reply_url(thread), {"body": "Hello"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert response["Location"].endswith("?next=" + thread.get_absolute_url())
    assert thread.posts.count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_signed_in_user_without_the_member_role_may_not_start_a_thread(
    client, forum, method
):
    client.force_login(make_user("nobody@example.org", roles=()))

    response = getattr(client, method)(create_url(forum), {"title": "T", "body": "B"})

    assert response.status_code == 403
    assert not Thread.objects.exists()


def test_a_signed_in_user_without_the_member_role_may_not_reply(client, thread):
    client.force_login(make_user("nobody@example.org", roles=()))

    response = client.post(reply_url(thread), {"body": "Hello"})
    page = client.get(thread.get_absolute_url()).content.decode()

    assert response.status_code == 403
    assert thread.posts.count() == 1
    assert "Only members can reply." in page


def test_the_reply_address_answers_only_post(member_client, thread):
    assert member_client.get(reply_url(thread)).status_code == 405


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "", "body": "Text"}, "title", "Give the thread a title."),
        ({"title": "   ", "body": "Text"}, "title", "Give the thread a title."),
        ({"title": "Title", "body": ""}, "body", "Write something before you send it."),
        (
            {"title": "x" * (TITLE_MAX_LENGTH + 1), "body": "Text"},
            "title",
            "Keep the title under 200 characters; this one has 201.",
        ),
        (
            {"title": "Title", "body": "x" * (BODY_MAX_LENGTH + 1)},
            "body",
            "Keep it under 20000 characters; this has 20001.",
        ),
    ],
)
def test_a_thread_with_a_bad_title_or_body_is_refused_with_a_clear_error(
    member_client, forum, data, field, message
):
    response = member_client.post(create_url(forum), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert f'href="#id_{field}"' in page
    assert not Thread.objects.exists()
    forum.refresh_from_db()
    assert forum.thread_count == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write something before you send it."),
        (
            "y" * (BODY_MAX_LENGTH + 1),
            "Keep it under 20000 characters; this has 20001.",
        ),
    ],
)
def test_a_bad_reply_shows_the_thread_with_the_error_and_keeps_the_text(
    member_client, thread, body, message
):
    response = member_client.post(reply_url(thread), {"body": body})

    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [message]
    assert response.context["thread"] == thread
    assert body in response.content.decode()
    thread.refresh_from_db()
    assert thread.post_count == 1
    assert thread.posts.count() == 1


def test_a_bad_reply_is_shown_under_the_last_page_where_it_would_land(
    member_client, forum, member
):
    thread = thread_make(forum=forum, author=member, posts=21, words=5)

    response = member_client.post(reply_url(thread), {"body": ""})

    assert response.context["page_obj"].number == 2
    assert post_ids(response) == [thread.posts.get(position=21).pk]


def test_a_locked_thread_refuses_replies_and_keeps_the_text(member_client, thread):
    services.thread_lock(thread=thread)

    response = member_client.post(reply_url(thread), {"body": "Too late?"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "This thread is locked: it takes no new replies." in page
    assert "Too late?</textarea>" in page
    assert thread.posts.count() == 1


def test_a_locked_thread_shows_no_reply_form(member_client, thread):
    services.thread_lock(thread=thread)

    page = member_client.get(thread.get_absolute_url()).content.decode()

    assert f'action="{reply_url(thread)}"' not in page
    assert "takes no new replies" in page


def test_more_than_ten_posts_a_minute_are_refused_and_the_text_kept(
    member_client, thread, monkeypatch
):
    # One fixed instant, so the rate window cannot roll over mid-test.
    monkeypatch.setattr("django_ratelimit.core.time.time", lambda: 1_800_000_000.0)
    for number in range(10):
        member_client.post(reply_url(thread), {"body": f"Reply {number}"})

    response = member_client.post(reply_url(thread), {"body": "One too many"})

    assert response.status_code == 429
    page = response.content.decode()
    assert "You have posted ten times in the last minute." in page
    assert "One too many</textarea>" in page
    assert thread.posts.count() == 11


def test_the_posting_limit_covers_new_threads_too(member_client, forum, monkeypatch):
    monkeypatch.setattr("django_ratelimit.core.time.time", lambda: 1_800_000_000.0)
    for number in range(10):
        member_client.post(create_url(forum), {"title": f"T{number}", "body": "B"})

    response = member_client.post(create_url(forum), {"title": "Eleven", "body": "B"})

    assert response.status_code == 429
    assert not Thread.objects.filter(title="Eleven").exists()
    assert Thread.objects.count() == 10


# Anonymous reading writes nothing


@pytest.mark.parametrize("page", ["index", "forum", "thread", "thread_page_2"])
def test_anonymous_reading_writes_nothing_and_starts_no_session(
    client, forum, member, django_assert_max_num_queries, page
):
    thread = thread_make(forum=forum, author=member, posts=21, words=5)
    url = {
        "index": reverse("forums:index"),
        "forum": forum.get_absolute_url(),
        "thread": thread.get_absolute_url(),
        "thread_page_2": thread.get_absolute_url() + "?page=2",
    }[page]

    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)

    assert response.status_code == 200
    statements = [query["sql"].lstrip().split()[0].upper() for query in captured]
    assert statements and set(statements) == {"SELECT"}
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()
