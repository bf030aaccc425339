"""Background work for practices: telling submitters what moderators decided."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from practices.models import PracticeReview, ReviewDecision

logger = logging.getLogger(__name__)


@task()
def practice_decision_notify(*, review_id: int, site_url: str = "") -> None:
    """E-mail the submitter a moderator's decision: the link, or the reason.

    site_url is the scheme and host put before the links; without it the
    e-mail carries paths only.
    """
    review = PracticeReview.objects.select_related("practice__submitted_by").get(
        pk=review_id
    )
    practice = review.practice
    submitter = practice.submitted_by
    base = site_url.rstrip("/")
    context = {
        "name": submitter.public_name,
        "title": practice.title,
        "link": base + practice.get_absolute_url(),
        "mine_link": base + reverse("practices:mine"),
        "reason": review.reason,
    }
    # TODO: write in the submitter's own language once profiles record one;
    # until then every decision e-mail goes out in the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        if review.decision == ReviewDecision.APPROVED:
            subject = _("Your initiative “%(title)s” is published") % {
                "title": practice.title
            }
            template = "practices/email/decision_approved.txt"
        else:
            subject = _("Your initiative “%(title)s” was not accepted") % {
                "title": practice.title
            }
            template = "practices/email/decision_rejected.txt"
        body = render_to_string(template, context)
    send_mail(subject, body, None, [submitter.email])
    logger.info(
        "Decision on practice %s e-mailed to user %s", practice.pk, submitter.pk
    )
