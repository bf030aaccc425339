from __future__ import annotations

import pytest

from forums import selectors, services
from forums.models import Forum, Post, Thread
from tests.forums.factories import forum_get, thread_make

pytestmark = pytest.mark.django_db


def test_every_theme_has_its_forum_under_the_same_slug():
    forums = Forum.objects.select_related("theme")

    assert forums.count() == 10
    assert all(forum.slug == forum.theme.slug for forum in forums)


def test_replying_to_a_locked_thread_raises_and_stores_nothing(member):
    forum = forum_get()
    thread = thread_make(forum=forum, author=member)
    services.thread_lock(thread=thread)

    with pytest.raises(services.ThreadLockedError):
        services.post_create(thread=thread, author=member, body="Still here?")

    thread.refresh_from_db()
    forum.refresh_from_db()
    assert (thread.post_count, forum.post_count) == (1, 1)
    assert Post.objects.filter(thread=thread).count() == 1


def test_an_unlocked_thread_takes_replies_again(member):
    thread = thread_make(forum=forum_get(), author=member)
    services.thread_lock(thread=thread)

    services.thread_lock(thread=thread, locked=False)
    services.post_create(thread=thread, author=member, body="Back.")

    assert Thread.objects.get(pk=thread.pk).post_count == 2


def test_deleting_a_thread_recounts_its_forum(member):
    forum = forum_get()
    kept = thread_make(forum=forum, author=member, posts=2, title="Kept")
    gone = thread_make(forum=forum, author=member, posts=3, title="Gone")

    services.thread_delete(thread=gone)

    forum.refresh_from_db()
    kept.refresh_from_db()
    assert (forum.thread_count, forum.post_count) == (1, 2)
    assert forum.last_post_at == kept.last_activity_at


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Getting banks to lend to e-commerce SMEs",
            "getting-banks-to-lend-to-e-commerce-smes",
        ),
        ("التجارة الإلكترونية", "thread"),
        ("Reply", "reply-thread"),
        ("word " * 40, ("word-" * 16).rstrip("-")),
    ],
)
def test_thread_slugs_are_readable_short_and_never_empty(title, slug):
    assert services.thread_slug(title) == slug


def test_the_latest_threads_are_those_with_the_most_recent_posts(member):
    older = thread_make(forum=forum_get("gender"), author=member, title="Older")
    newer = thread_make(forum=forum_get("broadband"), author=member, title="Newer")
    services.post_create(thread=older, author=member, body="Revived.")

    latest = selectors.thread_latest(limit=2)

    assert [thread.pk for thread in latest] == [older.pk, newer.pk]
    assert len(selectors.thread_latest(limit=1)) == 1
