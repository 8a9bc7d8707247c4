"""Where the extraction's own time goes: per-stage share and the hot functions of each stage.

    .venv/bin/python benchmarks/profile_stages.py [--repeat 1] [--top 12] [--model md]

Parses the VOA corpus once (bare `nlp.pipe`, timed), then runs the stages over the parsed
docs twice: once with a wall-clock timer around each stage (the shares), once under cProfile
(the hot spots, by cumulative time inside each stage). The stage rows add up to the
extraction's overhead over the parse; `ratio` is parse / (parse + stages).
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import pathlib
import pstats
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.common import CORPUS, read_jsonl, time_stages, words  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="pass over the corpus this many times")
    ap.add_argument("--top", type=int, default=12, help="hot functions listed per stage")
    ap.add_argument("--model", default="md")
    args = ap.parse_args(argv)

    from entente.pipeline import Pipeline, make_story

    stories = [make_story(r["text"], id=r["id"], published=r.get("published"), title=r.get("title"))
               for r in read_jsonl(CORPUS)] * args.repeat
    n_words = sum(words(s.text) for s in stories)
    pipe = Pipeline.default(model=args.model)
    list(pipe.process(stories[:2]))  # warm-up: lazy tables (codebook, gazetteer, lexicons)
    # as `entente extract` does after its first story (Pipeline freeze_gc): otherwise each full
    # collection walks the model again and its ~0.4 s lands on whatever stage line is running
    gc.freeze()

    # the parse, component by component (each over the whole corpus, in pipeline order)
    by_component = {}
    t0 = time.perf_counter()
    docs = [pipe.nlp.make_doc(s.text) for s in stories]
    by_component["tokenizer"] = time.perf_counter() - t0
    for name, proc in pipe.nlp.pipeline:
        t1 = time.perf_counter()
        # a plain function component (no .pipe) runs doc by doc, as nlp.pipe runs it
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        by_component[name] = time.perf_counter() - t1
    parse = time.perf_counter() - t0

    timing = time_stages(pipe)
    t0 = time.perf_counter()
    for story, doc in zip(stories, docs):
        pipe.analyse(story, doc)
    stages = time.perf_counter() - t0

    print(f"corpus: {len(stories)} stories, {n_words} words ({CORPUS.name}), model {args.model!r}")
    print(f"parse (the components entente loads): {parse:6.2f} s  {n_words / parse:6.0f} words/s; by component: "
          + ", ".join(f"{k} {100 * v / parse:.0f}%" for k, v in by_component.items()))
    print(f"stages (all)                    : {stages:6.2f} s  = {100 * stages / parse:.1f}% of the parse; "
          f"ratio parse/(parse+stages) {parse / (parse + stages):.3f}")
    for name, secs in sorted(timing.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<11} {secs:6.2f} s  {100 * secs / stages:5.1f}% of stages  "
              f"{1000 * secs / len(stories):6.1f} ms/story")

    # Hot spots: one profile per stage so each stage's callees are listed on their own.
    from entente.stages import build

    for name, fn in build():
        prof = cProfile.Profile()
        wrapped = []
        for n, f in build():
            if n == name:
                def run(analysis, f=f):
                    prof.enable()
                    try:
                        f(analysis)
                    finally:
                        prof.disable()
                wrapped.append((n, run))
            else:
                wrapped.append((n, f))
        pipe.stages = wrapped
        for story, doc in zip(stories, docs):
            pipe.analyse(story, doc)
        stats = pstats.Stats(prof)
        total = sum(v[3] for k, v in stats.stats.items() if k[2] == "run" and f"stages/{name}" in k[0].replace("\\", "/"))
        print(f"\n== {name}: hot functions (cumulative s under cProfile, stage total {total:.2f} s) ==")
        rows = [(v[3], v[2], k) for k, v in stats.stats.items()
                if "entente" in k[0] or k[0] == "~"]
        rows.sort(reverse=True)
        shown = 0
        for cum, tottime, (path, line, func) in rows:
            if func == "run" and f"stages/{name}" in path.replace("\\", "/"):
                continue
            short = path.split("src/entente/")[-1] if "src/entente/" in path else path
            print(f"  {cum:6.2f} cum  {tottime:6.2f} own  {short}:{line} {func}")
            shown += 1
            if shown >= args.top:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
