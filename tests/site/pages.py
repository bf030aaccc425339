"""One example of every page type, with the data it needs.

Shared by the page-weight budget and the accessibility checks, so that a new
page type added here is held to both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from conftest import make_user
from portal.roles import Role


@dataclass(frozen=True)
class PageType:
    name: str
    arrange: Callable[[], str]
    # The role of the person looking at the page, or None for an anonymous visitor.
    role: Role | None = None

    def url(self, client) -> str:
        url = self.arrange()
        if self.role is not None:
            client.force_login(signed_in_as(self.role))
        return url


def signed_in_as(role: Role):
    from portal.models import User

    email = f"{role}-viewer@example.org"
    user = User.objects.filter(email=email).first()
    if user is None:
        roles = (Role.MEMBER,) if role == Role.MEMBER else (Role.MEMBER, role)
        user = make_user(email, roles=roles, agency="ilo", display_name="Page Viewer")
    return user


PAGE_TYPES = [
    PageType("home", lambda: reverse("portal:home")),
    PageType("login", lambda: reverse("account_login")),
    PageType("signup", lambda: reverse("account_signup")),
    PageType("password-reset", lambda: reverse("account_reset_password")),
    PageType("profile", lambda: reverse("portal:profile"), Role.MEMBER),
]
