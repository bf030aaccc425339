"""Writes for practices: submission and moderation."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.markdown import render_markdown
from portal.models import StakeholderGroup, Theme, User
from practices.models import Practice, PracticeReview, PracticeStatus, ReviewDecision
from practices.search import practice_search_vector
from practices.tasks import practice_decision_notify

logger = logging.getLogger(__name__)

# Paths of the app's own pages; a practice with one of these slugs would hide
# behind the page or hide it.
RESERVED_SLUGS = frozenset({"create", "mine", "queue"})
SLUG_ATTEMPTS = 5


class PracticeDecisionError(Exception):
    """A moderation decision that cannot be made, with a message for a person."""


def _free_slug(title: str) -> str:
    max_length = Practice._meta.get_field("slug").max_length - 10
    base = slugify(title)[:max_length].strip("-") or "practice"
    taken = set(
        Practice.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    taken |= RESERVED_SLUGS
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = "%s-%d" % (base, number)
    return slug


def _refresh_search_vector(practice: Practice) -> None:
    Practice.objects.filter(pk=practice.pk).update(
        search_vector=practice_search_vector(practice.language, practice.countries)
    )


@transaction.atomic
def practice_submit(
    *,
    submitted_by: User,
    title: str,
    summary: str,
    description: str,
    themes: Iterable[Theme],
    countries: list[str],
    organisation: str,
    stakeholder_group: StakeholderGroup,
    year_started: int,
    website: str = "",
    language: str = "en",
) -> Practice:
    """Store a member's initiative, waiting for a moderator.

    Renders the Markdown once and indexes the text for search. Locks nothing
    and sends nothing; raises ValidationError (by field) for bad input, before
    anything is written.
    """
    themes = list(themes)
    practice = Practice(
        submitted_by=submitted_by,
        title=title.strip(),
        summary=summary.strip(),
        description=description,
        countries=list(dict.fromkeys(countries)),
        organisation=organisation.strip(),
        stakeholder_group=stakeholder_group,
        year_started=year_started,
        website=website,
        language=language,
        status=PracticeStatus.PENDING,
    )
    errors: dict[str, list] = {}
    try:
        practice.full_clean(
            exclude=["slug", "submitted_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if not themes:
        errors.setdefault("themes", []).append(
            ValidationError(_("Choose at least one theme."), code="required")
        )
    if errors:
        raise ValidationError(errors)

    practice.description_html = render_markdown(practice.description)
    for attempt in range(SLUG_ATTEMPTS):
        practice.slug = _free_slug(practice.title)
        try:
            with transaction.atomic():
                practice.save()
            break
        except IntegrityError:
            # Someone took the same slug between the look-up and the insert.
            if attempt == SLUG_ATTEMPTS - 1:
                raise
            practice.pk = None
    practice.themes.set(themes)
    _refresh_search_vector(practice)
    logger.info("Practice %s submitted by user %s", practice.pk, submitted_by.pk)
    return practice


def practice_refresh(*, practice: Practice) -> None:
    """Render the description again and re-index after an edit in the admin.

    Locks nothing and sends nothing. The slug stays as it is, so links hold.
    """
    Practice.objects.filter(pk=practice.pk).update(
        description_html=render_markdown(practice.description)
    )
    _refresh_search_vector(practice)


def _lock_pending(*, practice: Practice, moderator: User) -> Practice:
    if not moderator.has_perm("practices.moderate_practice"):
        raise PermissionDenied(_("Only moderators can decide on initiatives."))
    locked = Practice.objects.select_for_update().get(pk=practice.pk)
    if locked.status != PracticeStatus.PENDING:
        raise PracticeDecisionError(
            _(
                "“%(title)s” has already been decided (%(status)s), perhaps by "
                "another moderator. Nothing was changed."
            )
            % {"title": locked.title, "status": locked.get_status_display()}
        )
    return locked


def _notify_on_commit(*, review: PracticeReview, site_url: str) -> None:
    transaction.on_commit(
        partial(
            practice_decision_notify.enqueue, review_id=review.pk, site_url=site_url
        )
    )


@transaction.atomic
def practice_approve(
    *, practice: Practice, moderator: User, site_url: str = "", notify: bool = True
) -> Practice:
    """Publish a pending practice and record the moderator's decision.

    Locks the practice row, so that of two moderators acting at once only the
    first decides; the second gets PracticeDecisionError. After commit, e-mails
    the submitter a link (site_url is the scheme and host to put before it)
    unless notify is off.
    """
    locked = _lock_pending(practice=practice, moderator=moderator)
    now = timezone.now()
    locked.status = PracticeStatus.PUBLISHED
    locked.published_at = now
    locked.save(update_fields=["status", "published_at", "updated_at"])
    review = PracticeReview.objects.create(
        practice=locked,
        moderator=moderator,
        decision=ReviewDecision.APPROVED,
        agency=moderator.agency,
        created_at=now,
    )
    logger.info("Practice %s approved by user %s", locked.pk, moderator.pk)
    if notify:
        _notify_on_commit(review=review, site_url=site_url)
    return locked


@transaction.atomic
def practice_reject(
    *,
    practice: Practice,
    moderator: User,
    reason: str,
    site_url: str = "",
    notify: bool = True,
) -> Practice:
    """Turn down a pending practice, with a reason the submitter will read.

    Raises ValidationError on "reason" when it is empty. Locks the practice row
    like practice_approve and refuses a practice that is no longer pending.
    After commit, e-mails the submitter the reason unless notify is off.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {
                "reason": ValidationError(
                    _("Give a reason: the submitter will read it."), code="required"
                )
            }
        )
    locked = _lock_pending(practice=practice, moderator=moderator)
    locked.status = PracticeStatus.REJECTED
    locked.save(update_fields=["status", "updated_at"])
    review = PracticeReview.objects.create(
        practice=locked,
        moderator=moderator,
        decision=ReviewDecision.REJECTED,
        reason=reason,
        agency=moderator.agency,
    )
    logger.info("Practice %s rejected by user %s", locked.pk, moderator.pk)
    if notify:
        _notify_on_commit(review=review, site_url=site_url)
    return locked
