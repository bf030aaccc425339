from __future__ import annotations

import re
import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse

from conftest import make_user
from portal.models import Agency
from portal.roles import Role
from practices.models import Practice, PracticeReview, PracticeStatus
from practices.services import (
    PracticeDecisionError,
    practice_approve,
    practice_reject,
)
from tests.practices.factories import form_data, links_to, make_practice, shows

pytestmark = pytest.mark.django_db


def review_url(practice: Practice) -> str:
    return reverse("practices:review", kwargs={"slug": practice.slug})


def test_a_submission_waits_unlisted_until_approved_then_the_submitter_gets_a_link(
    client, member, moderator, django_capture_on_commit_callbacks
):
    client.force_login(member)
    response = client.post(reverse("practices:create"), form_data(), follow=True)
    practice = Practice.objects.get()
    listed_before = client.get(reverse("practices:list"))
    client.force_login(moderator)
    queue = client.get(reverse("practices:queue"))

    with django_capture_on_commit_callbacks(execute=True):
        decided = client.post(review_url(practice), {"decision": "approved"})

    assert response.redirect_chain == [(reverse("practices:mine"), 302)]
    assert "your initiative is waiting for a moderator" in response.content.decode()
    assert practice.status == PracticeStatus.PENDING
    assert not links_to(listed_before, practice)
    assert shows(queue, practice.title)
    assert decided.status_code == 302
    assert decided["Location"] == reverse("practices:queue")
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED
    assert practice.published_at is not None
    assert links_to(client.get(reverse("practices:list")), practice)
    review = practice.reviews.get()
    assert (review.moderator, review.agency) == (moderator, moderator.agency)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "published" in mail.outbox[0].subject
    assert "http://testserver" + practice.get_absolute_url() in mail.outbox[0].body


def test_rejecting_with_a_reason_keeps_it_unlisted_and_e_mails_the_reason(
    client, member, moderator, django_capture_on_commit_callbacks
):
    practice = make_practice(submitted_by=member)
    client.force_login(moderator)
    reason = "Please describe what the initiative has achieved so far."

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review_url(practice), {"decision": "rejected", "reason": reason}
        )

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.REJECTED
    assert practice.reviews.get().reason == reason
    assert not links_to(client.get(reverse("practices:list")), practice)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "not accepted" in mail.outbox[0].subject
    assert reason in mail.outbox[0].body


def test_the_submitter_sees_the_rejection_reason_on_their_page_and_the_practice(
    client, member, moderator
):
    practice = make_practice(submitted_by=member)
    practice_reject(
        practice=practice, moderator=moderator, reason="Not about e-business."
    )
    client.force_login(member)

    mine = client.get(reverse("practices:mine"))
    detail = client.get(practice.get_absolute_url())

    assert "Not about e-business." in mine.content.decode()
    assert "Not accepted" in mine.content.decode()
    assert detail.status_code == 200
    assert "Not about e-business." in detail.content.decode()


def test_rejecting_without_a_reason_shows_an_error_and_leaves_it_pending(
    client, member, moderator, django_capture_on_commit_callbacks
):
    practice = make_practice(submitted_by=member)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review_url(practice), {"decision": "rejected", "reason": "   "}
        )

    assert response.status_code == 200
    assert "Give a reason" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PENDING
    assert not PracticeReview.objects.exists()
    assert mail.outbox == []


def test_approving_with_a_reason_typed_asks_what_was_meant_and_publishes_nothing(
    client, member, moderator
):
    practice = make_practice(submitted_by=member)
    client.force_login(moderator)

    response = client.post(
        review_url(practice), {"decision": "approved", "reason": "Check the year"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "A reason is sent only when you do not accept a practice." in html
    assert "Check the year</textarea>" in html
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PENDING
    assert not PracticeReview.objects.exists()


def test_a_review_without_a_decision_is_refused_with_an_error(
    client, member, moderator
):
    practice = make_practice(submitted_by=member)
    client.force_login(moderator)

    response = client.post(review_url(practice), {"reason": "Looks good"})

    assert response.status_code == 200
    assert "Choose whether to publish it." in response.content.decode()
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PENDING


def test_a_second_decision_on_a_decided_practice_is_refused_and_changes_nothing(
    client, member, moderator, django_capture_on_commit_callbacks
):
    practice = make_practice(submitted_by=member)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url(practice), {"decision": "approved"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review_url(practice),
            {"decision": "rejected", "reason": "Changed my mind"},
            follow=True,
        )

    assert "has already been decided" in response.content.decode()
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED
    assert practice.reviews.count() == 1
    assert len(mail.outbox) == 1


def test_the_review_page_of_a_decided_practice_offers_no_form(
    client, member, moderator
):
    practice = make_practice(submitted_by=member)
    practice_approve(practice=practice, moderator=moderator)
    client.force_login(moderator)

    response = client.get(review_url(practice))

    assert response.status_code == 200
    assert "already been decided" in response.content.decode()
    assert 'name="decision"' not in response.content.decode()


def test_a_moderator_holding_a_stale_copy_cannot_decide_again(member, moderator):
    practice = make_practice(submitted_by=member)
    stale = Practice.objects.get(pk=practice.pk)
    practice_approve(practice=practice, moderator=moderator)

    with pytest.raises(PracticeDecisionError, match="already been decided"):
        practice_reject(practice=stale, moderator=moderator, reason="Too late")

    assert Practice.objects.get(pk=practice.pk).status == PracticeStatus.PUBLISHED
    assert PracticeReview.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_moderators_deciding_at_once_cannot_both_decide(member, moderator):
    second = make_user(
        "second.moderator@example.org",
        roles=(Role.MEMBER, Role.MODERATOR),
        agency=Agency.ITC,
    )
    practice = make_practice(submitted_by=member)
    first_holds_lock = threading.Event()
    release_first = threading.Event()
    outcomes: dict[str, object] = {}

    def first_moderator():
        try:
            with transaction.atomic():
                practice_approve(practice=practice, moderator=moderator, notify=False)
                first_holds_lock.set()
                release_first.wait(timeout=10)
            outcomes["first"] = "approved"
        finally:
            connection.close()

    def second_moderator():
        first_holds_lock.wait(timeout=10)
        try:
            practice_reject(
                practice=practice, moderator=second, reason="No", notify=False
            )
            outcomes["second"] = "rejected"
        except PracticeDecisionError as error:
            outcomes["second"] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=first_moderator),
        threading.Thread(target=second_moderator),
    ]

    for thread in threads:
        thread.start()
    first_holds_lock.wait(timeout=10)
    # The second moderator is now waiting on the row lock, not deciding.
    threads[1].join(timeout=0.5)
    second_was_blocked = threads[1].is_alive()
    release_first.set()
    for thread in threads:
        thread.join(timeout=10)

    assert second_was_blocked
    assert outcomes["first"] == "approved"
    assert isinstance(outcomes["second"], PracticeDecisionError)
    assert Practice.objects.get(pk=practice.pk).status == PracticeStatus.PUBLISHED
    assert PracticeReview.objects.filter(practice=practice).count() == 1


def test_the_header_marks_moderation_not_practices_as_the_current_section(
    moderator_client, member
):
    practice = make_practice(submitted_by=member)
    for url in (reverse("practices:queue"), review_url(practice)):
        header = moderator_client.get(url).content.decode().split("</header>")[0]

        assert re.search(r'href="/practices/queue/" aria-current="page"', header)
        assert not re.search(r'href="/practices/" aria-current', header)
