"""Does an event's confidence mean something? Precision by confidence tercile on stories-dev.

    .venv/bin/python benchmarks/confidence.py [--pred FILE.jsonl]

Runs `entente extract` over the 24 stories of ../shared/gold/stories-dev (or reads saved
output), matches predicted events to gold ones with the shared scorer's own event matching
(`../shared/eval/score.py`: type and country sets, one-to-one, factual events only), and prints
for the whole set and its two halves (folders ending in an even / odd digit) the precision of
the events in each third of the confidence range (tercile boundaries over all factual events).
A confidence that means something rises from the low tercile to the high one.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
STORIES = SHARED / "gold" / "stories-dev"
ENTENTE = pathlib.Path(sys.executable).parent / "entente"


def _extract(stories: list[tuple[str, dict, str]]) -> dict[str, dict]:
    lines = "".join(json.dumps({"id": g["document"]["id"], "text": text, "published": g["document"].get("published"),
                                "source": g["document"].get("source"), "url": g["document"].get("url")}) + "\n"
                    for _, g, text in stories)
    out = subprocess.run([str(ENTENTE), "extract", "--input-format", "jsonl", "--format", "jsonl", "-"],
                         input=lines, capture_output=True, text=True, check=True).stdout
    return {r["id"]: r for r in (json.loads(x) for x in out.splitlines() if x.strip())}


def matched_confidences(score, gold: dict, text: str, out: dict) -> list[tuple[float, bool]]:
    """(confidence, matched) of each factual predicted event, matched as score.py matches them."""
    from common import actor_index, grouping_members  # ../shared/eval

    idx, grp = actor_index(out), grouping_members(out)
    gev = gold.get("events") or []
    pev, _ = score.factual_events(out)
    sides = [score.split_sides(e, idx, grp) for e in pev]
    weights, gused = {}, set()
    for gi, g in enumerate(gev):
        gspan = score.locate(text, g.get("evidence"), gused)
        gval = (g.get("date") or {}).get("value")
        for pi, e in enumerate(pev):
            if str(e.get("type") or "").upper() != g["type"] or not score.seed_compatible(g, *sides[pi]):
                continue
            w = 1.0
            ev = e.get("evidence") if isinstance(e.get("evidence"), dict) else {}
            if gspan and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
                w += 0.5 * (score.overlap(gspan[0], gspan[1], ev["start"], ev["end"]) > 0)
            if gval and score.value_matches(score.date_value(e), gval):
                w += 0.25
            weights[(gi, pi)] = w
    hit = {pi for _gi, pi in score.hungarian_max(weights, len(gev), len(pev))}
    return [(float(e.get("confidence") or 0.0), pi in hit) for pi, e in enumerate(pev)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", type=pathlib.Path, help="saved `entente extract` JSONL output of the stories")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # the shared scorer's matching, so nothing here is more lenient than it

    stories = []
    for d in sorted(p for p in STORIES.iterdir() if (p / "gold.json").is_file()):
        stories.append((d.name, json.loads((d / "gold.json").read_text(encoding="utf-8")),
                        (d / "article.txt").read_text(encoding="utf-8")))
    if args.pred:
        preds = {r["id"]: r for r in (json.loads(x) for x in args.pred.read_text(encoding="utf-8").splitlines() if x.strip())}
    else:
        preds = _extract(stories)
    rows = {"all": [], "even": [], "odd": []}
    for name, g, text in stories:
        found = matched_confidences(score, g, text, preds.get(g["document"]["id"]) or {})
        rows["all"] += found
        rows["even" if name[-1:].isdigit() and int(name[-1]) % 2 == 0 else "odd"] += found
    confs = sorted(c for c, _ in rows["all"])
    if len(confs) < 3:
        print("fewer than three factual events: nothing to split")
        return 1
    lo, hi = confs[len(confs) // 3], confs[2 * len(confs) // 3]
    print(f"tercile boundaries over {len(confs)} factual events: low < {lo:.3f} <= mid < {hi:.3f} <= high")
    print(f"{'set':<5} {'low':>16} {'mid':>16} {'high':>16}")
    for name, found in rows.items():
        cells = []
        for test in (lambda c: c < lo, lambda c: lo <= c < hi, lambda c: c >= hi):
            part = [m for c, m in found if test(c)]
            cells.append(f"{sum(part) / len(part):.3f} ({sum(part)}/{len(part)})" if part else "-")
        print(f"{name:<5} {cells[0]:>16} {cells[1]:>16} {cells[2]:>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
