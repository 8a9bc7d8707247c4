"""The registry across stories, in the database: one entity per real-world actor, one
agreement per deal.

The name rules (keys, titles, surnames, acronyms) are in `entente.names`; this module
stores what they decide and keeps it true as stories come and go:

* a bare surname ("Trump", "Senator Perdue") joins the one full-name person with that
  surname whose countries are compatible, else it is its own entity; an acronym-only
  organisation joins the one organisation carrying the acronym as an alias tied to its
  full name, else it is its own entity;
* a short form is resolved against the stored entities and the full names of its own
  story. When a new entity or acronym alias changes who a short form of another story
  refers to, that stored actor is re-linked (actor row, statement links, evidence), so
  the result does not depend on which story came first;
* aliases and roles always carry the story they came from; a role's ``since`` is the
  date the story states, else the story's date; conflicting roles are separate rows.

Re-linking reads stored stories again; `StoryCache` keeps what it read, one per
Database. Writes are INSERT … ON CONFLICT DO NOTHING, so concurrent writers double nothing.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Callable, Iterable, NamedTuple, Optional

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Connection

from entente import names
from entente.model import Actor, Agreement, Document, Role
from entente.store import schema as t
from entente.store.sql import insert_ignore
from entente.text import short_hash

_ORGS = ("organization", "igo")


class StoredStory(NamedTuple):
    text: str
    published: Optional[str]
    actors: list[Actor]


class StoryCache:
    """Stored stories as the registry reads them (text, date, actors), kept per Database.
    An entry holds while the story's content hash and version are unchanged: the store
    re-writes a story only when one of them changes, so it is checked on every read."""

    def __init__(self, size: int = 256):
        self.size = size
        self._kept: dict[str, tuple[tuple, StoredStory]] = {}

    def get(self, conn: Connection, story_id: str) -> StoredStory:
        st = t.stories
        row = conn.execute(select(st.c.content_hash, st.c.version).where(st.c.id == story_id)).first()
        if not row:
            return StoredStory("", None, [])
        hit = self._kept.get(story_id)
        if hit is None or hit[0] != tuple(row):
            text, published, document = conn.execute(
                select(st.c.text, st.c.published, st.c.document).where(st.c.id == story_id)).one()
            actors = [Actor.model_validate(a) for a in json.loads(document).get("actors", [])]
            if len(self._kept) > self.size:
                self._kept.clear()
            hit = self._kept[story_id] = (tuple(row), StoredStory(text, published, actors))
        return hit[1]

    def __contains__(self, story_id: str) -> bool:
        return story_id in self._kept

    def actor(self, conn: Connection, story_id: str, actor_id: str) -> Optional[Actor]:
        return next((a for a in self.get(conn, story_id).actors if a.id == actor_id), None)

    def key(self, conn: Connection, story_id: str, actor: Actor) -> str:
        return names.entity_key(actor, story_id, self.get(conn, story_id).text)


# -- finding the entity a short form refers to ------------------------------------
def _entity_countries(conn: Connection, entity_ids: list[str]) -> dict[str, set]:
    out: dict[str, set] = {e: set() for e in entity_ids}
    if entity_ids:
        for eid, c in conn.execute(select(t.actors.c.entity_id, t.actors.c.country)
                                   .where(t.actors.c.entity_id.in_(entity_ids)).distinct()):
            out[eid].add(c)
    return out


def _surname_candidates(conn: Connection, surname: str, country: Optional[str],
                        extras: Iterable[tuple[str, str, Optional[str]]] = ()) -> list[str]:
    """Full-name person entities a bare surname may refer to (names.surname_fits).
    `extras` are (id, key, country) of full names not stored yet: the story's own."""
    en = t.entities
    rows = conn.execute(select(en.c.id, en.c.key).where(
        en.c.kind == "person",
        or_(en.c.key.like(f"person:% {surname}"), en.c.key.like(f"person:{surname} %")))).all()
    keys = {eid: key for eid, key in rows if "@" not in key}
    extras = list(extras)
    for eid, key, _ in extras:
        keys.setdefault(eid, key)
    countries = _entity_countries(conn, sorted(keys))
    for eid, _, c in extras:
        countries.setdefault(eid, set()).add(c)
    fits = sorted((key, eid) for eid, key in keys.items()
                  if names.surname_fits(key, surname, countries.get(eid, ()), country))
    return [eid for _, eid in fits]


def _acronym_candidates(conn: Connection, stories: StoryCache, acr: str, own_id: str,
                        extras: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Organisation entities carrying the acronym as an alias tied to their full name
    (`extras`: (key, id) of the story's own organisations that define it)."""
    en, al = t.entities, t.entity_aliases
    rows = conn.execute(select(en.c.id, en.c.key, en.c.name).distinct().join(al, al.c.entity_id == en.c.id).where(
        en.c.kind.in_(_ORGS), func.upper(func.replace(al.c.alias, ".", "")) == acr)).all()
    out = set(extras)
    for eid, key, _ in rows:
        if eid == own_id or "#" in key:
            continue
        aliases = [a for (a,) in conn.execute(select(al.c.alias).where(al.c.entity_id == eid))]
        if names.spelled_by(acr, aliases) or _defined(conn, stories, eid, acr):
            out.add((key, eid))
    return sorted({eid for _, eid in out})


def _defined(conn: Connection, stories: StoryCache, entity_id: str, acr: str) -> bool:
    """Some story of the entity writes 'Full name (ACR)'."""
    al = t.entity_aliases
    for (sid,) in conn.execute(select(al.c.story_id).distinct().where(
            al.c.entity_id == entity_id, func.upper(func.replace(al.c.alias, ".", "")) == acr)):
        aliases = [a for (a,) in conn.execute(
            select(al.c.alias).where(al.c.entity_id == entity_id, al.c.story_id == sid))]
        if names.spelled_by(acr, aliases, stories.get(conn, sid).text):
            return True
    return False


def _target(conn: Connection, stories: StoryCache, actor: Actor, key: str, story_id: str, extra=None) -> str:
    """The entity an actor belongs to: its own key's, or the one its short form refers to.

    The other actors of its own story count as known even before they are stored, so an
    actor is never re-linked because of a later actor of the same story (the statements
    of a story are written with the ids given here)."""
    own = short_hash("entity", key)
    if actor.kind == "person" and names.is_short_person(key):
        story = stories.get(conn, story_id)
        extras = [extra] if extra else []
        for other in story.actors:
            if other.kind == "person" and other.id != actor.id:
                k = names.entity_key(other, story_id, story.text)
                if "@" not in k:
                    extras.append((short_hash("entity", k), k, other.country))
        cands = _surname_candidates(conn, names.surname(key), actor.country, extras)
        return cands[0] if len(cands) == 1 else own
    if actor.kind in _ORGS:
        acr = names.acronym(actor.name)
        if acr and key == names.acronym_key(acr):
            story = stories.get(conn, story_id)
            extras = []
            for other in story.actors:
                if other.kind in _ORGS and other.id != actor.id and acr in names.org_acronyms(other, story.text):
                    k = names.entity_key(other, story_id, story.text)
                    extras.append((k, short_hash("entity", k)))
            cands = _acronym_candidates(conn, stories, acr, own, extras)
            return cands[0] if len(cands) == 1 else own
    return own


# -- writing an actor's entity and evidence ------------------------------------------
def _roles(actor: Actor) -> list[Role]:
    roles = list(actor.roles)
    if not roles and actor.role:
        roles = [Role(title=actor.role, country=actor.country, sector=actor.sector, posted_to=actor.posted_to)]
    return roles


def _write_evidence(conn: Connection, entity_id: str, story_id: str, actor: Actor, published: Optional[str]) -> None:
    for alias in sorted(names.aliases(actor)):
        insert_ignore(conn, t.entity_aliases, entity_id=entity_id, alias=alias, story_id=story_id)
    for role in _roles(actor):
        insert_ignore(conn, t.entity_roles, entity_id=entity_id, title=role.title, story_id=story_id,
                      country=role.country, sector=role.sector, posted_to=role.posted_to,
                      since=role.since or published)


def _write_acronyms(conn: Connection, entity_id: str, story_id: str, acrs: Iterable[str]) -> None:
    for acr in sorted(acrs):
        insert_ignore(conn, t.entity_aliases, entity_id=entity_id, alias=acr, story_id=story_id)


def _ensure_entity(conn: Connection, entity_id: str, key: str, actor: Actor) -> bool:
    return insert_ignore(conn, t.entities, id=entity_id, key=key, name=actor.name, kind=actor.kind,
                         country=actor.country, sector=actor.sector)


def link_actor(conn: Connection, stories: StoryCache, story_id: str, actor: Actor,
               published: Optional[str]) -> str:
    """The entity id of an actor of a story being stored; writes its entity and evidence,
    and re-links the stored short forms its name changes the meaning of."""
    text = stories.get(conn, story_id).text
    key = names.entity_key(actor, story_id, text)
    own = short_hash("entity", key)
    entity_id = _target(conn, stories, actor, key, story_id)
    if entity_id == own:
        created = _ensure_entity(conn, own, key, actor)
        if created and names.is_full_person(key):
            _relink_persons(conn, stories, names.short_forms(key), extra=(own, key, actor.country))
    _write_evidence(conn, entity_id, story_id, actor, published)
    if actor.kind in _ORGS:
        new_acrs = names.org_acronyms(actor, text)
        if new_acrs:
            _write_acronyms(conn, entity_id, story_id, new_acrs)
            _relink_orgs(conn, stories, new_acrs)
    _refresh(conn, entity_id, actor)
    return entity_id


# -- re-linking stored short forms ------------------------------------------------
def _relink_persons(conn: Connection, stories: StoryCache, surnames: Iterable[str], extra) -> None:
    en = t.entities
    for surname in sorted(surnames):
        rows = conn.execute(select(en.c.id).where(en.c.kind == "person", or_(
            en.c.key.like(f"person:{surname}@%"), en.c.key.like(f"person:% {surname}"),
            en.c.key.like(f"person:{surname} %")))).all()
        _relink(conn, stories, [r[0] for r in rows],
                lambda k: names.is_short_person(k) and names.surname(k) == surname, extra)


def _relink_orgs(conn: Connection, stories: StoryCache, acrs: Iterable[str]) -> None:
    en = t.entities
    for acr in sorted(acrs):
        ids = [r[0] for r in conn.execute(select(en.c.id).where(
            en.c.kind.in_(_ORGS),
            or_(en.c.key == names.acronym_key(acr),
                en.c.id.in_(select(t.entity_aliases.c.entity_id).where(t.entity_aliases.c.alias == acr)))))]
        _relink(conn, stories, ids, lambda k: k == names.acronym_key(acr))


def _relink(conn: Connection, stories: StoryCache, entity_ids: list[str], is_short: Callable[[str], bool],
            extra=None) -> None:
    """Move the stored actors of these entities whose short form now refers elsewhere."""
    if not entity_ids:
        return
    a = t.actors
    rows = conn.execute(select(a.c.story_id, a.c.actor_id, a.c.entity_id)
                        .where(a.c.entity_id.in_(entity_ids)).order_by(a.c.story_id, a.c.actor_id)).all()
    for sid, aid, old in rows:
        actor = stories.actor(conn, sid, aid)
        if actor is None:
            continue
        key = stories.key(conn, sid, actor)
        if not is_short(key):
            continue
        new = _target(conn, stories, actor, key, sid, extra)
        if new == old:
            continue
        if new == short_hash("entity", key):
            _ensure_entity(conn, new, key, actor)
        conn.execute(update(a).where(a.c.story_id == sid, a.c.actor_id == aid).values(entity_id=new))
        conn.execute(update(t.statements).where(t.statements.c.story_id == sid, t.statements.c.speaker_id == aid)
                     .values(entity_id=new))
        _rebuild_evidence(conn, stories, sid, old)
        _rebuild_evidence(conn, stories, sid, new)
        for eid in (old, new):
            _refresh(conn, eid)


def _rebuild_evidence(conn: Connection, stories: StoryCache, story_id: str, entity_id: str) -> None:
    for table in (t.entity_aliases, t.entity_roles):
        conn.execute(delete(table).where(table.c.entity_id == entity_id, table.c.story_id == story_id))
    story = stories.get(conn, story_id)
    for (aid,) in conn.execute(select(t.actors.c.actor_id).where(
            t.actors.c.story_id == story_id, t.actors.c.entity_id == entity_id)).all():
        actor = stories.actor(conn, story_id, aid)
        if actor is not None:
            _write_evidence(conn, entity_id, story_id, actor, story.published)
            if actor.kind in _ORGS:
                _write_acronyms(conn, entity_id, story_id, names.org_acronyms(actor, story.text))


def _refresh(conn: Connection, entity_id: str, current: Optional[Actor] = None) -> None:
    """Name (names.best_name), kind, country and sector by majority over the entity's
    actors, ties alphabetical, so they do not depend on which story came first. An entity
    left without actors is removed."""
    a = t.actors
    # Counted by the database (an index covers it): an entity such as a state has an actor
    # row in every story that names it, and this runs for every actor stored.
    rows: Counter = Counter()
    for name, kind, country, sector, n in conn.execute(
            select(a.c.name, a.c.kind, a.c.country, a.c.sector, func.count()).where(a.c.entity_id == entity_id)
            .group_by(a.c.name, a.c.kind, a.c.country, a.c.sector)):
        rows[(name, kind, country, sector)] += n
    if current is not None:
        rows[(current.name, current.kind, current.country, current.sector)] += 1
    if not rows:
        for table in (t.entity_aliases, t.entity_roles):
            conn.execute(delete(table).where(table.c.entity_id == entity_id))
        conn.execute(delete(t.entities).where(t.entities.c.id == entity_id))
        return

    def counted(i: int) -> Counter:
        c: Counter = Counter()
        for row, n in rows.items():
            if row[i]:
                c[row[i]] += n
        return c

    def best(i: int):
        c = counted(i)
        return sorted(c, key=lambda v: (-c[v], v))[0] if c else None

    conn.execute(update(t.entities).where(t.entities.c.id == entity_id).values(
        name=names.best_name(counted(0)), kind=best(1), country=best(2), sector=best(3)))


# -- agreements --------------------------------------------------------------------
def link_agreement(conn: Connection, story_id: str, doc: Document, agreement: Agreement) -> str:
    key = names.agreement_key(agreement)
    reg_id = short_hash("agreement", key)
    insert_ignore(conn, t.registry_agreements, id=reg_id, key=key, name=agreement.name, topic=agreement.topic,
                  parties=json.dumps(sorted(agreement.parties)))
    date = (agreement.date.value if agreement.date and agreement.date.value else None) or doc.published
    insert_ignore(conn, t.agreement_history, agreement_id=reg_id, story_id=story_id,
                  status=agreement.status, date=(date or "")[:10] or None,
                  events=json.dumps(agreement.events))
    return reg_id


# -- forgetting a story ------------------------------------------------------------
def story_links(conn: Connection, story_id: str) -> tuple[set[str], set[str]]:
    """The registry entities and agreements a stored story is linked to (read before deleting it)."""
    entities = {e for (e,) in conn.execute(select(t.actors.c.entity_id).where(t.actors.c.story_id == story_id)) if e}
    agreements = {a for (a,) in conn.execute(select(t.agreement_history.c.agreement_id)
                                             .where(t.agreement_history.c.story_id == story_id))}
    agreements |= {a for (a,) in conn.execute(select(t.agreements.c.registry_id)
                                              .where(t.agreements.c.story_id == story_id)) if a}
    return entities, agreements


def forget(conn: Connection, stories: StoryCache, entity_ids: Iterable[str],
           agreement_ids: Iterable[str]) -> tuple[int, int]:
    """After a story's rows are deleted: its entities and agreements are left as a fresh
    ingest of the remaining stories would make them. An entity no actor names by its own
    key any more is removed, and the short forms still linked to it ("Perdue", an
    acronym) are re-linked as if it had never been; short forms elsewhere that its full
    name or acronym made ambiguous are re-linked too. Returns (entities, agreements) removed."""
    en, a = t.entities, t.actors
    removed_entities = 0
    surnames: set[str] = set()
    acrs: set[str] = set()
    for eid in sorted(set(entity_ids)):
        row = conn.execute(select(en.c.key).where(en.c.id == eid)).first()
        if row is None:
            continue
        key = row[0]
        linked = conn.execute(select(a.c.story_id, a.c.actor_id).where(a.c.entity_id == eid)).all()
        if any(_own_key(conn, stories, sid, aid) == key for sid, aid in linked):
            _refresh(conn, eid)
            continue
        if names.is_full_person(key):
            surnames |= names.short_forms(key)
        acrs |= {names.acronym(x) for (x,) in conn.execute(select(t.entity_aliases.c.alias)
                                                            .where(t.entity_aliases.c.entity_id == eid))
                 if names.acronym(x)}
        conn.execute(delete(en).where(en.c.id == eid))
        removed_entities += 1
        if linked:
            _relink(conn, stories, [eid], lambda _key: True)
        _refresh(conn, eid)  # its aliases and roles go with it
    if surnames:
        _relink_persons(conn, stories, surnames, extra=None)
    if acrs:
        _relink_orgs(conn, stories, acrs)
    removed_agreements = 0
    ra, h = t.registry_agreements, t.agreement_history
    for aid in sorted(set(agreement_ids)):
        if conn.execute(select(h.c.agreement_id).where(h.c.agreement_id == aid).limit(1)).first() is None:
            removed_agreements += conn.execute(delete(ra).where(ra.c.id == aid)).rowcount
    return removed_entities, removed_agreements


def _own_key(conn: Connection, stories: StoryCache, story_id: str, actor_id: str) -> Optional[str]:
    actor = stories.actor(conn, story_id, actor_id)
    return None if actor is None else stories.key(conn, story_id, actor)
