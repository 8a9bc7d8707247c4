"""PolNeAR dev: quote/attribution content P/R/F1 and speaker accuracy.

Scoring as in shared/gold/README.md (polnear-dev section):
- a gold attribution is found when a predicted statement [start, end) covers at
  least 50% of the gold content characters (the union of its spans); matching
  is one-to-one (pairs taken by decreasing coverage);
- content precision = matched statements / statements, recall = found gold /
  gold attributions, F1;
- speaker accuracy on found attributions that have a source: right when the
  statement's speaker actor has a mention overlapping the gold source span, or
  its name (or the statement's speaker_text) shares a token with the gold source
  text, case-insensitive, titles and function words ignored.

Run: .venv/bin/python benchmarks/scoring/polnear.py [path] [--errors N]
The text is research/evaluation data only: nothing of it is written anywhere.
"""
from __future__ import annotations

import json
import pathlib
import re
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import one_to_one  # noqa: E402
DEFAULT = REPO.parent / "shared" / "gold" / "polnear-dev.jsonl"

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice", "senator", "sen",
    "rep", "representative", "congressman", "congresswoman", "gov", "governor", "secretary", "minister",
    "prime", "ambassador", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "chairman", "chairwoman", "chair",
    "general", "gen", "judge", "justice", "mayor", "speaker", "leader", "chief", "deputy", "principal",
    "rev", "reverend", "st", "sheriff", "director", "secretary-general",
}
_TOKEN = re.compile(r"[\w][\w\-]*", re.UNICODE)


def _function_words() -> set[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
        return {w.lower() for w in STOP_WORDS}
    except Exception:  # pragma: no cover
        return {"the", "a", "an", "of", "and", "he", "she", "they", "it", "who", "his", "her", "their", "i", "we", "you"}


FUNCTION = _function_words()


def content_tokens(text: str, keep_titles: bool = False) -> set[str]:
    out = set()
    for m in _TOKEN.finditer((text or "").lower().replace("’s", "").replace("'s", "")):
        w = m.group(0).strip("-")
        if w and w not in FUNCTION and (keep_titles or (w not in TITLES and w.rstrip(".") not in TITLES)):
            out.add(w)
    return out


def shares_token(a: str, b: str) -> bool:
    """Titles and function words ignored; when a side is nothing but titles
    ("the president"), its titles are compared instead."""
    ta, tb = content_tokens(a), content_tokens(b)
    if ta and tb:
        return bool(ta & tb)
    return bool(content_tokens(a, True) & content_tokens(b, True))


def _chars(part: dict) -> set[int]:
    s: set[int] = set()
    for a, b in part["spans"]:
        s.update(range(a, b))
    return s


def speaker_right(stmt: dict, source: dict, actors: dict[str, dict]) -> bool:
    src_chars = _chars(source)
    names = []
    if stmt.get("speaker") and stmt["speaker"] in actors:
        act = actors[stmt["speaker"]]
        for m in act.get("mentions", []):
            if any(i in src_chars for i in range(m["start"], m["end"])):
                return True
        names.append(act.get("name") or "")
    if stmt.get("speaker_text"):
        names.append(stmt["speaker_text"])
    return any(shares_token(n, source["text"]) for n in names)


def score_story(gold_attrs: list[dict], doc: dict) -> dict:
    stmts = doc.get("statements", [])
    actors = {a["id"]: a for a in doc.get("actors", [])}
    pairs = []
    for gi, g in enumerate(gold_attrs):
        gc = _chars(g["content"])
        if not gc:
            continue
        for pi, p in enumerate(stmts):
            cov = sum(1 for i in gc if p["start"] <= i < p["end"]) / len(gc)
            if cov >= 0.5:
                pairs.append((-cov, gi, pi))
    matches = one_to_one(pairs)
    used_g = {gi for gi, _ in matches}
    used_p = {pi for _, pi in matches}
    sp_total = sp_right = 0
    wrong = []
    for gi, pi in matches:
        g = gold_attrs[gi]
        if g.get("source"):
            sp_total += 1
            if speaker_right(stmts[pi], g["source"], actors):
                sp_right += 1
            else:
                wrong.append((g, stmts[pi]))
    missed = [gold_attrs[i] for i in range(len(gold_attrs)) if i not in used_g]
    spurious = [stmts[i] for i in range(len(stmts)) if i not in used_p]
    return {"gold": len(gold_attrs), "pred": len(stmts), "matched": len(matches),
            "sp_total": sp_total, "sp_right": sp_right, "wrong": wrong, "missed": missed, "spurious": spurious}


def load(path=DEFAULT) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run(pipeline, records: list[dict]):
    from entente.model import Story

    # The story text is passed as is (no re-normalisation) so that offsets stay the gold's.
    stories = [Story(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title")) for r in records]
    docs = [d.model_dump() for d in pipeline.process(stories)]
    return [score_story(r["gold"]["attributions"], d) for r, d in zip(records, docs)], docs


def summarise(scores: list[dict]) -> list[tuple[str, float | str]]:
    g = sum(s["gold"] for s in scores)
    p = sum(s["pred"] for s in scores)
    m = sum(s["matched"] for s in scores)
    st = sum(s["sp_total"] for s in scores)
    sr = sum(s["sp_right"] for s in scores)
    prec = m / p if p else 0.0
    rec = m / g if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return [("content_precision", round(prec, 4)), ("content_recall", round(rec, 4)), ("content_f1", round(f1, 4)),
            ("speaker_accuracy", round(sr / st, 4) if st else 0.0),
            ("gold_attributions", g), ("predicted_statements", p), ("matched", m), ("speaker_scored", st)]


def evaluate(pipeline, path=DEFAULT) -> list[tuple[str, float | str]]:
    scores, _docs = run(pipeline, load(path))
    return summarise(scores)


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from entente.pipeline import Pipeline

    path = DEFAULT
    errors = 0
    args = list(argv)
    if "--errors" in args:
        k = args.index("--errors")
        errors = int(args[k + 1])
        del args[k:k + 2]
    if args:
        path = pathlib.Path(args[0])
    pipeline = Pipeline.default()
    t0 = time.perf_counter()
    records = load(path)
    scores, docs = run(pipeline, records)
    dt_ = time.perf_counter() - t0
    for name, value in summarise(scores):
        print(f"{name}\t{value}")
    words = sum(len(r["text"].split()) for r in records)
    print(f"words_per_second\t{words / dt_:.0f}")
    if errors:
        # for the developer's terminal only: never written to a file
        k = 0
        for r, s in zip(records, scores):
            for g in s["missed"][:3]:
                if k >= errors:
                    break
                print("MISSED", repr(g["cue"]["text"] if g.get("cue") else None), "|", g["content"]["text"][:120].replace("\n", " "))
                k += 1
        k = 0
        for r, s in zip(records, scores):
            for p in s["spurious"][:3]:
                if k >= errors:
                    break
                print("SPURIOUS", repr(p["cue"]), repr(p["speaker_text"]), "|", p["text"][:120].replace("\n", " "))
                k += 1
        k = 0
        for r, s in zip(records, scores):
            for g, p in s["wrong"][:3]:
                if k >= errors:
                    break
                print("SPEAKER", repr(g["source"]["text"]), "->", repr(p["speaker_text"]), p["speaker"], "|", p["text"][:80].replace("\n", " "))
                k += 1


if __name__ == "__main__":
    main(sys.argv[1:])
