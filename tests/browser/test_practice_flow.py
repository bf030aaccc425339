"""The practices flow in a real browser with JavaScript switched off: a member
submits, a moderator approves, everyone finds it published."""

from __future__ import annotations

import pytest
from django.core import mail

from conftest import PASSWORD, make_user
from portal.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def no_js(browser):
    contexts = []

    def new_page():
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 360, "height": 800}
        )
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def sign_in(page, live_server, email: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_a_member_submits_a_moderator_approves_and_it_is_published(live_server, no_js):
    make_user("amina@example.org", display_name="Amina")
    make_user("mod@example.org", roles=(Role.MEMBER, Role.MODERATOR), agency="itc")

    member = no_js()
    sign_in(member, live_server, "amina@example.org")
    member.goto(f"{live_server.url}/practices/create/")
    member.get_by_label("Title").fill("Village market-price text messages")
    member.get_by_label("Summary").fill("Farmers get daily crop prices by SMS.")
    member.get_by_label("Description").fill(
        "Prices from **regional markets** reach farmers every morning."
    )
    member.get_by_label("Rural areas and poverty reduction").check()
    member.get_by_label("Countries").select_option(["GH", "TG"])
    member.get_by_label("Organisation").fill("Market Information Cooperative")
    member.get_by_label("Stakeholder group").select_option(label="Private sector")
    member.get_by_label("Year started").fill("2012")
    member.locator("main form button[type=submit]").click()
    member.wait_for_load_state()

    assert "/practices/mine/" in member.url
    assert "Village market-price text messages" in member.content()

    anonymous = no_js()
    anonymous.goto(f"{live_server.url}/practices/")
    assert "Village market-price text messages" not in anonymous.content()

    moderator = no_js()
    sign_in(moderator, live_server, "mod@example.org")
    moderator.goto(f"{live_server.url}/practices/queue/")
    moderator.get_by_role("link", name="Village market-price text messages").click()
    moderator.get_by_label("Approve and publish").check()
    moderator.get_by_role("button", name="Record the decision").click()
    moderator.wait_for_load_state()
    assert "/practices/queue/" in moderator.url

    anonymous.goto(f"{live_server.url}/practices/?q=prices")
    anonymous.get_by_role("link", name="Village market-price text messages").click()
    detail = anonymous.content()
    assert "<strong>regional markets</strong>" in detail
    assert "Ghana" in detail and "Togo" in detail
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
