from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_missing_page_says_so_in_the_portal_layout(client):
    response = client.get("/practices/no-such-initiative/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert 'href="/practices/"' in page


def test_a_refused_page_explains_the_missing_role_in_french(member_client):
    member_client.cookies["django_language"] = "fr"

    response = member_client.get(reverse("practices:queue"))

    assert response.status_code == 403
    assert "Accès non autorisé" in response.content.decode()
