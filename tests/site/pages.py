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


def _author():
    return signed_in_as(Role.MEMBER)


def _practice(*, published: bool = True) -> str:
    from tests.practices.factories import make_practice, make_published

    if published:
        practice = make_published(
            submitted_by=_author(),
            moderator=signed_in_as(Role.MODERATOR),
            description="It **works** on any phone.\n\n- agents\n- shops",
        )
    else:
        practice = make_practice(submitted_by=_author())
    return practice.slug


def _thread():
    from forums.services import post_create
    from tests.forums.factories import forum_get, thread_make

    thread = thread_make(forum=forum_get(), author=_author(), posts=3)
    post_create(
        thread=thread, author=_author(), body="A reply with a [link](https://ilo.org)."
    )
    return thread


def _indicator_code() -> str:
    import io

    from indicators.services import indicator_import

    rows = [
        '"ref_area.label","source.label","indicator.label","sex.label","time",'
        '"obs_value","obs_status.label","note_indicator.label","note_source.label"'
    ]
    for year, women, men in [(2019, 86.1, 78.0), (2022, 85.5, 77.2)]:
        for sex, value in [
            ("Female", women),
            ("Male", men),
            ("Total", (women + men) / 2),
        ]:
            # Statuses and notes on the older figures, so the page shows its
            # footnote markers too.
            status, note = (
                ("Break in series", "Repository: LFS") if year == 2019 else ("", "")
            )
            rows.append(
                f'"Kenya","LFS - Labour Force Survey",'
                f'"Informal employment rate by sex (%)","Sex: {sex}","{year}",'
                f'{value},"{status}","","{note}"'
            )
    data = ("\ufeff" + "\n".join(rows) + "\n").encode()
    run = indicator_import(file=io.BytesIO(data), filename="EMP_NIFL_SEX_RT_A.csv")
    return run.indicator.code


PAGE_TYPES = [
    PageType("home", lambda: reverse("portal:home")),
    PageType("practice-list", lambda: (_practice(), reverse("practices:list"))[1]),
    PageType(
        "practice-detail",
        lambda: reverse("practices:detail", kwargs={"slug": _practice()}),
    ),
    PageType("practice-create", lambda: reverse("practices:create"), Role.MEMBER),
    PageType(
        "practice-mine",
        lambda: (_practice(published=False), reverse("practices:mine"))[1],
        Role.MEMBER,
    ),
    PageType(
        "practice-queue",
        lambda: (_practice(published=False), reverse("practices:queue"))[1],
        Role.MODERATOR,
    ),
    PageType(
        "practice-review",
        lambda: reverse(
            "practices:review", kwargs={"slug": _practice(published=False)}
        ),
        Role.MODERATOR,
    ),
    PageType("forum-index", lambda: (_thread(), reverse("forums:index"))[1]),
    PageType(
        "forum", lambda: reverse("forums:forum", kwargs={"slug": _thread().forum.slug})
    ),
    PageType("thread", lambda: _thread().get_absolute_url()),
    PageType("thread-member", lambda: _thread().get_absolute_url(), Role.MEMBER),
    PageType(
        "thread-create",
        lambda: reverse("forums:thread_create", kwargs={"slug": "gender"}),
        Role.MEMBER,
    ),
    PageType(
        "indicator-list", lambda: (_indicator_code(), reverse("indicators:list"))[1]
    ),
    PageType(
        "indicator-detail",
        lambda: reverse("indicators:detail", kwargs={"code": _indicator_code()}),
    ),
    PageType(
        "indicator-import", lambda: reverse("indicators:import"), Role.FACILITATOR
    ),
    PageType("report-form", lambda: reverse("reports:create"), Role.FACILITATOR),
    PageType("login", lambda: reverse("account_login")),
    PageType("signup", lambda: reverse("account_signup")),
    PageType("password-reset", lambda: reverse("account_reset_password")),
    PageType("profile", lambda: reverse("portal:profile"), Role.MEMBER),
]
