"""Seed story: time expressions and event dates.

Time expressions: each gold timex is found when a predicted one overlaps its
text in the story; its value is right when equal (null gold = predicted null).
Event dates (need the events stage): a gold event is matched to a predicted one
of the same type whose trigger lies inside the gold evidence span (else whose
sentence contains it); its date is right when the predicted value, brought to
the gold granularity, equals the gold value, or — for gold events with no stated
date ("on_or_before"/"before" the publication date) — when the predicted date is
flagged `reported` (or unresolved) and not after the bound. The strict figure does not count a
stated gold date as right when it was met only by the `reported` publication-date fallback.

Run standalone: .venv/bin/python benchmarks/scoring/seed_time.py
"""
from __future__ import annotations

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "gold" / "seed"
PUBLISHED = "2026-02-12"

sys.path.insert(0, str(ROOT / "benchmarks" / "scoring"))
from timebank import to_gold_granularity  # noqa: E402


def _gold():
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    return text, gold


def _span(text: str, snippet: str) -> tuple[int, int] | None:
    i = text.find(snippet)
    return None if i < 0 else (i, i + len(snippet))


def score_timexes(text: str, gold: dict, doc) -> list[tuple[str, float | str]]:
    found = right = 0
    rows = []
    for g in gold["timexes"]:
        span = _span(text, g["text"])
        hit = None
        if span:
            hit = next((t for t in doc.timexes if t.start < span[1] and span[0] < t.end), None)
        found += hit is not None
        ok = hit is not None and (hit.value == g["value"] if g["value"] is None
                                  else to_gold_granularity(hit.value, g["value"]) == g["value"])
        right += ok
        rows.append((g["text"], g["value"], hit.text if hit else None, hit.value if hit else None, ok))
    n = len(gold["timexes"])
    for r in rows:
        print("  timex", r, file=sys.stderr)
    return [("seed.timexes_gold", float(n)), ("seed.timexes_predicted", float(len(doc.timexes))),
            ("seed.timex_recall", round(found / n, 4)), ("seed.timex_value_accuracy", round(right / n, 4))]


def _date_ok(gold_date: dict, pred) -> bool:
    if gold_date.get("value"):
        return pred.value is not None and to_gold_granularity(pred.value, gold_date["value"]) == gold_date["value"]
    bound = gold_date.get("on_or_before") or gold_date.get("before")
    if pred.type in ("reported", "unresolved"):
        return pred.value is None or pred.value <= bound
    return pred.value is not None and pred.value[:10] <= bound and pred.value[:10] != bound if "before" in gold_date \
        else pred.value is not None and pred.value[:10] <= bound


def score_event_dates(text: str, gold: dict, doc) -> list[tuple[str, float | str]]:
    events = doc.events
    if not events:
        print("  (no events predicted: the events stage is not built yet; event dates not scored)", file=sys.stderr)
        return [("seed.event_dates_scored", 0.0), ("seed.event_date_accuracy", "n/a")]
    used: set[str] = set()
    matched = right = strict = 0
    for g in gold["events"]:
        span = _span(text, g["evidence"])
        cands = [e for e in events if e.type == g["type"] and e.id not in used]
        pick = None
        if span:
            pick = next((e for e in cands if e.evidence.trigger_start is not None
                         and span[0] <= e.evidence.trigger_start < span[1]), None)
            pick = pick or next((e for e in cands if e.evidence.start <= span[0] < e.evidence.end), None)
        if pick is None:
            print(f"  event {g['id']} {g['type']}: not matched", file=sys.stderr)
            continue
        used.add(pick.id)
        matched += 1
        ok = _date_ok(g["date"], pick.date)
        right += ok
        strict += ok and not (g["date"].get("value") and pred_reported(pick.date))
        print(f"  event {g['id']} {g['type']}: gold {g['date'].get('value') or 'unstated'} -> "
              f"{pick.date.value} {pick.date.type} {'OK' if ok else 'WRONG'} | {pick.date.reason}", file=sys.stderr)
    return [("seed.event_dates_gold", float(len(gold["events"]))), ("seed.event_dates_scored", float(matched)),
            ("seed.event_date_accuracy", round(right / matched, 4) if matched else 0.0),
            ("seed.event_date_accuracy_strict", round(strict / matched, 4) if matched else 0.0)]


def pred_reported(date) -> bool:
    """A stated gold date met only by the publication-date fallback (right by granularity, not found)."""
    return date.type in ("reported", "unresolved")


def evaluate(pipeline) -> list[tuple[str, float | str]]:
    text, gold = _gold()
    doc = pipeline.extract(text, published=PUBLISHED)
    return score_timexes(text, gold, doc) + score_event_dates(text, gold, doc)


def main(argv: list[str]) -> None:
    from entente.pipeline import Pipeline

    pipeline = Pipeline.default(only=None if "--all-stages" in argv or "--time-only" not in argv else ["time"])
    for name, value in evaluate(pipeline):
        print(f"{name}\t{value}")


if __name__ == "__main__":
    main(sys.argv[1:])
