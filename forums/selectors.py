"""Reads for the forums. Each list fetches in one query what its page shows."""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject

from forums.models import POSTS_PER_PAGE, THREADS_PER_PAGE, Forum, Post, Thread

POST_PAGE_FIELDS = [
    "thread_id",
    "position",
    "body_html",
    "created_at",
    "updated_at",
    "author__display_name",
    "author__first_name",
    "author__last_name",
    "author__organisation",
]


class CountedPaginator(Paginator):
    """A paginator told its length by a kept counter, so it runs no COUNT."""

    def __init__(self, object_list, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


class PositionPaginator(CountedPaginator):
    """Pages of a thread's posts found by position instead of OFFSET.

    Positions run from 1 to post_count without gaps: post_create numbers
    posts under the thread lock, and posts go only with their whole thread.
    So page n holds positions ((n - 1) * size, n * size], which the unique
    position index finds at any depth, where OFFSET would read and drop every
    earlier post (300 ms and more on the last page of a 50,000-post thread).
    """

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        posts = self.object_list.filter(position__gt=bottom, position__lte=top)
        return self._get_page(posts, number, self)


def forum_list() -> list[Forum]:
    """Every forum with its theme and the thread that moved last, in one query.

    The latest thread comes as `latest_thread` (a dict of pk, slug and title,
    or None) from a subquery that the (forum, -last_activity_at) index serves.
    """
    latest = Thread.objects.filter(forum=OuterRef("pk")).order_by(
        "-last_activity_at", "-pk"
    )
    return list(
        Forum.objects.select_related("theme").annotate(
            latest_thread=Subquery(
                latest.values(data=JSONObject(pk="pk", slug="slug", title="title"))[:1]
            )
        )
    )


def forum_get(*, slug: str) -> Forum:
    """The forum with this slug and its theme; raises Forum.DoesNotExist."""
    return Forum.objects.select_related("theme").get(slug=slug)


def thread_page(*, forum: Forum, page: str | int | None) -> Page:
    """One page of a forum's threads, the most recently active first."""
    threads = (
        Thread.objects.filter(forum=forum)
        .select_related("author", "last_poster")
        .order_by("-last_activity_at", "-pk")
    )
    paginator = CountedPaginator(threads, THREADS_PER_PAGE, count=forum.thread_count)
    return paginator.get_page(page)


def thread_get(*, pk: int) -> Thread:
    """The thread with its forum and theme; raises Thread.DoesNotExist."""
    return Thread.objects.select_related("forum__theme").get(pk=pk)


def post_page(*, thread: Thread, page: str | int | None) -> Page:
    """One page of a thread's posts in the order they were written."""
    posts = (
        Post.objects.filter(thread=thread)
        .select_related("author")
        # What the page shows: the rendered text, and the author's name and
        # organisation (not the Markdown source, nor the password hash).
        .only(*POST_PAGE_FIELDS)
        .order_by("position")
    )
    paginator = PositionPaginator(posts, POSTS_PER_PAGE, count=thread.post_count)
    return paginator.get_page(page)


def thread_latest(*, limit: int) -> list[Thread]:
    """The threads with the most recent posts, across all forums."""
    return list(Thread.objects.order_by("-last_activity_at", "-pk")[:limit])
