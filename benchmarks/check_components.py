"""The faster attribute ruler and lemmatizer (entente.components) give the stock annotations.

    .venv/bin/python benchmarks/check_components.py [--gold] [--model md]

Parses the VOA corpus (and with --gold every text of ../shared/gold it can find) with the
stock components, then with the faster ones, and compares every token's tag, POS,
morphology, lemma, dependency, head, entity and sentence start. Prints the token count,
the first differences if any, and each run's time for the two components.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.common import CORPUS, GOLD, read_jsonl  # noqa: E402


def gold_texts() -> list[str]:
    out = []
    for path in sorted(GOLD.rglob("*")):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                for key in ("text", "sentence", "story"):
                    if isinstance(rec, dict) and isinstance(rec.get(key), str):
                        out.append(rec[key])
                        break
        elif path.suffix == ".txt":
            out.append(path.read_text(encoding="utf-8", errors="replace"))
    return out


def annotations(doc) -> list[tuple]:
    return [(t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
             t.is_sent_start) for t in doc]


def run(nlp, texts) -> tuple[list, dict]:
    timing = {}
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32))
        timing[name] = time.perf_counter() - t0
    return [annotations(d) for d in docs], timing


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="store_true", help="also every text under ../shared/gold")
    ap.add_argument("--model", default="md")
    args = ap.parse_args(argv)
    import spacy

    from entente import components
    from entente import nlp as loader

    texts = [r["text"] for r in read_jsonl(CORPUS)] + (gold_texts() if args.gold else [])
    nlp = spacy.load(loader.model_path(args.model), exclude=list(loader.UNUSED))
    stock, t_stock = run(nlp, texts)
    components.install(nlp)
    fast, t_fast = run(nlp, texts)
    tokens = sum(len(d) for d in stock)
    diffs = [(a, b) for d1, d2 in zip(stock, fast) for a, b in zip(d1, d2) if a != b]
    print(f"{len(texts)} texts, {tokens} tokens: {len(diffs)} tokens differ")
    for a, b in diffs[:10]:
        print(f"  stock {a}\n  fast  {b}")
    for name in ("attribute_ruler", "lemmatizer"):
        print(f"{name:16} stock {t_stock[name]:6.2f} s   fast {t_fast[name]:6.2f} s")
    print("parse total      stock {:6.2f} s   fast {:6.2f} s".format(sum(t_stock.values()), sum(t_fast.values())))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
