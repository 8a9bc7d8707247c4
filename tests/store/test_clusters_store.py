"""Clusters in a real SQLite file and a real PostgreSQL: assigned at ingest, the same whatever the
ingest order, kept right when a story changes, carried by event rows, --dedupe and exports."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import select, update

from entente.clustering import assign_clusters
from entente.model import Actor, Document, Event, EventDate, Evidence
from entente.pipeline import make_story
from entente.store import Database, EventFilter
from entente.store import schema as t
from tests.conftest import PG_URL, fresh_postgres


def _fresh(kind: str, tmp_path, name: str = "c.db") -> Database:
    if kind == "sqlite":
        return Database(str(tmp_path / name))
    if not PG_URL:
        pytest.skip("set ENTENTE_TEST_POSTGRES=postgresql://… to run the PostgreSQL store tests")
    return Database(fresh_postgres())


@pytest.fixture(params=["sqlite", "postgresql"])
def kind(request):
    return request.param


STATES = {"USA": "United States", "CHN": "China", "IND": "India", "RUS": "Russia"}
PERSONS = {"USA": ["Ann Carter", "Bo Lin"], "CHN": ["Wei Zhang"], "IND": ["Ravi Nair", "Anil Rao"], "RUS": ["Ivan Sokolov"]}
WORDS = "envoys met talks trade border summit port minerals tariffs drills warships ceasefire visit".split()


def _story(rng: random.Random, i: int):
    """A made-up story: a few events among four countries over ten days, some dated, some not."""
    published = f"2026-03-{rng.randint(3, 12):02d}"
    actors, events = [], []
    for j in range(rng.randint(1, 3)):
        a, b = rng.sample(sorted(STATES), 2)
        ids = []
        for c in (a, b):
            aid = f"a{len(actors) + 1}"
            if rng.random() < 0.4:
                actors.append(Actor(id=aid, name=rng.choice(PERSONS[c]), kind="person", country=c))
            elif rng.random() < 0.9:
                actors.append(Actor(id=aid, name=STATES[c], kind="state", country=c))
            else:
                actors.append(Actor(id=aid, name="officials", kind="other"))
            ids.append(aid)
        roll = rng.random()
        if roll < 0.55:
            date = EventDate(value=f"2026-03-{rng.randint(1, 10):02d}", granularity="day", type="exact")
        elif roll < 0.65:
            date = EventDate(value="2026-03", granularity="month", type="exact")
        else:
            date = EventDate(value=published, granularity="day", type="reported",
                             reason="no time expression; publication date used as upper bound")
        sentence = " ".join(rng.sample(WORDS, 5)).capitalize() + "."
        events.append(Event(id=f"s{i}e{j}", type=rng.choice(["CONSULT", "ACCUSE"]), actors=[ids[0]],
                            recipients=[ids[1]], reciprocal=rng.random() < 0.2, date=date,
                            factuality=rng.choice(["asserted", "asserted", "reported"]),
                            evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="met")))
    story = make_story(" ".join(e.evidence.sentence for e in events), id=f"s{i:03d}", published=published)
    return story, Document(id=story.id, published=published, actors=actors, events=events, version="t")


def _corpus(seed: int = 7, n: int = 40):
    rng = random.Random(seed)
    return [_story(rng, i) for i in range(n)]


def _assignment(db: Database) -> dict:
    with db.engine.connect() as conn:
        return {(s, e): c for s, e, c in conn.execute(select(t.events.c.story_id, t.events.c.event_id, t.events.c.cluster))}


def _summaries(db: Database) -> dict:
    with db.engine.connect() as conn:
        return {r.cluster: (r.source_count, r.report_count) for r in conn.execute(select(t.clusters))}


def _ingest(db: Database, pairs, one_by_one: bool = True) -> None:
    if one_by_one:
        for pair in pairs:
            db.add_many([pair])
    else:
        db.add_many(pairs)


def test_ingest_order_does_not_change_clusters(kind, tmp_path):
    pairs = _corpus()
    expected = assign_clusters([d.model_copy(deep=True) for _, d in pairs])  # the run-local partition
    want = {(d.id, e.id): e.cluster for d in expected for e in d.events}
    assert len(set(want.values())) < len(want), "no two events clustered: the test proves nothing"
    shuffled = pairs[:]
    random.Random(3).shuffle(shuffled)
    results = []
    for name, order, one in (("forward", pairs, True), ("reverse", pairs[::-1], True),
                             ("shuffled", shuffled, True), ("batch", shuffled, False)):
        db = _fresh(kind, tmp_path, f"{name}.db")
        _ingest(db, order, one)
        results.append((_assignment(db), _summaries(db)))
        db.engine.dispose()
    for got, summary in results:
        assert got == want
        assert summary == results[0][1]
    sizes = {}
    for (story, _), c in want.items():
        if c is not None:
            sizes.setdefault(c, set()).add(story)
    assert {c: n for c, (n, _) in results[0][1].items()} == {c: len(s) for c, s in sizes.items()}


def test_changed_and_removed_stories_leave_the_canonical_partition(kind, tmp_path):
    pairs = _corpus(seed=11, n=30)
    db = _fresh(kind, tmp_path)
    _ingest(db, pairs)
    # story 5 is replaced by other text with the events of story 6 (a new version of the story)
    s5, _ = pairs[5]
    changed = make_story(s5.text + " Updated.", id=s5.id, published=s5.published)
    new_doc = pairs[6][1].model_copy(deep=True, update={"id": s5.id})
    for e in new_doc.events:
        e.id = "v2" + e.id
    db.add_many([(changed, new_doc)])
    final = [p for p in pairs if p[0].id != s5.id] + [(changed, new_doc)]
    fresh = _fresh(kind, tmp_path, "fresh.db") if kind == "sqlite" else None
    if fresh is None:  # one PostgreSQL database: compare with the run-local partition instead
        docs = assign_clusters([d.model_copy(deep=True) for _, d in final])
        assert _assignment(db) == {(d.id, e.id): e.cluster for d in docs for e in d.events}
    else:
        _ingest(fresh, final[::-1])
        assert _assignment(db) == _assignment(fresh)
        assert _summaries(db) == _summaries(fresh)


def test_cluster_ids_are_stable_across_reingest(tmp_path):
    pairs = _corpus(seed=5, n=20)
    a, b = Database(str(tmp_path / "a.db")), Database(str(tmp_path / "b.db"))
    _ingest(a, pairs)
    _ingest(b, pairs[::-1])
    assert _assignment(a) == _assignment(b)
    before = _assignment(a)
    assert a.add_many(pairs) == 0  # the same stories again: nothing changes
    assert _assignment(a) == before


def _meeting(sid, published, when, sentence):
    story = make_story(sentence, id=sid, published=published, url=f"https://news.example/{sid}", source=f"outlet-{sid}")
    actors = [Actor(id="a1", name="Ann Carter", kind="person", country="USA"),
              Actor(id="a2", name="Ravi Nair", kind="person", country="IND")]
    ev = Event(id=f"{sid}-e1", type="CONSULT", actors=["a1"], recipients=["a2"],
               date=EventDate(value=when, granularity="day", type="exact"),
               evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="met"))
    return story, Document(id=sid, published=published, source=f"outlet-{sid}", url=story.url, actors=actors,
                           events=[ev], version="t")


def test_event_rows_dedupe_and_exports_carry_the_cluster(kind, tmp_path):
    from entente.store.exports import rows

    db = _fresh(kind, tmp_path)
    db.add_many([_meeting("m1", "2026-03-05", "2026-03-04", "Carter met Nair in Delhi on Wednesday."),
                 _meeting("m2", "2026-03-06", "2026-03-04", "Nair and Carter held talks on Wednesday."),
                 _meeting("m3", "2026-03-20", "2026-03-19", "Carter met Nair again.")])
    events = db.events()
    assert [e["source_count"] for e in events] == [2, 2, 1]
    assert events[0]["cluster"] == events[1]["cluster"] != events[2]["cluster"]
    deduped = db.events(EventFilter(dedupe=True))
    assert len(deduped) == 2
    first = deduped[0]
    assert first["cluster"] == events[0]["cluster"] and first["source_count"] == 2
    assert sorted((s["story_id"], s["event_id"]) for s in first["sources"]) == [("m1", "m1-e1"), ("m2", "m2-e1")]
    assert (first["first_seen"], first["last_seen"]) == ("2026-03-05", "2026-03-06")
    # a filter that keeps one report still lists every source of its real-world event
    (only,) = db.events(EventFilter(story="m2", dedupe=True))
    assert len(only["sources"]) == 2
    ev = list(rows(db, "events"))
    assert {(r["cluster"], r["source_count"]) for r in ev} == {(events[0]["cluster"], 2), (events[2]["cluster"], 1)}
    gd = {r["SOURCEURL"]: r for r in rows(db, "gdelt")}
    assert gd["https://news.example/m1"]["NumArticles"] == 2 and gd["https://news.example/m1"]["NumSources"] == 2
    assert gd["https://news.example/m3"]["NumArticles"] == 1
    assert gd["https://news.example/m1"]["ClusterID"] == events[0]["cluster"]
    pc = list(rows(db, "polecat"))
    assert sorted(r["Source Count"] for r in pc) == [1, 2, 2]
    # the stored document says which real-world event each of its events is
    doc = db.story("m2")["document"]
    assert doc["events"][0]["cluster"] == events[0]["cluster"]


def _one_meeting_twice(path: str) -> tuple[Database, dict]:
    db = Database(path)
    db.add_many([_meeting("m1", "2026-03-05", "2026-03-04", "Carter met Nair."),
                 _meeting("m2", "2026-03-06", "2026-03-04", "Nair met Carter.")])
    want = _assignment(db)
    assert len(set(want.values())) == 1
    return db, want


def test_database_written_before_clusters_is_clustered_on_open(tmp_path):
    path = str(tmp_path / "old.db")
    db, want = _one_meeting_twice(path)
    with db.engine.begin() as conn:  # what an older version left: a key per event, no cluster tables
        for table in (t.cluster_countries, t.cluster_reports, t.clusters, t.cluster_participants, t.cluster_pairs,
                      t.cluster_meta):
            conn.execute(table.delete())
        conn.execute(update(t.events).values(cluster="oldkey"))
    db.engine.dispose()
    again = Database(path)
    assert _assignment(again) == want
    assert len(again.events(EventFilter(dedupe=True))) == 1


def test_cluster_tables_of_other_rules_or_layout_are_rebuilt_on_open(tmp_path):
    path = str(tmp_path / "rules.db")
    db, want = _one_meeting_twice(path)
    with db.engine.begin() as conn:  # clusters made by other rules
        conn.execute(t.cluster_meta.update().values(value="0"))
        conn.execute(update(t.events).values(cluster=None))
        conn.execute(t.cluster_reports.update().values(cluster="stale"))
    db.engine.dispose()
    assert _assignment(Database(path)) == want
    db = Database(path)
    with db.engine.begin() as conn:  # a cluster table of another layout
        conn.exec_driver_sql("DROP TABLE cluster_countries")
        conn.exec_driver_sql("CREATE TABLE cluster_countries (story_id VARCHAR, event_id VARCHAR, country VARCHAR)")
        conn.execute(update(t.events).values(cluster=None))
    db.engine.dispose()
    again = Database(path)
    assert _assignment(again) == want
    with again.engine.connect() as conn:
        assert conn.execute(select(t.cluster_countries.c.hi)).first() is not None


WRITER = """
import sys
from tests.store.test_clusters_store import _corpus
from entente.store import Database
part, url = int(sys.argv[1]), sys.argv[2]
db = Database(url)
for pair in _corpus(seed=21, n=30)[part::2]:
    db.add_many([pair])
"""


def test_concurrent_writers_keep_the_canonical_partition(tmp_path):
    """Two real processes ingest alternate stories into one PostgreSQL database at once."""
    import subprocess
    import sys

    from tests.conftest import REPO

    _fresh("postgresql", tmp_path)  # skips without PostgreSQL; leaves an empty schema
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(i), PG_URL], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in (0, 1)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()[-2000:]
    docs = assign_clusters([d.model_copy(deep=True) for _, d in _corpus(seed=21, n=30)])
    db = Database(PG_URL)
    assert _assignment(db) == {(d.id, e.id): e.cluster for d in docs for e in d.events}
