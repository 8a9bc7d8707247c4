"""Stage: time (first cut; see the issue for depth)."""
from __future__ import annotations

from entente.analysis import Analysis


def run(analysis: Analysis) -> None:
    return None
