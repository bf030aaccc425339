"""Reads for the portal's own pages."""

from __future__ import annotations

from typing import Any

from portal.models import Theme


def home_context() -> dict[str, Any]:
    """What the home page shows: the sub-themes of the action line."""
    return {"themes": list(Theme.objects.all())}
