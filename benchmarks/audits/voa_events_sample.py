"""Draw a deterministic sample of events from the VOA corpus for a hand precision audit.

Events are ordered by sha256(story id, trigger offset) -- stable across code changes, since
it does not depend on the event's type or id -- and a slice of that order is printed with
its sentence, actors (with countries) and recipients, for judging by hand.

Usage: .venv/bin/python benchmarks/audits/voa_events_sample.py START END [--exclude FILE] [--out FILE]
  --exclude FILE  skip events whose "story:offset" keys are listed in FILE (an earlier sample)
  --out FILE      write the sample as JSON lines (for scoring the verdicts)
Also prints the events stage's share of run time against the spaCy parse.
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from benchmarks.common import CORPUS, read_jsonl, time_stages  # noqa: E402


def key(story_id: str, ev) -> str:
    return f"{story_id}:{ev.evidence.trigger_start}"


def order(k: str) -> str:
    return hashlib.sha256(k.encode()).hexdigest()


def main(argv):
    from entente.pipeline import Pipeline, make_story

    start, end = int(argv[0]), int(argv[1])
    exclude = set()
    out = None
    if "--exclude" in argv:
        exclude = set(pathlib.Path(argv[argv.index("--exclude") + 1]).read_text().split())
    if "--out" in argv:
        out = pathlib.Path(argv[argv.index("--out") + 1])
    pipe = Pipeline.default()
    timing = time_stages(pipe)
    rows = read_jsonl(CORPUS)
    stories = [make_story(r["text"], id=r["id"], published=r["published"], title=r["title"]) for r in rows]
    t0 = time.perf_counter()
    docs = list(pipe.process(stories))
    total = time.perf_counter() - t0
    parse = total - sum(timing.values())
    allev = []
    for doc in docs:
        acts = {a.id: a for a in doc.actors}
        for ev in doc.events:
            k = key(doc.id, ev)
            allev.append((order(k), k, doc, ev, acts))
    allev.sort(key=lambda x: x[0])
    pool = [x for x in allev if x[1] not in exclude]
    sample = pool[start:end]
    print(f"# events {len(allev)}; parse {parse:.1f}s; " +
          "; ".join(f"{n} {s:.2f}s ({100 * s / parse:.1f}% of parse)" for n, s in timing.items()))
    fh = out.open("w") if out else None
    for n, (_o, k, doc, ev, acts) in enumerate(sample, start + 1):
        def show(ids):
            return ", ".join(f"{acts[i].name}[{acts[i].country or '-'}]" for i in ids if i in acts) or "-"
        print(f"\n[{n}] {k} conf={ev.confidence} {ev.type}/{ev.cameo} fact={ev.factuality} trig='{ev.evidence.trigger}'")
        print(f"    A: {show(ev.actors)}  ->  R: {show(ev.recipients)}  recip={ev.reciprocal}")
        print(f"    S: {ev.evidence.sentence}")
        if fh:
            fh.write(json.dumps({"n": n, "key": k, "story": doc.id, "trigger": ev.evidence.trigger,
                                 "sentence": ev.evidence.sentence, "type": ev.type, "cameo": ev.cameo,
                                 "factuality": ev.factuality, "confidence": ev.confidence,
                                 "actors": [[acts[i].name, acts[i].country] for i in ev.actors if i in acts],
                                 "recipients": [[acts[i].name, acts[i].country] for i in ev.recipients if i in acts]},
                                ensure_ascii=False) + "\n")
    if fh:
        fh.close()


if __name__ == "__main__":
    main(sys.argv[1:])
