"""Demo content for this part of the portal: loaded by `manage.py load_demo`."""

from __future__ import annotations


def load(*, stdout) -> None:
    """Load this part's demo content; running it again changes nothing."""
