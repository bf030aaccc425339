"""What the bench scripts share: their environment and their database.

Both scripts run the real settings (portal.settings, DEBUG off) against a
database of their own, `portal_bench` unless DATABASE_URL names another one
whose name contains "bench": seeding empties the forums, so it must never
point at a database someone works in.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"


def configure() -> str:
    """Set the bench environment, start Django, return the database URL."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    # Measured as deployed: DEBUG off. PRODUCTION stays off only because it
    # turns on the redirect to HTTPS, which a loopback benchmark cannot follow.
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_PRODUCTION", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    url = os.environ["DATABASE_URL"]
    name = urlsplit(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit(
            f"DATABASE_URL names the database {name!r}: the bench empties the "
            "forums of the database it runs on, so its name must contain 'bench'."
        )

    import django

    django.setup()
    return url


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")
