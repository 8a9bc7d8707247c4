"""Narrative time: an event with no date in its sentence continues the story told before it.

`carried_forward`: the previous sentence, dated in its main clause, dates a past event that follows
it. `inherit`: the latest earlier event dated by its own sentence lends its date to an event with the
same participants, or to the same kind of event named again with a definite noun ("the attack").
"""
from __future__ import annotations

from typing import Optional

from entente import doc_cache
from entente.analysis import Analysis
from entente.model import EventDate
from entente.ontology import language
from entente.sentences import sentence
from entente.stages.event_dates.clauses import (SAME_CLAUSE, VERBAL, aspect, clause_head, in_quote, is_past,
                                                relate, timex_tokens)
from entente.stages.event_dates.values import from_timex, not_after

NARRATIVE_SENTENCES = 4  # how far back (in sentences) an event may take its date from one with the same participants


def carried_forward(analysis: Analysis, trigger) -> Optional[EventDate]:
    """A past-tense event whose sentence has no date continues the previous sentence's narrative
    when that sentence (same paragraph) is dated in its main clause: "In December 2025, X had
    reiterated … . Describing the grouping as …, he highlighted …"."""
    doc = analysis.doc
    sent = sentence(trigger)
    if sent.start == 0:
        return None
    prev = sentence(doc[sent.start - 1])
    text = doc_cache.text(doc)
    if "\n" in text[prev.end_char:sent.start_char] or "\n" in text[sent.start_char:max(sent.start_char, trigger.idx)]:
        return None
    if not is_past(clause_head(trigger)) or not is_past(prev.root) or in_quote(trigger):
        return None
    if any(analysis.result.timexes[k].type in ("DATE", "TIME") for k in timex_tokens(analysis, sent)):
        return None  # its own sentence has a date, only not for this event
    for k, toks in timex_tokens(analysis, prev).items():
        tx = analysis.result.timexes[k]
        if tx.type not in ("DATE", "TIME") or not tx.value or tx.value.endswith("_REF"):
            continue
        strength, _ = relate(doc, prev.root, toks)
        if strength >= SAME_CLAUSE:
            date = from_timex(tx, "dates the previous sentence's main clause", trigger.text, analysis.reference)
            kind = "range" if date.type == "range" else "approximate"
            return date.model_copy(update={
                "type": kind,
                "reason": f"no time expression in its sentence; narrative time carried forward from the previous "
                          f"sentence: {date.reason}"})
    return None


def anchor_ok(date: EventDate, reference) -> bool:
    """Can this event's date be lent to later events (a calendar date, not after publication)?"""
    return date.type in ("exact", "approximate", "range") and bool(date.value) and not_after(date.value, reference)


def _definite_noun(trigger) -> bool:
    """"the attack", "Tuesday's talks", "this meeting": a noun that refers back to an event already told."""
    if trigger.pos_ != "NOUN" or trigger.tag_ == "NNS":
        return False
    return any(c.dep_ == "det" and c.lower_ in language.words("time", "definite_determiners") or c.dep_ == "poss" for c in trigger.children)


def _story_past(trigger) -> bool:
    """A told (simple past) event, outside quotes: the kind that continues the story's narrative."""
    if in_quote(trigger):
        return False
    if trigger.pos_ in VERBAL:
        return is_past(trigger) or trigger.tag_ == "VBN" and trigger.dep_ in ("conj",) and is_past(trigger.head)
    head = clause_head(trigger)
    return head.pos_ in VERBAL and is_past(head)


def inherit(analysis: Analysis, event, trigger, anchors: list, sent_index: dict) -> Optional[EventDate]:
    """Narrative time: an undated told event takes the date of the latest earlier dated event of the
    story that it continues -- the same participants (at least two shared, its agent among them, a few
    sentences back: "the readout said the two leaders discussed …, welcomed …"), or the same kind of
    event named again with a definite noun ("the attack" after "militants attacked a train Tuesday").
    Only events dated by a time expression of their own sentence lend their date (not carried ones)."""
    if trigger is None or not anchors:
        return None
    sent = sentence(trigger)
    if any(analysis.result.timexes[k].type in ("DATE", "TIME") for k in timex_tokens(analysis, sent)):
        return None  # its sentence has a date, only not for this event
    here = sent_index.get(sent.start, 0)
    definite = _definite_noun(trigger)
    if not definite and not _story_past(trigger):
        return None
    if not definite and aspect(trigger):
        return None  # past perfect, future or intended (a definite noun names its event whatever the clause)
    mine = set(event.actors) | set(event.recipients)
    agents = set(event.actors)
    for a_event, a_date, a_sent in reversed(anchors):
        if a_sent > here:
            continue
        if definite and a_event.type == event.type:
            why = f"the definite '{trigger.text}' names again the earlier {event.type} event '{a_event.evidence.trigger}'"
        elif here - a_sent <= NARRATIVE_SENTENCES and len(mine) >= 2:
            theirs = set(a_event.actors) | set(a_event.recipients)
            if len(mine & theirs) >= 2 and agents & theirs:
                why = f"it shares its participants with the earlier event '{a_event.evidence.trigger}'"
            else:
                continue
        else:
            continue
        kind = "range" if a_date.type == "range" else "approximate"
        return a_date.model_copy(update={
            "type": kind,
            "reason": f"no time expression in its sentence; narrative time: {why} "
                      f"(sentence {a_sent + 1}), dated {a_date.value}"
                      f"{'/' + a_date.end if a_date.end else ''} by '{a_date.text or '?'}'"})
    return None
