"""TimeBank-dev scorer: time expression detection and DATE value accuracy.

Implements ../shared/gold/README.md (timebank-dev):
- detection P/R/F1 with relaxed matching: any character overlap, one-to-one;
- value accuracy over matched gold DATE expressions whose value is fully
  specified (not *_REF, no X): the predicted value, brought to the gold
  granularity (finer values trimmed; a day mapped to its ISO week or quarter
  when the gold is a week or quarter), must equal the gold value.

Run standalone: .venv/bin/python benchmarks/scoring/timebank.py [--show N]
(--show prints failures to the terminal only; TimeBank text never enters the repo).
"""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
import sys
import time
from typing import Optional

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import one_to_one  # noqa: E402
GOLD = ROOT.parent / "shared" / "gold" / "timebank-dev" / "timebank.jsonl"

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)(?!\d)")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])")


def load(path: pathlib.Path = GOLD) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def fully_specified(value: Optional[str]) -> bool:
    return bool(value) and "X" not in value and not value.endswith("_REF") and not value.startswith("P")


def to_gold_granularity(pred: Optional[str], gold: str) -> Optional[str]:
    """The predicted value at the gold value's granularity, or None when it is coarser/other."""
    if not pred:
        return None
    pred = pred.split("/")[0]
    day = _DAY.match(pred)
    pdate = None
    if day:
        try:
            pdate = dt.date(int(day[1]), int(day[2]), int(day[3]))
        except ValueError:
            pdate = None
    if _WEEK.fullmatch(gold):
        if pdate:
            y, w, _ = pdate.isocalendar()
            return f"{y}-W{w:02d}"
        m = _WEEK.match(pred)
        return m.group(0) if m else None
    if _QUARTER.fullmatch(gold):
        if pdate:
            return f"{pdate.year}-Q{(pdate.month - 1) // 3 + 1}"
        m = _MONTH.match(pred)
        if m:
            return f"{m[1]}-Q{(int(m[2]) - 1) // 3 + 1}"
        m = _QUARTER.match(pred)
        return m.group(0) if m else None
    if re.fullmatch(r"\d{4}-\d\d-\d\d", gold):
        return pred[:10] if pdate else None
    if re.fullmatch(r"\d{4}-\d\d", gold):
        if pdate or _MONTH.match(pred):
            return pred[:7]
        return None
    if re.fullmatch(r"\d{4}", gold):
        return pred[:4] if re.match(r"\d{4}", pred) else None
    if re.fullmatch(r"\d{3}", gold):
        return pred[:3] if re.match(r"\d{3}", pred) else None
    if re.fullmatch(r"\d{2}", gold):
        return pred[:2] if re.match(r"\d{2}", pred) else None
    # seasons, halves, weekends, times: the same string, or a finer one that starts with it
    return pred[: len(gold)] if pred.startswith(gold) else pred


def match(gold: list[dict], pred: list) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: largest overlaps first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p.end) - max(g["start"], p.start)
            if ov > 0:
                pairs.append((-ov, gi, pi))
    return one_to_one(pairs)


def score(records: list[dict], results: list, show: int = 0) -> list[tuple[str, float | str]]:
    tp = n_gold = n_pred = 0
    v_total = v_right = v_gold_all = 0
    type_right = 0
    misses, spurious, wrong = [], [], []
    for rec, res in zip(records, results):
        gold = rec["gold"]["timexes"]
        pred = res.timexes
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = match(gold, pred)
        tp += len(pairs)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        v_gold_all += sum(1 for g in gold if g["type"] == "DATE" and fully_specified(g["value"]))
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            type_right += g["type"] == p.type
            if g["type"] != "DATE" or not fully_specified(g["value"]):
                continue
            v_total += 1
            if to_gold_granularity(p.value, g["value"]) == g["value"]:
                v_right += 1
            else:
                wrong.append((rec["published"], g["text"], g["value"], p.text, p.value, p.reason))
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                misses.append((g["type"], g["text"], g["value"]))
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                spurious.append((p.type, p.text, p.value))
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if show:
        from collections import Counter

        print("-- missed (gold not found):", file=sys.stderr)
        for (t, x, v), k in Counter(misses).most_common(show):
            print(f"  {k:3d} {t:8s} {x!r} {v}", file=sys.stderr)
        print("-- spurious:", file=sys.stderr)
        for (t, x, v), k in Counter(spurious).most_common(show):
            print(f"  {k:3d} {t:8s} {x!r} {v}", file=sys.stderr)
        print("-- wrong DATE values:", file=sys.stderr)
        for w in wrong[:show]:
            print("  ", w, file=sys.stderr)
    return [
        ("timebank.documents", float(len(records))),
        ("timebank.gold_timexes", float(n_gold)),
        ("timebank.predicted_timexes", float(n_pred)),
        ("timebank.detection_precision", round(precision, 4)),
        ("timebank.detection_recall", round(recall, 4)),
        ("timebank.detection_f1", round(f1, 4)),
        ("timebank.type_accuracy_matched", round(type_right / tp, 4) if tp else 0.0),
        ("timebank.date_values_scored", float(v_total)),
        ("timebank.date_value_accuracy", round(v_right / v_total, 4) if v_total else 0.0),
        ("timebank.date_value_recall_all_gold", round(v_right / v_gold_all, 4) if v_gold_all else 0.0),
    ]


def evaluate(pipeline, show: int = 0) -> list[tuple[str, float | str]]:
    from entente.pipeline import make_story

    records = load()
    stories = [make_story(r["text"], id=r["id"], published=r["published"], title=r.get("title")) for r in records]
    for r, s in zip(records, stories):
        if s.text != r["text"]:  # offsets must stay valid: the scorer sends the text as is
            s.text = r["text"]
    results = list(pipeline.process(stories))
    return score(records, results, show=show)


def main(argv: list[str]) -> None:
    from entente.pipeline import Pipeline

    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    only = None if "--all-stages" in argv else ["time"]
    t0 = time.perf_counter()
    pipeline = Pipeline.default(only=only)
    for name, value in evaluate(pipeline, show=show):
        print(f"{name}\t{value}")
    print(f"seconds\t{time.perf_counter() - t0:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
