"""Writes for the forums: opening threads, replying, locking."""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.db.models import Count, F, Max, Sum
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Post, Thread
from portal.markdown import render_markdown
from portal.models import User

logger = logging.getLogger(__name__)

SLUG_MAX_LENGTH = 80


class ThreadLockedError(Exception):
    """A reply to a thread that takes no more replies."""

    message = _("This thread is locked: it takes no new replies.")

    def __str__(self) -> str:
        return str(self.message)


def thread_slug(title: str) -> str:
    """The readable part of a thread's address; the pk is what finds it."""
    # Titles in scripts that slugify drops (Arabic, Chinese, Russian) get a
    # plain word; the pk in the address keeps them apart.
    slug = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "thread"
    # A thread's address ending in "reply/" is its reply address.
    return "reply-thread" if slug == "reply" else slug


@transaction.atomic
def thread_create(*, forum: Forum, author: User, title: str, body: str) -> Thread:
    """Open a thread in a forum with its first post.

    Adds to the forum's counters with a single UPDATE, which row-locks the
    forum until commit so that concurrent posts count correctly. Sends nothing.
    """
    now = timezone.now()
    thread = Thread.objects.create(
        forum=forum,
        title=title,
        slug=thread_slug(title),
        author=author,
        created_at=now,
        last_activity_at=now,
        post_count=1,
        last_poster=author,
    )
    _post_add(thread=thread, author=author, body=body, position=1, now=now)
    Forum.objects.filter(pk=forum.pk).update(
        thread_count=F("thread_count") + 1,
        post_count=F("post_count") + 1,
        last_post_at=now,
    )
    logger.info(
        "Thread %s opened in forum %s by user %s", thread.pk, forum.pk, author.pk
    )
    return thread


@transaction.atomic
def post_create(*, thread: Thread, author: User, body: str) -> Post:
    """Add a reply at the end of a thread.

    Locks the thread row (SELECT ... FOR UPDATE) so that two replies at the
    same moment get consecutive positions, then the forum row through its
    counter UPDATE. Raises ThreadLockedError if the thread is locked. Sends
    nothing.
    """
    locked = Thread.objects.select_for_update().get(pk=thread.pk)
    if locked.is_locked:
        raise ThreadLockedError
    now = timezone.now()
    position = locked.post_count + 1
    post = _post_add(
        thread=locked, author=author, body=body, position=position, now=now
    )
    Thread.objects.filter(pk=locked.pk).update(
        post_count=position, last_activity_at=now, last_poster=author
    )
    Forum.objects.filter(pk=locked.forum_id).update(
        post_count=F("post_count") + 1, last_post_at=now
    )
    # The caller's instance now matches the row, for its redirect and counts.
    thread.post_count = position
    thread.last_activity_at = now
    thread.last_poster = author
    logger.debug("Post %s added to thread %s by user %s", post.pk, thread.pk, author.pk)
    return post


@transaction.atomic
def thread_lock(*, thread: Thread, locked: bool = True) -> Thread:
    """Lock a thread against replies, or unlock it. Locks the row; sends nothing."""
    row = Thread.objects.select_for_update().get(pk=thread.pk)
    if row.is_locked != locked:
        row.is_locked = locked
        row.save(update_fields=["is_locked"])
        logger.info("Thread %s %s", row.pk, "locked" if locked else "unlocked")
    thread.is_locked = locked
    return row


@transaction.atomic
def thread_delete(*, thread: Thread) -> None:
    """Delete a thread with its posts and recount its forum.

    Locks the thread, then the forum (the order post_create takes them in),
    so that no reply lands between the delete and the recount. Sends nothing.
    """
    row = Thread.objects.select_for_update().get(pk=thread.pk)
    forum = Forum.objects.select_for_update().get(pk=row.forum_id)
    thread_pk = row.pk
    row.delete()
    totals = Thread.objects.filter(forum=forum).aggregate(
        threads=Count("pk"), posts=Sum("post_count"), last=Max("last_activity_at")
    )
    forum.thread_count = totals["threads"]
    forum.post_count = totals["posts"] or 0
    forum.last_post_at = totals["last"]
    forum.save(update_fields=["thread_count", "post_count", "last_post_at"])
    logger.info("Thread %s deleted from forum %s", thread_pk, forum.pk)


def _post_add(
    *, thread: Thread, author: User, body: str, position: int, now: datetime
) -> Post:
    return Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        body_html=render_markdown(body),
        position=position,
        created_at=now,
        updated_at=now,
    )
