"""Draw a deterministic sample of events from the VOA corpus for a hand audit of their dates.

Events are ordered by sha256("story id:event id"); a slice of that order is printed with the
publication date, the two sentences before, the event's sentence (trigger marked) and the date
chosen with its reason, for judging by hand.

Usage: .venv/bin/python benchmarks/audits/voa_dates_sample.py START END [--out FILE]
  --out FILE  write the slice as JSON lines
Also prints the time and event_dates stages' share of run time against the spaCy parse.
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import re
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from benchmarks.common import CORPUS, read_jsonl, time_stages  # noqa: E402


def order(story_id: str, event_id: str) -> str:
    return hashlib.sha256(f"{story_id}:{event_id}".encode()).hexdigest()


_SENT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def _context(text: str, start: int, n: int = 2) -> str:
    before = text[max(0, start - 1200):start]
    parts = [p for p in _SENT.split(before) if p.strip()]
    return " ".join(parts[-n:]) if parts else ""


def main(argv):
    from entente.pipeline import Pipeline, make_story

    start, end = int(argv[0]), int(argv[1])
    out = pathlib.Path(argv[argv.index("--out") + 1]) if "--out" in argv else None
    pipe = Pipeline.default()
    timing = time_stages(pipe)
    rows = read_jsonl(CORPUS)
    stories = [make_story(r["text"], id=r["id"], published=r["published"], title=r["title"]) for r in rows]
    texts = {r["id"]: r["text"] for r in rows}
    pubs = {r["id"]: r["published"][:10] for r in rows}
    t0 = time.perf_counter()
    docs = list(pipe.process(stories))
    total = time.perf_counter() - t0
    parse = total - sum(timing.values())
    allev = sorted(((order(doc.id, ev.id), doc, ev) for doc in docs for ev in doc.events), key=lambda x: x[0])
    kinds: dict[str, int] = {}
    for _o, _d, ev in allev:
        kinds[ev.date.type] = kinds.get(ev.date.type, 0) + 1
    print(f"# events {len(allev)}; date types {kinds}; parse {parse:.1f}s; " +
          "; ".join(f"{n} {timing[n]:.2f}s ({100 * timing[n] / parse:.1f}% of parse)"
                    for n in ("time", "event_dates") if n in timing))
    fh = out.open("w") if out else None
    for n, (_o, doc, ev) in enumerate(allev[start:end], start + 1):
        text = texts[doc.id]
        e = ev.evidence
        ts, te = e.trigger_start, e.trigger_end
        sent = text[e.start:ts] + "[[" + text[ts:te] + "]]" + text[te:e.end] if ts is not None else e.sentence
        d = ev.date
        print(f"\n[{n}] {doc.id}:{ev.id} pub={pubs[doc.id]} {ev.type} trig='{e.trigger}'")
        print(f"    C: {_context(text, e.start)}")
        print(f"    S: {sent}")
        print(f"    D: {d.value}{'/' + d.end if d.end else ''} {d.granularity} {d.type} | {d.reason}")
        if fh:
            fh.write(json.dumps({"n": n, "story": doc.id, "event": ev.id, "published": pubs[doc.id],
                                 "trigger": e.trigger, "trigger_start": ts, "sentence": e.sentence,
                                 "type": ev.type, "date": d.model_dump()}, ensure_ascii=False) + "\n")
    if fh:
        fh.close()


if __name__ == "__main__":
    main(sys.argv[1:])
