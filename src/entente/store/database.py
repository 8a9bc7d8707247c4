"""The database: write documents, read facts back. SQLite file by default, PostgreSQL by URL."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Optional

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.engine import Connection

from entente import __version__
from entente.model import Document, Story
from entente.store import clusters, queries
from entente.store import schema as t
from entente.store import writer
from entente.store.connect import engine_for, open_engine  # noqa: F401  (engine_for: used by tests and tools)
from entente.store.registry import StoryCache


@dataclass
class EventFilter:
    country: Optional[str] = None          # actor or recipient country
    dyad: Optional[tuple[str, str]] = None  # (A, B): A acts on B, or B on A unless directed
    directed: bool = False
    types: list[str] = field(default_factory=list)
    since: Optional[str] = None            # event date bounds (ISO), not publication date
    until: Optional[str] = None
    factuality: list[str] = field(default_factory=list)
    story: Optional[str] = None
    limit: Optional[int] = None
    dedupe: bool = False                   # one row per real-world event, with all its sources
    offset: int = 0
    text: Optional[str] = None             # words that must all occur in the evidence sentence
    topic: Optional[str] = None
    entity: Optional[str] = None           # a registry entity id, on either side
    descending: bool = False               # newest first


class Database:
    def __init__(self, target: str, create: bool = True):
        """`create`: make the SQLite file and the tables when missing (writers). Without it
        (readers) nothing is created or changed, and the database must exist."""
        self.target = target
        self.engine = open_engine(target, create=create)
        if create:  # derived data: re-clustered when built by other rules, or before clusters existed
            clusters.rebuild_if_needed(self.engine)
        self.story_cache = StoryCache()  # stored stories the registry re-reads while linking

    def close(self) -> None:
        """Close the pooled connections: SQLite then folds its write-ahead log into the file, so
        the .db alone holds everything (no -wal/-shm files left beside it)."""
        self.engine.dispose()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing (store/writer.py) ------------------------------------------------
    def has(self, story: Story) -> bool:
        """The same text is stored (by this or an older version)."""
        return self.state(story) in ("stored", "stale")

    def state(self, story: Story) -> str:
        """'new', 'stored', 'stale' (stored by an older version) or 'changed' (other text)."""
        with self.engine.connect() as conn:
            return writer.state(conn, story, __version__)

    def add_many(self, pairs: Iterable[tuple[Story, Document]]) -> int:
        """Store (story, document) pairs in one transaction. Returns how many were new."""
        return self.write(pairs).added

    def write(self, pairs: Iterable[tuple[Story, Document]]) -> writer.Written:
        """Store a batch in one transaction; what was added, unchanged, or refused (and why)."""
        return writer.add_many(self.engine, pairs, self.story_cache)

    def delete(self, story_ids: Iterable[str]) -> tuple[list[str], int, int]:
        """Delete stories in one transaction: (ids not found, entities removed, agreements removed)."""
        return writer.delete_many(self.engine, story_ids, self.story_cache)

    def stored_stories(self, ids: Optional[list[str]] = None, stale_only: bool = True,
                       page: int = 64) -> Iterator[Story]:
        """Stored stories as input again (text and the metadata the input gave), for
        re-extraction: those stored by another version, or the given ids. Paged by id."""
        st = t.stories
        last = ""
        while True:
            q = (select(st.c.id, st.c.text, st.c.title, st.c.published, st.c.published_source, st.c.source, st.c.url)
                 .where(st.c.id > last).order_by(st.c.id).limit(page))
            if stale_only:
                q = q.where(or_(st.c.version.is_(None), st.c.version != __version__))
            if ids is not None:
                q = q.where(st.c.id.in_(ids))
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            for sid, text, title, published, published_source, source, url in rows:
                given = published if published_source == "input" else None  # not a date the pipeline found
                yield Story(id=sid, text=text, title=title, published=given, source=source, url=url)
            if len(rows) < page:
                return
            last = rows[-1][0]

    def count_stale(self) -> int:
        st = t.stories
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(st).where(
                or_(st.c.version.is_(None), st.c.version != __version__))).scalar_one()

    # -- reading (query builders in store/queries.py) --------------------------------
    def events(self, f: EventFilter = EventFilter()) -> list[dict]:
        """Events matching the filter, by event date, `f.limit` rows from `f.offset`. With
        `f.dedupe`, one row per real-world event (its first report) listing every source."""
        e = t.events
        conds = queries.event_conditions(f)
        if f.dyad and queries.pairs_suffice(f) and f.limit:
            # A dyad's page comes from its event_pairs range; then only those events are read.
            conds = [tuple_(e.c.story_id, e.c.event_id).in_(queries.dyad_page(f))]
        elif f.dedupe:
            conds = conds + [tuple_(e.c.story_id, e.c.event_id).in_(queries.dedupe_heads(conds, f.descending))]
        q = (select(e, t.stories.c.published, t.stories.c.title, t.stories.c.url,
                    func.coalesce(t.clusters.c.source_count, 1).label("source_count"),
                    func.coalesce(t.clusters.c.outlet_count, 1).label("outlet_count"),
                    func.coalesce(t.clusters.c.report_count, 1).label("report_count"),
                    func.coalesce(t.clusters.c.first_seen, t.stories.c.published).label("first_seen"),
                    func.coalesce(t.clusters.c.last_seen, t.stories.c.published).label("last_seen"))
             .join(t.stories, t.stories.c.id == e.c.story_id)
             .outerjoin(t.clusters, t.clusters.c.cluster == e.c.cluster).where(*conds)
             .order_by(*queries.event_order(f.descending)))
        if f.limit and not (f.dyad and queries.pairs_suffice(f)):
            q = q.limit(f.limit)
            if f.offset:
                q = q.offset(f.offset)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            names = self._participants(conn, rows)
            sources = self._sources(conn, rows) if f.dedupe else {}
        for r in rows:
            r["topics"] = json.loads(r["topics"] or "[]")
            r["contexts"] = json.loads(r["contexts"] or "[]")
            got = names.get((r["story_id"], r["event_id"]), {})
            r["actors"] = got.get("actor", [])
            r["recipients"] = got.get("recipient", [])
            own = {"story_id": r["story_id"], "event_id": r["event_id"], "url": r.get("url"),
                   "title": r.get("title"), "published": r.get("published")}
            r["sources"] = sources.get(r["cluster"], [own]) if r.get("cluster") else [own]
        return rows

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        """How many rows `events(f)` gives without limit and offset."""
        e = t.events
        if f.dyad and queries.pairs_suffice(f):  # one index range of event_pairs
            e = t.event_pairs
            with self.engine.connect() as conn:
                return conn.execute(select(func.count()).select_from(e).where(
                    *queries.dyad_sides(e, f), *queries.simple_conditions(f, e))).scalar_one()
        if f.country and queries.pairs_suffice(replace(f, country=None)) and not f.dyad and not (
                f.types or f.factuality or f.since or f.until):  # one index range of participants
            p = t.participants
            keys = select(p.c.story_id, p.c.event_id).where(p.c.country == f.country.upper()).distinct().subquery()
            with self.engine.connect() as conn:
                return conn.execute(select(func.count()).select_from(keys)).scalar_one()
        conds = queries.event_conditions(f)
        if f.dedupe:
            conds = conds + [tuple_(e.c.story_id, e.c.event_id).in_(queries.dedupe_heads(conds))]
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one()

    def event_counts(self, f: EventFilter = EventFilter(), period: str = "month") -> dict:
        """Matching events per month or year, counted by the database (see queries.period_counts)."""
        with self.engine.connect() as conn:
            out = queries.period_counts(conn, f, period)
        out["total"] = sum(b["events"] for b in out["buckets"]) + out.pop("spans_total") + out["undated"]
        return out

    def _sources(self, conn: Connection, rows: list[dict]) -> dict:
        """Every report of the clusters on this page (the real-world event's sources, whatever
        the filter: a report of it with more countries is still a source)."""
        e, st = t.events, t.stories
        keys = sorted({r["cluster"] for r in rows if r.get("cluster")})
        out: dict = {}
        if keys:
            q = (select(e.c.cluster, e.c.story_id, e.c.event_id, st.c.url, st.c.title, st.c.published)
                 .join(st, st.c.id == e.c.story_id).where(e.c.cluster.in_(keys))
                 .order_by(*queries.event_order()))
            for cluster, sid, eid, url, title, published in conn.execute(q):
                out.setdefault(cluster, []).append({"story_id": sid, "event_id": eid, "url": url,
                                                    "title": title, "published": published})
        return out

    def _participants(self, conn: Connection, rows: list[dict]) -> dict:
        out: dict = {}
        story_ids = sorted({r["story_id"] for r in rows})
        if not story_ids:
            return out
        p, a = t.participants, t.actors
        q = (select(p.c.story_id, p.c.event_id, p.c.role, p.c.country, a.c.name, a.c.entity_id)
             .join(a, and_(a.c.story_id == p.c.story_id,
                           or_(a.c.actor_id == p.c.actor_id, p.c.actor_id.like(a.c.actor_id + ":%"))))
             .where(p.c.story_id.in_(story_ids)).order_by(p.c.story_id, p.c.event_id, p.c.actor_id))
        for sid, eid, role, country, name, entity in conn.execute(q):
            lst = out.setdefault((sid, eid), {}).setdefault(role, [])
            item = {"name": name, "country": country, "entity": entity}
            if item not in lst:
                lst.append(item)
        return out

    def statements(self, speaker: Optional[str] = None, story: Optional[str] = None, limit: Optional[int] = None,
                   offset: int = 0, text: Optional[str] = None, entity: Optional[str] = None) -> list[dict]:
        s = t.statements
        q = (select(s, t.stories.c.published, t.stories.c.title)
             .join(t.stories, t.stories.c.id == s.c.story_id)
             .where(*queries.statement_conditions(speaker, story, text, entity))
             .order_by(t.stories.c.published, s.c.story_id, s.c.start, s.c.statement_id))
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def count_statements(self, speaker: Optional[str] = None, story: Optional[str] = None,
                         text: Optional[str] = None, entity: Optional[str] = None) -> int:
        s = t.statements
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(s)
                                .where(*queries.statement_conditions(speaker, story, text, entity))).scalar_one()

    def agreements(self, name: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> list[dict]:
        """One row per registry agreement, with its dated history across stories."""
        ra, h = t.registry_agreements, t.agreement_history
        q = queries.name_filter(select(ra), ra.c.name, name).order_by(ra.c.name, ra.c.id)
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            history: dict[str, list[dict]] = {}
            for aid, sid, st, d, ev in conn.execute(
                    select(h.c.agreement_id, h.c.story_id, h.c.status, h.c.date, h.c.events)
                    .where(h.c.agreement_id.in_([r["id"] for r in rows])).order_by(h.c.date, h.c.story_id)):
                history.setdefault(aid, []).append(
                    {"story_id": sid, "status": st, "date": d, "events": json.loads(ev or "[]")})
        for row in rows:
            row["parties"] = json.loads(row["parties"] or "[]")
            row["history"] = history.get(row["id"], [])
            row["status"] = row["history"][-1]["status"] if row["history"] else None
        return rows

    def count_agreements(self, name: Optional[str] = None) -> int:
        ra = t.registry_agreements
        with self.engine.connect() as conn:
            return conn.execute(queries.name_filter(select(func.count()).select_from(ra), ra.c.name, name)).scalar_one()

    def entities(self, name: Optional[str] = None, limit: Optional[int] = None, offset: int = 0,
                 kind: Optional[str] = None, country: Optional[str] = None, aliases: bool = False,
                 by_stories: bool = False) -> list[dict]:
        """The registry: one row per entity with its aliases, dated roles and story count, by name
        (or the most reported first). `name` matches the name, or an alias too when `aliases` is set."""
        en, al, ro, ac = t.entities, t.entity_aliases, t.entity_roles, t.actors
        q = select(en).where(*queries.entity_conditions(name, kind, country, aliases))
        if by_stories:
            counts = (select(ac.c.entity_id, func.count(ac.c.story_id.distinct()).label("n"))
                      .group_by(ac.c.entity_id).subquery())
            q = (q.outerjoin(counts, counts.c.entity_id == en.c.id)
                 .order_by(func.coalesce(counts.c.n, 0).desc(), en.c.name, en.c.id))
        else:
            q = q.order_by(en.c.name, en.c.id)
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            ids = [r["id"] for r in rows]
            seen: dict[str, set] = {}
            for eid, alias in conn.execute(select(al.c.entity_id, al.c.alias).where(al.c.entity_id.in_(ids))):
                seen.setdefault(eid, set()).add(alias)
            roles: dict[str, list[dict]] = {}
            for r in conn.execute(
                    select(ro.c.entity_id, ro.c.title, ro.c.country, ro.c.sector, ro.c.posted_to, ro.c.since, ro.c.story_id)
                    .where(ro.c.entity_id.in_(ids)).order_by(ro.c.since, ro.c.title)):
                row = dict(r._mapping)
                roles.setdefault(row.pop("entity_id"), []).append(row)
            stories = dict(conn.execute(select(ac.c.entity_id, func.count(ac.c.story_id.distinct()))
                                        .where(ac.c.entity_id.in_(ids)).group_by(ac.c.entity_id)).all())
        for row in rows:
            row["aliases"] = sorted(seen.get(row["id"], ()))
            row["roles"] = roles.get(row["id"], [])
            row["stories"] = stories.get(row["id"], 0)
        return rows

    def count_entities(self, name: Optional[str] = None, kind: Optional[str] = None, country: Optional[str] = None,
                       aliases: bool = False) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.entities)
                                .where(*queries.entity_conditions(name, kind, country, aliases))).scalar_one()

    def stories(self, limit: int = 100, offset: int = 0, q: Optional[str] = None) -> list[dict]:
        st, e = t.stories, t.events
        query = (select(st.c.id, st.c.title, st.c.published, st.c.source, st.c.url)
                 .where(*queries.story_conditions(q))
                 .order_by(st.c.published.desc(), st.c.id).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
            counts = dict(conn.execute(select(e.c.story_id, func.count()).where(e.c.story_id.in_([r["id"] for r in rows]))
                                       .group_by(e.c.story_id)).all())
        for r in rows:
            r["events"] = counts.get(r["id"], 0)
        return rows

    def count_stories(self, q: Optional[str] = None) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.stories).where(*queries.story_conditions(q))).scalar_one()

    def story(self, story_id: str) -> Optional[dict]:
        """The stored story: its text and the full contract document."""
        if "\x00" in story_id:  # no stored id has one, and PostgreSQL refuses it in a query
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(t.stories.c.text, t.stories.c.document).where(t.stories.c.id == story_id)).first()
            ids = dict(conn.execute(select(t.events.c.event_id, t.events.c.cluster)
                                    .where(t.events.c.story_id == story_id)).all()) if row is not None else {}
        if row is None:
            return None
        document = json.loads(row[1])
        for e in document.get("events", []):
            e["cluster"] = ids.get(e.get("id"))  # the real-world event across the database
        return {"text": row[0], "document": document}

    def vocabulary(self) -> dict:
        """Codes in use (country codes, event types, topics), for checking query parameters."""
        p, e = t.participants, t.events
        with self.engine.connect() as conn:
            countries = [c for (c,) in conn.execute(select(p.c.country).where(p.c.country.is_not(None)).distinct())]
            types = [x for (x,) in conn.execute(select(e.c.type).where(e.c.type.is_not(None)).distinct())]
            topics = {x for (raw,) in conn.execute(select(e.c.topics).distinct()) for x in json.loads(raw or "[]")}
        return {"countries": sorted(countries), "types": sorted(types), "topics": sorted(topics)}

    def summary(self, top: int = 8) -> dict:
        count = lambda table: select(func.count()).select_from(table)  # noqa: E731
        with self.engine.connect() as conn:
            n_stories = conn.execute(count(t.stories)).scalar_one()
            n_actors = conn.execute(count(t.actors)).scalar_one()
            n_entities = conn.execute(count(t.entities)).scalar_one()
            n_statements = conn.execute(count(t.statements)).scalar_one()
            n_agreements = conn.execute(count(t.registry_agreements)).scalar_one()
            by_type = conn.execute(select(t.events.c.type, func.count()).group_by(t.events.c.type)
                                   .order_by(func.count().desc(), t.events.c.type)).all()
            kinds = conn.execute(select(t.actors.c.kind, func.count()).group_by(t.actors.c.kind)
                                 .order_by(func.count().desc(), t.actors.c.kind)).all()
            dyads = queries.pair_counts(conn, EventFilter(), directed=False, limit=top)
        return {
            "stories": n_stories, "actors": n_actors, "entities": n_entities,
            "statements": n_statements, "agreements": n_agreements,
            "events": sum(n for _, n in by_type),
            "events_by_type": [(k, n) for k, n in by_type],
            "actors_by_kind": [(k, n) for k, n in kinds],
            "dyads": [((d["a"], d["b"]), d["events"]) for d in dyads],
        }
