"""`--workers 1` against `--workers 2`: whole `entente` processes, start-up included.

    .venv/bin/python benchmarks/workers.py [--copies 2] [--workers 2] [--ingest] [--db URL]

The corpus is the VOA corpus `--copies` times (each copy with its own ids: 2 copies = 178
stories). Each configuration runs `entente extract --format jsonl` (and with `--ingest`,
`entente ingest` into a fresh database) as a real subprocess. Prints words/s, the speed-up,
and where the time goes: time to the first result (interpreter, model load, first chunk),
CPU seconds of the parent (reading, handing out, decoding, writing) and of each worker.
Timings on a busy machine are not comparable: the load average is printed with them.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.common import CORPUS, read_jsonl, words  # noqa: E402
from benchmarks.procs import load_average, run_entente  # noqa: E402


def write_corpus(path: pathlib.Path, copies: int) -> tuple[int, int]:
    rows = read_jsonl(CORPUS)
    n = w = 0
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for r in rows:
                fh.write(json.dumps({"id": f"{r['id']}-{k}", "text": r["text"], "published": r["published"],
                                     "title": r["title"]}) + "\n")
                n += 1
                w += words(r["text"])
    return n, w


def describe(label: str, run, n_words: int) -> str:
    cpu = ", ".join(f"{k} {v:.1f}" for k, v in sorted(run.cpu.items()))
    mem = ", ".join(f"{k} {v:.0f}" for k, v in sorted(run.peak_rss.items()))
    return (f"{label:<22} {n_words / run.wall:6.0f} words/s  {run.wall:6.1f} s wall, first result at "
            f"{run.first_line or 0:5.1f} s | CPU s: {cpu} | peak MB: {mem}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="compared against 1")
    ap.add_argument("--ingest", action="store_true", help="also time `entente ingest` (SQLite unless --db)")
    ap.add_argument("--db", default=None, help="a postgresql:// URL for the ingest runs (emptied by you first)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = pathlib.Path(tmp) / "corpus.jsonl"
        n, n_words = write_corpus(corpus, args.copies)
        print(f"corpus: {n} stories, {n_words} words (VOA x {args.copies}); {load_average()}")
        results = {}
        for w in (1, args.workers):
            run = run_entente(["extract", str(corpus), "--format", "jsonl", "--no-progress", "--workers", str(w)])
            assert run.lines == n, (run.lines, n)
            results[("extract", w)] = run
            print(describe(f"extract --workers {w}", run, n_words), flush=True)
        if args.ingest:
            for w in (1, args.workers):
                db = args.db or str(pathlib.Path(tmp) / f"ingest{w}.db")
                run = run_entente(["ingest", str(corpus), "--db", db, "--no-summary", "--workers", str(w)])
                results[("ingest", w)] = run
                print(describe(f"ingest --workers {w}", run, n_words), flush=True)
        for cmd in ("extract", "ingest"):
            if (cmd, 1) in results:
                one, many = results[(cmd, 1)].wall, results[(cmd, args.workers)].wall
                print(f"{cmd}: --workers {args.workers} is {one / many:.2f}x --workers 1 "
                      f"(efficiency {one / many / args.workers:.0%})")
        print(f"after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
