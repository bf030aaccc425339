"""The practices pages keep to the site's rules: no inline script or style,
nothing written for anonymous readers, and light enough for a slow line."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practices.models import Practice
from tests.practices.factories import make_practice, make_published
from tests.site.weight import page_weight

pytestmark = pytest.mark.django_db

BUDGET = 50 * 1024


@pytest.fixture
def practices(member, moderator) -> dict[str, Practice]:
    published = [
        make_published(
            submitted_by=member,
            moderator=moderator,
            description="A **long** description.\n\n" + "Some words. " * 200,
        )
        for _ in range(20)
    ]
    pending = make_practice(submitted_by=member)
    return {"published": published[0], "pending": pending}


def urls(practices) -> dict[str, tuple[str, str]]:
    """Each page of the app, and who looks at it."""
    return {
        "list": (reverse("practices:list"), "anonymous"),
        "detail": (practices["published"].get_absolute_url(), "anonymous"),
        "create": (reverse("practices:create"), "member"),
        "mine": (reverse("practices:mine"), "member"),
        "queue": (reverse("practices:queue"), "moderator"),
        "review": (
            reverse("practices:review", kwargs={"slug": practices["pending"].slug}),
            "moderator",
        ),
    }


PAGES = ["list", "detail", "create", "mine", "queue", "review"]


@pytest.mark.parametrize("view", PAGES)
def test_each_page_has_no_inline_script_style_or_handler_and_one_h1(
    client, request, practices, view
):
    url, viewer = urls(practices)[view]
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert html.count("<h1") == 1


@pytest.mark.parametrize("view", PAGES)
def test_each_page_fits_the_first_visit_budget(client, request, practices, view):
    url, viewer = urls(practices)[view]
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    weight = page_weight(client, url)

    assert weight.total <= BUDGET, weight


@pytest.mark.parametrize("view", ["list", "detail"])
def test_an_anonymous_reader_causes_no_write_and_gets_no_session(
    client, practices, view
):
    url, _viewer = urls(practices)[view]

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": "words"} if view == "list" else {})

    assert response.status_code == 200
    assert not [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert "sessionid" not in response.cookies
