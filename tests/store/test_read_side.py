"""The read side on real SQLite and PostgreSQL: event_pairs (kept by triggers) always equals the
pairs of the stored participants, through adds, replacements and a database made before it."""
from __future__ import annotations


import pytest
from sqlalchemy import select, text

from entente.model import Actor, Document, Event, EventDate, Evidence
from entente.pipeline import make_story
from entente.store import Database, EventFilter, analytics
from entente.store import schema as t
from tests.conftest import PG_URL, fresh_postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        return Database(str(tmp_path / "r.db"))
    if not PG_URL:
        pytest.skip("set ENTENTE_TEST_POSTGRES=postgresql://… to run the PostgreSQL store tests")
    return Database(fresh_postgres())


def _story(sid: str, text_: str, events: list[tuple]) -> tuple:
    story = make_story(text_, id=sid, published="2026-01-10")
    actors = [Actor(id="a1", name="Canada", kind="state", country="CAN"),
              Actor(id="a2", name="Japan", kind="state", country="JPN"),
              Actor(id="a3", name="Quad", kind="grouping", members=["AUS", "IND", "JPN", "USA"])]
    evs = [Event(id=f"e{i}", type=typ, actors=a, recipients=r, quad_class=1,
                 date=EventDate(value=d, granularity="day", type="exact"),
                 evidence=Evidence(sentence="s", start=0, end=1, trigger="met"))
           for i, (typ, a, r, d) in enumerate(events)]
    return story, Document(id=sid, published="2026-01-10", actors=actors, events=evs, version="t")


def _pairs_from_participants(db) -> set:
    p = t.participants
    with db.engine.connect() as conn:
        rows = conn.execute(select(p.c.story_id, p.c.event_id, p.c.role, p.c.country)).all()
    by: dict = {}
    for sid, eid, role, c in rows:
        if c:
            by.setdefault((sid, eid), {"actor": set(), "recipient": set()})[role].add(c)
    return {(a, b, sid, eid) for (sid, eid), s in by.items() for a in s["actor"] for b in s["recipient"] if a != b}


def _stored_pairs(db) -> set:
    ep = t.event_pairs
    with db.engine.connect() as conn:
        return set(conn.execute(select(ep.c.a, ep.c.b, ep.c.story_id, ep.c.event_id)).all())


def _one_lead_per_unordered_pair(db) -> None:
    ep = t.event_pairs
    with db.engine.connect() as conn:
        leads = conn.execute(select(ep.c.story_id, ep.c.event_id, ep.c.a, ep.c.b).where(ep.c.lead.is_(True))).all()
    assert sorted((s, e, *sorted((a, b))) for s, e, a, b in leads) == sorted(
        {(s, e, *sorted((a, b))) for a, b, s, e in _stored_pairs(db)})


def test_event_pairs_follow_adds_and_replacements(db):
    db.add_many([_story("s1", "Canada met Japan.", [("CONSULT", ["a1"], ["a2"], "2026-01-05"),
                                                    ("SUPPORT", ["a1"], ["a3"], "2026-01-06")]),
                 _story("s2", "Japan met Canada.", [("CONSULT", ["a2"], ["a1"], "2026-01-07")])])
    assert _stored_pairs(db) == _pairs_from_participants(db) != set()
    db.add_many([_story("s1", "Canada met Japan again.", [("AGREE", ["a2"], ["a1"], "2026-01-08"),
                                                          ("CONSULT", ["a1", "a2"], ["a1", "a2"], "2026-01-09")])])
    assert _stored_pairs(db) == _pairs_from_participants(db)
    _one_lead_per_unordered_pair(db)
    assert db.count_events(EventFilter(dyad=("CAN", "JPN"))) == 3
    assert analytics.dyads(db)[1][0]["events"] == 3
    assert db.count_events(EventFilter(dyad=("CAN", "JPN"), directed=True)) == 1
    timeline = db.event_counts(EventFilter(dyad=("JPN", "CAN")))
    assert timeline["total"] == 3 and [b["period"] for b in timeline["buckets"]] == ["2026-01"]
    assert sum(x["events"] for x in analytics.dyad_series(db, "CAN", "JPN")) == 3
    total, rows = analytics.network(db)
    assert {(r["source"], r["target"]): r["events"] for r in rows} == {("JPN", "CAN"): 3, ("CAN", "JPN"): 1}


def test_a_database_made_before_event_pairs_is_filled_on_open(db):
    db.add_many([_story("s1", "Canada met Japan.", [("CONSULT", ["a1"], ["a3"], "2026-01-05"),
                                                    ("CONSULT", ["a1", "a2"], ["a1", "a2"], "2026-01-06")])])
    expected = _pairs_from_participants(db)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM event_pairs"))
    again = Database(db.target)
    assert _stored_pairs(again) == expected and len(expected) == 6  # Canada on each Quad member; the mutual pair
    _one_lead_per_unordered_pair(again)


def test_a_dyads_pages_follow_the_event_order(db):
    db.add_many([_story("s1", "Canada met Japan.", [("CONSULT", ["a1"], ["a2"], "2026-01-05"),
                                                    ("AGREE", ["a2"], ["a1"], None),
                                                    ("CONSULT", ["a1", "a2"], ["a1", "a2"], "2026-01-03")]),
                 _story("s2", "Japan met Canada.", [("SUPPORT", ["a2"], ["a1"], "2026-01-05")])])
    for descending in (False, True):
        whole = [(e["story_id"], e["event_id"]) for e in db.events(EventFilter(dyad=("CAN", "JPN"), descending=descending))]
        paged = [(e["story_id"], e["event_id"]) for i in range(len(whole))
                 for e in db.events(EventFilter(dyad=("CAN", "JPN"), descending=descending, limit=1, offset=i))]
        assert paged == whole and len(whole) == 4
    assert db.count_events(EventFilter(country="CAN")) == 4
