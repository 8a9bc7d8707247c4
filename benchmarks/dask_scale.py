"""Dask: efficiency from 1 to 2 workers, and a long generated stream in flat memory.

    .venv/bin/python benchmarks/dask_scale.py efficiency [--copies 2]
    .venv/bin/python benchmarks/dask_scale.py stream [--stories 100000] [--workers 2]

Both start a real cluster as a user would (`dask scheduler`, `dask worker --nworkers N
--nthreads 1`) and run `entente extract --scheduler …` as a real subprocess.

efficiency: the VOA corpus `--copies` times on 1 and on 2 workers, each twice on the same
cluster: "cold" includes each worker loading the model on its first task, "warm" is the
second run. Efficiency = T(1) / (2 x T(2)).

stream: `--stories` generated stories (made-up, benchmarks/synthetic.py) fed on standard
input; the RSS of the client and of every worker is printed at each tenth of the output,
which is flat when nothing accumulates.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.procs import dask_cluster, load_average, run_entente  # noqa: E402
from benchmarks.workers import write_corpus  # noqa: E402


def efficiency(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = pathlib.Path(tmp) / "corpus.jsonl"
        n, n_words = write_corpus(corpus, args.copies)
        print(f"corpus: {n} stories, {n_words} words (VOA x {args.copies}); {load_average()}")
        walls = {}
        for workers in (1, 2):
            with dask_cluster(workers) as (address, procs):
                roles = lambda: {f"worker {i}": p for i, p in enumerate(procs, start=1)}  # noqa: E731
                for phase in ("cold", "warm"):
                    run = run_entente(["extract", str(corpus), "--format", "jsonl", "--no-progress",
                                       "--scheduler", address], extra_roles=roles)
                    assert run.lines == n, (run.lines, n)
                    walls[(workers, phase)] = run.wall
                    cpu = ", ".join(f"{k} {v:.1f}" for k, v in sorted(run.cpu.items()))
                    print(f"{workers} worker(s), {phase}: {n_words / run.wall:6.0f} words/s, {run.wall:6.1f} s wall, "
                          f"first result at {run.first_line or 0:.1f} s | CPU s (workers cumulative): {cpu}", flush=True)
        for phase in ("cold", "warm"):
            one, two = walls[(1, phase)], walls[(2, phase)]
            print(f"{phase}: 2 workers are {one / two:.2f}x 1 worker, efficiency {one / (2 * two):.0%}")
        print(f"after: {load_average()}")


def stream(args) -> None:
    from benchmarks.synthetic import story

    def lines():
        for i in range(args.stories):
            yield json.dumps(story(i).model_dump()) + "\n"

    print(f"stream: {args.stories} generated stories on {args.workers} worker(s); {load_average()}")
    with dask_cluster(args.workers) as (address, procs):
        roles = lambda: {f"worker {i}": p for i, p in enumerate(procs, start=1)}  # noqa: E731
        run = run_entente(["extract", "--input-format", "jsonl", "--format", "jsonl", "--no-progress",
                           "--scheduler", address, "-"], stdin_lines=lines(), total=args.stories, extra_roles=roles)
    assert run.lines == args.stories, (run.lines, args.stories)
    print(f"{args.stories} stories in {run.wall:.0f} s ({args.stories / run.wall:.1f} stories/s)")
    for done, rss in run.rss_at:
        print(f"  {done:>8} done: " + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(rss.items())))
    print("peak: " + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(run.peak_rss.items())))
    print(f"after: {load_average()}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    e = sub.add_parser("efficiency")
    e.add_argument("--copies", type=int, default=2)
    s = sub.add_parser("stream")
    s.add_argument("--stories", type=int, default=100_000)
    s.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    (efficiency if args.what == "efficiency" else stream)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
