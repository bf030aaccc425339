from __future__ import annotations

import io

import pytest
from django.core import mail

from portal.models import User
from practices import demo
from practices.models import Practice, PracticeReview, PracticeStatus

pytestmark = pytest.mark.django_db


def test_the_demo_loads_real_initiatives_most_approved_two_pending_and_no_mail(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(stdout=io.StringIO())

    practices = Practice.objects.all()
    assert practices.count() == len(demo.PRACTICES) >= 12
    assert practices.filter(status=PracticeStatus.PENDING).count() == 2
    assert practices.filter(status=PracticeStatus.PUBLISHED).count() >= 10
    assert set(practices.values_list("submitted_by__email", flat=True)) == {
        "member@example.org"
    }
    assert set(
        PracticeReview.objects.values_list("moderator__email", flat=True)
    ) <= set(demo.MODERATOR_EMAILS.values())
    assert all(p.description_html and p.search_vector for p in practices)
    assert mail.outbox == []


def test_loading_the_demo_twice_creates_nothing_new():
    demo.load(stdout=io.StringIO())
    counts = (
        Practice.objects.count(),
        PracticeReview.objects.count(),
        User.objects.count(),
    )
    output = io.StringIO()

    demo.load(stdout=output)

    assert (
        Practice.objects.count(),
        PracticeReview.objects.count(),
        User.objects.count(),
    ) == counts
    assert "0 created" in output.getvalue()


def test_the_demo_reuses_existing_demo_accounts(member):
    demo.load(stdout=io.StringIO())

    assert Practice.objects.filter(submitted_by=member).count() == len(demo.PRACTICES)
