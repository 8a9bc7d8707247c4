"""The registry across stories: one entity per real-world actor, one agreement per deal.

Keys are content-derived, so the same actor gets the same entity id whatever the
ingest order:

* a state is its country code (``state:CHN``);
* a person with a full name is ``person:<given> <surname>`` after folding accents,
  dropping dots, middle initials, honorific titles and Jr/Sr, and mapping a familiar
  first name to its formal one ("President Donald J. Trump" = "Donald Trump", "Jim
  Risch" = "James Risch"); the country is not part of it (the same person is often
  tagged with a country in one story and IGO or none in another);
* a bare surname ("Trump", "President Trump", "Senator Perdue") joins the one
  full-name person with that surname whose countries are compatible; with none or
  several candidates it is its own entity ``person:<surname>@<country>`` — so two
  "Smith"s of different countries never meet, and "Trump" stays apart when two
  Trumps are known;
* an organisation (organisation or IGO) is its normalised name without a leading
  reference to its own country ("U.S. State Department" = "State Department" for a
  USA actor); generic institution names ("Parliament", "High Court", "Congress")
  are keyed with their country, and stay story-local without one;
* an acronym the story ties to the full name ("International Court of Justice
  (ICJ)", or a mention whose letters are the name's initials) becomes an alias with
  its story as evidence; a later acronym-only actor joins the one entity carrying it;
* a description rather than a name ("State Department spokesperson", "air force")
  identifies no one across stories and stays within its story.

A short form is resolved against the stored entities and the full names of its own
story. When a new entity or acronym alias changes who a short form of another story
refers to, that stored actor is re-linked (actor row, statement links, evidence), so
the result does not depend on which story came first. Aliases and roles always carry the story they came from; a
role's ``since`` is the date the story states, else the story's date; conflicting
roles are separate rows, never overwritten.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from typing import Iterable, Optional

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import Connection

from entente.model import Actor, Agreement, Document, Role
from entente.store import schema as t
from entente.text import short_hash

_NON_WORD = re.compile(r"[^\w\s-]")


def name_key(name: str) -> str:
    return " ".join(_NON_WORD.sub("", name.replace("’", "'").replace("'s", "")).split()).casefold()


# -- normalisation -------------------------------------------------------------
def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


# Leading words that are a title, not a name ("President Trump", "Sen. Risch").
TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady
president vice prime minister premier chancellor secretary general gen lt lieutenant col colonel
maj major capt captain adm admiral brig brigadier cmdr commander sgt sergeant field marshal
senator sen rep representative congressman congresswoman gov governor mayor ambassador envoy
king queen prince princess crown emperor sheikh sheik emir pope cardinal archbishop bishop rev reverend
imam ayatollah rabbi father judge justice chief chairman chairwoman chair spokesman spokeswoman
former late deputy acting foreign defense defence interior finance state of the
""".split())
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A familiar first name is the same person ("Jim Risch" = "James Risch", "Joe Biden" = "Joseph R. Biden").
NICKNAMES = {
    "jim": "james", "jimmy": "james", "jamie": "james", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "joe": "joseph", "tom": "thomas",
    "tony": "anthony", "dick": "richard", "rick": "richard", "rich": "richard", "dan": "daniel", "danny": "daniel",
    "dave": "david", "steve": "stephen", "ben": "benjamin", "ted": "edward",
    "ed": "edward", "ron": "ronald", "don": "donald", "chuck": "charles", "charlie": "charles", "pete": "peter",
    "nick": "nicholas", "matt": "matthew", "andy": "andrew", "greg": "gregory", "jeff": "jeffrey",
    "ken": "kenneth", "larry": "lawrence", "liz": "elizabeth", "beth": "elizabeth", "sue": "susan",
}
# Surname first in English text: a bare "Xi" is the first word of "Xi Jinping".
SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM", "MNG"})


def _words(name: str) -> list[str]:
    s = _fold(name)
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", " ")
    return [w for w in re.sub(r"[^\w\s'-]", " ", s).split() if w.strip("'-")]


def is_description(name: str) -> bool:
    """'State Department spokesperson', 'air force': no proper name at the end."""
    words = _words(name)
    return not words or not any(ch.isupper() for ch in words[-1])


def person_tokens(name: str) -> list[str]:
    """The identifying words of a person's name: no titles, initials, dots or suffixes."""
    words = [w.casefold() for w in _words(name)]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 2:
        inner = [w for w in words[1:-1] if len(w) > 1]
        words = [words[0], *inner, words[-1]]
    if len(words) > 1 and len(words[0]) == 1:
        words = words[1:]
    if len(words) > 1:
        words[0] = NICKNAMES.get(words[0], words[0])
    return words


# Organisation words that name an institution, not which one ("the High Court").
_GENERIC = frozenset("""
parliament senate house congress cabinet council commission court supreme high constitutional
appeals appeal federal district national assembly ministry foreign interior defense defence justice
party communist government police army military air force navy department state central command
mission office presidency administration treasury of the and for security intelligence agency
general statistics public representatives people people's
""".split())
_USA = ("us", "u s", "united states")
_UN = ("un", "u n", "united nations")
_GBR = ("uk", "u k", "britain", "great britain", "united kingdom")


def _country_prefix(words: list[str], country: Optional[str]) -> int:
    """How many leading words name the actor's own country ('U.S.', "Kenya's")."""
    if not country or len(words) < 2:
        return 0
    low = [w.casefold() for w in words]
    for n in (3, 2, 1):
        if len(low) <= n:
            continue
        head = " ".join(low[:n])
        if country == "USA" and head in _USA:
            return n
        if country == "IGO" and head in _UN:
            return n
        if country == "GBR" and head in _GBR:
            return n
        if country not in ("USA", "IGO", "GBR"):
            from entente.ontology import gazetteer

            p = gazetteer.place(" ".join(words[:n]))
            if p is not None and p.kind == "country" and p.country == country:
                return n
    return 0


def org_words(name: str, country: Optional[str]) -> list[str]:
    words = _words(name)
    if words and words[0].casefold() == "the":
        words = words[1:]
    words = words[_country_prefix(words, country):]
    return [w.casefold() for w in words]


_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z&])+\.?|[A-Z][A-Z]+[a-z]?[A-Z]*")
_STOP = frozenset({"of", "the", "and", "for", "de", "la", "du", "des", "on", "in", "to", "a", "et", "d"})


def acronym(text: str) -> Optional[str]:
    """'U.N.' -> 'UN', 'ICJ' -> 'ICJ'; None unless the text looks like an acronym."""
    text = text.strip()
    if not _ACRONYM.fullmatch(text) or len(text.replace(".", "")) < 2:
        return None
    return text.replace(".", "").upper()


def _initials(name: str) -> set[str]:
    parts = [p for w in _words(name) for p in re.split(r"[-']", w) if p]
    if len(parts) < 2:
        return set()
    full = "".join(p[0] for p in parts).upper()
    short = "".join(p[0] for p in parts if p.casefold() not in _STOP).upper()
    return {full, short}


def _spells(acr: str, parts: list[str]) -> bool:
    """Every word but a stop word gives the next letter(s) from its start on, in order:
    ASEAN = ASsociation of South East Asian Nations, OECD, UNICEF."""
    if not parts:
        return not acr
    word, rest = parts[0].casefold(), parts[1:]
    if word in _STOP and _spells(acr, rest):
        return True
    if not acr or acr[0].casefold() != word[0]:
        return False
    # take the initial, then possibly more letters from later in the same word
    def inside(a: str, w: str) -> bool:
        if _spells(a, rest):
            return True
        return any(a and w[i] == a[0].casefold() and inside(a[1:], w[i + 1:]) for i in range(len(w)))
    return inside(acr[1:], word[1:])


def acronym_of(acr: str, name: str, text: str = "") -> bool:
    """Does the story tie the acronym to the name: 'Name (ACR)', or the name's letters?"""
    if acr in _initials(name):
        return True
    parts = [p for w in _words(name) for p in re.split(r"[-']", w) if p]
    if 2 <= len(parts) <= 8 and len(acr) <= 8 and _spells(acr, parts):
        return True
    return bool(text) and re.search(re.escape(name) + r"\s*\(\s*" + re.escape(acr) + r"\s*\)", text) is not None


# -- keys ----------------------------------------------------------------------
def _family(kind: str) -> str:
    return "org" if kind in ("organization", "igo") else kind


def _canonical_org_name(actor: Actor, text: str = "") -> str:
    """An acronym-named organisation whose story gives the full name is keyed by the full name."""
    acr = acronym(actor.name)
    if acr:
        for m in sorted({m.text for m in actor.mentions}, key=lambda x: (-len(x), x)):
            if not acronym(m) and acronym_of(acr, m, text):
                return m
    return actor.name


def entity_key(actor: Actor, story_id: str = "", text: str = "") -> str:
    if actor.kind == "state" and actor.country:
        return f"state:{actor.country}"
    country = actor.country or "-"
    if actor.kind == "person":
        if is_description(actor.name):
            return f"person:{name_key(actor.name)}@{country}#{story_id}"
        toks = person_tokens(actor.name)
        if len(toks) == 1:
            return f"person:{toks[0]}@{country}"
        return "person:" + " ".join(toks)
    if actor.kind in ("organization", "igo"):
        name = _canonical_org_name(actor, text)
        acr = acronym(name)
        if acr:
            return "org:" + acr.casefold()
        if is_description(name) and not acronym(name):
            return f"org:{name_key(name)}@{country}#{story_id}"
        words = org_words(name, actor.country)
        norm = " ".join(words) or name_key(name)
        if all(w in _GENERIC for w in words):
            return f"org:{norm}@{country}" + ("" if actor.country else f"#{story_id}")
        return f"org:{norm}"
    return f"{actor.kind}:{name_key(actor.name)}"


def _is_short_person(key: str) -> bool:
    return key.startswith("person:") and "@" in key and "#" not in key


def _surname(key: str) -> str:
    return key[len("person:"):].split("@", 1)[0]


# -- linking -------------------------------------------------------------------
def _entity_countries(conn: Connection, entity_ids: list[str]) -> dict[str, set]:
    out: dict[str, set] = {e: set() for e in entity_ids}
    if entity_ids:
        for eid, c in conn.execute(select(t.actors.c.entity_id, t.actors.c.country)
                                   .where(t.actors.c.entity_id.in_(entity_ids)).distinct()):
            out[eid].add(c)
    return out


def _surname_candidates(conn: Connection, surname: str, country: Optional[str],
                        extras: Iterable[tuple[str, str, Optional[str]]] = ()) -> list[str]:
    """Full-name person entities a bare surname may refer to, compatible by country.
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
    out = []
    for eid, key in keys.items():
        words = key[len("person:"):].split()
        cs = {c for c in countries.get(eid, set()) if c}
        last = words[-1] == surname
        first = words[0] == surname and (cs & SURNAME_FIRST or country in SURNAME_FIRST)
        if not (last or first):
            continue
        if country is None or country in cs:  # an entity of unknown country takes no dated country's surname
            out.append((key, eid))
    return [eid for _, eid in sorted(out)]


def _acronym_candidates(conn: Connection, acr: str, own_id: str, extras: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Organisation entities carrying the acronym as an alias tied to their full name
    (`extras`: (key, id) of the story's own organisations that define it)."""
    en, al = t.entities, t.entity_aliases
    rows = conn.execute(select(en.c.id, en.c.key, en.c.name).distinct().join(al, al.c.entity_id == en.c.id).where(
        en.c.kind.in_(["organization", "igo"]), func.upper(func.replace(al.c.alias, ".", "")) == acr)).all()
    out = set(extras)
    for eid, key, name in rows:
        if eid == own_id or "#" in key:
            continue
        aliases = [a for (a,) in conn.execute(select(al.c.alias).where(al.c.entity_id == eid))]
        if any(not acronym(a) and acronym_of(acr, a) for a in aliases) or _defined(conn, eid, acr):
            out.add((key, eid))
    return sorted({eid for _, eid in out})


def _defined(conn: Connection, entity_id: str, acr: str) -> bool:
    """Some story of the entity writes 'Full name (ACR)'."""
    al = t.entity_aliases
    for (sid,) in conn.execute(select(al.c.story_id).distinct().where(
            al.c.entity_id == entity_id, func.upper(func.replace(al.c.alias, ".", "")) == acr)):
        text = _story_text(conn, sid)
        names = [a for (a,) in conn.execute(select(al.c.alias).where(al.c.entity_id == entity_id, al.c.story_id == sid))]
        if any(not acronym(n) and acronym_of(acr, n, text) for n in names):
            return True
    return False


def _story_text(conn: Connection, story_id: str) -> str:
    return _story(conn, story_id)[0]


def _target(conn: Connection, actor: Actor, key: str, story_id: str, extra=None) -> str:
    """The entity an actor belongs to: its own key's, or the one its short form refers to.

    The other actors of its own story count as known even before they are stored, so an
    actor is never re-linked because of a later actor of the same story (the statements
    of a story are written with the ids given here)."""
    own = short_hash("entity", key)
    if actor.kind == "person" and _is_short_person(key):
        text = _story_text(conn, story_id)
        extras = [extra] if extra else []
        for other in _story_actors(conn, story_id):
            if other.kind == "person" and other.id != actor.id:
                k = entity_key(other, story_id, text)
                if "@" not in k:
                    extras.append((short_hash("entity", k), k, other.country))
        cands = _surname_candidates(conn, _surname(key), actor.country, extras)
        return cands[0] if len(cands) == 1 else own
    if actor.kind in ("organization", "igo"):
        acr = acronym(actor.name)
        if acr and key == "org:" + acr.casefold():
            text = _story_text(conn, story_id)
            extras = []
            for other in _story_actors(conn, story_id):
                if other.kind in ("organization", "igo") and other.id != actor.id and acr in _org_acronyms(other, text):
                    k = entity_key(other, story_id, text)
                    extras.append((k, short_hash("entity", k)))
            cands = _acronym_candidates(conn, acr, own, extras)
            return cands[0] if len(cands) == 1 else own
    return own


_PRONOUNS = frozenset("he him his she her hers they them their theirs it its we us our i me my you your".split())


def _aliases(actor: Actor) -> set[str]:
    """The names a story uses for the actor: capitalised mentions, not pronouns or
    descriptions ('He', 'The two presidents')."""
    def name_like(text: str) -> bool:
        words = text.split()
        if not words or not text[:1].isupper() or words[0].casefold() in _PRONOUNS:
            return False
        return words[0].casefold() != "the" or any(w[:1].isupper() for w in words[1:])
    return {actor.name} | {m.text for m in actor.mentions if name_like(m.text)}


def _roles(actor: Actor) -> list[Role]:
    roles = list(actor.roles)
    if not roles and actor.role:
        roles = [Role(title=actor.role, country=actor.country, sector=actor.sector, posted_to=actor.posted_to)]
    return roles


def _write_evidence(conn: Connection, entity_id: str, story_id: str, actor: Actor, published: Optional[str]) -> None:
    for alias in sorted(_aliases(actor)):
        _insert_ignore(conn, t.entity_aliases, entity_id=entity_id, alias=alias, story_id=story_id)
    for role in _roles(actor):
        _insert_ignore(conn, t.entity_roles, entity_id=entity_id, title=role.title, story_id=story_id,
                       country=role.country, sector=role.sector, posted_to=role.posted_to,
                       since=role.since or published)


def _ensure_entity(conn: Connection, entity_id: str, key: str, actor: Actor) -> bool:
    if conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first():
        return False
    conn.execute(t.entities.insert().values(id=entity_id, key=key, name=actor.name, kind=actor.kind,
                                            country=actor.country, sector=actor.sector))
    return True


def link_actor(conn: Connection, story_id: str, actor: Actor, published: Optional[str]) -> str:
    text = _story_text(conn, story_id)
    key = entity_key(actor, story_id, text)
    own = short_hash("entity", key)
    entity_id = _target(conn, actor, key, story_id)
    if entity_id == own:
        created = _ensure_entity(conn, own, key, actor)
        if created and key.startswith("person:") and not _is_short_person(key) and "#" not in key:
            words = key[len("person:"):].split()
            _relink_persons(conn, {words[-1], words[0]}, extra=(own, key, actor.country))
    _write_evidence(conn, entity_id, story_id, actor, published)
    if actor.kind in ("organization", "igo"):
        new_acrs = _org_acronyms(actor, text)
        if new_acrs:
            for acr in sorted(new_acrs):
                _insert_ignore(conn, t.entity_aliases, entity_id=entity_id, alias=acr, story_id=story_id)
            _relink_orgs(conn, new_acrs)
    _refresh(conn, entity_id, actor)
    return entity_id


def _org_acronyms(actor: Actor, text: str) -> set[str]:
    """Acronyms the story ties to this organisation's full name."""
    names = [n for n in _aliases(actor) if not acronym(n)]
    out = set()
    for m in _aliases(actor):
        acr = acronym(m)
        if acr and any(acronym_of(acr, n, text) for n in names):
            out.add(acr)
    for n in names:  # 'Organization for Economic Cooperation and Development (OECD)'
        for found in re.finditer(re.escape(n) + r"\s*\(\s*([A-Z][A-Z.&]*[A-Z]\.?)\s*\)", text or ""):
            acr = acronym(found.group(1))
            if acr:
                out.add(acr)
    return out


# -- re-linking stored short forms ------------------------------------------------
_STORY_CACHE: dict[str, tuple[tuple, tuple[str, Optional[str], list[Actor]]]] = {}


def _story(conn: Connection, story_id: str) -> tuple[str, Optional[str], list[Actor]]:
    """A stored story's text, date and actors (from its contract document). Cached: a story
    id with the same text hash and version has the same document (the store re-writes a
    story only when one of them changes)."""
    st = t.stories
    row = conn.execute(select(st.c.content_hash, st.c.version).where(st.c.id == story_id)).first()
    if not row:
        return "", None, []
    hit = _STORY_CACHE.get(story_id)
    if hit is None or hit[0] != tuple(row):
        text, published, document = conn.execute(
            select(st.c.text, st.c.published, st.c.document).where(st.c.id == story_id)).one()
        actors = [Actor.model_validate(a) for a in json.loads(document).get("actors", [])]
        if len(_STORY_CACHE) > 256:
            _STORY_CACHE.clear()
        hit = _STORY_CACHE[story_id] = (tuple(row), (text, published, actors))
    return hit[1]


def _story_actors(conn: Connection, story_id: str) -> list[Actor]:
    return _story(conn, story_id)[2]


def _stored_actor(conn: Connection, story_id: str, actor_id: str) -> Optional[Actor]:
    return next((a for a in _story_actors(conn, story_id) if a.id == actor_id), None)


def _relink_persons(conn: Connection, surnames: Iterable[str], extra) -> None:
    en = t.entities
    for surname in sorted(surnames):
        rows = conn.execute(select(en.c.id).where(
            en.c.kind == "person", or_(en.c.key.like(f"person:{surname}@%"),
                                       en.c.key.like(f"person:% {surname}"), en.c.key.like(f"person:{surname} %")))).all()
        _relink(conn, [r[0] for r in rows], lambda k: _is_short_person(k) and _surname(k) == surname, extra)


def _relink_orgs(conn: Connection, acrs: Iterable[str]) -> None:
    en = t.entities
    for acr in sorted(acrs):
        ids = [r[0] for r in conn.execute(select(en.c.id).where(
            en.c.kind.in_(["organization", "igo"]),
            or_(en.c.key == "org:" + acr.casefold(),
                en.c.id.in_(select(t.entity_aliases.c.entity_id).where(t.entity_aliases.c.alias == acr)))))]
        _relink(conn, ids, lambda k: k == "org:" + acr.casefold())


def _relink(conn: Connection, entity_ids: list[str], is_short, extra=None) -> None:
    """Move the stored actors of these entities whose short form now refers elsewhere."""
    if not entity_ids:
        return
    a = t.actors
    rows = conn.execute(select(a.c.story_id, a.c.actor_id, a.c.entity_id)
                        .where(a.c.entity_id.in_(entity_ids)).order_by(a.c.story_id, a.c.actor_id)).all()
    for sid, aid, old in rows:
        actor = _stored_actor(conn, sid, aid)
        if actor is None:
            continue
        key = entity_key(actor, sid, _story_text(conn, sid))
        if not is_short(key):
            continue
        new = _target(conn, actor, key, sid, extra)
        if new == old:
            continue
        if new == short_hash("entity", key):
            _ensure_entity(conn, new, key, actor)
        conn.execute(update(a).where(a.c.story_id == sid, a.c.actor_id == aid).values(entity_id=new))
        conn.execute(update(t.statements).where(t.statements.c.story_id == sid, t.statements.c.speaker_id == aid)
                     .values(entity_id=new))
        _rebuild_evidence(conn, sid, old)
        _rebuild_evidence(conn, sid, new)
        for eid in (old, new):
            _refresh(conn, eid)


def _rebuild_evidence(conn: Connection, story_id: str, entity_id: str) -> None:
    for table in (t.entity_aliases, t.entity_roles):
        conn.execute(delete(table).where(table.c.entity_id == entity_id, table.c.story_id == story_id))
    text, published, _ = _story(conn, story_id)
    for (aid,) in conn.execute(select(t.actors.c.actor_id).where(
            t.actors.c.story_id == story_id, t.actors.c.entity_id == entity_id)).all():
        actor = _stored_actor(conn, story_id, aid)
        if actor is not None:
            _write_evidence(conn, entity_id, story_id, actor, published)
            if actor.kind in ("organization", "igo"):
                for acr in sorted(_org_acronyms(actor, text)):
                    _insert_ignore(conn, t.entity_aliases, entity_id=entity_id, alias=acr, story_id=story_id)


def _refresh(conn: Connection, entity_id: str, current: Optional[Actor] = None) -> None:
    """Name (a full name first, then the most frequent, untitled, longest), kind, country
    and sector by majority over the entity's actors, ties alphabetical, so they do not
    depend on which story came first. An entity left without actors is removed."""
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

    def best(i: int):
        c: Counter = Counter()
        for row, n in rows.items():
            if row[i]:
                c[row[i]] += n
        return sorted(c, key=lambda v: (-c[v], v))[0] if c else None

    names = Counter()
    for row, n in rows.items():
        if row[0]:
            names[row[0]] += n

    def rank(n: str):  # a full name (not a surname or an acronym), frequent, untitled, long
        words = _words(n)
        full = len(person_tokens(n)) > 1 and not acronym(n)
        return (not full, -names[n], bool(words) and words[0].casefold() in TITLES, -len(n), n)

    name = min(names, key=rank) if names else None
    conn.execute(update(t.entities).where(t.entities.c.id == entity_id).values(
        name=name, kind=best(1), country=best(2), sector=best(3)))


# -- agreements --------------------------------------------------------------------
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
        conn.execute(table.insert(), values)  # values as parameters: the statement is cached
