from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from portal.models import ActionLine, StakeholderGroup, Theme

pytestmark = pytest.mark.django_db


def test_the_ten_themes_for_action_exist_in_english_and_french():
    themes = list(Theme.objects.all())

    assert len(themes) == 10
    assert all(theme.description_en and theme.description_fr for theme in themes)
    with translation.override("fr"):
        assert Theme.objects.get(slug="broadband").name == "Accès au haut débit"


def test_the_eleven_wsis_action_lines_are_c1_to_c11_in_order():
    codes = list(ActionLine.objects.values_list("code", flat=True))

    assert codes == [f"C{number}" for number in range(1, 12)]


def test_the_five_stakeholder_groups_and_three_roles_exist():
    assert set(StakeholderGroup.objects.values_list("slug", flat=True)) == {
        "government",
        "private-sector",
        "civil-society",
        "academia",
        "international-organisation",
    }
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "member",
        "moderator",
        "facilitator",
    }
