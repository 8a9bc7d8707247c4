"""The read side's SQL: event filters as WHERE clauses, orderings the indexes serve, escaped
substring filters, and counts per period computed by the database rather than from a page of rows."""
from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from sqlalchemy import and_, case, exists, false, func, literal, or_, select, true, tuple_
from sqlalchemy.engine import Connection

from entente import dates
from entente.store import schema as t

if TYPE_CHECKING:  # pragma: no cover
    from entente.store.database import EventFilter

COOPERATIVE = (1, 2)  # CAMEO quad classes: verbal and material cooperation
CONFLICTUAL = (3, 4)  # verbal and material conflict
MAX_WORDS = 8         # free-text search: at most this many words, all required


def contains(column, value: str):
    """`column` contains `value`, case-insensitive, with % and _ taken literally."""
    return func.lower(column).contains(value.lower(), autoescape=True)


def name_filter(query, column, name: Optional[str]):
    """Rows whose name contains `name`; all rows when name is empty."""
    return query.where(contains(column, name)) if name else query


def words(text: Optional[str]) -> list[str]:
    return list(dict.fromkeys((text or "").split()))[:MAX_WORDS]


def _key():
    return tuple_(t.events.c.story_id, t.events.c.event_id)


def pair_events(a: str, b: str):
    """(story_id, event_id) of events where a country-A actor acts on a country-B recipient:
    one index range of event_pairs (a country acting on itself is not a pair there)."""
    if a != b:
        ep = t.event_pairs
        return select(ep.c.story_id, ep.c.event_id).where(ep.c.a == a, ep.c.b == b)
    pa, pr = t.participants.alias("pa"), t.participants.alias("pr")
    return (select(pa.c.story_id, pa.c.event_id)
            .join(pr, and_(pr.c.story_id == pa.c.story_id, pr.c.event_id == pa.c.event_id))
            .where(pa.c.role == "actor", pa.c.country == a, pr.c.role == "recipient", pr.c.country == b))


def entity_events(entity_id: str):
    """(story_id, event_id) of events one registry entity takes part in (either side)."""
    p, a = t.participants, t.actors
    same_actor = or_(p.c.actor_id == a.c.actor_id,
                     func.substr(p.c.actor_id, 1, func.length(a.c.actor_id) + 1) == a.c.actor_id + literal(":"))
    return (select(p.c.story_id, p.c.event_id)
            .join(a, and_(a.c.story_id == p.c.story_id, same_actor))
            .where(a.c.entity_id == entity_id))


def simple_conditions(f: "EventFilter", table) -> list:
    """Type, factuality and date bounds on a table with those columns (events, event_pairs)."""
    cond: list = []
    if f.types:
        cond.append(table.c.type.in_([x.upper() for x in f.types]))
    if f.factuality:
        cond.append(table.c.factuality.in_(f.factuality))
    if f.since:
        cond.append(table.c.date_end >= dates.bounds(f.since)[0].isoformat())
    if f.until:
        cond.append(table.c.date_start <= dates.bounds(f.until)[1].isoformat())
    return cond


def pairs_suffice(f: "EventFilter") -> bool:
    """Whether event_pairs alone answers the filter (no text, topic, entity, story, country)."""
    return not (f.country or f.entity or f.story or f.text or f.topic or f.dedupe) and \
        not (f.dyad and f.dyad[0].upper() == f.dyad[1].upper())


def event_conditions(f: "EventFilter") -> list:
    e, p = t.events, t.participants
    cond: list = []
    if f.country:  # EXISTS: a page walks the timeline index and stops when full
        cond.append(exists().where(p.c.story_id == e.c.story_id, p.c.event_id == e.c.event_id,
                                   p.c.country == f.country.upper()))
    if f.dyad:
        a, b = f.dyad[0].upper(), f.dyad[1].upper()
        forward = _key().in_(pair_events(a, b))
        cond.append(forward if f.directed else or_(forward, _key().in_(pair_events(b, a))))
    if f.entity:
        cond.append(_key().in_(entity_events(f.entity)))
    cond += simple_conditions(f, e)
    if f.story:
        cond.append(e.c.story_id == f.story)
    if f.topic:
        cond.append(e.c.topics.contains(json.dumps(f.topic), autoescape=True))
    for word in words(f.text):
        cond.append(contains(e.c.sentence, word))
    return cond


def event_order(descending: bool = False) -> list:
    """By event date, undated last; the two timeline indexes in schema.py serve both directions."""
    e = t.events
    cols = [e.c.date_start, e.c.story_id, e.c.start, e.c.event_id]
    return [e.c.date_start.is_(None)] + ([c.desc() for c in cols] if descending else cols)


def dedupe_heads(conds: list, descending: bool = False):
    """(story_id, event_id) of the first report of each cluster (and of every unclustered event)."""
    e = t.events
    key = func.coalesce(e.c.cluster, e.c.story_id + literal(":") + e.c.event_id)
    rank = func.row_number().over(partition_by=key, order_by=event_order(descending)).label("rank")
    inner = select(e.c.story_id, e.c.event_id, rank).where(*conds).subquery()
    return select(inner.c.story_id, inner.c.event_id).where(inner.c.rank == 1)


def _date_groups(table, conds: list):
    """Counts per (first day, last day) of the event date, read in index order; periods and
    spans are summed up from these."""
    coop = func.sum(case((table.c.quad_class.in_(COOPERATIVE), 1), else_=0))
    conflict = func.sum(case((table.c.quad_class.in_(CONFLICTUAL), 1), else_=0))
    return (select(table.c.date_start, table.c.date_end, func.count(), coop, conflict, func.sum(table.c.goldstein),
                   func.count(table.c.goldstein)).where(*conds).group_by(table.c.date_start, table.c.date_end))


def period_counts(conn: Connection, f: "EventFilter", period: str = "month") -> dict:
    """Events per calendar month (or year) from SQL. An event lands in a bucket only when its own
    date lies inside that bucket: a year- or decade-dated event is not put in January; those
    coarser spans are counted apart, and so are undated events. A dyad's counts come from
    event_pairs alone (one index range per direction), everything else from events."""
    cut = {"month": 7, "year": 4}[period]
    if f.dyad and pairs_suffice(f):
        ep, (a, b) = t.event_pairs, (f.dyad[0].upper(), f.dyad[1].upper())
        sides = [(a, b)] if f.directed else [(a, b), (b, a)]
        rows = [r for x, y in sides for r in conn.execute(
            _date_groups(ep, [ep.c.a == x, ep.c.b == y] + ([] if f.directed else [ep.c.lead.is_(True)]) +
                         simple_conditions(f, ep)))]
    else:
        rows = conn.execute(_date_groups(t.events, event_conditions(f))).all()
    buckets: dict[str, list] = {}
    spans: dict[tuple, list] = {}
    undated = 0
    for lo, hi, n, co, cf, gsum, gn in rows:
        if lo is None or hi is None:
            undated += n
            continue
        key = lo[:cut] if lo[:cut] == hi[:cut] else None
        acc = buckets.setdefault(key, [0, 0, 0, 0.0, 0]) if key else spans.setdefault((lo, hi), [0, 0, 0, 0.0, 0])
        for i, v in enumerate((n, co or 0, cf or 0, gsum or 0.0, gn or 0)):
            acc[i] += v
    coarse = sorted(spans.items(), key=lambda kv: (-kv[1][0], kv[0]))[:200]
    return {
        "period": period,
        "buckets": [{"period": k, "events": v[0], "cooperative": int(v[1]), "conflictual": int(v[2]),
                     "goldstein_mean": round(v[3] / v[4], 2) if v[4] else None} for k, v in sorted(buckets.items())],
        "coarse": [{"start": lo, "end": hi, "events": v[0], "cooperative": int(v[1]), "conflictual": int(v[2])}
                   for (lo, hi), v in coarse],
        "undated": undated,
        "spans_total": sum(v[0] for v in spans.values()),
    }


def _pairs(f: "EventFilter", directed: bool, with_topics: bool = False, lead_only: bool = False,
           only: Optional[list] = None):
    """One row per (event, country pair): actor country `a` acting on recipient country `b`, or
    the unordered pair (a < b) when undirected (the `lead` row of the two). From event_pairs,
    joined to events only for filters or columns that live there."""
    ep, e = t.event_pairs, t.events
    a, b = ep.c.a, ep.c.b
    if not directed:
        a, b = case((ep.c.a < ep.c.b, ep.c.a), else_=ep.c.b), case((ep.c.a < ep.c.b, ep.c.b), else_=ep.c.a)
    cols = [a.label("a"), b.label("b"), ep.c.story_id, ep.c.event_id, ep.c.goldstein, ep.c.quad_class,
            ep.c.date_start, ep.c.date_end]
    q = (select(*cols, ep.c.topics) if with_topics else select(*cols)).select_from(ep)
    rest = replace(f, dyad=None, directed=False)
    if not pairs_suffice(rest):
        q = q.join(e, and_(e.c.story_id == ep.c.story_id, e.c.event_id == ep.c.event_id)).where(*event_conditions(rest))
    else:
        q = q.where(*simple_conditions(f, ep))
    if not directed or lead_only:
        q = q.where(ep.c.lead.is_(True))
    if only is not None:  # these unordered pairs only, read from the index
        q = q.where(or_(tuple_(ep.c.a, ep.c.b).in_(only), tuple_(ep.c.b, ep.c.a).in_(only)) if only else false())
    if f.dyad:
        q = q.where(tuple_(ep.c.story_id, ep.c.event_id).in_(
            select(ep.c.story_id, ep.c.event_id).where(*dyad_sides(ep, f))))
    return q.subquery("pairs")


def dyad_page(f: "EventFilter"):
    """(story_id, event_id) of one page of a dyad's events, in event order, from event_pairs."""
    ep = t.event_pairs
    cols = [ep.c.date_start, ep.c.story_id, ep.c.start, ep.c.event_id]
    order = [ep.c.date_start.is_(None)] + ([c.desc() for c in cols] if f.descending else cols)
    q = select(ep.c.story_id, ep.c.event_id).where(*dyad_sides(ep, f), *simple_conditions(f, ep)).order_by(*order)
    return q.limit(f.limit).offset(f.offset or 0)


def dyad_sides(ep, f: "EventFilter") -> list:
    """The rows of event_pairs for the filter's dyad: A->B, or either way counted once."""
    a, b = f.dyad[0].upper(), f.dyad[1].upper()
    if f.directed:
        return [ep.c.a == a, ep.c.b == b]
    return [or_(and_(ep.c.a == a, ep.c.b == b), and_(ep.c.a == b, ep.c.b == a)), ep.c.lead.is_(True)]


def _pair_stats(p):
    coop = func.sum(case((p.c.quad_class.in_(COOPERATIVE), 1), else_=0))
    conflict = func.sum(case((p.c.quad_class.in_(CONFLICTUAL), 1), else_=0))
    return [func.count().label("events"), coop.label("cooperative"), conflict.label("conflictual"),
            func.avg(p.c.goldstein).label("goldstein_mean"), func.sum(p.c.goldstein).label("gsum"),
            func.count(p.c.goldstein).label("gn")]


def _stats_row(r) -> dict:
    return {"events": r.events, "cooperative": int(r.cooperative or 0), "conflictual": int(r.conflictual or 0),
            "goldstein_mean": None if r.goldstein_mean is None else round(float(r.goldstein_mean), 2)}


def pair_counts(conn: Connection, f: "EventFilter", directed: bool, limit: Optional[int] = None, offset: int = 0,
                min_events: int = 1) -> list[dict]:
    """Country pairs with their event counts, most events first. Grouped in the index order of
    event_pairs (a, b); an unordered pair adds up the lead rows of its two directions."""
    p = _pairs(f, True, lead_only=not directed)
    rows = conn.execute(select(p.c.a, p.c.b, *_pair_stats(p)).group_by(p.c.a, p.c.b)).all()
    merged: dict[tuple, list] = {}
    for r in rows:
        key = (r.a, r.b) if directed else tuple(sorted((r.a, r.b)))
        acc = merged.setdefault(key, [0, 0, 0, 0.0, 0])
        for i, v in enumerate((r.events, r.cooperative or 0, r.conflictual or 0, r.gsum or 0.0, r.gn or 0)):
            acc[i] += v
    out = [{"a": a, "b": b, "events": v[0], "cooperative": int(v[1]), "conflictual": int(v[2]),
            "goldstein_mean": round(v[3] / v[4], 2) if v[4] else None}
           for (a, b), v in merged.items() if v[0] >= min_events]
    out.sort(key=lambda x: (-x["events"], x["a"], x["b"]))
    return out[offset:offset + limit] if limit else out[offset:]


def count_pairs(conn: Connection, f: "EventFilter", directed: bool, min_events: int = 1) -> int:
    return len(pair_counts(conn, f, directed, min_events=min_events))


def _topics(conn: Connection, source):
    """A table-valued expansion of a JSON `topics` column, for SQLite or PostgreSQL."""
    from sqlalchemy import JSON, cast

    if conn.dialect.name == "postgresql":
        return func.json_array_elements_text(cast(source.c.topics, JSON)).table_valued("value")
    return func.json_each(source.c.topics).table_valued("value")


def topic_counts(conn: Connection, f: "EventFilter", pairs: Optional[list[tuple[str, str]]] = None,
                 period: Optional[str] = None) -> list[dict]:
    """Events per topic, and per undirected country pair (when `pairs` is given: only those) and
    per period (when given: only events dated inside one period). Events without topics count
    under '(none)'."""
    e = t.events
    if pairs is not None:
        src = _pairs(f, directed=False, with_topics=True, only=pairs)
        keys, base = [src.c.a, src.c.b], []
    elif f.dyad and pairs_suffice(f):
        ep = t.event_pairs
        src = select(ep.c.story_id, ep.c.event_id, ep.c.goldstein, ep.c.quad_class, ep.c.date_start, ep.c.date_end,
                     ep.c.topics).where(*dyad_sides(ep, f), *simple_conditions(f, ep)).subquery("ev")
        keys, base = [], []
    else:
        src = select(e.c.story_id, e.c.event_id, e.c.goldstein, e.c.quad_class, e.c.date_start, e.c.date_end,
                     e.c.topics).where(*event_conditions(f)).subquery("ev")
        keys, base = [], []
    if period:
        cut = {"month": 7, "year": 4}[period]
        bucket = func.substr(src.c.date_start, 1, cut)
        keys = keys + [bucket.label("period")]
        base = base + [src.c.date_start.is_not(None), bucket == func.substr(src.c.date_end, 1, cut)]
    topic = _topics(conn, src)
    with_topic = (select(topic.c.value.label("topic"), *keys, *_pair_stats(src)).select_from(src).join(topic, true())
                  .where(*base).group_by(topic.c.value, *keys))
    without = (select(literal("(none)").label("topic"), *keys, *_pair_stats(src)).select_from(src)
               .where(*base, or_(src.c.topics.is_(None), src.c.topics == "[]")).group_by(*keys) if keys else
               select(literal("(none)").label("topic"), *_pair_stats(src)).select_from(src)
               .where(*base, or_(src.c.topics.is_(None), src.c.topics == "[]")))
    out = []
    for r in list(conn.execute(with_topic)) + list(conn.execute(without)):
        if not r.events:
            continue
        row = {"topic": r.topic, **_stats_row(r)}
        if pairs is not None:
            row["a"], row["b"] = r.a, r.b
        if period:
            row["period"] = r.period
        out.append(row)
    return out


def statement_conditions(speaker, story, text, entity) -> list:
    s = t.statements
    cond = [contains(s.c.speaker_name, speaker)] if speaker else []
    if story:
        cond.append(s.c.story_id == story)
    if entity:
        cond.append(s.c.entity_id == entity)
    cond += [contains(s.c.text, w) for w in words(text)]
    return cond


def entity_conditions(name, kind, country, aliases) -> list:
    en, al = t.entities, t.entity_aliases
    cond = []
    if name and aliases:
        cond.append(or_(contains(en.c.name, name),
                        en.c.id.in_(select(al.c.entity_id).where(contains(al.c.alias, name)))))
    elif name:
        cond.append(contains(en.c.name, name))
    if kind:
        cond.append(en.c.kind == kind)
    if country:
        cond.append(en.c.country == country.upper())
    return cond


def story_conditions(q: Optional[str]) -> list:
    st = t.stories
    return [or_(contains(st.c.title, w), contains(st.c.source, w)) for w in words(q)]
