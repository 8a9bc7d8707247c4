"""Stage: time — every time expression, normalised against the reference date.

detect.py finds candidates (rules over the text), tense.py reads the tense of
the governing verb from the parse, normalise/ computes the value, dateline.py
reads a dateline when the story came without a publication date. The words they
read are `ontology/data/en/time.yaml`.

Writes `analysis.result.timexes` (text order), `analysis.token_timex` and
`analysis.dateline` (the dateline found, if any).
"""
from __future__ import annotations

import re
from dataclasses import replace

from entente.analysis import Analysis
from entente.model import Timex
from entente.ontology import language
from entente.stages.time import dateline, detect, tense
from entente.stages.time.normalise import Context, Normaliser

POINT_REACH = 300  # characters within which "two days later" counts from the date just named
QUARTER_REACH = 600  # characters within which "a year earlier" may refer to the quarter just named

_NOT_YEAR_AFTER = {"NNS"}
_POINT = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def _plausible(c: detect.Candidate, span) -> bool:
    doc = span.doc
    if c.rule == "year" and not (c.groups.get("pre") or c.groups.get("fiscal")):
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.tag_ in _NOT_YEAR_AFTER and nxt.lower_ not in language.words(
                "time", "plurals_after_a_year"):
            return False
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in language.words("time", "number_labels"):
            return False
    return True


def _preposition(span):
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.lower_
    if span.start > 0 and span.doc[span.start - 1].tag_ == "IN":
        return span.doc[span.start - 1].lower_
    return None


def _rate(n, c: detect.Candidate, span):
    """'$116 million a year', 'twice a week': a rate (SET), not a duration."""
    if c.rule != "duration" or c.groups.get("n", "").lower() not in ("a", "an") or span.start == 0:
        return n
    prev = span.doc[span.start - 1]
    if prev.like_num or prev.lower_ in language.words("time", "rate_quantities") or prev.is_currency:
        return replace(n, type="SET", granularity="set", reason="a rate ('… a year')")
    return n


def _speech_verb_before(span):
    """ "X said Tuesday", "announced on Friday": the past verb just before is the one that governs it."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in ("on", "last"):
        i -= 1
    if i >= 0 and doc[i].tag_ == "VBD" and doc[i].pos_ == "VERB":
        return doc[i]
    return None


def _coordinated_year(found: list, k: int, text: str):
    """'April and May 2019': a bare month takes the year of the month it is coordinated with."""
    c = found[k]
    if c.rule != "m" or k + 1 >= len(found):
        return None
    nxt = found[k + 1]
    between = text[c.end:nxt.start].strip().lower()
    if nxt.rule in ("my", "mdy") and between in ("and", "or", "to", "-", "–", "through", ","):
        return nxt.groups.get("y")
    return None


def run(analysis: Analysis) -> None:
    doc = analysis.doc
    text = analysis.story.text if analysis.story is not None else doc.text
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text):
        text = doc.text  # the parse was made from another string: offsets follow the parse
    found = dateline.find(text)
    analysis.dateline = found
    if found is not None and analysis.reference is None and found.date is not None:
        analysis.reference = found.date
        analysis.result.published = found.date.isoformat()
        analysis.result.published_source = "dateline"
    normaliser = Normaliser()
    last_quarter, last_quarter_at = None, -10 ** 9
    last_point, last_point_at = None, -10 ** 9
    timexes: list[Timex] = []
    candidates = detect.find(text)
    for k_found, c in enumerate(candidates):
        year = _coordinated_year(candidates, k_found, text)
        if year:
            c = detect.Candidate("my", c.start, c.end, c.text, {**c.groups, "y": year})
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) == 0 or not _plausible(c, span):
            continue
        verb = _speech_verb_before(span) or tense.governing_verb(span)
        ctx = Context(
            possessive=span[-1].i + 1 < len(doc) and doc[span[-1].i + 1].tag_ == "POS",
            reference=analysis.reference,
            tense=tense.verb_tense(verb) if verb is not None else None,
            verb=verb.text if verb is not None else None,
            prep=_preposition(span),
            last_point=last_point if last_point and c.start - last_point_at <= POINT_REACH else None,
            last_quarter=last_quarter if c.start - last_quarter_at <= QUARTER_REACH else None,
        )
        n = normaliser(c, ctx)
        if n is None:
            continue
        n = _rate(n, c, span)
        k = len(timexes)
        timexes.append(Timex(text=c.text, start=c.start, end=c.end, type=n.type, value=n.value,
                             granularity=n.granularity, mod=n.mod, reason=n.reason))
        for t in span:
            analysis.token_timex.setdefault(t.i, k)
        if n.type == "DATE" and n.value and _POINT.fullmatch(n.value) and n.granularity in ("day", "month", "year"):
            last_point, last_point_at = (n.value, n.granularity), c.start
        if c.rule in ("quarter", "qshort") and n.value and len(n.value) == 7 and n.value[5] == "Q" \
                and c.groups.get("q", "").lower() not in ("year-ago", "year-earlier"):
            last_quarter, last_quarter_at = n.value, c.start
    analysis.result.timexes = timexes
