"""Aggregates over stored events, computed by the database: counts per period, country pairs
(dyads and the directed network), topics per dyad and period."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from sqlalchemy import func, select

from entente.store import queries
from entente.store import schema as t
from entente.store.database import Database, EventFilter


def _pair(f: Optional[EventFilter], a: str, b: str) -> EventFilter:
    return replace(f or EventFilter(), dyad=(a, b), directed=False)


def dyad_series(db: Database, a: str, b: str, period: str = "month", f: Optional[EventFilter] = None) -> list[dict]:
    """Events between two countries (either direction) by event-date period and type, with the
    mean Goldstein score (cooperation > 0 > conflict). Only events dated inside one period count:
    an event dated to a year is not a January event; undated events are left out."""
    f = _pair(f, a, b)
    cut = {"day": 10, "month": 7, "year": 4}[period]
    if queries.pairs_suffice(f):
        src = t.event_pairs
        conds = queries.dyad_sides(src, f) + queries.simple_conditions(f, src)
    else:
        src, conds = t.events, queries.event_conditions(f)
    bucket = func.substr(src.c.date_start, 1, cut)
    q = (select(bucket.label("period"), src.c.type, func.count().label("events"), func.avg(src.c.goldstein).label("g"))
         .where(*conds, src.c.date_start.is_not(None), bucket == func.substr(src.c.date_end, 1, cut))
         .group_by(bucket, src.c.type).order_by(bucket, src.c.type))
    with db.engine.connect() as conn:
        return [{"period": r.period, "type": r.type, "events": r.events,
                 "goldstein_mean": None if r.g is None else round(float(r.g), 2)} for r in conn.execute(q)]


def dyad_topics(db: Database, a: str, b: str, period: Optional[str] = None, f: Optional[EventFilter] = None) -> list[dict]:
    """Topics of the events between two countries (either direction), per period when asked."""
    with db.engine.connect() as conn:
        rows = queries.topic_counts(conn, _pair(f, a, b), period=period)
    return sorted(rows, key=lambda x: (x.get("period") or "", -x["events"], x["topic"]))


def dyads(db: Database, f: Optional[EventFilter] = None, limit: Optional[int] = None, offset: int = 0) -> tuple[int, list[dict]]:
    """Undirected country pairs with events between them, most events first: (total, page)."""
    f = f or EventFilter()
    with db.engine.connect() as conn:
        return queries.count_pairs(conn, f, directed=False), queries.pair_counts(conn, f, False, limit, offset)


def network(db: Database, min_events: int = 1, f: Optional[EventFilter] = None, limit: Optional[int] = None,
            offset: int = 0) -> tuple[int, list[dict]]:
    """Directed country-to-country edges (actor -> recipient), most events first: (total, page).
    Each edge has its event count, cooperative and conflictual counts and mean Goldstein score."""
    f = f or EventFilter()
    with db.engine.connect() as conn:
        total = queries.count_pairs(conn, f, directed=True, min_events=min_events)
        rows = queries.pair_counts(conn, f, True, limit, offset, min_events=min_events)
    return total, [{"source": r.pop("a"), "target": r.pop("b"), **r} for r in rows]


def dyad_topic_matrix(db: Database, pairs: list[tuple[str, str]], f: Optional[EventFilter] = None) -> list[dict]:
    """Events per (undirected pair, topic) for the given pairs: the dyad x topic heat map."""
    with db.engine.connect() as conn:
        return queries.topic_counts(conn, f or EventFilter(), pairs=[tuple(sorted(p)) for p in pairs])
