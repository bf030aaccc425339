"""Every page type of the portal fits the budget of a slow mobile connection.

A first visit, HTML and everything it links, must stay within 50 KB
compressed, of which at most 15 KB JavaScript.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.site.pages import PAGE_TYPES
from tests.site.weight import page_weight

BUDGET = 50 * 1024
JS_BUDGET = 15 * 1024


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_each_page_type_fits_the_first_visit_budget(
    page_type, client, django_user_model
):
    url = page_type.url(client)

    weight = page_weight(client, url)

    assert weight.total <= BUDGET, f"{url}: {weight}"
    assert weight.js <= JS_BUDGET, f"{url}: {weight}"


def test_the_stylesheet_is_the_only_render_blocking_request(client, db):
    weight = page_weight(client, reverse("portal:home"))

    assert [a for a in weight.assets if a.endswith((".css", ".js"))] == [
        "/static/css/portal.css"
    ]
