"""Writes for accounts and roles."""

from __future__ import annotations

import logging

from django.contrib.auth.models import Group
from django.db import transaction

from portal.models import Agency, User
from portal.roles import Role

logger = logging.getLogger(__name__)


class RoleError(ValueError):
    """A role change that cannot be made, with a message fit for a person."""


@transaction.atomic
def role_grant(*, user: User, role: Role, agency: str = "") -> None:
    """Give a user a role. Moderators must say which agency they speak for."""
    if role == Role.MODERATOR and agency not in Agency.values:
        raise RoleError(
            "A moderator needs an agency: one of %s." % ", ".join(Agency.values)
        )
    if agency and agency not in Agency.values:
        raise RoleError("Unknown agency %r." % agency)
    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    if agency:
        user.agency = agency
        user.save(update_fields=["agency"])
    logger.info("Role %s granted to user %s", role, user.pk)


@transaction.atomic
def role_revoke(*, user: User, role: Role) -> None:
    """Take a role away. The agency stays only while another staff role needs it."""
    user.groups.remove(*Group.objects.filter(name=role))
    staff_roles = {Role.MODERATOR, Role.FACILITATOR}
    still_staff = user.groups.filter(name__in=staff_roles).exists()
    if role in staff_roles and not still_staff and user.agency:
        user.agency = ""
        user.save(update_fields=["agency"])
    logger.info("Role %s revoked from user %s", role, user.pk)
