from __future__ import annotations

import io

import pytest
from django.db.models import Sum

from forums import demo
from forums.models import Forum, Post, Thread

pytestmark = pytest.mark.django_db


def test_the_demo_threads_start_discussions_in_several_forums():
    demo.load(stdout=io.StringIO())

    threads = Thread.objects.all()
    assert 5 <= threads.count() <= 8
    assert len({thread.forum_id for thread in threads}) >= 5
    assert all(3 <= thread.posts.count() <= 5 for thread in threads)
    assert (
        Forum.objects.aggregate(total=Sum("post_count"))["total"]
        == Post.objects.count()
    )


def test_loading_the_demo_twice_adds_nothing_the_second_time():
    demo.load(stdout=io.StringIO())
    counts = (Thread.objects.count(), Post.objects.count())
    output = io.StringIO()

    demo.load(stdout=output)

    assert (Thread.objects.count(), Post.objects.count()) == counts
    assert "0 demo threads added" in output.getvalue()
