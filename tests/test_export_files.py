"""`entente export` writes CSV with the csv module and Parquet with pyarrow alone (no pandas in
the runtime install): every row, every column, nulls kept as nulls, numbers typed."""
from __future__ import annotations

import csv

import pyarrow.parquet as pq

from entente.cli import main
from entente.model import Actor, Document, Event, EventDate, Evidence, Mention
from entente.pipeline import make_story
from entente.store import Database


def _db(path) -> Database:
    story = make_story("Oslo hosted envoys from Lima. Lima thanked Oslo.", id="x1", published="2025-04-02")
    doc = Document(id="x1", published="2025-04-02", version="test", actors=[
        Actor(id="a1", name="Norway", kind="state", country="NOR", mentions=[Mention(text="Oslo", start=0, end=4)]),
        Actor(id="a2", name="Peru", kind="state", country="PER", mentions=[Mention(text="Lima", start=25, end=29)]),
    ], events=[
        Event(id="e1", type="CONSULT", cameo="040", goldstein=1.0, quad_class=1, actors=["a1"], recipients=["a2"],
              date=EventDate(value="2025-04", granularity="month", type="exact"),
              evidence=Evidence(sentence="Oslo hosted envoys from Lima.", start=0, end=29, trigger="hosted")),
        Event(id="e2", type="SUPPORT", actors=["a2"], recipients=["a1"],  # no CAMEO code, no date
              evidence=Evidence(sentence="Lima thanked Oslo.", start=30, end=48, trigger="thanked")),
    ])
    db = Database(str(path))
    assert db.add_many([(story, doc)]) == 1
    return db


def test_csv_and_parquet_give_the_same_rows(tmp_path):
    db = _db(tmp_path / "x.db")
    for table in ("events", "gdelt", "polecat"):
        c, p = tmp_path / f"{table}.csv", tmp_path / f"{table}.parquet"
        assert main(["export", str(c), "--db", db.target, "--table", table]) == 0
        assert main(["export", str(p), "--db", db.target, "--table", table]) == 0
        with c.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        frame = pq.read_table(p).to_pylist()
        assert len(rows) == len(frame) == 2
        assert list(rows[0]) == list(frame[0])  # same columns, same order
        for r, f in zip(rows, frame):
            assert r == {k: "" if v is None else str(v) for k, v in f.items()}


def test_parquet_keeps_types_and_nulls(tmp_path):
    db = _db(tmp_path / "x.db")
    out = tmp_path / "e.parquet"
    assert main(["export", str(out), "--db", db.target]) == 0
    table = pq.read_table(out)
    rows = {r["event_id"]: r for r in table.to_pylist()}
    assert rows["e1"]["goldstein"] == 1.0 and rows["e1"]["quad_class"] == 1
    assert rows["e2"]["goldstein"] is None and rows["e2"]["cameo"] is None
    assert str(table.schema.field("goldstein").type) == "double"
