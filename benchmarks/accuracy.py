"""Score entente on every development set with the independent scorers of ../shared/eval.

    .venv/bin/python benchmarks/accuracy.py [--only seed,stories,plover,timex,quotes,dedup,challenge]

The figures that count are the shared scorers' (`../shared/eval/score.py`): this script only runs
them over the product (`entente extract`, or `entente ingest` + `entente events --dedupe` for
dedup) and prints each scorer's table and its SCORE line. Stories-dev is scored whole and in its two
halves: the folders whose id ends in an even digit (built on) and in an odd digit (kept for checking).
The project's own challenge set (benchmarks/challenge, sentences written fresh) keeps its scorer in
benchmarks/scoring/challenge.py, which is no more lenient than the shared ones.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
GOLD = SHARED / "gold"
ENTENTE = pathlib.Path(sys.executable).parent / "entente"
EXTRACT = f"{ENTENTE} extract --input-format jsonl --format jsonl -"


def _halves(stories: pathlib.Path, root: pathlib.Path) -> dict[str, pathlib.Path]:
    """stories-dev split by the last digit of each folder's id, as symlink folders under root."""
    out = {}
    for name, parity in (("even", 0), ("odd", 1)):
        d = root / name
        d.mkdir()
        for story in sorted(stories.iterdir()):
            if story.is_dir() and story.name[-1:].isdigit() and int(story.name[-1]) % 2 == parity:
                os.symlink(story, d / story.name)
        out[name] = d
    return out


def _score(kind: str, gold: pathlib.Path, *extra: str) -> int:
    cmd = [sys.executable, str(EVAL / "score.py"), kind, "--set", str(gold), *extra]
    print(f"\n## {kind}: {gold.relative_to(SHARED)}", flush=True)
    return subprocess.call(cmd, cwd=REPO)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="comma-separated: seed,stories,plover,timex,quotes,dedup,challenge")
    args = ap.parse_args(argv)
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    if not EVAL.is_dir():
        print(f"accuracy: the shared scorers are not beside this checkout ({EVAL})", file=sys.stderr)
        return 2
    want = lambda k: not only or k in only  # noqa: E731
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        if want("seed"):
            failed += _score("seed", GOLD / "seed" / "gold.json", "--cmd", EXTRACT) != 0
        if want("stories"):
            failed += _score("stories", GOLD / "stories-dev", "--cmd", EXTRACT) != 0
            for half, folder in _halves(GOLD / "stories-dev", pathlib.Path(tmp)).items():
                print(f"\n## stories-dev, {half} half", flush=True)
                failed += subprocess.call([sys.executable, str(EVAL / "score.py"), "stories", "--set", str(folder),
                                           "--cmd", EXTRACT], cwd=REPO) != 0
        if want("plover"):
            failed += _score("plover", GOLD / "plover-gsr-dev.jsonl", "--cmd", EXTRACT) != 0
        if want("timex"):
            failed += _score("timex", GOLD / "timebank-dev", "--cmd", EXTRACT) != 0
        if want("quotes"):
            failed += _score("quotes", GOLD / "polnear-dev.jsonl", "--cmd", EXTRACT) != 0
        if want("dedup"):
            out = pathlib.Path(tmp) / "dedup.jsonl"
            print("\n## dedup: gold/dedup-dev (through the store)", flush=True)
            failed += subprocess.call([sys.executable, str(EVAL / "dedup_via_db.py"), "--entente", str(ENTENTE),
                                       "--set", str(GOLD / "dedup-dev"), "--out", str(out)], cwd=REPO) != 0
            failed += _score("dedup", GOLD / "dedup-dev", "--pred", str(out)) != 0
    if want("challenge"):
        sys.path.insert(0, str(REPO))
        from benchmarks.scoring import challenge
        from entente.pipeline import Pipeline

        print("\n## challenge set (benchmarks/challenge)", flush=True)
        for k, v in challenge.evaluate(Pipeline.default()):
            print(f"   {k:<40}  {v:.3f}" if isinstance(v, float) else f"   {k:<40}  {v}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
