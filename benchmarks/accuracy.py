"""Score entente against every development gold set in ../shared/gold and print tables.

    .venv/bin/python benchmarks/accuracy.py [--only seed,plover,timebank,polnear,actors] [--model md]

Each scorer lives in benchmarks/scoring/<name>.py and exposes evaluate(pipeline)
-> [(metric, value)]; this script runs them over one loaded pipeline.
"""
from __future__ import annotations

import argparse
import importlib
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks import common  # noqa: E402,F401  (puts src on the path)

SCORERS = [
    ("seed: events", "seed_events"),
    ("seed: time", "seed_time"),
    ("seed: statements & agreements", "seed_statements"),
    ("actors (seed persons, PLOVER dev actor texts)", "actors"),
    ("PLOVER GSR dev: events", "plover"),
    ("TimeBank dev: time expressions", "timebank"),
    ("PolNeAR dev: quotes and attribution", "polnear"),
    ("Challenge set (written fresh; its first score was unseen, later fixes used its error list)", "challenge"),
]


def fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="comma-separated scorer module names")
    ap.add_argument("--model", default="md")
    args = ap.parse_args(argv)
    from entente.pipeline import Pipeline

    pipe = Pipeline.default(model=args.model)
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    failed = 0
    for title, module in SCORERS:
        if only and module not in only:
            continue
        print(f"\n## {title}  [benchmarks/scoring/{module}.py]")
        try:
            mod = importlib.import_module(f"benchmarks.scoring.{module}")
        except ImportError as exc:
            print(f"   not available: {exc}")
            continue
        t0 = time.perf_counter()
        try:
            rows = mod.evaluate(pipe)
        except Exception as exc:  # a scorer bug must not hide the other tables
            failed += 1
            print(f"   FAILED: {exc.__class__.__name__}: {exc}")
            continue
        width = max((len(k) for k, _ in rows), default=10)
        for k, v in rows:
            print(f"   {k:<{width}}  {fmt(v)}")
        print(f"   ({time.perf_counter() - t0:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
