"""Headers and markup that keep a strict Content-Security-Policy possible, and
anonymous reading that writes nothing."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.site.pages import PAGE_TYPES

ANONYMOUS_PAGES = [page for page in PAGE_TYPES if page.role is None]


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_pages_carry_a_strict_policy_and_no_inline_script_or_style(
    page_type, client, db
):
    url = page_type.url(client)

    response = client.get(url)

    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html), "inline style attribute"
    assert not re.search(r"\son[a-z]+=", html), "event-handler attribute"


@pytest.mark.parametrize(
    "page_type", ANONYMOUS_PAGES, ids=[p.name for p in ANONYMOUS_PAGES]
)
def test_an_anonymous_reader_causes_no_database_write_and_no_session(
    page_type, client, db
):
    url = page_type.url(client)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert "sessionid" not in response.cookies
    if 'method="post"' not in response.content.decode().replace(
        'class="language-form" action="/i18n/setlang/" method="post"', ""
    ):
        # A page without a form of its own sets no cookie at all: it is the
        # same for every anonymous reader, so a shared cache may keep it.
        assert not response.cookies


def test_forms_are_protected_against_cross_site_requests(member):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)

    response = strict.post("/accounts/profile/", {"display_name": "Forged"})

    assert response.status_code == 403
    member.refresh_from_db()
    assert member.display_name != "Forged"
