"""Reads for the portal's own pages."""

from __future__ import annotations

from typing import Any

from forums.selectors import thread_latest
from indicators.models import Indicator
from portal.models import Theme
from practices.selectors import practice_latest


def home_context() -> dict[str, Any]:
    """The sub-themes of the action line and the latest of each part: one
    query per list."""
    return {
        "themes": list(Theme.objects.all()),
        "latest_practices": practice_latest(limit=5),
        "latest_threads": thread_latest(limit=5),
        "indicators": list(Indicator.objects.only("code", "name")[:5]),
    }
