"""Statements audit sample on the VOA stories (no gold).

Every statement the full pipeline outputs is keyed sha1(story_id + statement_id)
and ordered by that key. Sample 1 is the first N keys; each later sample is the
first N keys *after* the previous sample's last key (the next N of the same
order), so it was never seen while changing the code.

Run: .venv/bin/python benchmarks/audits/voa_statements_sample.py OUT.jsonl [--after KEY] [--n 60]
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "voa_stories.jsonl"


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from entente.model import Story
    from entente.pipeline import Pipeline

    out = argv[0]
    after = argv[argv.index("--after") + 1] if "--after" in argv else ""
    n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 60
    recs = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    stories = [Story(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title")) for r in recs]
    rows = []
    for r, d in zip(recs, Pipeline.default().process(stories)):
        d = d.model_dump()
        actors = {a["id"]: a for a in d.get("actors", [])}
        for s in d["statements"]:
            key = hashlib.sha1((r["id"] + s["id"]).encode()).hexdigest()
            a = actors.get(s["speaker"], {})
            rows.append({"key": key, "story": r["id"], "sid": s["id"], "start": s["start"], "end": s["end"],
                         "speaker_text": s["speaker_text"], "speaker_name": a.get("name"), "speaker_kind": a.get("kind"),
                         "speakers": [actors.get(x, {}).get("name") for x in s.get("speakers") or []],
                         "cue": s["cue"], "direct": s["direct"], "channel": s["channel"], "text": s["text"],
                         "context": r["text"][max(0, s["start"] - 400): s["end"] + 200]})
    rows.sort(key=lambda x: x["key"])
    sample = [x for x in rows if x["key"] > after][:n]
    with open(out, "w", encoding="utf-8") as fh:
        for x in sample:
            fh.write(json.dumps(x, ensure_ascii=False) + "\n")
    print(f"{len(rows)} statements; sample of {len(sample)}; last key {sample[-1]['key'] if sample else None}")


if __name__ == "__main__":
    main(sys.argv[1:])
