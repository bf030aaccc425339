from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def import_settings(**environ) -> subprocess.CompletedProcess:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")
    }
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-c", "import portal.settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("environ", "complaint"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "portal.example.org"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "s" * 50, "DJANGO_ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        (
            {
                "DJANGO_PRODUCTION": "true",
                "DJANGO_DEBUG": "true",
                "DJANGO_SECRET_KEY": "s" * 50,
            },
            "DEBUG",
        ),
    ],
)
def test_production_settings_refuse_to_start_when_unsafe(environ, complaint):
    result = import_settings(**environ)

    assert result.returncode != 0
    assert complaint in result.stderr


def test_safe_production_settings_load_with_secure_cookies():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import portal.settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)",
        ],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_PRODUCTION": "true",
            "DJANGO_SECRET_KEY": "s" * 50,
            "DJANGO_ALLOWED_HOSTS": "portal.example.org",
        },
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.split() == ["True", "True", "False"]
