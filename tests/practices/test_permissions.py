from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import make_user
from practices.models import Practice, PracticeStatus
from practices.services import practice_approve
from tests.practices.factories import form_data, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(member) -> Practice:
    return make_practice(submitted_by=member)


def protected_urls(practice: Practice) -> dict[str, str]:
    return {
        "create": reverse("practices:create"),
        "mine": reverse("practices:mine"),
        "queue": reverse("practices:queue"),
        "review": reverse("practices:review", kwargs={"slug": practice.slug}),
    }


@pytest.mark.parametrize("view", ["create", "mine", "queue", "review"])
def test_anonymous_visitors_are_sent_to_sign_in(client, pending, view):
    url = protected_urls(pending)[view]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == "%s?next=%s" % (reverse("account_login"), url)


@pytest.mark.parametrize("view", ["queue", "review"])
@pytest.mark.parametrize("role", ["member", "facilitator"])
def test_members_and_facilitators_may_not_moderate(
    client, request, pending, view, role
):
    client.force_login(request.getfixturevalue(role))

    response = client.get(protected_urls(pending)[view])

    assert response.status_code == 403


@pytest.mark.parametrize("role", ["member", "facilitator"])
def test_a_decision_posted_by_a_non_moderator_is_refused_and_changes_nothing(
    client, request, pending, role
):
    client.force_login(request.getfixturevalue(role))

    response = client.post(protected_urls(pending)["review"], {"decision": "approved"})

    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == PracticeStatus.PENDING
    assert not pending.reviews.exists()


def test_a_signed_in_user_without_a_role_may_not_submit(client):
    client.force_login(make_user("nobody@example.org", roles=()))

    shown = client.get(reverse("practices:create"))
    posted = client.post(reverse("practices:create"), form_data())

    assert shown.status_code == 403
    assert posted.status_code == 403
    assert not Practice.objects.exists()


@pytest.mark.parametrize("role", ["member", "moderator", "facilitator"])
def test_every_role_may_open_the_submission_form(client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("practices:create"))

    assert response.status_code == 200


def test_a_member_cannot_see_someone_elses_pending_practice(
    client, other_member, pending
):
    client.force_login(other_member)

    response = client.get(pending.get_absolute_url())

    assert response.status_code == 404


def test_anonymous_visitors_cannot_see_a_pending_practice(client, pending):
    response = client.get(pending.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_the_submitter_and_moderators_see_a_pending_practice_with_its_status(
    client, request, pending, role
):
    client.force_login(request.getfixturevalue(role))

    response = client.get(pending.get_absolute_url())

    assert response.status_code == 200
    assert "Waiting for a moderator" in response.content.decode()


def test_the_public_sees_a_published_practice_without_its_status(
    client, member, moderator
):
    practice = practice_approve(
        practice=make_practice(submitted_by=member), moderator=moderator
    )

    response = client.get(practice.get_absolute_url())

    assert response.status_code == 200
    assert "Status:" not in response.content.decode()


def test_a_member_sees_only_their_own_submissions(client, member, other_member):
    own = make_practice(submitted_by=member, title="Mine to see")
    make_practice(submitted_by=other_member, title="Someone else's")
    client.force_login(member)

    response = client.get(reverse("practices:mine"))

    assert own.get_absolute_url() in response.content.decode()
    assert "Someone else" not in response.content.decode()


def test_an_unknown_practice_is_not_found(client):
    response = client.get(reverse("practices:detail", kwargs={"slug": "no-such"}))

    assert response.status_code == 404
