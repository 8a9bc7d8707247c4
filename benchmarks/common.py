"""Paths and loaders shared by the benchmark scripts (which may read ../shared; the product may not)."""
from __future__ import annotations

import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"
CORPUS = SHARED / "corpora" / "voa_stories.jsonl"

if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))


def read_jsonl(path: pathlib.Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def words(text: str) -> int:
    return len(text.split())


def one_to_one(pairs: list[tuple]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: `pairs` are (cost, gold index, predicted index), best
    (lowest cost) first; each gold and each prediction is used at most once."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _cost, gi, pi in sorted(pairs):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def time_stages(pipe) -> dict[str, float]:
    """Wrap each stage of `pipe` so its run time adds up in the returned dict (seconds)."""
    import time

    timing: dict[str, float] = {}

    def wrap(name, fn):
        def timed(analysis):
            t0 = time.perf_counter()
            fn(analysis)
            timing[name] = timing.get(name, 0.0) + time.perf_counter() - t0
        return timed

    pipe.stages = [(name, wrap(name, fn)) for name, fn in pipe.stages]
    return timing
