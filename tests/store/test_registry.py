"""The cross-story registry on a real SQLite file and a real PostgreSQL: which mentions
merge, which must not, dated roles with their evidence, independence from the order
stories arrive in, and the per-Database cache of stored stories. The name rules alone are
tested in tests/test_names.py."""
from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from entente.model import Actor, Document, Mention, Role
from entente.pipeline import make_story
from entente.store import Database
from entente.store import schema as t


def _story(sid, published, actors, text=None):
    text = text or " ".join(a.name for a in actors) + "."
    story = make_story(text, id=sid, published=published)
    return story, Document(id=sid, published=published, actors=actors, events=[], version="t")


def _person(aid, name, country=None, mentions=(), **kw):
    return Actor(id=aid, name=name, kind="person", country=country,
                 mentions=[Mention(text=m, start=0, end=len(m)) for m in (name, *mentions)], **kw)


def _org(aid, name, country=None, mentions=(), kind="organization"):
    return Actor(id=aid, name=name, kind=kind, country=country,
                 mentions=[Mention(text=m, start=0, end=len(m)) for m in (name, *mentions)])


@pytest.fixture
def db(db_target):
    return Database(db_target)


def _links(db) -> dict:
    """(story, actor) -> entity key, name, country: what a reader of the registry sees."""
    with db.engine.connect() as conn:
        rows = conn.execute(select(t.actors.c.story_id, t.actors.c.actor_id, t.entities.c.key, t.entities.c.name,
                                   t.entities.c.country)
                            .join(t.entities, t.entities.c.id == t.actors.c.entity_id)).all()
    return {(s, a): (k, n, c) for s, a, k, n, c in rows}


def _evidence(db) -> tuple[set, set]:
    with db.engine.connect() as conn:
        aliases = set(conn.execute(select(t.entities.c.key, t.entity_aliases.c.alias, t.entity_aliases.c.story_id)
                                   .join(t.entities, t.entities.c.id == t.entity_aliases.c.entity_id)).all())
        roles = set(conn.execute(select(t.entities.c.key, t.entity_roles.c.title, t.entity_roles.c.story_id,
                                        t.entity_roles.c.since)
                                 .join(t.entities, t.entities.c.id == t.entity_roles.c.entity_id)).all())
    return aliases, roles


def _entity_of(db, story_id, actor_id="a1"):
    return _links(db)[(story_id, actor_id)][0]


# -- merges that must happen ---------------------------------------------------------
def test_one_person_under_many_names_is_one_entity(db):
    db.add_many([
        _story("s1", "2025-01-20", [_person("a1", "Donald J. Trump", "USA")]),
        _story("s2", "2025-02-01", [_person("a1", "Donald Trump")]),
        _story("s3", "2025-03-01", [_person("a1", "President Donald J. Trump", "USA")]),
        _story("s4", "2025-04-01", [_person("a1", "Trump", "USA", mentions=["President Trump", "He", "The president"])]),
        _story("s5", "2025-05-01", [_person("a1", "Trump")]),  # no country: still the only Trump
    ])
    keys = {_entity_of(db, s) for s in ("s1", "s2", "s3", "s4", "s5")}
    assert keys == {"person:donald trump"}
    (trump,) = db.entities(name="trump")
    assert trump["name"] == "Donald J. Trump" and trump["country"] == "USA"
    aliases, _ = _evidence(db)
    assert ("person:donald trump", "President Trump", "s4") in aliases  # every alias names its story
    assert not {al for _, al, _ in aliases} & {"He", "The president"}  # pronouns, descriptions: no alias


def test_short_forms_in_the_story_of_their_full_name(db):
    """A surname or acronym before its full name in the same story is linked right away,
    so the story's statements (written with the ids the registry gave) stay correct."""
    from entente.model import Statement

    story, doc = _story("s1", "2025-01-01", [
        _person("a1", "Trump", "USA"), _person("a2", "Donald Trump", "USA"),
        _org("a3", "OECD", "IGO", kind="igo"),
        _org("a4", "Organization for Economic Cooperation and Development", "IGO", kind="igo")],
        text="Trump and Donald Trump; the Organization for Economic Cooperation and Development (OECD).")
    doc = doc.model_copy(update={"statements": [Statement(id="q1", speaker="a1", text="x", direct=True,
                                                          cue="said", start=0, end=1)]})
    db.add_many([(story, doc)])
    links = _links(db)
    assert links[("s1", "a1")][0] == links[("s1", "a2")][0] == "person:donald trump"
    assert links[("s1", "a3")][0] == links[("s1", "a4")][0] == "org:organization for economic cooperation and development"
    with db.engine.connect() as conn:
        (eid,) = conn.execute(select(t.statements.c.entity_id)).one()
        assert conn.execute(select(t.entities.c.key).where(t.entities.c.id == eid)).scalar_one() == "person:donald trump"


def test_surname_first_names_join_by_their_first_word(db):
    db.add_many([_story("s1", "2025-01-01", [_person("a1", "Xi Jinping", "CHN")]),
                 _story("s2", "2025-01-02", [_person("a1", "Xi", "CHN")])])
    assert _entity_of(db, "s2") == "person:xi jinping"


def test_organisation_acronym_defined_by_a_story_is_an_alias_with_evidence(db):
    icj = "International Court of Justice"
    db.add_many([
        _story("s1", "2025-01-01", [_org("a1", "ICJ", "IGO", kind="igo")]),  # acronym alone first
        _story("s2", "2025-01-02", [_org("a1", icj, "IGO", mentions=["ICJ"], kind="igo")]),
        _story("s3", "2025-01-03", [_org("a1", "Bulgarian Telegraph Agency", "BGR")],
               text="The Bulgarian Telegraph Agency (BTA) reported it."),
        _story("s4", "2025-01-04", [_org("a1", "BTA", "BGR")]),
    ])
    assert _entity_of(db, "s1") == _entity_of(db, "s2") == "org:international court of justice"
    assert _entity_of(db, "s4") == _entity_of(db, "s3") == "org:bulgarian telegraph agency"
    aliases, _ = _evidence(db)
    assert ("org:international court of justice", "ICJ", "s2") in aliases
    assert ("org:bulgarian telegraph agency", "BTA", "s3") in aliases
    assert len(db.entities(name="icj")) == 0 and len(db.entities(name="court of justice")) == 1


def test_organisation_with_its_country_in_the_name_and_states_by_code(db):
    db.add_many([
        _story("s1", "2025-01-01", [_org("a1", "U.S. State Department", "USA"), _org("a2", "U.S. Congress", "USA"),
                                    Actor(id="a3", name="China", kind="state", country="CHN")]),
        _story("s2", "2025-01-02", [_org("a1", "State Department", "USA"), _org("a2", "Congress", "USA"),
                                    Actor(id="a3", name="Beijing", kind="state", country="CHN")]),
    ])
    links = _links(db)
    assert links[("s1", "a1")][0] == links[("s2", "a1")][0] == "org:state department@USA"
    assert links[("s1", "a2")][0] == links[("s2", "a2")][0] == "org:congress@USA"
    assert links[("s1", "a3")][0] == links[("s2", "a3")][0] == "state:CHN"


# -- merges that must not happen ---------------------------------------------------
def test_two_smiths_of_different_countries_stay_apart(db):
    db.add_many([
        _story("s1", "2025-01-01", [_person("a1", "John Smith", "USA")]),
        _story("s2", "2025-01-02", [_person("a1", "Smith", "GBR")]),
        _story("s3", "2025-01-03", [_person("a1", "Smith", "AUS")]),
        _story("s4", "2025-01-04", [_person("a1", "Smith", "USA")]),
    ])
    assert _entity_of(db, "s2") == "person:smith@GBR"
    assert _entity_of(db, "s3") == "person:smith@AUS"
    assert _entity_of(db, "s4") == "person:john smith"
    assert len(db.entities(name="smith")) == 3


def test_bare_surname_stays_apart_when_two_people_share_it(db):
    db.add_many([
        _story("s1", "2025-01-01", [_person("a1", "Donald Trump", "USA")]),
        _story("s2", "2025-01-02", [_person("a1", "Trump", "USA", mentions=["President Trump"])]),
        _story("s3", "2025-01-03", [_person("a1", "Melania Trump", "USA")]),
    ])
    # once a second Trump is known, "President Trump" (no first name) is no longer certain
    assert _entity_of(db, "s2") == "person:trump@USA"
    assert {e["name"] for e in db.entities(name="trump")} == {"Donald Trump", "Melania Trump", "Trump"}
    aliases, _ = _evidence(db)
    assert ("person:trump@USA", "President Trump", "s2") in aliases
    assert not any(k == "person:donald trump" and s == "s2" for k, _, s in aliases)  # evidence moved too


def test_surname_of_a_known_country_does_not_join_a_person_of_unknown_country(db):
    db.add_many([_story("s1", "2025-01-01", [_person("a1", "Ilyas Ali Hassan")]),
                 _story("s2", "2025-01-02", [_person("a1", "Hassan", "SOM")])])
    assert _entity_of(db, "s2") == "person:hassan@SOM"


def test_generic_institutions_and_descriptions_do_not_merge_across_stories(db):
    db.add_many([
        _story("s1", "2025-01-01", [_org("a1", "Parliament"), _person("a2", "State Department spokesperson", "USA")]),
        _story("s2", "2025-01-02", [_org("a1", "Parliament"), _person("a2", "State Department spokesperson", "USA")]),
        _story("s3", "2025-01-03", [_org("a1", "Parliament", "ALB")]),
        _story("s4", "2025-01-04", [_org("a1", "Albanian Parliament", "ALB")]),
    ])
    links = _links(db)
    assert links[("s1", "a1")][0] != links[("s2", "a1")][0]  # which parliament? the story does not say
    assert links[("s1", "a2")][0] != links[("s2", "a2")][0]  # a spokesperson is not a name
    assert links[("s3", "a1")][0] == "org:parliament@ALB"


# -- dated roles ---------------------------------------------------------------------
def test_roles_are_dated_per_story_and_conflicts_are_kept(db):
    db.add_many([
        _story("s1", "2019-05-01", [_person("a1", "Perdue", "USA", role="Senator")]),  # surname first, role moves
        _story("s2", "2026-02-12", [_person("a1", "David Perdue", "USA", roles=[
            Role(title="US Ambassador to China", country="USA", posted_to="CHN")])]),
        _story("s3", "2026-03-01", [_person("a1", "David Perdue", "USA", roles=[
            Role(title="Ambassador", country="USA", posted_to="CHN", since="2025-04-29")])]),
        _story("s4", "2026-03-02", [_person("a1", "David A. Perdue", "USA", role="Senator")]),
    ])
    (perdue,) = db.entities(name="perdue")
    roles = [(r["title"], r["since"], r["story_id"]) for r in perdue["roles"]]
    assert roles == [("Senator", "2019-05-01", "s1"), ("Ambassador", "2025-04-29", "s3"),
                     ("US Ambassador to China", "2026-02-12", "s2"), ("Senator", "2026-03-02", "s4")]


def test_reingesting_a_story_keeps_the_registry(db):
    pairs = [_story("s1", "2025-01-01", [_person("a1", "Trump", "USA")]),
             _story("s2", "2025-01-02", [_person("a1", "Donald Trump", "USA")])]
    db.add_many(pairs)
    before = (_links(db), _evidence(db))
    assert db.add_many(pairs) == 0
    assert (_links(db), _evidence(db)) == before


# -- ingest order --------------------------------------------------------------------
def _corpus():
    return [
        _story("s1", "2025-01-01", [_person("a1", "Trump", "USA", role="President"),
                                    _org("a2", "ICJ", "IGO", kind="igo")]),
        _story("s2", "2025-01-02", [_person("a1", "Donald J. Trump", "USA"),
                                    _org("a2", "International Court of Justice", "IGO", ["ICJ"], kind="igo")]),
        _story("s3", "2025-01-03", [_person("a1", "Melania Trump", "USA"), _person("a2", "Smith", "GBR")]),
        _story("s4", "2025-01-04", [_person("a1", "Smith", "USA", role="Senator"), _person("a2", "Xi", "CHN")]),
        _story("s5", "2025-01-05", [_person("a1", "John Smith", "USA"), _person("a2", "Xi Jinping", "CHN"),
                                    _person("a3", "Biden")]),
        _story("s6", "2025-01-06", [_person("a1", "Joe Biden", "USA", role="President")]),
    ]


def test_registry_does_not_depend_on_ingest_order(tmp_path):
    stories = _corpus()
    seen = None
    for i, order in enumerate(itertools.islice(itertools.permutations(range(len(stories))), 0, None, 37)):
        db = Database(str(tmp_path / f"o{i}.db"))
        db.add_many([stories[j] for j in order])
        got = (_links(db), _evidence(db))
        if seen is None:
            seen = got
            links = got[0]
            assert links[("s1", "a1")][0] == "person:trump@USA"  # two Trumps: ambiguous
            assert links[("s4", "a1")][0] == "person:john smith"
            assert links[("s3", "a2")][0] == "person:smith@GBR"
            assert links[("s4", "a2")][0] == "person:xi jinping"
            assert links[("s5", "a3")][0] == "person:joseph biden"
            assert links[("s1", "a2")][0] == "org:international court of justice"
        assert got == seen, order


# -- the cache of stored stories -------------------------------------------------------
def test_each_database_has_its_own_story_cache_and_sees_other_writers(db_target):
    """db1 has read story s1; another writer (db2) replaces s1. When db1 re-links s1's
    actor it must read the new s1, not the one it kept."""
    db1, db2 = Database(db_target), Database(db_target)
    assert db1.story_cache is not db2.story_cache
    db1.add_many([_story("s1", "2025-01-01", [_person("a1", "Lima", "BRA")])])
    assert "s1" in db1.story_cache  # read while linking: the old s1 is in db1's cache
    db2.add_many([_story("s1", "2025-01-01", [_person("a1", "Okafor", "NGA")], text="Okafor spoke.")])
    assert _entity_of(db1, "s1") == "person:okafor@NGA"
    db1.add_many([_story("s2", "2025-01-02", [_person("a1", "Chidi Okafor", "NGA")])])  # re-links s1's "Okafor"
    assert _entity_of(db1, "s1") == _entity_of(db1, "s2") == "person:chidi okafor"


def test_the_store_keeps_no_module_global_mutable_state():
    import importlib
    import pkgutil

    import entente.store

    modules = [importlib.import_module(f"entente.store.{m.name}") for m in pkgutil.iter_modules(entente.store.__path__)]
    assert {"registry", "writer", "database"} <= {m.__name__.rsplit(".", 1)[1] for m in modules}
    mutable = [f"{m.__name__}.{name}" for m in modules for name, value in vars(m).items()
               if not name.startswith("__") and type(value) in (dict, list, set, bytearray)]
    assert mutable == []
