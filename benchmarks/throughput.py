"""Throughput: the full extraction vs a bare spaCy `nlp.pipe` of the same model, same stories, same run.

    .venv/bin/python benchmarks/throughput.py [--rounds 3] [--repeat 1] [--limit N] [--model md]

The bare run is `nlp.pipe` with every component of the model enabled (what spaCy alone costs);
the full run is `Pipeline.process` (parse with the components entente loads, then every stage).
Bare and full alternate for `--rounds` rounds so both see the same machine; the ratio printed
is full words/s over bare words/s, from the median round, by wall clock and by CPU time of
this process (the CPU figure is the steadier one on a shared machine). Also prints the stages'
own share and peak memory. Worker processes: benchmarks/workers.py.
"""
from __future__ import annotations

import argparse
import pathlib
import resource
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.common import CORPUS, read_jsonl, time_stages, words  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clock(fn) -> tuple[float, float]:
    """(wall, cpu) seconds of fn()."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3, help="bare/full pairs; the median pair is reported")
    ap.add_argument("--repeat", type=int, default=1, help="pass over the corpus this many times per run")
    ap.add_argument("--limit", type=int, default=None, help="only the first N stories")
    ap.add_argument("--model", default="md")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)

    import spacy

    from entente import nlp as loader
    from entente.pipeline import Pipeline, make_story

    records = read_jsonl(CORPUS)[: args.limit]
    stories = [make_story(r["text"], id=r["id"], published=r.get("published"), title=r.get("title"))
               for r in records] * args.repeat
    texts = [s.text for s in stories]
    n_words = sum(words(t) for t in texts)
    t0 = time.perf_counter()
    pipe = Pipeline.default(model=args.model, batch_size=args.batch_size, freeze_gc=True)   # as `entente extract` runs it
    load_s = time.perf_counter() - t0
    list(pipe.process(stories[:2]))  # warm-up: lazy tables (codebook, gazetteer, lexicons)
    bare_nlp = spacy.load(loader.model_path(args.model))  # the model as shipped, its components as it enables them
    list(bare_nlp.pipe(texts[:2]))
    print(f"corpus: {len(stories)} stories, {n_words} words ({CORPUS.name}); model {args.model!r} loaded in {load_s:.1f} s")
    print(f"bare components: {', '.join(bare_nlp.pipe_names)}")
    print(f"entente loads  : {', '.join(pipe.nlp.pipe_names)}")

    counts = {"actors": 0, "events": 0, "timexes": 0, "statements": 0}

    def full() -> None:
        for k in counts:
            counts[k] = 0
        for doc in pipe.process(stories):
            for k in counts:
                counts[k] += len(getattr(doc, k))

    def bare() -> None:
        for _ in bare_nlp.pipe(texts, batch_size=args.batch_size):
            pass

    rounds = []
    for r in range(args.rounds):
        b, f = clock(bare), clock(full)
        rounds.append((b, f))
        print(f"round {r + 1}: bare {n_words / b[0]:6.0f} words/s ({b[0]:.1f} s wall, {b[1]:.1f} s CPU); "
              f"full {n_words / f[0]:6.0f} words/s ({f[0]:.1f} s wall, {f[1]:.1f} s CPU)", flush=True)
    wall = statistics.median(b[0] / f[0] for b, f in rounds)
    cpu = statistics.median(b[1] / f[1] for b, f in rounds)
    print(f"ratio full / bare   : {wall:.3f} by wall clock, {cpu:.3f} by CPU time (median of {args.rounds} rounds)")

    timing = time_stages(pipe)
    fw, _ = clock(full)
    stages = sum(timing.values())
    print(f"stages' own time    : {stages:.1f} s = {100 * stages / fw:.0f}% of the full run; "
          + ", ".join(f"{k} {v:.2f} s" for k, v in sorted(timing.items(), key=lambda kv: -kv[1])))
    print("output: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"peak memory (both pipelines loaded): {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
