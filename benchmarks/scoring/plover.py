"""Score event type and actor/recipient countries on the PLOVER gold standard records.

Implements the scoring of shared/gold/README.md (plover-gsr-dev section):
  - type recall: a record is found when its gold type is among the predicted event types
    of its story (a sentence coded twice accepts either type);
  - type precision: predicted events whose type is a gold type of that sentence / all
    predicted events; F1;
  - on type-matched records, actor (recipient) country accuracy: the gold country set is a
    subset of the countries of the matched predicted event's actors (recipients); for
    reciprocal SRC/TAR records without recipients the actors may be split over the
    predicted actor and recipient;
  - precision by confidence decile (events ranked by confidence; top and bottom tenth).

Usage: .venv/bin/python benchmarks/scoring/plover.py [path.jsonl] [--errors]
"""
from __future__ import annotations

import json
import pathlib
import sys
from collections import Counter, defaultdict

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT = REPO.parent / "shared" / "gold" / "plover-gsr-dev.jsonl"


def load(path=DEFAULT):
    rows = [json.loads(l) for l in pathlib.Path(path).read_text(encoding="utf-8").splitlines() if l.strip()]
    by_text: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_text[r["text"]].append(r)
    return rows, by_text


def _countries(doc, ids):
    return doc.countries(ids)


def _role_ok(gold_rec, ev_act, ev_rec):
    ga = set(gold_rec["gold"].get("actor_countries") or [])
    gr = set(gold_rec["gold"].get("recipient_countries") or [])
    a_ok = ga <= ev_act
    r_ok = gr <= ev_rec
    if gold_rec["gold"].get("reciprocal") and not gr:
        a_ok = ga <= (ev_act | ev_rec)
    return a_ok, r_ok


def run(pipeline, path=DEFAULT, errors=False):
    from entente.pipeline import make_story

    rows, by_text = load(path)
    texts = list(by_text)
    stories = [make_story(t, id=by_text[t][0]["id"], published=by_text[t][0].get("published")) for t in texts]
    docs = list(pipeline.process(stories))
    n_pred = n_pred_ok = 0
    found = 0
    a_ok = r_ok = a_n = r_n = 0
    scored = []  # (confidence, correct)
    per_type = defaultdict(Counter)
    lines = []
    for text, doc in zip(texts, docs):
        golds = by_text[text]
        gtypes = {g["gold"]["type"] for g in golds}
        for ev in doc.events:
            ok = ev.type in gtypes
            n_pred += 1
            n_pred_ok += ok
            scored.append((ev.confidence, ok))
            per_type[ev.type]["pred"] += 1
            per_type[ev.type]["pred_ok"] += ok
        for g in golds:
            gt = g["gold"]["type"]
            per_type[gt]["gold"] += 1
            match = [e for e in doc.events if e.type == gt]
            if match:
                found += 1
                per_type[gt]["found"] += 1
                best = None
                for e in match:
                    res = _role_ok(g, _countries(doc, e.actors), _countries(doc, e.recipients))
                    if best is None or sum(res) > sum(best):
                        best = res
                if g["gold"].get("actor_countries"):
                    a_n += 1
                    a_ok += best[0]
                if g["gold"].get("recipient_countries"):
                    r_n += 1
                    r_ok += best[1]
                if errors and not all(best):
                    e = match[0]
                    lines.append(f"ROLE {g['id']} gold {g['gold']['actor_countries']}->{g['gold']['recipient_countries']} pred {sorted(_countries(doc, e.actors))}->{sorted(_countries(doc, e.recipients))} | {text[:120]}")
            elif errors:
                lines.append(f"MISS {g['id']} {gt} pred {[(e.type, e.evidence.trigger) for e in doc.events]} | {text[:150]}")
        if errors:
            for ev in doc.events:
                if ev.type not in gtypes:
                    lines.append(f"FP   {golds[0]['id']} {ev.type} {ev.cameo} '{ev.evidence.trigger}' {ev.factuality} gold {sorted(gtypes)} | {text[:120]}")
    n_gold = len(rows)
    P = n_pred_ok / n_pred if n_pred else 0.0
    R = found / n_gold if n_gold else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    scored.sort(key=lambda x: -x[0])
    k = max(1, len(scored) // 10)
    top = sum(ok for _c, ok in scored[:k]) / k if scored else 0.0
    bottom = sum(ok for _c, ok in scored[-k:]) / k if scored else 0.0
    metrics = [
        ("plover.records", n_gold), ("plover.predicted_events", n_pred),
        ("plover.type_precision", round(P, 4)), ("plover.type_recall", round(R, 4)), ("plover.type_f1", round(F, 4)),
        ("plover.actor_country_acc", round(a_ok / a_n, 4) if a_n else 0.0),
        ("plover.recipient_country_acc", round(r_ok / r_n, 4) if r_n else 0.0),
        ("plover.precision_top_decile", round(top, 4)), ("plover.precision_bottom_decile", round(bottom, 4)),
    ]
    return metrics, per_type, lines


def evaluate(pipeline) -> list[tuple[str, float | str]]:
    metrics, _per_type, _lines = run(pipeline)
    return metrics


def main(argv=None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    errors = "--errors" in argv
    argv = [a for a in argv if a != "--errors"]
    path = argv[0] if argv else DEFAULT
    from entente.pipeline import Pipeline

    metrics, per_type, lines = run(Pipeline.default(), path, errors=errors)
    for k, v in metrics:
        print(f"{k}\t{v}")
    print("type\tgold\tfound\tpred\tpred_ok")
    for t in sorted(per_type):
        c = per_type[t]
        print(f"{t}\t{c['gold']}\t{c['found']}\t{c['pred']}\t{c['pred_ok']}")
    for l in lines:
        print(l)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    main()
