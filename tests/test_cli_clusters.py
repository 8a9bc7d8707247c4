"""Clusters through the CLI with the real pipeline: `extract` over several stories shares a
cluster across them; `ingest` then `events --dedupe` gives one row per real-world event."""
from __future__ import annotations

import json

from entente.cli import main

# Two made-up reports of one meeting and one of another, written for this test.
STORIES = [
    {"id": "w1", "published": "2026-02-05", "source": "first.example",
     "text": "Secretary of State Marco Rubio met Indian External Affairs Minister S. Jaishankar in Washington "
             "on Tuesday. The two ministers discussed trade and defence."},
    {"id": "w2", "published": "2026-02-04", "source": "second.example",
     "text": "Indian External Affairs Minister S. Jaishankar held talks with Secretary of State Marco Rubio "
             "in Washington on Tuesday, officials said."},
    {"id": "w3", "published": "2026-03-20", "source": "third.example",
     "text": "Secretary of State Marco Rubio met Indian External Affairs Minister S. Jaishankar in New Delhi "
             "on Thursday."},
]


def _consults(docs):
    return {d["id"]: [e["cluster"] for e in d["events"] if e["type"] == "CONSULT"] for d in docs}


def test_extract_gives_one_cluster_to_one_meeting_across_stories(tmp_path, capsys, pipeline):
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    assert main(["extract", str(path), "--input-format", "jsonl", "--format", "jsonl"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["id"] for d in docs] == ["w1", "w2", "w3"]
    found = _consults(docs)
    assert all(found.values()), f"the pipeline coded no CONSULT in a story: {found}"
    assert set(found["w1"]) & set(found["w2"])
    assert not set(found["w3"]) & (set(found["w1"]) | set(found["w2"]))
    # streaming without clusters: the same documents, no cluster
    assert main(["extract", str(path), "--input-format", "jsonl", "--format", "jsonl", "--no-clusters"]) == 0
    plain = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(e["cluster"] is None for d in plain for e in d["events"])
    assert [[e["id"] for e in d["events"]] for d in plain] == [[e["id"] for e in d["events"]] for d in docs]

    # the database agrees with the run
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(path), "--input-format", "jsonl", "--db", db, "--no-summary"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db, "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    stored = {(r["story_id"], r["event_id"]): r["cluster"] for r in rows}
    assert stored == {(d["id"], e["id"]): e["cluster"] for d in docs for e in d["events"]}
    assert main(["events", "--db", db, "--dedupe", "--format", "jsonl", "--type", "CONSULT"]) == 0
    deduped = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    meeting = [r for r in deduped if r["cluster"] in found["w1"]]
    assert len(meeting) == 1
    assert {s["story_id"] for s in meeting[0]["sources"]} >= {"w1", "w2"}
    assert meeting[0]["source_count"] >= 2 and meeting[0]["first_seen"] == "2026-02-04"
