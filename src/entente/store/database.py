"""The database: write documents, read facts back. SQLite file by default, PostgreSQL by URL."""
from __future__ import annotations

import json
import pathlib
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from sqlalchemy import and_, create_engine, delete, event, func, or_, select, tuple_
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from entente import dates
from entente.errors import EntenteError
from entente.model import Document, Story
from entente.store import registry
from entente.store.clusters import cluster_key
from entente.store import queries
from entente.store import schema as t
from entente.text import content_id


def engine_for(target: str) -> Engine:
    """'file.db' or 'sqlite:///file.db' -> SQLite; 'postgresql://…' -> PostgreSQL via psycopg 3."""
    if target.startswith(("postgresql://", "postgres://")):
        target = "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" not in target:
        path = pathlib.Path(target)
        if path.exists() and path.is_dir():
            raise EntenteError(f"{target}: is a directory, not a database file")
        if path.parent and not path.parent.exists():
            raise EntenteError(f"{target}: folder {path.parent} does not exist")
        target = f"sqlite:///{path}"
    engine = create_engine(target)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()
    return engine


def _safe(target: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", target)


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


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
        self.target = target
        if not create and "://" not in target and not pathlib.Path(target).exists():
            raise EntenteError(f"{target}: no such database (create it with `entente ingest … --db {target}`)")
        try:
            self.engine = engine_for(target)
            t.metadata.create_all(self.engine)  # no-op on an existing database
            t.ensure_indexes(self.engine)  # indexes added since it was created
        except ArgumentError:
            raise EntenteError(f"{target}: not a database file or URL (e.g. news.db, postgresql://user:pass@host/db)") from None
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise EntenteError(f"cannot open database {_safe(target)}: {detail}") from None

    # -- writing ----------------------------------------------------------------
    def has(self, story: Story) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.stories.c.content_hash).where(t.stories.c.id == story.id)).first()
        return row is not None and row[0] == content_id(story.text)

    def add_many(self, pairs: Iterable[tuple[Story, Document]]) -> int:
        """Store (story, document) pairs in one transaction. Returns how many were new."""
        added = 0
        with self.engine.begin() as conn:
            for story, doc in pairs:
                added += self._add(conn, story, doc)
        return added

    def _add(self, conn: Connection, story: Story, doc: Document) -> bool:
        # Rows go in as parameters of one cached INSERT per table (several rows at once where
        # nothing reads them back before the story is done): building a statement per row
        # with .values() cost most of the write time.
        digest = content_id(story.text)
        old = conn.execute(select(t.stories.c.content_hash, t.stories.c.version).where(t.stories.c.id == story.id)).first()
        if old is not None:
            if old[0] == digest and old[1] == doc.version:
                return False
            self._delete(conn, story.id)
        conn.execute(t.stories.insert(), dict(
            id=story.id, content_hash=digest, title=doc.title, published=doc.published,
            published_source=doc.published_source, source=doc.source, url=doc.url, text=story.text,
            version=doc.version, document=doc.model_dump_json()))
        countries: dict[str, list[str]] = {}
        entity_ids: dict[str, str] = {}
        mentions: list[dict] = []
        for a in doc.actors:  # one by one: the registry reads the actors stored before this one
            entity_id = entity_ids[a.id] = registry.link_actor(conn, story.id, a, doc.published)
            conn.execute(t.actors.insert(), dict(
                story_id=story.id, actor_id=a.id, entity_id=entity_id, name=a.name, kind=a.kind,
                country=a.country, sector=a.sector, role=a.role, posted_to=a.posted_to, code=a.code))
            seen = set()
            for m in a.mentions:
                if m.start not in seen:
                    seen.add(m.start)
                    mentions.append(dict(story_id=story.id, actor_id=a.id, start=m.start, end=m.end, text=m.text))
            countries[a.id] = [a.country] if a.country and a.kind != "grouping" else list(a.members)
        _insert(conn, t.mentions, mentions)
        events: list[dict] = []
        participants: list[dict] = []
        for e in doc.events:
            lo, hi = dates.bounds(e.date.value)
            events.append(dict(
                story_id=story.id, event_id=e.id, type=e.type, mode=e.mode, contexts=json.dumps(e.contexts),
                cameo=e.cameo, goldstein=e.goldstein, quad_class=e.quad_class, reciprocal=e.reciprocal,
                date_value=e.date.value, date_granularity=e.date.granularity, date_type=e.date.type,
                date_start=lo.isoformat() if lo else None, date_end=hi.isoformat() if hi else None,
                date_text=e.date.text, date_reason=e.date.reason,
                location_name=e.location.name if e.location else None,
                location_country=e.location.country if e.location else None,
                factuality=e.factuality, topics=json.dumps(e.topics), confidence=e.confidence,
                sentence=e.evidence.sentence, start=e.evidence.start, end=e.evidence.end,
                trigger=e.evidence.trigger, cluster=cluster_key(e, countries, doc.published)))
            for role, ids in (("actor", e.actors), ("recipient", e.recipients)):
                for aid in dict.fromkeys(ids):
                    for c in countries.get(aid, []) or [None]:
                        participants.append(dict(story_id=story.id, event_id=e.id, role=role, country=c,
                                                 actor_id=aid if c is None else f"{aid}:{c}"))
        _insert(conn, t.events, events)
        _insert(conn, t.participants, participants)
        names = {a.id: a.name for a in doc.actors}
        _insert(conn, t.statements, [dict(
            story_id=story.id, statement_id=s.id or f"s{s.start}", speaker_id=s.speaker,
            speaker_name=names.get(s.speaker, s.speaker_text),
            entity_id=entity_ids.get(s.speaker), text=s.text, direct=s.direct, cue=s.cue, channel=s.channel,
            start=s.start, end=s.end) for s in doc.statements])
        for i, ag in enumerate(doc.agreements):
            reg_id = registry.link_agreement(conn, story.id, doc, ag)
            conn.execute(t.agreements.insert(), dict(
                story_id=story.id, agreement_id=ag.id or f"g{i}", registry_id=reg_id, name=ag.name,
                topic=ag.topic, status=ag.status, parties=json.dumps(ag.parties), events=json.dumps(ag.events),
                date_value=ag.date.value if ag.date else None))
        return True

    def _delete(self, conn: Connection, story_id: str) -> None:
        for table in (t.participants, t.events, t.mentions, t.actors, t.statements, t.agreements,
                      t.entity_aliases, t.entity_roles, t.agreement_history):
            conn.execute(delete(table).where(table.c.story_id == story_id))
        conn.execute(delete(t.stories).where(t.stories.c.id == story_id))

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
        q = (select(e, t.stories.c.published, t.stories.c.title, t.stories.c.url)
             .join(t.stories, t.stories.c.id == e.c.story_id).where(*conds)
             .order_by(*queries.event_order(f.descending)))
        if f.limit and not (f.dyad and queries.pairs_suffice(f)):
            q = q.limit(f.limit)
            if f.offset:
                q = q.offset(f.offset)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            names = self._participants(conn, rows)
            sources = self._sources(conn, rows, queries.event_conditions(f)) if f.dedupe else {}
        for r in rows:
            r["topics"] = json.loads(r["topics"] or "[]")
            r["contexts"] = json.loads(r["contexts"] or "[]")
            got = names.get((r["story_id"], r["event_id"]), {})
            r["actors"] = got.get("actor", [])
            r["recipients"] = got.get("recipient", [])
            own = {"story_id": r["story_id"], "event_id": r["event_id"], "url": r.get("url")}
            r["sources"] = sources.get(r["cluster"], [own]) if r.get("cluster") else [own]
            r.setdefault("source_count", len(r["sources"]))
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

    def _sources(self, conn: Connection, rows: list[dict], conds: list) -> dict:
        """Every matching report of the clusters on this page."""
        e = t.events
        keys = sorted({r["cluster"] for r in rows if r.get("cluster")})
        out: dict = {}
        if keys:
            q = (select(e.c.cluster, e.c.story_id, e.c.event_id, t.stories.c.url)
                 .join(t.stories, t.stories.c.id == e.c.story_id).where(e.c.cluster.in_(keys), *conds)
                 .order_by(*queries.event_order()))
            for cluster, sid, eid, url in conn.execute(q):
                out.setdefault(cluster, []).append({"story_id": sid, "event_id": eid, "url": url})
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
        if row is None:
            return None
        return {"text": row[0], "document": json.loads(row[1])}

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
