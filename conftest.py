"""Fixtures shared by every test: the people of the portal, one per role."""

from __future__ import annotations

import importlib

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from portal.models import Agency, User
from portal.roles import Role
from portal.services import role_grant

PASSWORD = "correct-horse-battery"


def _flushes_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return (
        "live_server" in fixtures
        or "transactional_db" in fixtures
        or bool(marker and marker.kwargs.get("transaction"))
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that flush the database after all the others.

    pytest-django orders them so, but pytest regroups tests by the browser
    that pytest-playwright parametrizes per session, and a flushed database
    has lost the taxonomy that migrations put in it.
    """
    items.sort(key=_flushes_the_database)


def _migration(app_label: str, name: str):
    return importlib.import_module(f"{app_label}.migrations.{name}")


@pytest.fixture(autouse=True)
def _migrated_data(request):
    """Put back what the data migrations made, for tests that flush it away.

    A transactional test ends by emptying every table, taxonomy included;
    the data migrations' own functions write it again, so there is one
    source for it. (Serialized rollback proved unreliable across the browser
    tests' live server.)
    """
    if not _flushes_the_database(request.node):
        return
    request.getfixturevalue("transactional_db")
    _migration("portal", "0003_roles").create_roles(django_apps, None)
    _migration("portal", "0004_taxonomy").create_taxonomy(django_apps, None)
    _migration("forums", "0002_create_forum_per_theme").create_forums(django_apps, None)


def make_user(email: str, *, roles=(Role.MEMBER,), agency: str = "", **fields) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    for role in roles:
        role_grant(user=user, role=role, agency=agency)
    return user


@pytest.fixture(autouse=True)
def _interface_language():
    """Each test starts in the default language, whatever the last one chose.

    A request with a language cookie leaves that language active in the
    thread after the response.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_cached_fragments():
    """Each test renders its pages afresh: rows die with a test, cache keys don't."""
    caches["fragments"].clear()


@pytest.fixture
def member(db) -> User:
    return make_user("member@example.org", display_name="Mariam Member")


@pytest.fixture
def other_member(db) -> User:
    return make_user("other@example.org", display_name="Oscar Other")


@pytest.fixture
def moderator(db) -> User:
    return make_user(
        "moderator@example.org",
        roles=(Role.MEMBER, Role.MODERATOR),
        agency=Agency.ILO,
        display_name="Mo Derator",
    )


@pytest.fixture
def facilitator(db) -> User:
    return make_user(
        "facilitator@example.org",
        roles=(Role.MEMBER, Role.FACILITATOR),
        agency=Agency.UNCTAD,
        display_name="Fay Cilitator",
    )


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def facilitator_client(client, facilitator):
    client.force_login(facilitator)
    return client
