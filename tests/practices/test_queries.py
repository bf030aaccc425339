"""Each page costs the same number of queries with 3 practices or with 33."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.models import Theme
from practices.models import Practice
from tests.practices.factories import make_practice, make_published

pytestmark = pytest.mark.django_db

# Five of these come with every signed-in page: the session, the user, the
# user's roles and two permission look-ups by the model backend.
BUDGETS = {
    "list": 11,
    "list_filtered": 13,
    "detail": 7,
    "queue": 8,
    "mine": 8,
    "review": 7,
    "create": 7,
}


def add_practices(member, moderator, number: int) -> None:
    themes = list(Theme.objects.filter(slug__in=["gender", "broadband", "indicators"]))
    for _ in range(number):
        make_published(
            submitted_by=member,
            moderator=moderator,
            themes=themes,
            countries=["KE", "UG"],
        )
        make_practice(submitted_by=member, themes=themes, countries=["UG", "TZ"])


def page_request(view: str) -> tuple[str, dict]:
    if view == "list_filtered":
        return reverse("practices:list"), {
            "q": "traders",
            "theme": "gender",
            "country": "KE",
            "group": "civil-society",
        }
    if view == "detail":
        return Practice.objects.published().first().get_absolute_url(), {}
    if view == "review":
        practice = Practice.objects.pending().first()
        return reverse("practices:review", kwargs={"slug": practice.slug}), {}
    return reverse("practices:%s" % view), {}


@pytest.mark.parametrize("view", sorted(BUDGETS))
def test_the_query_count_stays_flat_as_practices_grow(
    client, member, moderator, django_assert_max_num_queries, view
):
    add_practices(member, moderator, 3)
    client.force_login(moderator if view in {"queue", "review"} else member)
    url, params = page_request(view)
    with django_assert_max_num_queries(BUDGETS[view]):
        small = client.get(url, params)

    add_practices(member, moderator, 30)
    url, params = page_request(view)
    with django_assert_max_num_queries(BUDGETS[view]):
        large = client.get(url, params)

    assert small.status_code == large.status_code == 200
    if view in {"list", "list_filtered", "queue", "mine"}:
        assert len(small.context["page"].object_list) > 0
        assert len(large.context["page"].object_list) == 20


def test_an_anonymous_visitor_reads_the_list_in_six_queries(
    client, member, moderator, django_assert_num_queries
):
    add_practices(member, moderator, 25)

    with django_assert_num_queries(6):
        response = client.get(reverse("practices:list"))

    assert len(response.context["page"].object_list) == 20
