from __future__ import annotations

import pytest
from django.urls import reverse

from practices.models import Practice
from practices.services import practice_refresh
from tests.practices.factories import make_practice

pytestmark = pytest.mark.django_db


def test_the_admin_lists_and_opens_practices(admin_client, member):
    practice = make_practice(submitted_by=member)

    listing = admin_client.get(reverse("admin:practices_practice_changelist"))
    change = admin_client.get(
        reverse("admin:practices_practice_change", args=[practice.pk])
    )

    assert listing.status_code == 200
    assert change.status_code == 200
    assert practice.title in listing.content.decode()


def test_an_edit_outside_the_form_is_rendered_and_indexed_again(member):
    practice = make_practice(submitted_by=member)
    Practice.objects.filter(pk=practice.pk).update(
        description="Now about *broadband* cooperatives."
    )
    practice.refresh_from_db()

    practice_refresh(practice=practice)

    practice.refresh_from_db()
    assert "<em>broadband</em>" in practice.description_html
    assert Practice.objects.filter(search_vector="cooperative").exists()
