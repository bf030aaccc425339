"""Reads for practices: what lists, pages and the moderation queue show."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, Subquery
from django.http import QueryDict

from portal.models import Theme, User
from practices.filters import PracticeFilterSet
from practices.models import Practice, PracticeQuerySet, PracticeReview


def _with_listing_relations(queryset: PracticeQuerySet) -> PracticeQuerySet:
    return queryset.select_related("stakeholder_group").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("position", "slug"))
    )


def _with_latest_review(queryset: PracticeQuerySet) -> PracticeQuerySet:
    latest = PracticeReview.objects.filter(practice=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    return queryset.annotate(
        review_reason=Subquery(latest.values("reason")[:1]),
        review_decision=Subquery(latest.values("decision")[:1]),
    )


def practice_published() -> PracticeQuerySet:
    """Published practices, newest first, with what list templates touch."""
    return _with_listing_relations(Practice.objects.published()).order_by(
        "-published_at", "-id"
    )


def practice_search(*, params: QueryDict | dict) -> PracticeFilterSet:
    """Published practices filtered by the list's GET parameters.

    The filter set carries both the form to show and the results (`.qs`):
    newest first, or by relevance when there are words to search for.
    """
    return PracticeFilterSet(params or None, queryset=practice_published())


def practice_latest(*, limit: int = 5) -> list[Practice]:
    """The most recently published practices, for the home page."""
    return list(practice_published()[:limit])


def practice_queue() -> PracticeQuerySet:
    """Practices waiting for a moderator, the longest-waiting first."""
    return (
        _with_listing_relations(Practice.objects.pending())
        .select_related("submitted_by")
        .order_by("created_at", "id")
    )


def practice_submitted_by(*, user: User) -> PracticeQuerySet:
    """A member's own submissions, newest first, with the last review's reason."""
    queryset = Practice.objects.filter(submitted_by=user)
    return _with_latest_review(_with_listing_relations(queryset)).order_by(
        "-created_at", "-id"
    )


def practice_get(*, slug: str) -> Practice:
    """One practice in any status, with the last review, for detail pages.

    Raises Practice.DoesNotExist. Whether the reader may see it is the view's
    question.
    """
    queryset = _with_latest_review(
        _with_listing_relations(Practice.objects.select_related("submitted_by"))
    )
    return queryset.get(slug=slug)
