"""Practices made through the services, so they are rendered and indexed."""

from __future__ import annotations

from itertools import count

from django.utils.html import escape

from portal.models import StakeholderGroup, Theme, User
from practices.models import Practice
from practices.services import practice_approve, practice_submit

_numbers = count(1)


def practice_data(**overrides) -> dict:
    """What the submission form's fields hold, as the service takes them."""
    number = next(_numbers)
    data = {
        "title": "Digital market days %d" % number,
        "summary": "Traders in a small town sell online once a week.",
        "description": "A cooperative trains traders to sell through a shared shop.",
        "themes": [Theme.objects.get(slug="local-trade")],
        "countries": ["KE"],
        "organisation": "Market Town Cooperative",
        "stakeholder_group": StakeholderGroup.objects.get(slug="civil-society"),
        "year_started": 2015,
        "website": "",
        "language": "en",
    }
    data.update(overrides)
    return data


def make_practice(*, submitted_by: User, **overrides) -> Practice:
    return practice_submit(submitted_by=submitted_by, **practice_data(**overrides))


def make_published(*, submitted_by: User, moderator: User, **overrides) -> Practice:
    practice = make_practice(submitted_by=submitted_by, **overrides)
    return practice_approve(practice=practice, moderator=moderator, notify=False)


def form_data(**overrides) -> dict:
    """What the browser posts to the create page."""
    data = {
        "title": "Women's online crafts market",
        "summary": "An online shop where women artisans sell their crafts.",
        "description": "Artisans **photograph** their crafts and sell them online.",
        "themes": [Theme.objects.get(slug="gender").pk],
        "countries": ["SN", "ML"],
        "organisation": "Crafts Collective",
        "stakeholder_group": StakeholderGroup.objects.get(slug="civil-society").pk,
        "year_started": "2018",
        "website": "https://crafts.example.org",
        "language": "en",
    }
    data.update(overrides)
    return data


def shows(response, text: str) -> bool:
    """Whether a page shows a text, as the template escapes it."""
    return escape(text) in response.content.decode()


def links_to(response, practice: Practice) -> bool:
    """Whether a page links to a practice's own page."""
    return 'href="%s"' % practice.get_absolute_url() in response.content.decode()


def published_titles() -> set[str]:
    return set(Practice.objects.published().values_list("title", flat=True))
