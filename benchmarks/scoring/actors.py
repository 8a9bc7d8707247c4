"""Scorer for the actors stage.

1. Seed story (../shared/gold/seed): for each gold person, is there an actor of
   kind person with the right country, sector, role and posted_to, and are its
   gold mentions found (a predicted mention of that actor overlapping each)?
2. PLOVER GSR dev (../shared/gold/plover-gsr-dev.jsonl): the share of gold
   actor/recipient texts for which an actor mention overlapping the text
   carries the gold country (gold `country`, or 'IGO'); a second figure also
   counts the places the stage hands to the events stage.

    .venv/bin/python benchmarks/scoring/actors.py [--verbose]
"""
from __future__ import annotations

import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "gold"


def _overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def _norm_role(r):
    return " ".join((r or "").casefold().split())


def seed_scores(pipeline, verbose=False):
    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "seed" / "gold.json").read_text(encoding="utf-8"))
    doc = pipeline.extract(text, published=gold["document"].get("published", "2026-02-12"))
    persons = [a for a in gold["actors"] if a["kind"] == "person"]
    correct = 0
    mentions_total = mentions_found = 0
    for g in persons:
        gl = g["name"].split()[-1].casefold()
        cands = [a for a in doc.actors if a.kind == "person" and a.name.split()[-1].casefold() == gl]
        a = cands[0] if cands else None
        ok = a is not None and a.country == g.get("country") and a.sector == g.get("sector") \
            and _norm_role(a.role) == _norm_role(g.get("role")) and a.posted_to == g.get("posted_to")
        correct += ok
        for mt in g.get("mentions", []):
            mentions_total += 1
            found = False
            if a is not None:
                pos = [i for i in range(len(text)) if text.startswith(mt, i)]
                for p in pos:
                    if any(_overlaps(p, p + len(mt), m.start, m.end) and (mt.casefold() != "he" or m.text.casefold() == "he") for m in a.mentions):
                        found = True
                        break
            mentions_found += found
        if verbose:
            got = None if a is None else (a.name, a.country, a.sector, a.role, a.posted_to)
            print(("OK  " if ok else "BAD ") + g["name"], "->", got, file=sys.stderr)
    return [
        ("seed persons correct (country, sector, role, posted_to)", f"{correct}/{len(persons)}"),
        ("seed persons accuracy", round(correct / len(persons), 3)),
        ("seed person mentions found", round(mentions_found / max(1, mentions_total), 3)),
    ]


def plover_scores(pipeline, verbose=False):
    from entente.pipeline import make_story

    path = SHARED / "plover-gsr-dev.jsonl"
    total = hit = hit_places = 0
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        story = make_story(r["text"], id=r["id"], published=r.get("published"))
        analysis = pipeline.analyse(story, pipeline.nlp(story.text))
        text = story.text
        places = analysis.notes.get("actors", {}).get("places", [])
        doc = analysis.doc
        for role in ("actor", "recipient"):
            for g in r["gold"].get(role) or []:
                if not g.get("country"):
                    continue
                total += 1
                spans = []
                for piece in g["text"].split(" ... "):
                    i = text.find(piece)
                    if i >= 0:
                        spans.append((i, i + len(piece)))
                ok = any(a.country == g["country"] and any(_overlaps(s, e, m.start, m.end) for m in a.mentions for s, e in spans)
                         for a in analysis.result.actors)
                okp = ok or any(p["country"] == g["country"] and any(
                    _overlaps(s, e, doc[p["start"]].idx, doc[p["end"] - 1].idx + len(doc[p["end"] - 1])) for s, e in spans)
                    for p in places)
                hit += ok
                hit_places += okp
                if not ok:
                    got = [(a.name, a.country) for a in analysis.result.actors
                           if any(_overlaps(s, e, m.start, m.end) for m in a.mentions for s, e in spans)]
                    misses.append((r["id"], g["text"], g["country"], got))
    if verbose:
        for m in misses:
            print("MISS", *m, file=sys.stderr)
    return [
        ("plover actor-country coverage (actor mentions)", round(hit / max(1, total), 3)),
        ("plover actor-country coverage (actors + places)", round(hit_places / max(1, total), 3)),
        ("plover gold actor/recipient texts", total),
    ]


def evaluate(pipeline, verbose=False):
    return seed_scores(pipeline, verbose) + plover_scores(pipeline, verbose)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    from entente.pipeline import Pipeline

    pl = Pipeline.default(only=["actors"])
    for name, value in evaluate(pl, verbose="--verbose" in sys.argv):
        print(f"{name}: {value}")
