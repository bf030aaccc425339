"""`manage.py import_indicators`: all files or none, a clear error otherwise."""

from __future__ import annotations

import io

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError

from indicators.models import ImportRun, Observation
from tests.indicators.helpers import csv_bytes, rate_rows

pytestmark = pytest.mark.django_db


def test_the_command_imports_each_file_and_says_how_many_rows(tmp_path):
    path = tmp_path / "EMP_NIFL_SEX_RT_A.csv"
    path.write_bytes(csv_bytes(rate_rows(areas=("Kenya", "Ghana"))))
    output = io.StringIO()

    call_command("import_indicators", str(path), stdout=output)

    assert "EMP_NIFL_SEX_RT_A.csv: 12 rows imported into EMP_NIFL_SEX_RT_A" in (
        output.getvalue()
    )
    assert Observation.objects.count() == 12
    assert ImportRun.objects.get().imported_by is None


def test_a_bad_file_stops_the_command_with_the_importers_message(tmp_path):
    rows = rate_rows()
    rows[2][5] = "12,5x"
    path = tmp_path / "EMP_NIFL_SEX_RT_A.csv"
    path.write_bytes(csv_bytes(rows))

    with pytest.raises(CommandError) as caught:
        call_command("import_indicators", str(path))

    assert "nothing was imported" in str(caught.value)
    assert "Line 4: the value “12,5x” is not a number" in str(caught.value)
    assert not Observation.objects.exists()


def test_a_bad_second_file_keeps_the_first_out_as_well(tmp_path):
    good = tmp_path / "EMP_NIFL_SEX_RT_A.csv"
    good.write_bytes(csv_bytes(rate_rows()))
    bad = tmp_path / "EMP_TEMP_SEX_INS_NB_A.csv"
    bad.write_bytes(b"")

    with pytest.raises(CommandError, match="The file is empty"):
        call_command("import_indicators", str(good), str(bad))

    assert not Observation.objects.exists()
    assert not ImportRun.objects.exists()


def test_a_bad_file_makes_the_command_exit_non_zero(tmp_path, capsys):
    path = tmp_path / "EMP_NIFL_SEX_RT_A.csv"
    path.write_bytes(b"\xff\xfe not text")

    with pytest.raises(SystemExit) as caught:
        ManagementUtility(["manage.py", "import_indicators", str(path)]).execute()

    assert caught.value.code == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_indicators", str(tmp_path / "nowhere.csv"))
