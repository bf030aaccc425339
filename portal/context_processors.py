from __future__ import annotations

import rules
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def navigation(request: HttpRequest) -> dict:
    """What the header offers the signed-in person.

    Asked of the rule set alone: Django's model-permission backend would cost
    two more queries on every page to answer what the roles already answer.
    """
    user = request.user
    return {
        "can_moderate": SimpleLazyObject(
            lambda: rules.has_perm("practices.moderate_practice", user)
        ),
        "can_report": SimpleLazyObject(
            lambda: rules.has_perm("portal.export_report", user)
        ),
    }
