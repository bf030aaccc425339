"""Each page type passes axe-core's WCAG 2.1 A and AA rules, in English and
Arabic, on a phone-sized screen and on a desktop."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site.pages import PAGE_TYPES, signed_in_as

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def log_in(page, live_server, user) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "width"), [("en", 360), ("en", 1280), ("ar", 360)]
)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_page_type_has_no_wcag_violations(
    page, live_server, axe, page_type, language, width
):
    path = page_type.arrange()
    if page_type.role is not None:
        log_in(page, live_server, signed_in_as(page_type.role))
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.set_viewport_size({"width": width, "height": 800})

    page.goto(live_server.url + path)
    results = axe.run(page, options=WCAG)

    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, f"{path} scrolls sideways at {width}px"
    if language == "ar":
        assert page.get_attribute("html", "dir") == "rtl"
