from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from forums.models import Post, Thread
from indicators.models import ImportRun, Indicator, Observation
from portal.models import User
from practices.models import Practice, PracticeStatus

pytestmark = pytest.mark.django_db


def test_the_demo_loader_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())

    assert not User.objects.exists()


def row_counts() -> list[int]:
    models = [User, Practice, Thread, Post, Observation, ImportRun]
    return [model.objects.count() for model in models]


def test_the_demo_loads_every_part_once_and_names_the_accounts(settings):
    settings.DEBUG = True
    output = io.StringIO()

    call_command("load_demo", stdout=output)
    counts = row_counts()
    call_command("load_demo", stdout=io.StringIO())

    assert counts == row_counts()
    assert counts[0] == 5
    assert Practice.objects.filter(status=PracticeStatus.PUBLISHED).count() >= 12
    assert Practice.objects.filter(status=PracticeStatus.PENDING).exists()
    assert Observation.objects.count() >= 3559 + 15839 + 6234
    ages = Indicator.objects.get(code="UNE_DEAP_SEX_AGE_RT_A")
    assert ages.name == "Unemployment rate by sex and age (%)"
    assert ages.age_groups
    text = output.getvalue()
    for email in ("member@", "moderator.unctad@", "moderator.ilo@", "facilitator@"):
        assert email in text
    assert "demo-portal-2026" in text
