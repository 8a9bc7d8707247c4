"""One event per real event in a story, and a confidence that ranks precision.

Two same-type events merge when they are in the same sentence with compatible actors
(a verb and its nominal echo: "killed … in a bombing"), or when a later sentence restates
an earlier one with the same participants and no conflicting time expression ("the
talks" told again through the readout's "discussed").
"""
from __future__ import annotations

from entente.analysis import Analysis


# Types a bare trigger word names reliably in news prose ("accused", "rejected", "killed",
# "met"), and types whose bare trigger words are often weak senses or non-events ("offer",
# "welcome", "aid", "threat") -- from the hand audit of VOA stories (samples 1-2).
STRONG_TYPES = {"ACCUSE", "REJECT", "ASSAULT", "CONSULT", "COERCE"}
WEAK_TYPES = {"AGREE", "SUPPORT", "AID", "THREATEN", "PROTEST", "COOPERATE", "RETREAT", "SANCTION"}


def confidence(f: dict) -> float:
    s = 0.5
    t = f.get("type")
    if t in STRONG_TYPES:
        s += 0.04
    elif t in WEAK_TYPES and f["source"] in ("verb", "noun", "pattern"):
        s -= 0.06
    s += 0.15 if f["curated"] else -0.1
    if f["source"] in ("verb_object", "particle", "light"):
        s += 0.08
    if f["nominal"]:
        s -= 0.12
    s += 0.1 if f["actors"] else -0.1
    s += 0.08 if f["recipients"] else -0.04
    if not f["actors"] and not f["recipients"]:
        s -= 0.05   # no participant at all: often a generic mention
    if f["depth"] == 0:
        s += 0.05
    if f["finite_sub"]:
        s -= 0.1
    if f.get("promoted"):
        s -= 0.15
    if f["factuality"] in ("hypothetical",):
        s -= 0.05
    return round(max(0.05, min(0.97, s)), 3)


def _participants(ev) -> frozenset:
    return frozenset(ev.actors) | frozenset(ev.recipients)


def _sentence_timex_values(analysis: Analysis, ev) -> set:
    out = set()
    for tx in analysis.result.timexes:
        if ev.evidence.start <= tx.start < ev.evidence.end and tx.value:
            out.add(tx.value)
    return out


def merge_events(analysis: Analysis, found):
    kept = []
    merged: dict[str, str] = {}
    for ev, i, f in found:
        target = None
        for k in kept:
            kev = k[0]
            if kev.type != ev.type:
                continue
            same_sentence = kev.evidence.start == ev.evidence.start
            pa, pb = _participants(kev), _participants(ev)
            if same_sentence:
                if not set(kev.actors) or not set(ev.actors) or set(kev.actors) & set(ev.actors):
                    target = k
                    break
            elif pa and pa == pb and (kev.factuality == "negated") == (ev.factuality == "negated") and \
                    (ev.type == "CONSULT" or f.get("key") == k[2].get("key")):
                # a meeting between the same parties told twice is one meeting; other
                # events merge only when they restate the same act on the same object
                ta, tb = _sentence_timex_values(analysis, kev), _sentence_timex_values(analysis, ev)
                if ta and tb and not (ta & tb):
                    continue
                target = k
                break
        if target is None:
            kept.append((ev, i, f))
            continue
        kev = target[0]
        merged[ev.id] = kev.id
        for a in ev.actors:
            if a not in kev.actors and a not in kev.recipients:
                kev.actors.append(a)
        for r in ev.recipients:
            if r not in kev.recipients and r not in kev.actors:
                kev.recipients.append(r)
        if kev.location is None and ev.location is not None:
            kev.location = ev.location
        for tp in ev.topics:
            if tp not in kev.topics:
                kev.topics.append(tp)
        kev.confidence = round(min(0.97, max(kev.confidence, ev.confidence) + 0.03), 3)
    return [k[0] for k in kept], merged
