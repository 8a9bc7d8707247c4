"""Aggregates over stored events, computed by the database: counts per period, country pairs
(dyads and the directed network), topics per dyad and period."""
from __future__ import annotations

from typing import Optional

from entente.store import queries
from entente.store.database import Database, EventFilter


def _conds(f: Optional[EventFilter]) -> list:
    return queries.event_conditions(f or EventFilter())


def dyad_series(db: Database, a: str, b: str, period: str = "month", f: Optional[EventFilter] = None) -> list[dict]:
    """Events between two countries (either direction) by event-date period and type, with the
    mean Goldstein score (cooperation > 0 > conflict). Only events dated inside one period count:
    an event dated to a year is not a January event; undated events are left out."""
    from sqlalchemy import func, select

    from entente.store import schema as t

    e = t.events
    cut = {"day": 10, "month": 7, "year": 4}[period]
    bucket = func.substr(e.c.date_start, 1, cut)
    conds = _conds(EventFilter(**{**(f.__dict__ if f else {}), "dyad": (a, b), "directed": False}))
    q = (select(bucket.label("period"), e.c.type, func.count().label("events"), func.avg(e.c.goldstein).label("g"))
         .where(*conds, e.c.date_start.is_not(None), bucket == func.substr(e.c.date_end, 1, cut))
         .group_by(bucket, e.c.type).order_by(bucket, e.c.type))
    with db.engine.connect() as conn:
        return [{"period": r.period, "type": r.type, "events": r.events,
                 "goldstein_mean": None if r.g is None else round(float(r.g), 2)} for r in conn.execute(q)]


def dyad_topics(db: Database, a: str, b: str, period: Optional[str] = None, f: Optional[EventFilter] = None) -> list[dict]:
    """Topics of the events between two countries (either direction), per period when asked."""
    conds = _conds(EventFilter(**{**(f.__dict__ if f else {}), "dyad": (a, b), "directed": False}))
    with db.engine.connect() as conn:
        rows = queries.topic_counts(conn, conds, period=period)
    return sorted(rows, key=lambda x: (x.get("period") or "", -x["events"], x["topic"]))


def dyads(db: Database, f: Optional[EventFilter] = None, limit: Optional[int] = None, offset: int = 0) -> tuple[int, list[dict]]:
    """Undirected country pairs with events between them, most events first: (total, page)."""
    with db.engine.connect() as conn:
        conds = _conds(f)
        return queries.count_pairs(conn, conds, directed=False), queries.pair_counts(conn, conds, False, limit, offset)


def network(db: Database, min_events: int = 1, f: Optional[EventFilter] = None, limit: Optional[int] = None,
            offset: int = 0) -> tuple[int, list[dict]]:
    """Directed country-to-country edges (actor -> recipient), most events first: (total, page).
    Each edge has its event count, cooperative and conflictual counts and mean Goldstein score."""
    with db.engine.connect() as conn:
        conds = _conds(f)
        total = queries.count_pairs(conn, conds, directed=True, min_events=min_events)
        rows = queries.pair_counts(conn, conds, True, limit, offset, min_events=min_events)
    return total, [{"source": r.pop("a"), "target": r.pop("b"), **r} for r in rows]


def dyad_topic_matrix(db: Database, pairs: list[tuple[str, str]], f: Optional[EventFilter] = None) -> list[dict]:
    """Events per (undirected pair, topic) for the given pairs: the dyad x topic heat map."""
    with db.engine.connect() as conn:
        return queries.topic_counts(conn, _conds(f), pairs=[tuple(sorted(p)) for p in pairs])
