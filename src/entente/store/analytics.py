"""Aggregates over stored events: dyad time series, dyad x topic, the country network."""
from __future__ import annotations

from typing import Callable, Iterable

from entente.store.database import Database, EventFilter


def _aggregate(rows: Iterable[dict], keys: Callable[[dict], Iterable[tuple]], fields: tuple[str, ...]) -> list[dict]:
    """Count events and average their Goldstein score per key; keys sorted."""
    buckets: dict[tuple, list] = {}
    for r in rows:
        for key in keys(r):
            buckets.setdefault(key, []).append(r["goldstein"])
    out = []
    for key in sorted(buckets):
        scores = [g for g in buckets[key] if g is not None]
        out.append({**dict(zip(fields, key)), "events": len(buckets[key]),
                    "goldstein_mean": round(sum(scores) / len(scores), 2) if scores else None})
    return out


def dyad_series(db: Database, a: str, b: str, period: str = "month") -> list[dict]:
    """Events between two countries (either direction) by event-date period and type,
    with the mean Goldstein score (cooperation > 0 > conflict). Undated events are left out."""
    cut = {"day": 10, "month": 7, "year": 4}[period]
    rows = db.events(EventFilter(dyad=(a, b)))
    return _aggregate(rows, lambda r: [(r["date_start"][:cut], r["type"])] if r["date_start"] else [],
                      ("period", "type"))


def dyad_topics(db: Database, a: str, b: str) -> list[dict]:
    rows = db.events(EventFilter(dyad=(a, b)))
    out = _aggregate(rows, lambda r: [(t, r["type"]) for t in (r["topics"] or ["(none)"])], ("topic", "type"))
    return sorted(out, key=lambda x: (-x["events"], x["topic"], x["type"]))


def network(db: Database, min_events: int = 1) -> list[dict]:
    """Country-to-country edges, actor -> recipient: event count and mean Goldstein score."""
    def pairs(r: dict):
        src = {p["country"] for p in r["actors"] if p.get("country")}
        dst = {p["country"] for p in r["recipients"] if p.get("country")}
        return [(x, y) for x in sorted(src) for y in sorted(dst) if x != y]

    return [e for e in _aggregate(db.events(), pairs, ("source", "target")) if e["events"] >= min_events]
