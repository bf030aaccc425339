from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from portal.models import StakeholderGroup, User
from portal.roles import Role

pytestmark = pytest.mark.django_db


def signup(client, **overrides):
    data = {
        "email": "new@example.org",
        "password1": "a-long-unusual-passphrase",
        "password2": "a-long-unusual-passphrase",
        "display_name": "Nadia New",
        "organisation": "Kigali Digital Cooperative",
        "stakeholder_group": StakeholderGroup.objects.get(slug="civil-society").pk,
        "country": "RW",
    }
    data.update(overrides)
    return client.post(reverse("account_signup"), data)


def test_signup_keeps_the_profile_and_makes_a_member_who_must_verify(client):
    response = signup(client)

    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.display_name == "Nadia New"
    assert user.organisation == "Kigali Digital Cooperative"
    assert user.country.code == "RW"
    assert list(user.groups.values_list("name", flat=True)) == [Role.MEMBER]
    assert len(mail.outbox) == 1
    assert "new@example.org" in mail.outbox[0].to


def test_the_verification_e_mail_is_signed_with_the_portal_s_name(client):
    signup(client)

    message = mail.outbox[0]
    assert message.subject.startswith("[WSIS action line portal] ")
    assert "Hello from WSIS action line portal!" in message.body
    assert "testserver" in message.body  # the address to register on


def test_an_unverified_account_cannot_sign_in_until_the_link_is_followed(client):
    signup(client)
    client.logout()
    body = mail.outbox[0].body
    link = re.search(r"https?://[^/]+(/accounts/confirm-email/\S+)", body)

    response = client.post(
        reverse("account_login"),
        {"login": "new@example.org", "password": "a-long-unusual-passphrase"},
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302  # sent on to "verify your e-mail"

    client.post(link.group(1))
    client.post(
        reverse("account_login"),
        {"login": "new@example.org", "password": "a-long-unusual-passphrase"},
    )
    assert client.session["_auth_user_id"] == str(
        User.objects.get(email="new@example.org").pk
    )


def test_signup_without_a_stakeholder_group_says_which_field_is_missing(client):
    response = signup(client, stakeholder_group="")

    assert response.status_code == 200
    assert not User.objects.filter(email="new@example.org").exists()
    form = response.context["form"]
    assert "stakeholder_group" in form.errors


def test_profile_page_refuses_anonymous_visitors(client):
    response = client.get(reverse("portal:profile"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_member_updates_their_profile(member_client, member):
    group = StakeholderGroup.objects.get(slug="academia")

    response = member_client.post(
        reverse("portal:profile"),
        {
            "display_name": "Dr Mariam",
            "organisation": "University of Dakar",
            "stakeholder_group": group.pk,
            "country": "SN",
        },
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Dr Mariam"
    assert member.stakeholder_group == group


def test_grant_role_makes_a_moderator_for_an_agency(member):
    call_command("grant_role", member.email, "moderator", "--agency", "itc")

    member.refresh_from_db()
    assert member.groups.filter(name=Role.MODERATOR).exists()
    assert member.agency == "itc"


def test_grant_role_refuses_a_moderator_without_an_agency(member):
    with pytest.raises(CommandError, match="needs an agency"):
        call_command("grant_role", member.email, "moderator")

    assert not member.groups.filter(name=Role.MODERATOR).exists()


def test_grant_role_names_an_unknown_email(db):
    with pytest.raises(CommandError, match="nobody@example.org"):
        call_command("grant_role", "nobody@example.org", "facilitator")


def test_revoke_role_removes_the_role_and_the_agency(moderator):
    call_command("revoke_role", moderator.email, "moderator")

    moderator.refresh_from_db()
    assert not moderator.groups.filter(name=Role.MODERATOR).exists()
    assert moderator.agency == ""


def test_the_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_profile_cannot_be_emptied_of_what_signup_requires(member_client, member):
    response = member_client.post(
        reverse("portal:profile"),
        {
            "display_name": "",
            "organisation": "",
            "stakeholder_group": "",
            "country": "",
        },
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "display_name",
        "organisation",
        "stakeholder_group",
    }
    member.refresh_from_db()
    assert member.display_name == "Mariam Member"
