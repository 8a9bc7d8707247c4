"""Cross-story identity on dedup-dev, with the clustering told apart from the extraction.

    python3 ../shared/eval/dedup_via_db.py --entente .venv/bin/entente --set ../shared/gold/dedup-dev --out /tmp/dd.jsonl
    .venv/bin/python benchmarks/dedup_mechanism.py --pred /tmp/dd.jsonl

Three views of the same output (the official figures are those of `../shared/eval/score.py dedup`):

* strict (as the scorer): the reports extracted with the gold type and countries, whose evidence
  overlaps the gold phrase; pair precision/recall among them and the distractors' events of a
  cluster's type and countries. This is the clustering's quality on what extraction got right.
* located: every factual predicted event whose evidence overlaps a gold phrase of its story,
  whatever its type and countries (a report the extractor coded wrongly, but coded). A gold pair
  is linked when some event of one story shares a cluster with some event of the other; a false
  link is such a sharing across two gold clusters or with a distractor story's events.
* the per-cluster table of the located view.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.common import SHARED  # noqa: E402

sys.path.insert(0, str(SHARED / "eval"))  # the independent scorer and its helpers (its `common`)
sys.modules.pop("common", None)

import score  # noqa: E402
from common import load_dedup  # noqa: E402


def located(gold, stories, preds):
    """(gold cluster id or None for a distractor, story, set of cluster ids of its located events)."""
    by_id = {s["id"]: s for s in stories}
    out = []
    for c in gold["clusters"]:
        for sid in c["stories"]:
            text, doc = by_id[sid]["text"], preds.get(sid) or {}
            phrases = [c["evidence"][sid]] + list((c.get("other_mentions") or {}).get(sid) or [])
            spans = [sp for sp in (score.locate(text, p) for p in phrases) if sp]
            events, _ = score.factual_events(doc)
            ids = set()
            for e in events:
                sp = score.evidence_span(e, text)
                if sp and any(score.overlap(sp[0], sp[1], a, b) > 0 for a, b in spans) and score.event_identity(e):
                    ids.add(score.event_identity(e))
            out.append((c["id"], sid, ids))
    for d in gold["distractors"]:
        events, _ = score.factual_events(preds.get(d["story"]) or {})
        out.append((None, d["story"], {score.event_identity(e) for e in events if score.event_identity(e)}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", required=True, help="dedup_via_db.py output")
    ap.add_argument("--set", default=str(SHARED / "gold" / "dedup-dev"))
    args = ap.parse_args()
    gold, stories = load_dedup(args.set)
    preds = {}
    with open(args.pred, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                preds[d["id"]] = d
    items = located(gold, stories, preds)
    tp = fp = fn = 0
    per: dict = {}
    for (ga, sa, ia), (gb, sb, ib) in itertools.combinations(items, 2):
        if ga is None and gb is None or sa == sb:
            continue
        same_gold = ga is not None and ga == gb
        linked = bool(ia & ib)
        tp += same_gold and linked
        fp += linked and not same_gold
        fn += same_gold and not linked
        if same_gold:
            row = per.setdefault(ga, [0, 0])
            row[0] += linked
            row[1] += 1
    found = sum(1 for g, _, ids in items if g is not None and ids)
    total = sum(1 for g, _, _ in items if g is not None)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"located view: reports with a located event {found}/{total}; "
          f"pairs linked {tp}/{tp + fn} (recall {r:.3f}), false links {fp} (precision {p:.3f})")
    for cid, (linked, pairs) in sorted(per.items()):
        print(f"  {cid}: {linked}/{pairs} gold pairs linked")


if __name__ == "__main__":
    main()
