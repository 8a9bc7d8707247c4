"""The database: write documents, read facts back. SQLite file by default, PostgreSQL by URL."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.engine import Connection

from entente import __version__, dates
from entente.model import Document, Story
from entente.store import schema as t
from entente.store import writer
from entente.store.connect import engine_for, open_engine  # noqa: F401  (engine_for: used by tests and tools)


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


def _dedupe(rows: list[dict]) -> list[dict]:
    """Keep the first (earliest, most confident) report of each cluster; list every source."""
    kept: dict = {}
    out: list[dict] = []
    for r in rows:
        key = r.get("cluster")
        if key is None:
            out.append(r)
        elif key in kept:
            head = kept[key]
            head["sources"].extend(r["sources"])
            if (r["confidence"] or 0) > (head["confidence"] or 0):
                head["confidence"] = r["confidence"]
        else:
            kept[key] = r
            out.append(r)
    return out


def _name_filter(query, column, name: Optional[str]):
    """Rows whose name contains `name`, case-insensitive; all rows when name is empty."""
    return query.where(func.lower(column).contains(name.lower())) if name else query


class Database:
    def __init__(self, target: str, create: bool = True):
        """`create`: make the SQLite file and the tables when missing (writers). Without it
        (readers) nothing is created or changed, and the database must exist."""
        self.target = target
        self.engine = open_engine(target, create=create)

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
        return writer.add_many(self.engine, pairs)

    def delete(self, story_ids: Iterable[str]) -> tuple[list[str], int, int]:
        """Delete stories in one transaction: (ids not found, entities removed, agreements removed)."""
        return writer.delete_many(self.engine, story_ids)

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

    # -- reading ------------------------------------------------------------------
    def events(self, f: EventFilter = EventFilter()) -> list[dict]:
        e, p = t.events, t.participants
        q = select(e, t.stories.c.published, t.stories.c.title, t.stories.c.url).join(t.stories, t.stories.c.id == e.c.story_id)

        def has(role: Optional[str], country: str):
            cond = [p.c.story_id == e.c.story_id, p.c.event_id == e.c.event_id, p.c.country == country]
            if role:
                cond.append(p.c.role == role)
            return exists().where(and_(*cond))

        if f.country:
            q = q.where(has(None, f.country.upper()))
        if f.dyad:
            a, b = f.dyad[0].upper(), f.dyad[1].upper()
            forward = and_(has("actor", a), has("recipient", b))
            q = q.where(forward if f.directed else or_(forward, and_(has("actor", b), has("recipient", a))))
        if f.types:
            q = q.where(e.c.type.in_([x.upper() for x in f.types]))
        if f.factuality:
            q = q.where(e.c.factuality.in_(f.factuality))
        if f.since:
            q = q.where(e.c.date_end >= dates.bounds(f.since)[0].isoformat())
        if f.until:
            q = q.where(e.c.date_start <= dates.bounds(f.until)[1].isoformat())
        if f.story:
            q = q.where(e.c.story_id == f.story)
        q = q.order_by(e.c.date_start.is_(None), e.c.date_start, e.c.story_id, e.c.start, e.c.event_id)
        if f.limit and not f.dedupe:
            q = q.limit(f.limit)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
            names = self._participants(conn, rows)
        for r in rows:
            r["topics"] = json.loads(r["topics"] or "[]")
            r["contexts"] = json.loads(r["contexts"] or "[]")
            got = names.get((r["story_id"], r["event_id"]), {})
            r["actors"] = got.get("actor", [])
            r["recipients"] = got.get("recipient", [])
            r["sources"] = [{"story_id": r["story_id"], "event_id": r["event_id"], "url": r.get("url")}]
        return _dedupe(rows)[: f.limit or None] if f.dedupe else rows

    def _participants(self, conn: Connection, rows: list[dict]) -> dict:
        out: dict = {}
        story_ids = sorted({r["story_id"] for r in rows})
        if not story_ids:
            return out
        p, a = t.participants, t.actors
        q = (select(p.c.story_id, p.c.event_id, p.c.role, p.c.country, a.c.name)
             .join(a, and_(a.c.story_id == p.c.story_id,
                           or_(a.c.actor_id == p.c.actor_id, p.c.actor_id.like(a.c.actor_id + ":%"))))
             .where(p.c.story_id.in_(story_ids)).order_by(p.c.story_id, p.c.event_id, p.c.actor_id))
        for sid, eid, role, country, name in conn.execute(q):
            lst = out.setdefault((sid, eid), {}).setdefault(role, [])
            item = {"name": name, "country": country}
            if item not in lst:
                lst.append(item)
        return out

    def statements(self, speaker: Optional[str] = None, story: Optional[str] = None, limit: Optional[int] = None) -> list[dict]:
        s = t.statements
        q = select(s, t.stories.c.published, t.stories.c.title).join(t.stories, t.stories.c.id == s.c.story_id)
        q = _name_filter(q, s.c.speaker_name, speaker)
        if story:
            q = q.where(s.c.story_id == story)
        q = q.order_by(t.stories.c.published, s.c.story_id, s.c.start)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def agreements(self, name: Optional[str] = None) -> list[dict]:
        """One row per registry agreement, with its dated history across stories."""
        ra, h = t.registry_agreements, t.agreement_history
        ids = _name_filter(select(ra.c.id), ra.c.name, name)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                _name_filter(select(ra), ra.c.name, name).order_by(ra.c.name, ra.c.id))]
            history: dict[str, list[dict]] = {}
            for aid, sid, st, d, ev in conn.execute(
                    select(h.c.agreement_id, h.c.story_id, h.c.status, h.c.date, h.c.events)
                    .where(h.c.agreement_id.in_(ids)).order_by(h.c.date, h.c.story_id)):
                history.setdefault(aid, []).append(
                    {"story_id": sid, "status": st, "date": d, "events": json.loads(ev or "[]")})
        for row in rows:
            row["parties"] = json.loads(row["parties"] or "[]")
            row["history"] = history.get(row["id"], [])
            row["status"] = row["history"][-1]["status"] if row["history"] else None
        return rows

    def entities(self, name: Optional[str] = None) -> list[dict]:
        """The registry: one row per entity with its aliases and dated roles (three queries)."""
        en, al, ro = t.entities, t.entity_aliases, t.entity_roles
        ids = _name_filter(select(en.c.id), en.c.name, name)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                _name_filter(select(en), en.c.name, name).order_by(en.c.name, en.c.id))]
            aliases: dict[str, set] = {}
            for eid, alias in conn.execute(select(al.c.entity_id, al.c.alias).where(al.c.entity_id.in_(ids))):
                aliases.setdefault(eid, set()).add(alias)
            roles: dict[str, list[dict]] = {}
            for r in conn.execute(
                    select(ro.c.entity_id, ro.c.title, ro.c.country, ro.c.sector, ro.c.posted_to, ro.c.since, ro.c.story_id)
                    .where(ro.c.entity_id.in_(ids)).order_by(ro.c.since, ro.c.title)):
                row = dict(r._mapping)
                roles.setdefault(row.pop("entity_id"), []).append(row)
        for row in rows:
            row["aliases"] = sorted(aliases.get(row["id"], ()))
            row["roles"] = roles.get(row["id"], [])
        return rows

    def stories(self, limit: int = 100, offset: int = 0) -> list[dict]:
        st = t.stories
        q = (select(st.c.id, st.c.title, st.c.published, st.c.source, st.c.url)
             .order_by(st.c.published.desc(), st.c.id).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def story(self, story_id: str) -> Optional[dict]:
        """The stored story: its text and the full contract document."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.stories.c.text, t.stories.c.document).where(t.stories.c.id == story_id)).first()
        if row is None:
            return None
        return {"text": row[0], "document": json.loads(row[1])}

    def summary(self, top: int = 8) -> dict:
        with self.engine.connect() as conn:
            n_stories = conn.execute(select(func.count()).select_from(t.stories)).scalar_one()
            n_actors = conn.execute(select(func.count()).select_from(t.actors)).scalar_one()
            n_entities = conn.execute(select(func.count()).select_from(t.entities)).scalar_one()
            n_statements = conn.execute(select(func.count()).select_from(t.statements)).scalar_one()
            n_agreements = conn.execute(select(func.count()).select_from(t.registry_agreements)).scalar_one()
            by_type = conn.execute(select(t.events.c.type, func.count()).group_by(t.events.c.type)
                                   .order_by(func.count().desc(), t.events.c.type)).all()
            kinds = conn.execute(select(t.actors.c.kind, func.count()).group_by(t.actors.c.kind)
                                 .order_by(func.count().desc(), t.actors.c.kind)).all()
            p = t.participants
            pairs = conn.execute(select(p.c.story_id, p.c.event_id, p.c.role, p.c.country)
                                 .where(p.c.country.is_not(None))).all()
        dyads: Counter = Counter()
        per_event: dict = {}
        for sid, eid, role, c in pairs:
            per_event.setdefault((sid, eid), {"actor": set(), "recipient": set()})[role].add(c)
        for parts in per_event.values():
            seen = set()
            for a in parts["actor"]:
                for b in parts["recipient"]:
                    if a != b:
                        seen.add(tuple(sorted((a, b))))
            dyads.update(seen)
        return {
            "stories": n_stories, "actors": n_actors, "entities": n_entities,
            "statements": n_statements, "agreements": n_agreements,
            "events": sum(n for _, n in by_type),
            "events_by_type": [(k, n) for k, n in by_type],
            "actors_by_kind": [(k, n) for k, n in kinds],
            "dyads": sorted(dyads.items(), key=lambda kv: (-kv[1], kv[0]))[:top],
        }
