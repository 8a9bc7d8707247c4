"""The registry across stories: one entity per real-world actor, one agreement per deal.

Keys are normalised names (a state by its country code), so the same person in
many stories is one entity. A surname-only mention joins an entity of the same
kind and country whose name ends with that surname when exactly one does. Roles
are kept per story with the story's date; a conflicting role is a new row, never
an overwrite.
"""
from __future__ import annotations

import json
import re
from typing import Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from entente.model import Actor, Agreement, Document
from entente.store import schema as t
from entente.text import short_hash

_NON_WORD = re.compile(r"[^\w\s-]")


def name_key(name: str) -> str:
    return " ".join(_NON_WORD.sub("", name.replace("’", "'").replace("'s", "")).split()).casefold()


def entity_key(actor: Actor) -> str:
    if actor.kind == "state" and actor.country:
        return f"state:{actor.country}"
    return f"{actor.kind}:{name_key(actor.name)}"


def _find_by_surname(conn: Connection, actor: Actor) -> Optional[str]:
    surname = name_key(actor.name)
    if " " in surname or not surname:
        return None
    rows = conn.execute(
        select(t.entities.c.id).where(t.entities.c.kind == "person",
                                      t.entities.c.key.like(f"person:% {surname}"),
                                      t.entities.c.country == actor.country)
    ).all()
    return rows[0][0] if len(rows) == 1 else None


def link_actor(conn: Connection, story_id: str, actor: Actor, published: Optional[str]) -> str:
    key = entity_key(actor)
    entity_id = short_hash("entity", key)
    exists = conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first()
    if not exists and actor.kind == "person":
        entity_id = _find_by_surname(conn, actor) or entity_id
        exists = conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first()
    if not exists:
        conn.execute(t.entities.insert().values(id=entity_id, key=key, name=actor.name, kind=actor.kind,
                                                country=actor.country, sector=actor.sector))
    aliases = {actor.name} | {m.text for m in actor.mentions if m.text[:1].isupper()}
    for alias in sorted(aliases):
        _insert_ignore(conn, t.entity_aliases, entity_id=entity_id, alias=alias, story_id=story_id)
    roles = list(actor.roles)
    if not roles and actor.role:
        from entente.model import Role

        roles = [Role(title=actor.role, country=actor.country, sector=actor.sector, posted_to=actor.posted_to)]
    for role in roles:
        _insert_ignore(conn, t.entity_roles, entity_id=entity_id, title=role.title, story_id=story_id,
                       country=role.country, sector=role.sector, posted_to=role.posted_to,
                       since=role.since or published)
    return entity_id


def agreement_key(agreement: Agreement) -> str:
    name = re.sub(r"\s*\([A-Z]{2,}\)\s*", " ", agreement.name)
    return name_key(name) + "|" + ",".join(sorted(agreement.parties))


def link_agreement(conn: Connection, story_id: str, doc: Document, agreement: Agreement) -> str:
    key = agreement_key(agreement)
    reg_id = short_hash("agreement", key)
    if not conn.execute(select(t.registry_agreements.c.id).where(t.registry_agreements.c.id == reg_id)).first():
        conn.execute(t.registry_agreements.insert().values(
            id=reg_id, key=key, name=agreement.name, topic=agreement.topic,
            parties=json.dumps(sorted(agreement.parties))))
    date = (agreement.date.value if agreement.date and agreement.date.value else None) or doc.published
    _insert_ignore(conn, t.agreement_history, agreement_id=reg_id, story_id=story_id,
                   status=agreement.status, date=(date or "")[:10] or None,
                   events=json.dumps(agreement.events))
    return reg_id


def _insert_ignore(conn: Connection, table, **values) -> None:
    pk = [c.name for c in table.primary_key.columns]
    cond = [table.c[k] == values[k] for k in pk]
    if not conn.execute(select(table.c[pk[0]]).where(*cond)).first():
        conn.execute(table.insert().values(**values))
