"""Cross-story deduplication: one real-world event, many reports.

Two events are taken as the same when they agree on PLOVER type, the actor and
recipient country sets, the factuality and the event's own date. The date must
be a day, or a month when the story stated it; an undated event (publication-
date fallback) clusters only with reports of the same publication day, the way
event datasets group "one per day per dyad", but kept per type and direction.
"""
from __future__ import annotations

from typing import Optional

from entente.model import Event
from entente.text import short_hash


def cluster_key(event: Event, countries: dict[str, list[str]], published: Optional[str]) -> Optional[str]:
    def side(ids: list[str]) -> str:
        return ",".join(sorted({c for a in ids for c in countries.get(a, []) if c}))

    actors, recipients = side(event.actors), side(event.recipients)
    if not actors and not recipients:
        return None  # nothing to tell two reports apart by
    date = event.date
    if date.type in ("exact", "approximate", "range") and date.value and date.granularity in ("day", "month"):
        when = date.value
    elif published:
        when = "published:" + published
    else:
        return None
    if event.reciprocal:
        actors = recipients = ",".join(sorted(set(actors.split(",")) | set(recipients.split(",")) - {""}))
    return short_hash("cluster", event.type, actors, recipients, event.factuality, when)
