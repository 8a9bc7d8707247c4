"""The stages, in the order they run. Each module has one job and a `run(analysis)`.

actors     -> who is mentioned: people, states, organisations, groupings (the entity model)
time       -> time expressions, normalised against the publication date
statements -> quotes and reported speech with their speakers
events     -> PLOVER/CAMEO events with actors, recipients, place, factuality
event_dates -> each event's own date from the time expressions
agreements -> named agreements and where each stands
"""
from __future__ import annotations

import importlib
from typing import Optional, Sequence

ORDER = ["actors", "time", "statements", "events", "event_dates", "agreements"]


def build(only: Optional[Sequence[str]] = None):
    names = ORDER if not only else [n for n in ORDER if n in set(only)]
    return [(n, importlib.import_module(f"entente.stages.{n}").run) for n in names]
