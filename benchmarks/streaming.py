"""Constant memory: `entente extract` over a generated N-story JSONL, peak RSS at two sizes.

    .venv/bin/python benchmarks/streaming.py [--stories 10000] [--small 1000]

Stories are the first paragraphs of the VOA corpus stories, each with its own id, so that
N stories are cheap to run. A streaming extractor's peak memory does not grow with N.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.common import CORPUS, REPO, read_jsonl  # noqa: E402


def write_corpus(path: pathlib.Path, n: int) -> int:
    seeds = [r["text"][:600].rsplit(".", 1)[0] + "." for r in read_jsonl(CORPUS)]
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = seeds[i % len(seeds)]
            words += len(text.split())
            fh.write(json.dumps({"id": f"gen-{i}", "text": text, "published": "2025-03-14"}) + "\n")
    return words


def run(path: pathlib.Path, out_path: pathlib.Path) -> tuple[float, float, int]:
    """Run the CLI as a real subprocess; sample its RSS every 0.2 s for the peak."""
    import psutil

    t0 = time.perf_counter()
    with path.open("rb") as src, out_path.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "entente", "extract", "--input-format", "jsonl",
                                 "--format", "jsonl", "--no-progress", "-"], stdin=src, stdout=out,
                                stderr=subprocess.PIPE, cwd=REPO)
        ps, peak = psutil.Process(proc.pid), 0
        while proc.poll() is None:
            try:
                peak = max(peak, ps.memory_info().rss)
            except psutil.Error:
                pass
            time.sleep(0.2)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.read().decode()[-2000:])
    with out_path.open("rb") as fh:
        lines = sum(1 for _ in fh)
    return peak / 2**20, elapsed, lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=10000)
    ap.add_argument("--small", type=int, default=1000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.stories):
            path = pathlib.Path(tmp) / f"c{n}.jsonl"
            words = write_corpus(path, n)
            peak, elapsed, lines = run(path, pathlib.Path(tmp) / "out.jsonl")
            print(f"{n:>6} stories ({words} words): {lines} output lines, {elapsed:.0f} s "
                  f"(model load included), peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
