"""Forums and the language switch in a real browser with JavaScript off."""

from __future__ import annotations

import pytest

from conftest import make_user
from tests.browser.test_practice_flow import no_js, sign_in  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_starts_a_thread_and_another_replies(live_server, no_js):  # noqa: F811
    make_user("amina@example.org", display_name="Amina")
    make_user("oscar@example.org", display_name="Oscar")

    first = no_js()
    sign_in(first, live_server, "amina@example.org")
    first.goto(f"{live_server.url}/forums/gender/")
    first.get_by_role("link", name="Start a thread").click()
    first.get_by_label("Title").fill("Women traders and online marketplaces")
    first.locator("textarea").fill("Which marketplaces **work** for you?")
    first.get_by_role("button", name="Start the thread").click()
    first.wait_for_load_state()
    thread_url = first.url

    second = no_js()
    sign_in(second, live_server, "oscar@example.org")
    second.goto(thread_url)
    second.locator("textarea").fill("Local ones, paid by mobile money.")
    second.get_by_role("button", name="Send reply").click()
    second.wait_for_load_state()

    page = second.content()
    assert "<strong>work</strong>" in page
    assert "Local ones, paid by mobile money." in page
    assert "#post-" in second.url
    second.goto(f"{live_server.url}/forums/gender/")
    assert "Women traders and online marketplaces" in second.content()


def test_the_language_switch_works_without_javascript(live_server, no_js):  # noqa: F811
    page = no_js()
    page.goto(f"{live_server.url}/practices/")

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()

    assert page.get_attribute("html", "lang") == "fr"
    assert "/practices/" in page.url
    page.locator("#language-select").select_option("ar")
    page.locator("footer form button").click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "dir") == "rtl"
