from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_ten_themes_for_action(client):
    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    assert len(response.context["themes"]) == 10
    assert "Payments for people without bank accounts" in response.content.decode()


def test_choosing_french_translates_the_interface_and_the_themes(client):
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": reverse("portal:home")}
    )
    page = client.get(response["Location"]).content.decode()

    assert '<html lang="fr" dir="ltr">' in page
    assert "Accès au haut débit" in page
    assert "Pratiques" in page


def test_choosing_arabic_mirrors_the_layout(client):
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})

    page = client.get(reverse("portal:home")).content.decode()

    assert '<html lang="ar" dir="rtl">' in page


def test_the_health_check_answers_without_a_session(client):
    response = client.get(reverse("portal:healthz"))

    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_the_home_page_costs_the_same_queries_with_more_content(
    client, member, django_assert_max_num_queries
):
    from forums.models import Forum
    from forums.services import thread_create
    from indicators.models import Indicator

    forum = Forum.objects.first()
    thread_create(forum=forum, author=member, title="First", body="Hello")
    Indicator.objects.create(code="ONE_A", name="First indicator")
    with django_assert_max_num_queries(4):
        client.get(reverse("portal:home"))
    for number in range(10):
        thread_create(forum=forum, author=member, title=f"T{number}", body="Hi")
        Indicator.objects.create(code=f"I{number}_A", name=f"Indicator {number}")

    with django_assert_max_num_queries(4):
        response = client.get(reverse("portal:home"))

    assert "T9" in response.content.decode()


def test_the_home_page_links_to_indicators_by_name(client):
    from indicators.models import Indicator

    indicator = Indicator.objects.create(
        code="EMP_NIFL_SEX_RT_A", name="Informal employment rate by sex (%)"
    )

    page = client.get(reverse("portal:home")).content.decode()

    link = f'<a href="{indicator.get_absolute_url()}">{indicator.name}</a>'
    assert link in page


def test_a_member_s_pages_never_look_up_django_model_permissions(
    member_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10) as queries:
        response = member_client.get(reverse("portal:home"))

    assert response.status_code == 200
    assert "Moderation" not in response.content.decode()
    assert not any("auth_permission" in q["sql"] for q in queries.captured_queries)


def test_staff_keep_their_model_permissions_for_the_admin(db):
    from django.contrib.auth.models import Permission

    from conftest import make_user

    editor = make_user("editor@example.org", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_theme"))

    assert editor.has_perm("portal.view_theme")
