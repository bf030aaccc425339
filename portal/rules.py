"""Who may do what: role predicates shared by views, templates and tests.

Group membership is read once per request and kept on the user object, so a
page that asks several questions costs one query.
"""

from __future__ import annotations

import rules

from portal.roles import Role


def _roles(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._portal_roles = cached
    return cached


@rules.predicate
def is_member(user) -> bool:
    return Role.MEMBER in _roles(user)


@rules.predicate
def is_moderator(user) -> bool:
    return Role.MODERATOR in _roles(user)


@rules.predicate
def is_facilitator(user) -> bool:
    return Role.FACILITATOR in _roles(user)


is_superuser = rules.is_superuser

rules.add_perm("portal.export_report", is_facilitator | is_superuser)
rules.add_perm("practices.submit_practice", is_member | is_moderator | is_facilitator)
rules.add_perm("practices.moderate_practice", is_moderator | is_superuser)
rules.add_perm("forums.post", is_member | is_moderator | is_facilitator)
rules.add_perm("indicators.import_indicator", is_facilitator | is_superuser)
