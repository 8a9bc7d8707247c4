"""Clusters in the database: every stored event's real-world event, kept up to date at ingest.

Each clusterable event has a row in `cluster_reports` (its `entente.clusters.Report`
as JSON, its blocking keys and its cluster) and one row per country in
`cluster_countries`; `clusters` holds one summary row per real-world event (type,
countries, best date, first and last seen, source count). `events.cluster` mirrors
the assignment so that every event row carries it.

Adding or removing a story re-decides only the reports that can depend on it
(`entente.clustering.reassign`), so the partition equals the canonical one whatever
the ingest order. Candidates come from two indexed lookups per report (see `SqlSource`).
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from itertools import combinations
from typing import Iterable, Optional
from urllib.parse import urlparse

from sqlalchemy import and_, bindparam, delete, exists, func, insert, inspect, select, update
from sqlalchemy.engine import Connection, Engine

from entente import date_bounds as dates
from entente.clustering import partition, reassign
from entente.clusters import LOOKBACK_DAYS, MAX_SPAN_DAYS, TOLERANCE_DAYS, Report, report_of
from entente.model import Document
from entente.store import schema as t
from entente.store.connect import write_transaction

RULES = "4"  # the clustering's version: change it with the rules, and stored clusters are rebuilt on open
_LOCK = 0x656E7465  # PostgreSQL advisory lock: one writer re-clusters at a time
_CHUNK = 500


SUBSET_LOOKUP_MAX = 6  # up to this many countries, a report's subsets are looked up by exact set


def country_set(countries) -> str:
    """'|CHN|USA|': a report's countries as one indexed string."""
    return "|" + "|".join(sorted(countries)) + "|"


def _like(code: str) -> str:
    return "%|" + code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%"


class SqlSource:
    """`entente.clustering.Source` over the cluster tables of one connection.

    A compatible report's countries are a subset or a superset of this one's: supersets are
    the reports holding its country (one), or its two smallest codes and every other one
    (several); subsets are looked up by their exact set string (or, for a report with many
    countries, by their smallest code). Each lookup is an index range on (key, type,
    factuality class, date window)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.clusters: dict[str, str] = {}
        self.reports: dict[str, Report] = {}
        self._members: dict[str, list[Report]] = {}
        self._queries: dict = {}

    def _query(self, kind: str, n: int = 0):
        if (kind, n) not in self._queries:
            cr, cc, cp = t.cluster_reports, t.cluster_countries, t.cluster_report_pairs
            q = select(cr.c.key, cr.c.report, cr.c.cluster)
            if kind == "members":
                q = q.where(cr.c.cluster == bindparam("cluster"))
            elif kind == "supersets":  # of one country
                q = (q.join(cc, and_(cc.c.story_id == cr.c.story_id, cc.c.event_id == cr.c.event_id))
                     .where(cc.c.country == bindparam("first"), cc.c.type == bindparam("type"),
                            cc.c.fact == bindparam("fact"), cc.c.lo.between(bindparam("lo"), bindparam("hi")),
                            cc.c.hi >= bindparam("near")))
            elif kind == "pair-supersets":  # of two or more countries: a pair of them, then the others
                q = (q.join(cp, and_(cp.c.story_id == cr.c.story_id, cp.c.event_id == cr.c.event_id))
                     .where(cp.c.a == bindparam("first"), cp.c.b == bindparam("second"), cp.c.type == bindparam("type"),
                            cp.c.fact == bindparam("fact"), cp.c.lo.between(bindparam("lo"), bindparam("hi")),
                            cp.c.hi >= bindparam("near"),
                            *(cr.c.countries.like(bindparam(f"o{i}"), escape="\\") for i in range(n))))
            else:
                column = cr.c.countries if kind == "subsets" else cr.c.first_country
                q = q.where(cr.c.type == bindparam("type"), cr.c.fact == bindparam("fact"),
                            column.in_(bindparam("keys", expanding=True)),
                            cr.c.lo.between(bindparam("lo"), bindparam("hi")), cr.c.hi >= bindparam("near"))
            self._queries[(kind, n)] = q
        return self._queries[(kind, n)]

    def load(self, query, params: dict) -> list[Report]:
        out = []
        for key, text, cluster in self.conn.execute(query, params):
            if key not in self.reports:
                self.reports[key] = Report.from_json(key, text)
                self.clusters[key] = cluster
            out.append(self.reports[key])
        return out

    def candidates(self, reports: list[Report]) -> list[Report]:
        found: dict[str, Report] = {}
        groups: dict[tuple, list[Report]] = {}
        for r in reports:  # one lookup per distinct country set and interval
            groups.setdefault((r.type, r.fact, tuple(sorted(r.countries)), r.lo, r.hi), []).append(r)
        for (type_, fact, codes, _, _), group in sorted(groups.items()):
            window = {"type": type_, "fact": fact,
                      "lo": (min(r.lo for r in group) - dt.timedelta(days=LOOKBACK_DAYS)).isoformat(),
                      "hi": (max(r.hi for r in group) + dt.timedelta(days=TOLERANCE_DAYS)).isoformat(),
                      "near": (min(r.lo for r in group) - dt.timedelta(days=TOLERANCE_DAYS)).isoformat()}
            if len(codes) == 1:
                batches = [(self._query("supersets"), {**window, "first": codes[0]})]
            else:
                others = {f"o{i}": _like(c) for i, c in enumerate(codes[2:])}
                batches = [(self._query("pair-supersets", len(others)),
                            {**window, "first": codes[0], "second": codes[1], **others})]
            if len(codes) <= SUBSET_LOOKUP_MAX:
                subsets = [country_set(x) for n in range(1, len(codes) + 1) for x in combinations(codes, n)]
                batches.append((self._query("subsets"), {**window, "keys": subsets}))
            else:
                batches.append((self._query("firsts"), {**window, "keys": list(codes)}))
            for query, params in batches:
                for x in self.load(query, params):
                    found[x.key] = x
        return list(found.values())

    def members(self, cluster: str) -> list[Report]:
        if cluster not in self._members:
            self._members[cluster] = self.load(self._query("members"), {"cluster": cluster})
        return self._members[cluster]

    def stored(self, key: str) -> Optional[str]:
        return self.clusters.get(key)


def lock(conn: Connection) -> None:
    """PostgreSQL: one writing transaction at a time from here to its commit, so that concurrent
    writers re-cluster one after the other (taken first, before any write, no deadlock)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK})")


def _insert(conn: Connection, reports: Iterable[Report], ids: dict[str, str]) -> None:
    rows, countries, pairs = [], [], []
    for r in reports:
        rows.append(dict(story_id=r.story, event_id=r.event, key=r.key, type=r.type, fact=r.fact,
                         lo=r.lo.isoformat(), hi=r.hi.isoformat(), countries=country_set(r.countries),
                         first_country=min(r.countries), report=r.to_json(), cluster=ids[r.key]))
        countries += [dict(story_id=r.story, event_id=r.event, country=c, type=r.type, fact=r.fact,
                           lo=r.lo.isoformat(), hi=r.hi.isoformat()) for c in sorted(r.countries)]
        pairs += [dict(story_id=r.story, event_id=r.event, a=a, b=b, type=r.type, fact=r.fact,
                       lo=r.lo.isoformat(), hi=r.hi.isoformat()) for a, b in combinations(sorted(r.countries), 2)]
    if rows:
        conn.execute(insert(t.cluster_reports), rows)
        conn.execute(insert(t.cluster_countries), countries)
        if pairs:
            conn.execute(insert(t.cluster_report_pairs), pairs)


def _apply(conn: Connection, changes: dict[str, str], reports: dict[str, Report], stored: bool = True) -> None:
    """Write new clusters: on the report rows (when stored) and on the event rows."""
    if not changes:
        return
    cr, ev = t.cluster_reports, t.events
    rows = [{"k": key, "s": reports[key].story, "e": reports[key].event, "c": c} for key, c in sorted(changes.items())]
    if stored:
        conn.execute(update(cr).where(cr.c.key == bindparam("k")).values(cluster=bindparam("c")), rows)
    conn.execute(update(ev).where(ev.c.story_id == bindparam("s"), ev.c.event_id == bindparam("e"))
                 .values(cluster=bindparam("c")), rows)


def add_story(conn: Connection, story_id: str, doc: Document) -> None:
    """Cluster a just-stored story's events; re-decide the stored reports that depend on them."""
    reports = [r for r in (report_of(doc, e, story_id) for e in doc.events) if r is not None]
    if not reports:
        return
    lock(conn)
    source = SqlSource(conn)
    changes = reassign(source, reports)
    new = {r.key for r in reports}
    _insert(conn, reports, changes)
    _apply(conn, {k: c for k, c in changes.items() if k not in new}, source.reports)
    _apply(conn, {r.key: changes[r.key] for r in reports}, {r.key: r for r in reports}, stored=False)
    touched = set(changes.values()) | {source.stored(k) for k in changes if k not in new}
    refresh(conn, touched - {None})


def remove_story(conn: Connection, story_id: str) -> None:
    """Take a story's reports out (before its rows are deleted); re-decide those that depended on them."""
    cr = t.cluster_reports
    lock(conn)
    source = SqlSource(conn)
    gone = source.load(select(cr.c.key, cr.c.report, cr.c.cluster).where(cr.c.story_id == story_id), {})
    if not gone:
        return
    old = {source.stored(r.key) for r in gone}
    changes = reassign(source, removed=gone)
    for table in (t.cluster_countries, t.cluster_report_pairs, cr):
        conn.execute(delete(table).where(table.c.story_id == story_id))
    _apply(conn, changes, source.reports)
    refresh(conn, old | set(changes.values()) | {source.stored(k) for k in changes})


def rebuild(engine: Engine) -> int:
    """Cluster every stored event from scratch (the cluster tables are derived data).
    Returns the number of reports."""
    with write_transaction(engine) as conn:
        lock(conn)
        for table in (t.cluster_countries, t.cluster_report_pairs, t.cluster_reports, t.clusters,
                      t.cluster_participants, t.cluster_pairs, t.cluster_meta):
            conn.execute(delete(table))
        conn.execute(update(t.events).values(cluster=None))
        reports = []
        for sid, document in conn.execute(select(t.stories.c.id, t.stories.c.document).order_by(t.stories.c.id)):
            try:
                doc = Document.model_validate_json(document)
            except ValueError:  # a document this version cannot read: its events stay unclustered
                continue
            reports += [r for r in (report_of(doc, e, sid) for e in doc.events) if r is not None]
        ids = partition(reports)
        _insert(conn, reports, ids)
        _apply(conn, ids, {r.key: r for r in reports}, stored=False)
        refresh(conn, set(ids.values()))
        conn.execute(insert(t.cluster_meta).values(key="rules", value=RULES))
    return len(reports)


def rebuild_if_needed(engine: Engine) -> None:
    """Bring the cluster tables up to this version: recreate them when their layout is not this
    version's, and re-cluster when they were built by other rules (or by none: a database
    written before clusters existed)."""
    tables = [t.cluster_countries, t.cluster_report_pairs, t.cluster_reports, t.clusters, t.cluster_participants,
              t.cluster_pairs, t.cluster_meta]
    found = inspect(engine)
    if any({c.name for c in table.columns} - {c["name"] for c in found.get_columns(table.name)} for table in tables):
        t.metadata.drop_all(engine, tables=tables)
        t.metadata.create_all(engine, tables=tables)
    with engine.connect() as conn:
        rules = conn.execute(select(t.cluster_meta.c.value).where(t.cluster_meta.c.key == "rules")).scalar()
        stored = conn.execute(select(exists().where(t.events.c.event_id.is_not(None)))).scalar()
    if rules == RULES:
        return
    if stored:
        rebuild(engine)
    else:
        with write_transaction(engine) as conn:
            conn.execute(delete(t.cluster_meta))
            conn.execute(insert(t.cluster_meta).values(key="rules", value=RULES))


# -- summaries --------------------------------------------------------------------
def _members(conn: Connection, cluster_ids: list[str]) -> dict[str, list[dict]]:
    """The reports of these clusters with their event and story fields, by cluster."""
    cr, ev, st = t.cluster_reports, t.events, t.stories
    out: dict[str, list[dict]] = {}
    for i in range(0, len(cluster_ids), _CHUNK):
        q = (select(cr.c.cluster, cr.c.key, cr.c.report, ev.c.story_id, ev.c.event_id, ev.c.factuality,
                    ev.c.date_value, ev.c.date_granularity, ev.c.date_type, ev.c.reciprocal, ev.c.sentence,
                    ev.c.trigger, ev.c.start, ev.c.end, st.c.title, st.c.url, st.c.published, st.c.source)
             .join(ev, and_(ev.c.story_id == cr.c.story_id, ev.c.event_id == cr.c.event_id))
             .join(st, st.c.id == cr.c.story_id)
             .where(cr.c.cluster.in_(cluster_ids[i:i + _CHUNK]))
             .order_by(cr.c.cluster, st.c.published, cr.c.story_id, ev.c.start, cr.c.event_id))
        for row in conn.execute(q):
            m = dict(row._mapping)
            m["report"] = Report.from_json(m["key"], m["report"])
            out.setdefault(m["cluster"], []).append(m)
    return out


def _outlet(m: dict) -> str:
    return m["source"] or urlparse(m["url"] or "").netloc.removeprefix("www.") or m["story_id"]


def _codes(countries) -> list[str]:
    return sorted({"IGO" if c.startswith("IGO:") else c for c in countries})


def summarise(cluster: str, members: list[dict]) -> dict:
    """One real-world event from its reports: the fullest report's sides, the best-supported date."""
    reps = [m["report"] for m in members]
    head = min(reps, key=lambda r: (-len(r.countries), not r.day, not r.dated, r.sort))
    days = Counter(r.lo for r in reps if r.day)
    own = [(r.hi - r.lo, r.lo, m) for r, m in zip(reps, members) if r.dated and not r.day]
    if days:
        day = min(days, key=lambda d: (-days[d], d))
        date = {"value": day.isoformat(), "granularity": "day", "type": "exact"}
    elif own:
        _, _, m = min(own, key=lambda x: (x[0], x[1]))
        date = {"value": m["date_value"], "granularity": m["date_granularity"], "type": m["date_type"]}
    else:
        when = [m["date_value"] or m["published"] for m in members if m["date_value"] or m["published"]]
        date = {"value": min(when) if when else head.hi.isoformat(), "granularity": "day", "type": "reported"}
    lo, hi = dates.bounds(date["value"])
    facts = Counter(m["factuality"] for m in members)
    seen = sorted(m["published"] for m in members if m["published"])
    return {
        "cluster": cluster, "type": head.type,
        "factuality": "asserted" if "asserted" in facts else min(facts, key=lambda f: (-facts[f], f)),
        "date_value": date["value"], "date_granularity": date["granularity"], "date_type": date["type"],
        "date_start": lo.isoformat() if lo else None, "date_end": hi.isoformat() if hi else None,
        "actor_countries": json.dumps(_codes(head.actors)), "recipient_countries": json.dumps(_codes(head.recipients)),
        "reciprocal": any(bool(m["reciprocal"]) for m in members),
        "first_seen": seen[0] if seen else None, "last_seen": seen[-1] if seen else None,
        "source_count": len({m["story_id"] for m in members}), "outlet_count": len({_outlet(m) for m in members}),
        "report_count": len(members),
    }


def refresh(conn: Connection, cluster_ids: set) -> None:
    """Rewrite the summary rows of these clusters (dropping those left without reports)."""
    ids = sorted(c for c in cluster_ids if c)
    for i in range(0, len(ids), _CHUNK):
        for table in (t.clusters, t.cluster_participants, t.cluster_pairs):
            conn.execute(delete(table).where(table.c.cluster.in_(ids[i:i + _CHUNK])))
    rows, countries, pairs = [], [], []
    for c, ms in sorted(_members(conn, ids).items()):
        rows.append(summarise(c, ms))
        more, both = index_rows(rows[-1], [m["report"] for m in ms])
        countries += more
        pairs += both
    if rows:
        conn.execute(insert(t.clusters), rows)
        conn.execute(insert(t.cluster_participants), countries)
        if pairs:
            conn.execute(insert(t.cluster_pairs), pairs)


def index_rows(summary: dict, reports: list[Report]) -> tuple[list[dict], list[dict]]:
    """The cluster_participants and cluster_pairs rows of one cluster."""
    codes = _codes({c for r in reports for c in r.countries})
    cluster, start = summary["cluster"], summary["date_start"]
    return ([{"cluster": cluster, "country": c, "date_start": start} for c in codes],
            [{"cluster": cluster, "a": a, "b": b, "date_start": start} for a, b in combinations(codes, 2)])


# -- reading ----------------------------------------------------------------------
def _item(row: dict, members: list[dict]) -> dict:
    return {
        "cluster": row["cluster"], "type": row["type"], "factuality": row["factuality"],
        "actor_countries": json.loads(row["actor_countries"] or "[]"),
        "recipient_countries": json.loads(row["recipient_countries"] or "[]"),
        "reciprocal": bool(row["reciprocal"]),
        "date": {"value": row["date_value"], "granularity": row["date_granularity"], "type": row["date_type"]},
        "first_seen": row["first_seen"], "last_seen": row["last_seen"],
        "source_count": row["source_count"], "outlet_count": row["outlet_count"], "report_count": row["report_count"],
        "sources": [{"story": m["story_id"], "event": m["event_id"], "title": m["title"], "url": m["url"],
                     "source": m["source"], "published": m["published"], "sentence": m["sentence"],
                     "trigger": m["trigger"], "start": m["start"], "end": m["end"]} for m in members],
    }


def list_clusters(conn: Connection, *, country: Optional[str] = None, dyad: Optional[tuple[str, str]] = None,
                  types: Iterable[str] = (), since: Optional[str] = None, until: Optional[str] = None,
                  min_sources: int = 1, limit: int = 100, offset: int = 0) -> tuple[int, list[dict]]:
    """(total, one page of clusters with their sources), by event date then id. A dyad or a
    country drives the query from its own index, already in date order; a date bound is a
    range on the start date (a cluster's date spans at most MAX_SPAN_DAYS)."""
    c, cp, pairs = t.clusters, t.cluster_participants, t.cluster_pairs
    if dyad:
        a, b = sorted(x.upper() for x in dyad)
        d = select(pairs.c.cluster, pairs.c.date_start).where(pairs.c.a == a, pairs.c.b == b)
        if country:
            d = d.where(pairs.c.cluster.in_(select(cp.c.cluster).where(cp.c.country == country.upper())))
    elif country:
        d = select(cp.c.cluster, cp.c.date_start).where(cp.c.country == country.upper())
    else:
        d = None
    start = (d.selected_columns.date_start if d is not None else c.c.date_start)
    window, conds = [], []
    if since:
        first = dates.bounds(since)[0]
        window.append(start >= (first - dt.timedelta(days=MAX_SPAN_DAYS)).isoformat())
        conds.append(c.c.date_end >= first.isoformat())
    if until:
        window.append(start <= dates.bounds(until)[1].isoformat())
    if min_sources > 1:
        conds.append(c.c.source_count >= min_sources)
    types = [x.upper() for x in types]
    if types:
        conds.append(c.c.type.in_(types))
    if d is None:
        q = select(c).where(*window, *conds)
        order = (c.c.date_start, c.c.cluster)
    else:
        sub = d.where(*window).subquery()
        q = select(c).select_from(sub.join(c, c.c.cluster == sub.c.cluster)).where(*conds)
        order = (sub.c.date_start, sub.c.cluster)
    total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
    rows = [dict(r._mapping) for r in conn.execute(q.order_by(*order).limit(limit).offset(offset))]
    members = _members(conn, [r["cluster"] for r in rows])
    return total, [_item(r, members.get(r["cluster"], [])) for r in rows]


def get_cluster(conn: Connection, cluster: str) -> Optional[dict]:
    row = conn.execute(select(t.clusters).where(t.clusters.c.cluster == cluster)).first()
    if row is None:
        return None
    return _item(dict(row._mapping), _members(conn, [cluster]).get(cluster, []))

