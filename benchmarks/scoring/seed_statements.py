"""Seed story: the four gold quotes (speaker, direct, channel) and the two
agreements (name, parties, status).

A gold quote is found by the predicted statement whose text starts with (or
contains) the gold `text_starts`; its speaker is right when the speaker actor's
name (or the speaker_text) shares a name token with the gold speaker. An
agreement is found by name (normalised: case, "the", the acronym in brackets
and hyphen spacing ignored); its parties must equal the gold set, and its status
the gold status ("framework" and "framework reached" are one).

Run: .venv/bin/python benchmarks/scoring/seed_statements.py
"""
from __future__ import annotations

import json
import pathlib
import re
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "gold" / "seed"


def _tokens(s: str) -> set[str]:
    stop = {"the", "of", "and", "a", "an", "us", "ambassador", "president", "minister", "secretary", "spokesperson",
            "principal", "deputy", "state", "department", "prime"}
    return {w for w in re.findall(r"\w+", (s or "").lower()) if w not in stop and len(w) > 1}


def _norm(name: str) -> str:
    s = re.sub(r"\([^)]*\)", " ", name or "").lower()
    s = re.sub(r"^\s*the\s+", "", s)
    s = re.sub(r"\s*-\s*", "-", s)
    return " ".join(s.split())


def _status(s: str) -> str:
    s = (s or "").lower().strip()
    return {"framework": "framework reached"}.get(s, s)


def score(doc: dict, gold: dict) -> list[tuple[str, float | str]]:
    actors = {a["id"]: a for a in doc.get("actors", [])}
    stmts = doc.get("statements", [])
    q_found = q_speaker = q_direct = q_channel = q_channel_total = 0
    for g in gold["quotes"]:
        start = g["text_starts"].lower()
        cands = [s for s in stmts if s["text"].lower().startswith(start)] or [s for s in stmts if start in s["text"].lower()]
        if not cands:
            continue
        s = cands[0]
        q_found += 1
        names = [s.get("speaker_text") or ""]
        if s.get("speaker") in actors:
            names.append(actors[s["speaker"]]["name"])
        if any(_tokens(n) & _tokens(g["speaker"]) for n in names):
            q_speaker += 1
        if bool(s["direct"]) == bool(g["direct"]):
            q_direct += 1
        if g.get("channel"):
            q_channel_total += 1
            if (s.get("channel") or "").lower() == g["channel"].lower():
                q_channel += 1
    a_found = a_parties = a_status = 0
    preds = doc.get("agreements", [])
    for g in gold["agreements"]:
        m = [a for a in preds if _norm(a["name"]) == _norm(g["name"])]
        if not m:
            continue
        a = m[0]
        a_found += 1
        a_parties += sorted(a["parties"]) == sorted(g["parties"])
        a_status += _status(a["status"]) == _status(g["status"])
    nq, na = len(gold["quotes"]), len(gold["agreements"])
    return [
        ("quotes_found", f"{q_found}/{nq}"), ("quote_speakers_right", f"{q_speaker}/{nq}"),
        ("quote_direct_right", f"{q_direct}/{nq}"), ("quote_channels_right", f"{q_channel}/{q_channel_total}"),
        ("statements_predicted", len(stmts)),
        ("agreements_found", f"{a_found}/{na}"), ("agreement_parties_right", f"{a_parties}/{na}"),
        ("agreement_status_right", f"{a_status}/{na}"), ("agreements_predicted", len(preds)),
    ]


def evaluate(pipeline) -> list[tuple[str, float | str]]:
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    text = (SEED / gold["document"]["file"]).read_text(encoding="utf-8")
    doc = pipeline.extract(text, published=gold["document"]["published"]).model_dump()
    return score(doc, gold)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    from entente.pipeline import Pipeline

    for k, v in evaluate(Pipeline.default()):
        print(f"{k}\t{v}")
