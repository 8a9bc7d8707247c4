"""Stage: event_dates — each event's own date, from the time expressions around its trigger.

For every event in `analysis.result.events` (trigger token from
`analysis.event_anchor[event.id]`, else from the evidence
offsets), in order of preference:

1. a time expression attached to the trigger in the parse (it hangs from the
   trigger: "met *on Tuesday*", "*Tuesday's* talks");
2. one in the trigger's own clause ("*In December 2025*, X reiterated … during a
   meeting" dates the meeting), or in a non-finite clause around it
   ("committed to deepening … *earlier this month*");
3. one elsewhere in the sentence, weaker when it sits in another finite clause
   ("said *on Friday* that they had agreed" does not date the agreement: skipped);
   one that only modifies a noun ("the *2025* agreement") is not used;
   A date that only modifies the *occasion* of a clause ("responded in a *Jan. 23*
   press briefing") dates that clause; a simple-present complement of a dated
   saying ("said *Tuesday* it rejects …") is dated by the saying; an event whose
   own verb looks ahead ("will", "is likely to be") takes no past date from
   another clause;
4. narrative time: a told event with no date in its sentence continues the
   previous sentence when that one is dated in its main clause, or else takes
   the date of the latest earlier event dated by its own sentence that it
   continues -- two shared participants, its agent among them, within a few
   sentences ("the readout said the two leaders … welcomed …"), or the same kind
   of event named again with a definite noun ("the attack"); type `approximate`,
   with a reason naming that event;
5. else the reference (publication) date with type `reported` and a reason
   that says so; without a reference date, `unresolved`.

Durations and sets never date an event. Nothing here guesses silently: every
date carries the reason it was chosen.

clauses.py reads the parse (how an expression and a trigger are related),
values.py makes the `EventDate`, narrative.py does step 4.
"""
from __future__ import annotations

from dataclasses import dataclass

from entente.analysis import Analysis
from entente.model import EventDate
from entente.sentences import sentence, sentences
from entente.stages.event_dates.clauses import (NONFINITE, OTHER_CLAUSE, SAME_CLAUSE, SENTENCE, future_event,
                                                relate, timex_tokens)
from entente.stages.event_dates.narrative import anchor_ok, carried_forward, inherit
from entente.stages.event_dates.values import fallback, from_timex, not_after, relative_to_event


@dataclass(frozen=True)
class _Choice:
    strength: int
    distance: int
    index: int
    how: str


def _trigger_token(analysis: Analysis, event, triggers: dict):
    """The trigger token: from the events stage's anchor, else from the evidence offsets or words."""
    doc = analysis.doc
    i = triggers.get(event.id)
    if isinstance(i, int) and 0 <= i < len(doc):
        return doc[i]
    ev = event.evidence
    if ev is not None and ev.trigger_start is not None and ev.trigger_end is not None:
        span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    if ev is not None and ev.trigger:
        span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                if t.text == ev.trigger or t.lower_ == ev.trigger.lower():
                    return t
    return None


def date_event(analysis: Analysis, trigger) -> EventDate:
    """The date of the event whose trigger token is `trigger` (steps 1-3 and 5; narrative time needs
    the story's other events: see `run`)."""
    return _date_event(analysis, trigger)[0]


def _date_event(analysis: Analysis, trigger) -> tuple[EventDate, str]:
    """The date and where it came from: "timex" (its own sentence), "carried" (the previous sentence),
    "relative" (ordered against another event), "fallback" (the publication date)."""
    if trigger is None:
        return fallback(analysis, None, "trigger not found in the parse"), "relative"
    doc = analysis.doc
    choices: list[_Choice] = []
    relative_note = ""
    for k, toks in timex_tokens(analysis, sentence(trigger)).items():
        tx = analysis.result.timexes[k]
        if tx.type in ("DURATION", "SET"):
            continue
        if tx.value is None and tx.mod in ("after", "before"):
            note = relative_to_event(analysis, tx, toks, trigger)
            if note is None and relate(doc, trigger, toks)[0] >= NONFINITE:
                note = f"'{tx.text}': {tx.reason}"
            if note:
                relative_note = note
            continue
        if tx.type == "TIME" and "assumed" in tx.reason:
            continue  # a clock time whose day is not stated does not date an event
        strength, how = relate(doc, trigger, toks)
        if strength <= OTHER_CLAUSE:
            continue
        if strength < SAME_CLAUSE and tx.value and not_after(tx.value, analysis.reference) and future_event(trigger):
            continue  # "His remarks, made Tuesday, are likely to be seized on": a past date elsewhere does not date it
        distance = min(abs(trigger.i - i) for i in toks)
        choices.append(_Choice(strength, distance, k, how))
    if choices:
        best = max(choices, key=lambda c: (c.strength, -c.distance, -c.index))
        tx = analysis.result.timexes[best.index]
        date = from_timex(tx, best.how, trigger.text, analysis.reference)
        if best.strength == SENTENCE and date.type == "exact":
            date = date.model_copy(update={"type": "approximate"})
        return date, "timex"
    carried = carried_forward(analysis, trigger)
    if carried is not None and not relative_note:
        return carried, "carried"
    return fallback(analysis, trigger, relative_note), ("relative" if relative_note else "fallback")


def run(analysis: Analysis) -> None:
    events = analysis.result.events
    if not events:
        return
    triggers = analysis.event_anchor
    found = []
    for event in events:
        tok = _trigger_token(analysis, event, triggers)
        date, source = _date_event(analysis, tok)
        event.date = date
        found.append((tok.i if tok is not None else 10 ** 9, event, tok, source))
    if not any(src == "fallback" for *_, src in found):
        return
    sent_index = {s.start: n for n, s in enumerate(sentences(analysis.doc))}
    anchors: list = []  # (event, date, sentence number) of events dated by their own sentence, in text order
    for _i, event, tok, source in sorted(found, key=lambda x: x[0]):
        if source == "fallback":
            inherited = inherit(analysis, event, tok, anchors, sent_index)
            if inherited is not None:
                event.date = inherited
        elif source == "timex" and tok is not None and anchor_ok(event.date, analysis.reference):
            anchors.append((event, event.date, sent_index.get(sentence(tok).start, 0)))
