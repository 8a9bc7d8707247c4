"""Throughput: the full extraction vs a bare spaCy nlp.pipe of the same model, same stories.

    .venv/bin/python benchmarks/throughput.py [--repeat 1] [--limit N] [--model md]

Prints words/s of each, their ratio (full / bare), and peak memory (max RSS) after each phase.
"""
from __future__ import annotations

import argparse
import pathlib
import resource
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.common import CORPUS, read_jsonl, words  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="pass over the corpus this many times")
    ap.add_argument("--limit", type=int, default=None, help="only the first N stories")
    ap.add_argument("--model", default="md")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--workers", type=int, default=1, help="also time the full extraction with this many parse processes")
    args = ap.parse_args(argv)

    from entente.pipeline import Pipeline, make_story

    records = read_jsonl(CORPUS)[: args.limit]
    stories = [make_story(r["text"], id=r["id"], published=r.get("published"), title=r.get("title"))
               for r in records] * args.repeat
    n_words = sum(words(s.text) for s in stories)
    t0 = time.perf_counter()
    pipe = Pipeline.default(model=args.model, batch_size=args.batch_size)
    load_s = time.perf_counter() - t0
    # warm-up: first call builds lazy lookups (codebook, gazetteer, lexicons)
    list(pipe.process(stories[:2]))
    print(f"corpus: {len(stories)} stories, {n_words} words ({CORPUS.name}); model {args.model!r} loaded in {load_s:.1f} s")
    print(f"peak memory after load: {peak_mb():.0f} MB")

    t0 = time.perf_counter()
    for _ in pipe.nlp.pipe((s.text for s in stories), batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - t0
    print(f"bare spaCy nlp.pipe : {n_words / bare:8.0f} words/s  ({bare:.1f} s)   peak {peak_mb():.0f} MB")

    t0 = time.perf_counter()
    counts = {"actors": 0, "events": 0, "timexes": 0, "statements": 0}
    for doc in pipe.process(stories):
        for k in counts:
            counts[k] += len(getattr(doc, k))
    full = time.perf_counter() - t0
    print(f"full extraction     : {n_words / full:8.0f} words/s  ({full:.1f} s)   peak {peak_mb():.0f} MB")
    print(f"ratio full / bare   : {bare / full:.2f}  (stage overhead {100 * (full - bare) / bare:.0f}% of parse time)")
    print("output: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    if args.workers > 1:
        pipe.workers = args.workers
        t0 = time.perf_counter()
        for _ in pipe.process(stories):
            pass
        par = time.perf_counter() - t0
        print(f"full, {args.workers} parse processes: {n_words / par:8.0f} words/s  ({par:.1f} s, worker start-up included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
