"""The write path: documents in, one transaction per batch, one savepoint per story.

Every write holds the database's writer lock (store.connect.write_transaction), so
concurrent runs are safe and each batch sees the registry as a single run would. Rows
are inserted with INSERT … ON CONFLICT DO NOTHING, so a story another writer stored
meanwhile is not doubled. A story the database refuses (a value too long for a column,
say) is rolled back to its savepoint and reported; the rest of the batch is stored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError

from entente import date_bounds as dates
from entente.model import Document, Story
from entente.store import registry
from entente.store import schema as t
from entente.store import clusters
from entente.store.connect import describe, write_transaction
from entente.store.sql import insert_ignore, insert_many_ignore
from entente.text import content_id

# Rows that belong to one story, children first.
_STORY_ROWS = (t.participants, t.events, t.mentions, t.actors, t.statements, t.agreements,
               t.entity_aliases, t.entity_roles, t.agreement_history)


@dataclass
class Written:
    """What one batch did."""
    added: int = 0                 # new or replaced stories
    unchanged: int = 0             # already stored with the same text and version (another writer, say)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (story id, why)


def state(conn: Connection, story: Story, version: str) -> str:
    """'new', 'stored' (same text, same version), 'stale' (same text, older version) or 'changed'."""
    row = conn.execute(select(t.stories.c.content_hash, t.stories.c.version).where(t.stories.c.id == story.id)).first()
    if row is None:
        return "new"
    if row[0] != content_id(story.text):
        return "changed"
    return "stored" if row[1] == version else "stale"


def add_many(engine: Engine, pairs: Iterable[tuple[Story, Document]], stories: registry.StoryCache) -> Written:
    out = Written()
    with write_transaction(engine) as conn:
        for story, doc in pairs:
            savepoint = conn.begin_nested()
            try:
                new = add(conn, story, doc, stories)
            except (DataError, IntegrityError) as exc:
                savepoint.rollback()
                out.failed.append((story.id, describe(exc)))
                continue
            savepoint.commit()
            if new:
                out.added += 1
            else:
                out.unchanged += 1
    return out


def add(conn: Connection, story: Story, doc: Document, stories: registry.StoryCache) -> bool:
    """Store one story and its facts; False when the same text and version is already there."""
    digest = content_id(story.text)
    old = conn.execute(select(t.stories.c.content_hash, t.stories.c.version).where(t.stories.c.id == story.id)).first()
    if old is not None:
        if old[0] == digest and old[1] == doc.version:
            return False
        delete_story(conn, story.id, stories)
    if not insert_ignore(conn, t.stories, id=story.id, content_hash=digest, title=doc.title, published=doc.published,
                         published_source=doc.published_source, source=doc.source, url=doc.url, text=story.text,
                         version=doc.version, document=doc.model_dump_json()):
        return False
    countries: dict[str, list[str]] = {}
    entity_ids: dict[str, str] = {}
    mentions: list[dict] = []
    for a in doc.actors:  # one by one: the registry reads the actors stored before this one
        entity_id = entity_ids[a.id] = registry.link_actor(conn, stories, story.id, a, doc.published)
        insert_ignore(conn, t.actors, story_id=story.id, actor_id=a.id, entity_id=entity_id, name=a.name, kind=a.kind,
                      country=a.country, sector=a.sector, role=a.role, posted_to=a.posted_to, code=a.code)
        mentions += [dict(story_id=story.id, actor_id=a.id, start=m.start, end=m.end, text=m.text)
                     for m in a.mentions]
        countries[a.id] = [a.country] if a.country and a.kind != "grouping" else list(a.members)
    insert_many_ignore(conn, t.mentions, mentions)
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
            trigger=e.evidence.trigger))
        for role, ids in (("actor", e.actors), ("recipient", e.recipients)):
            for aid in dict.fromkeys(ids):
                for c in countries.get(aid, []) or [None]:
                    participants.append(dict(story_id=story.id, event_id=e.id, role=role, country=c,
                                             actor_id=aid if c is None else f"{aid}:{c}"))
    insert_many_ignore(conn, t.events, events)
    insert_many_ignore(conn, t.participants, participants)
    clusters.add_story(conn, story.id, doc)  # sets events.cluster and re-decides the reports it touches
    names = {a.id: a.name for a in doc.actors}
    insert_many_ignore(conn, t.statements, [dict(
        story_id=story.id, statement_id=s.id or f"s{s.start}", speaker_id=s.speaker,
        speaker_name=names.get(s.speaker, s.speaker_text), entity_id=entity_ids.get(s.speaker),
        text=s.text, direct=s.direct, cue=s.cue, channel=s.channel, start=s.start, end=s.end) for s in doc.statements])
    for i, ag in enumerate(doc.agreements):
        reg_id = registry.link_agreement(conn, story.id, doc, ag)
        insert_ignore(conn, t.agreements, story_id=story.id, agreement_id=ag.id or f"g{i}", registry_id=reg_id,
                      name=ag.name, topic=ag.topic, status=ag.status, parties=json.dumps(ag.parties),
                      events=json.dumps(ag.events), date_value=ag.date.value if ag.date else None)
    return True


def delete_story(conn: Connection, story_id: str, stories: registry.StoryCache) -> Optional[tuple[int, int]]:
    """Remove a story, its facts and its registry evidence; entities and agreements no
    other story holds go too. Returns (entities, agreements) removed, None if not stored."""
    if conn.execute(select(t.stories.c.id).where(t.stories.c.id == story_id)).first() is None:
        return None
    entities, agreements = registry.story_links(conn, story_id)
    clusters.remove_story(conn, story_id)
    for table in _STORY_ROWS:
        conn.execute(delete(table).where(table.c.story_id == story_id))
    conn.execute(delete(t.stories).where(t.stories.c.id == story_id))
    return registry.forget(conn, stories, entities, agreements)


def delete_many(engine: Engine, story_ids: Iterable[str], stories: registry.StoryCache) -> tuple[list[str], int, int]:
    """Delete stories in one transaction: (ids not stored, entities removed, agreements removed)."""
    missing: list[str] = []
    entities = agreements = 0
    with write_transaction(engine) as conn:
        for sid in story_ids:
            got = delete_story(conn, sid, stories)
            if got is None:
                missing.append(sid)
            else:
                entities += got[0]
                agreements += got[1]
    return missing, entities, agreements
