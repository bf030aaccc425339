"""Demo accounts, one for each role. Only for development machines."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db import transaction

from portal.models import Agency, StakeholderGroup, User
from portal.roles import Role
from portal.services import role_grant

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - documented in the README

DEMO_ACCOUNTS = [
    # e-mail, display name, organisation, stakeholder group, country, roles, agency
    (
        "member@example.org",
        "Amina Odhiambo",
        "Nairobi Women Traders Network",
        "civil-society",
        "KE",
        [Role.MEMBER],
        "",
    ),
    (
        "moderator.unctad@example.org",
        "UNCTAD moderator",
        "UNCTAD",
        "international-organisation",
        "CH",
        [Role.MEMBER, Role.MODERATOR],
        Agency.UNCTAD,
    ),
    (
        "moderator.ilo@example.org",
        "ILO moderator",
        "ILO",
        "international-organisation",
        "CH",
        [Role.MEMBER, Role.MODERATOR],
        Agency.ILO,
    ),
    (
        "moderator.itc@example.org",
        "ITC moderator",
        "ITC",
        "international-organisation",
        "CH",
        [Role.MEMBER, Role.MODERATOR],
        Agency.ITC,
    ),
    (
        "facilitator@example.org",
        "Action line facilitator",
        "UNCTAD",
        "international-organisation",
        "CH",
        [Role.MEMBER, Role.FACILITATOR],
        Agency.UNCTAD,
    ),
]


@transaction.atomic
def load_accounts() -> list[User]:
    users = []
    groups = {group.slug: group for group in StakeholderGroup.objects.all()}
    for email, name, organisation, group, country, roles, agency in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "organisation": organisation,
                "stakeholder_group": groups[group],
                "country": country,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        for role in roles:
            role_grant(user=user, role=role, agency=agency)
        users.append(user)
    return users
