"""The store on a real SQLite file: idempotence, event filters, the registry."""
from __future__ import annotations


import pytest

from entente.model import Actor, Agreement, Document, Event, EventDate, Evidence, Mention, Role, Statement
from entente.pipeline import make_story
from entente.store import Database, EventFilter
from tests.conftest import PG_URL, fresh_postgres


def _doc(story, actors, events, **kw) -> Document:
    return Document(id=story.id, published=story.published, actors=actors, events=events, version="t", **kw)


def _event(eid, typ, actors, recipients, date=None, fact="asserted"):
    return Event(id=eid, type=typ, actors=actors, recipients=recipients, factuality=fact,
                 date=EventDate(value=date, granularity="month" if date and len(date) == 7 else "day",
                                type="exact" if date else "unresolved"),
                 evidence=Evidence(sentence="s", start=0, end=1, trigger="met"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """The same tests on a real SQLite file and, when ENTENTE_TEST_POSTGRES is set, a real PostgreSQL."""
    if request.param == "sqlite":
        return Database(str(tmp_path / "t.db"))
    if not PG_URL:
        pytest.skip("set ENTENTE_TEST_POSTGRES=postgresql://… to run the PostgreSQL store tests")
    return Database(fresh_postgres())


@pytest.fixture
def stories():
    s1 = make_story("Perdue met Rawat in Beijing.", id="s1", published="2026-02-12")
    d1 = _doc(s1, [
        Actor(id="a1", name="David Perdue", kind="person", country="USA", sector="GOV", role="Ambassador",
              posted_to="CHN", roles=[Role(title="Ambassador", country="USA", posted_to="CHN", since="2026-02-12")],
              mentions=[Mention(text="David Perdue", start=0, end=6)]),
        Actor(id="a2", name="Pradeep Kumar Rawat", kind="person", country="IND", sector="GOV",
              mentions=[Mention(text="Rawat", start=11, end=16)]),
        Actor(id="a3", name="Quad", kind="grouping", members=["AUS", "IND", "JPN", "USA"]),
    ], [
        _event("e1", "CONSULT", ["a1"], ["a2"], "2026-02"),
        _event("e2", "SUPPORT", ["a1"], ["a3"], "2025-12"),
        _event("e3", "AGREE", ["a2"], ["a1"], None, fact="planned"),
    ], statements=[Statement(id="q1", speaker="a1", text="Great to see my friend", direct=True, cue="wrote",
                             channel="X", start=0, end=5)],
       agreements=[Agreement(id="g1", name="Interim Agreement", parties=["IND", "USA"], topic="trade",
                             status="framework", date=EventDate(value="2026-02", type="exact"))])
    s2 = make_story("Senator Perdue spoke in Georgia.", id="s2", published="2019-05-01")
    d2 = _doc(s2, [Actor(id="a1", name="Perdue", kind="person", country="USA", sector="LEG", role="Senator",
                         mentions=[Mention(text="Senator Perdue", start=0, end=14)])], [],
              agreements=[Agreement(id="g1", name="Interim Agreement", parties=["USA", "IND"], topic="trade",
                                    status="signed", date=EventDate(value="2026-03", type="exact"))])
    return [(s1, d1), (s2, d2)]


def test_ingest_twice_changes_nothing(db, stories):
    assert db.add_many(stories) == 2
    before = db.summary()
    assert db.add_many(stories) == 0
    assert db.summary() == before
    assert db.has(stories[0][0])


def test_changed_text_replaces_story(db, stories):
    db.add_many(stories)
    s1, d1 = stories[0]
    changed = make_story("Perdue met Rawat in Beijing on Monday.", id="s1", published="2026-02-12")
    assert not db.has(changed)
    assert db.add_many([(changed, d1)]) == 1
    assert db.summary()["stories"] == 2


def test_event_filters(db, stories):
    db.add_many(stories)
    assert [e["event_id"] for e in db.events()] == ["e2", "e1", "e3"]  # by event date; undated last
    assert {e["event_id"] for e in db.events(EventFilter(country="IND"))} == {"e1", "e2", "e3"}
    assert [e["event_id"] for e in db.events(EventFilter(dyad=("USA", "IND")))] == ["e2", "e1", "e3"]
    assert [e["event_id"] for e in db.events(EventFilter(dyad=("IND", "USA"), directed=True))] == ["e3"]
    assert [e["event_id"] for e in db.events(EventFilter(dyad=("USA", "JPN")))] == ["e2"]  # grouping members
    assert [e["event_id"] for e in db.events(EventFilter(types=["consult"]))] == ["e1"]
    assert [e["event_id"] for e in db.events(EventFilter(since="2026-01"))] == ["e1"]
    assert [e["event_id"] for e in db.events(EventFilter(until="2025-12-31"))] == ["e2"]
    assert [e["event_id"] for e in db.events(EventFilter(factuality=["planned"]))] == ["e3"]
    e1 = db.events(EventFilter(types=["CONSULT"]))[0]
    assert [{k: a[k] for k in ("name", "country")} for a in e1["actors"]] == [{"name": "David Perdue", "country": "USA"}]
    assert e1["actors"][0]["entity"] == db.entities(name="David Perdue")[0]["id"]
    assert e1["date_start"] == "2026-02-01" and e1["date_end"] == "2026-02-28"


def test_registry_links_surname_and_keeps_conflicting_roles(db, stories):
    db.add_many(stories)
    perdue = [e for e in db.entities(name="perdue")]
    assert len(perdue) == 1
    roles = {(r["title"], r["since"]) for r in perdue[0]["roles"]}
    assert roles == {("Ambassador", "2026-02-12"), ("Senator", "2019-05-01")}
    assert "Senator Perdue" in perdue[0]["aliases"]


def test_agreement_history_across_stories(db, stories):
    db.add_many(stories)
    (ag,) = db.agreements()
    assert ag["parties"] == ["IND", "USA"]
    assert [h["status"] for h in ag["history"]] == ["framework", "signed"]
    assert ag["status"] == "signed"


def test_statements_by_speaker(db, stories):
    db.add_many(stories)
    (st,) = db.statements(speaker="perdue")
    assert st["channel"] == "X" and st["direct"]
    assert db.statements(speaker="rawat") == []


def test_exports(db, stories, tmp_path):
    import pandas as pd

    from entente.store.exports import rows

    db.add_many(stories)
    gd = list(rows(db, "gdelt"))
    consult = [r for r in gd if r["EventCode"] == "" and r["Actor2Name"] == "Pradeep Kumar Rawat"]
    assert consult and consult[0]["SQLDATE"] == "20260201" and consult[0]["Actor1CountryCode"] == "USA"
    pc = list(rows(db, "polecat"))
    assert {r["Event Type"] for r in pc} == {"CONSULT", "SUPPORT", "AGREE"}
    if db.engine.dialect.name == "sqlite":
        from entente.cli import main

        out = tmp_path / "events.parquet"
        assert main(["export", str(out), "--db", db.target]) == 0
        frame = pd.read_parquet(out)
        assert len(frame) == 3 and list(frame["type"]) == ["SUPPORT", "CONSULT", "AGREE"]
        assert main(["export", str(tmp_path / "x.xlsx"), "--db", db.target]) == 2


def test_same_event_from_two_stories_is_one_with_two_sources(db, stories):
    s1, d1 = stories[0]
    copy = make_story("Envoys Perdue and Rawat held talks in Beijing.", id="s3", published="2026-02-13")
    d3 = d1.model_copy(update={"id": "s3", "published": "2026-02-13", "statements": [], "agreements": []})
    db.add_many([stories[0], (copy, d3)])
    assert len(db.events(EventFilter(types=["CONSULT"]))) == 2
    (one,) = db.events(EventFilter(types=["CONSULT"], dedupe=True))
    assert sorted(s["story_id"] for s in one["sources"]) == ["s1", "s3"]
    # the undated planned AGREE is the same in both (same persons, publication dates a day apart) ...
    assert len(db.events(EventFilter(types=["AGREE"], dedupe=True))) == 1
    # ... but not in a story published a week later: an undated report is "on or before" its story
    late = make_story("Envoys Perdue and Rawat met again.", id="s4", published="2026-02-20")
    db.add_many([(late, d1.model_copy(update={"id": "s4", "published": "2026-02-20", "statements": [],
                                               "agreements": []}))])
    assert len(db.events(EventFilter(types=["AGREE"], dedupe=True))) == 2


def test_dyad_series_topics_and_network(db, stories):
    from entente.store import analytics

    db.add_many(stories)
    series = analytics.dyad_series(db, "USA", "IND")
    assert series == [{"period": "2025-12", "type": "SUPPORT", "events": 1, "goldstein_mean": None},
                      {"period": "2026-02", "type": "CONSULT", "events": 1, "goldstein_mean": None}]
    assert [(x["topic"], x["events"]) for x in analytics.dyad_topics(db, "IND", "USA")] == [("(none)", 3)]
    total, rows = analytics.network(db)
    edges = {(e["source"], e["target"]): e["events"] for e in rows}
    assert total == len(rows)
    assert edges[("USA", "IND")] == 2 and edges[("IND", "USA")] == 1 and edges[("USA", "JPN")] == 1
