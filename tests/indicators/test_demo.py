"""The demo content: the real files, imported once."""

from __future__ import annotations

import io

import pytest

from indicators import demo
from indicators.models import ImportRun, Observation

pytestmark = pytest.mark.django_db


def test_the_demo_imports_a_file_once_and_says_how_many_rows(monkeypatch):
    monkeypatch.setattr(demo, "DEMO_FILES", ["EMP_NIFL_SEX_RT_A.csv"])
    first, second = io.StringIO(), io.StringIO()

    demo.load(stdout=first)
    demo.load(stdout=second)

    assert first.getvalue() == (
        "Indicators: EMP_NIFL_SEX_RT_A.csv imported, 3,559 rows into "
        "EMP_NIFL_SEX_RT_A.\n"
    )
    assert "already imported (3,559 rows)" in second.getvalue()
    assert ImportRun.objects.count() == 1
    assert Observation.objects.count() == 3559
