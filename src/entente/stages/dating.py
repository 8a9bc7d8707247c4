"""Stage: dating — each event's own date, from the time expressions around its trigger.

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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from entente.analysis import Analysis
from entente.model import EventDate, Timex
from entente.sentences import sentence

_VERBAL = {"VERB", "AUX"}
_NP_MOD_DEPS = {"compound", "nummod", "amod", "poss", "nmod", "det", "quantmod"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"}
_APPROX_MODS = {"approximate", "start", "mid", "end", "more_than", "less_than", "at_least", "at_most"}
_COARSE = {"season", "decade", "century", "half"}

ATTACHED, SAME_CLAUSE, NONFINITE, SENTENCE, OTHER_CLAUSE = 5, 4, 3, 2, 1


@dataclass(frozen=True)
class _Choice:
    strength: int
    distance: int
    index: int
    how: str


def _clause_head(tok):
    """The nearest verb at or above a token (the head of its clause)."""
    t = tok
    for _ in range(12):
        if t.pos_ in _VERBAL:
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _ancestors(tok, limit: int = 16):
    t = tok
    for _ in range(limit):
        if t.head.i == t.i:
            return
        t = t.head
        yield t


def _is_finite(verb) -> bool:
    if verb.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)


def _finite_clause_between(low, high, allow_present: bool = False) -> bool:
    """Does the path from `low` up to its ancestor `high` enter a finite clause of its own? With
    `allow_present`, simple-present clauses do not count ("said on Friday it *rejects* …": the saying
    is the event's time)."""
    t = low
    for _ in range(16):
        if t.i == high.i or t.head.i == t.i:
            return False
        if t.pos_ in _VERBAL and t.dep_ in _CLAUSE_DEPS and _is_finite(t):
            if not (allow_present and _simple_present(t)):
                return True
        t = t.head
    return False


def _simple_present(verb) -> bool:
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


_SPEECH = {"say", "tell", "announce", "state", "assert", "insist", "respond", "reply", "add", "declare",
           "write", "confirm", "deny", "reiterate", "stress", "argue", "note"}
# occasions a saying or a meeting takes place at: "responded in a Jan. 23 press briefing"
_OCCASIONS = {"briefing", "report", "statement", "interview", "speech", "address", "post", "conference",
              "session", "hearing", "meeting", "call", "letter", "message", "broadcast", "summit", "visit"}


_ORDER_WORDS = {"after", "before", "since", "until", "following", "ahead"}


def _order_word_between(low, high) -> bool:
    """Does the path from the event up to the dated clause pass through 'after', 'before', …?"""
    t = low
    for _ in range(16):
        if t.i == high.i or t.head.i == t.i:
            return False
        if t.lower_ in _ORDER_WORDS or any(c.dep_ in ("mark", "prep") and c.lower_ in _ORDER_WORDS
                                           for c in t.children if c.i < t.i and c.head.i == t.i and t.pos_ in _VERBAL):
            return True
        t = t.head
    return False


def _timex_tokens(analysis: Analysis, sent) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for t in sent:
        k = analysis.token_timex.get(t.i)
        if k is not None:
            out.setdefault(k, []).append(t.i)
    return out


def _relate(doc, trigger, toks: list[int]) -> tuple[int, str]:
    span = doc[min(toks):max(toks) + 1]
    if span.start <= trigger.i < span.end:
        return ATTACHED, "contains the trigger"
    root = span.root
    # 1. hangs from the trigger, through prepositions and noun modifiers only
    t = root
    for _ in range(6):
        if t.head.i == t.i:
            break
        t = t.head
        if t.i == trigger.i:
            return ATTACHED, "attached to the trigger"
        if t.pos_ in _VERBAL or t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("pobj",):
            break
    # a modifier of some other noun ("the 2025 agreement"): not the event's date -- unless that noun is
    # the occasion of a clause ("responded in a Jan. 23 press briefing"): then it dates that clause
    occasion = ""
    if root.dep_ in _NP_MOD_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != trigger.i:
        occ = root.head
        if occ.lemma_.lower() in _OCCASIONS and occ.dep_ == "pobj" and occ.head.lower_ in ("in", "at", "during") \
                and occ.head.head.pos_ in _VERBAL:
            root, occasion = occ.head, f" (the date of the {occ.lemma_.lower()})"
        else:
            return 0, "modifies another noun"
    timex_clause = _clause_head(root.head if root.head.i != root.i else root)
    trigger_clause = _clause_head(trigger)
    if timex_clause.i == trigger_clause.i:
        return SAME_CLAUSE, f"in the clause of '{trigger_clause.text}'{occasion}"
    if timex_clause.i in {t.i for t in _ancestors(trigger)}:
        if _order_word_between(trigger, timex_clause):
            return OTHER_CLAUSE, f"in the clause of '{timex_clause.text}', ordered against the event ('after', 'before')"
        if _finite_clause_between(trigger, timex_clause):
            if timex_clause.lemma_ in _SPEECH and _is_past(timex_clause) \
                    and not _finite_clause_between(trigger, timex_clause, allow_present=True):
                return NONFINITE, (f"in the clause of '{timex_clause.text}'{occasion}, whose simple-present "
                                   f"complement the saying dates")
            return OTHER_CLAUSE, f"in the clause of '{timex_clause.text}', above the event's own finite clause"
        return NONFINITE, f"in the clause of '{timex_clause.text}'{occasion}, which governs the event"
    if trigger_clause.i in {t.i for t in _ancestors(timex_clause)}:
        return OTHER_CLAUSE, f"in a clause below the event's ('{timex_clause.text}')"
    return SENTENCE, "elsewhere in the sentence"


def _relative_to_event(analysis: Analysis, timex: Timex, toks: list[int], trigger) -> Optional[str]:
    """'days after X': is the event X itself (inside the after-phrase)? Then say how it relates."""
    doc = analysis.doc
    preps = [doc[i] for i in toks if doc[i].lower_ in ("after", "before")]
    if not preps:
        return None
    prep = preps[0]
    if prep.dep_ == "mark":        # "comes days after [India announced …]"
        scope, main = prep.head, _clause_head(prep.head.head)
    else:                          # "two days after [the vote]"
        scope, main = prep, _clause_head(prep.head)
    if trigger.i in {t.i for t in scope.subtree} and not (min(toks) <= trigger.i <= max(toks)):
        order = "before" if prep.lower_ == "after" else "after"
        return f"'{timex.text}': the event came {order} '{main.text}'"
    return None


def _from_timex(timex: Timex, how: str, trigger_text: str, reference) -> EventDate:
    value = timex.value
    base = f"time expression '{timex.text}' {how} (trigger '{trigger_text}'); {timex.reason}".strip()
    if value in ("PRESENT_REF",):
        if reference is not None:
            return EventDate(value=reference.isoformat(), granularity="day", type="approximate", text=timex.text,
                             reason=f"{base}; the present: publication date")
        return EventDate(type="unresolved", text=timex.text, reason=f"{base}; no publication date")
    if value == "PAST_REF":
        if reference is not None:
            return EventDate(value=reference.isoformat(), granularity="day", type="reported", text=timex.text,
                             reason=f"{base}; before publication: publication date used as upper bound")
        return EventDate(type="unresolved", text=timex.text, reason=f"{base}; no publication date")
    if value == "FUTURE_REF" or value is None:
        return EventDate(type="unresolved", text=timex.text, granularity=timex.granularity, reason=base)
    if "/" in value:
        start, end = value.split("/", 1)
        return EventDate(value=start, end=end, granularity=timex.granularity, type="range", text=timex.text, reason=base)
    kind = "approximate" if (timex.mod in _APPROX_MODS or timex.granularity in _COARSE) else "exact"
    return EventDate(value=value, granularity=timex.granularity, type=kind, text=timex.text, reason=base)


def _aspect(trigger) -> str:
    verb = _clause_head(trigger)
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes or "'d" in auxes and verb.tag_ == "VBN":
        return "past perfect: earlier than the story's own time"
    if auxes & {"will", "'ll", "shall", "wo"} or any(c.lower_ == "to" for c in verb.children) and verb.tag_ == "VB" \
            or _future_event(trigger):
        return "future or intended"
    return ""


def _fallback(analysis: Analysis, trigger, note: str = "") -> EventDate:
    ref = analysis.reference
    aspect = _aspect(trigger) if trigger is not None else ""
    extra = "; ".join(x for x in (note, aspect) if x)
    extra = f" ({extra})" if extra else ""
    if ref is None:
        return EventDate(type="unresolved",
                         reason=f"no time expression and no publication date{extra}")
    if aspect == "future or intended":
        return EventDate(value=ref.isoformat(), granularity="day", type="reported",
                         reason=f"no time expression; publication date used as lower bound{extra}")
    return EventDate(value=ref.isoformat(), granularity="day", type="reported",
                     reason=f"no time expression; publication date used as upper bound{extra}")


def _trigger_token(analysis: Analysis, event, triggers: dict):
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
    return _date_event(analysis, trigger)[0]


def _date_event(analysis: Analysis, trigger) -> tuple[EventDate, str]:
    """The date and where it came from: "timex" (its own sentence), "carried" (the previous sentence),
    "relative" (ordered against another event), "fallback" (the publication date)."""
    if trigger is None:
        return _fallback(analysis, None, "trigger not found in the parse"), "relative"
    doc = analysis.doc
    choices: list[_Choice] = []
    relative_note = ""
    for k, toks in _timex_tokens(analysis, sentence(trigger)).items():
        tx = analysis.result.timexes[k]
        if tx.type in ("DURATION", "SET"):
            continue
        if tx.value is None and tx.mod in ("after", "before"):
            note = _relative_to_event(analysis, tx, toks, trigger)
            if note is None and _relate(doc, trigger, toks)[0] >= NONFINITE:
                note = f"'{tx.text}': {tx.reason}"
            if note:
                relative_note = note
            continue
        if tx.type == "TIME" and "assumed" in tx.reason:
            continue  # a clock time whose day is not stated does not date an event
        strength, how = _relate(doc, trigger, toks)
        if strength <= OTHER_CLAUSE:
            continue
        if strength < SAME_CLAUSE and tx.value and _not_after(tx.value, analysis.reference) and _future_event(trigger):
            continue  # "His remarks, made Tuesday, are likely to be seized on": a past date elsewhere does not date it
        distance = min(abs(trigger.i - i) for i in toks)
        choices.append(_Choice(strength, distance, k, how))
    if choices:
        best = max(choices, key=lambda c: (c.strength, -c.distance, -c.index))
        tx = analysis.result.timexes[best.index]
        date = _from_timex(tx, best.how, trigger.text, analysis.reference)
        if best.strength == SENTENCE and date.type == "exact":
            date = date.model_copy(update={"type": "approximate"})
        return date, "timex"
    carried = _carried_forward(analysis, trigger)
    if carried is not None and not relative_note:
        return carried, "carried"
    return _fallback(analysis, trigger, relative_note), ("relative" if relative_note else "fallback")


_LOOKING_AHEAD = {"likely", "set", "due", "poised", "expected", "scheduled", "slated", "about", "unlikely"}


def _future_event(trigger) -> bool:
    """The event's own clause looks ahead: "will withdraw", "are likely to be seized on", "is expected to
    meet" -- the future marked on the event's own verb, not a governing verb with a subject of its own
    ("Pakistan expects the government to deny …" is a demand made when it was said)."""
    head = _clause_head(trigger)
    if head.pos_ not in _VERBAL:
        return False
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "'ll", "shall", "wo"}:
        return True
    if "to" in auxes and head.dep_ == "xcomp" and head.head.lower_ in _LOOKING_AHEAD:
        gov = head.head
        return gov.pos_ == "ADJ" or gov.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in gov.children)
    return False


def _is_past(verb) -> bool:
    """Simple past or past perfect (not the present perfect: "have repeatedly called for")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not any(a.lower_ in ("has", "have", "'ve") for a in auxes)
    return verb.tag_ in ("VBN", "VBG") and any(a.tag_ == "VBD" for a in auxes) and \
        not any(a.lower_ in ("has", "have", "'ve") for a in auxes)


_QUOTES = "\"“”"


def _in_quote(trigger) -> bool:
    sent = sentence(trigger)
    before = trigger.doc.text[sent.start_char:trigger.idx]
    return sum(before.count(q) for q in _QUOTES) % 2 == 1 or before.lstrip().startswith(tuple(_QUOTES))


def _carried_forward(analysis: Analysis, trigger) -> Optional[EventDate]:
    """A past-tense event whose sentence has no date continues the previous sentence's narrative
    when that sentence (same paragraph) is dated in its main clause: "In December 2025, X had
    reiterated … . Describing the grouping as …, he highlighted …"."""
    doc = analysis.doc
    sent = sentence(trigger)
    if sent.start == 0:
        return None
    prev = sentence(doc[sent.start - 1])
    if "\n" in doc.text[prev.end_char:sent.start_char] or "\n" in sent.text[: max(0, trigger.idx - sent.start_char)]:
        return None
    if not _is_past(_clause_head(trigger)) or not _is_past(prev.root) or _in_quote(trigger):
        return None
    if any(analysis.result.timexes[k].type in ("DATE", "TIME") for k in _timex_tokens(analysis, sent)):
        return None  # its own sentence has a date, only not for this event
    for k, toks in _timex_tokens(analysis, prev).items():
        tx = analysis.result.timexes[k]
        if tx.type not in ("DATE", "TIME") or not tx.value or tx.value.endswith("_REF"):
            continue
        strength, _ = _relate(doc, prev.root, toks)
        if strength >= SAME_CLAUSE:
            date = _from_timex(tx, "dates the previous sentence's main clause", trigger.text, analysis.reference)
            kind = "range" if date.type == "range" else "approximate"
            return date.model_copy(update={
                "type": kind,
                "reason": f"no time expression in its sentence; narrative time carried forward from the previous "
                          f"sentence: {date.reason}"})
    return None


NARRATIVE_SENTENCES = 4  # how far back (in sentences) an event may take its date from one with the same participants
_DEFINITE = {"the", "this", "that", "these", "those"}
_POINT_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def _not_after(value: str, reference) -> bool:
    if reference is None or not _POINT_VALUE.fullmatch(value):
        return bool(_POINT_VALUE.match(value)) and "W" in value  # a week: allowed; anything else: no
    return value <= reference.isoformat()[:len(value)]


def _anchor_ok(date: EventDate, reference) -> bool:
    return date.type in ("exact", "approximate", "range") and bool(date.value) and _not_after(date.value, reference)


def _definite_noun(trigger) -> bool:
    """"the attack", "Tuesday's talks", "this meeting": a noun that refers back to an event already told."""
    if trigger.pos_ != "NOUN" or trigger.tag_ == "NNS":
        return False
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE or c.dep_ == "poss" for c in trigger.children)


def _story_past(trigger) -> bool:
    """A told (simple past) event, outside quotes: the kind that continues the story's narrative."""
    if _in_quote(trigger):
        return False
    if trigger.pos_ in _VERBAL:
        return _is_past(trigger) or trigger.tag_ == "VBN" and trigger.dep_ in ("conj",) and _is_past(trigger.head)
    head = _clause_head(trigger)
    return head.pos_ in _VERBAL and _is_past(head)


def _inherit(analysis: Analysis, event, trigger, anchors: list, sent_index: dict) -> Optional[EventDate]:
    """Narrative time: an undated told event takes the date of the latest earlier dated event of the
    story that it continues -- the same participants (at least two shared, its agent among them, a few
    sentences back: "the readout said the two leaders discussed …, welcomed …"), or the same kind of
    event named again with a definite noun ("the attack" after "militants attacked a train Tuesday").
    Only events dated by a time expression of their own sentence lend their date (not carried ones)."""
    if trigger is None or not anchors:
        return None
    sent = sentence(trigger)
    if any(analysis.result.timexes[k].type in ("DATE", "TIME") for k in _timex_tokens(analysis, sent)):
        return None  # its sentence has a date, only not for this event
    here = sent_index.get(sent.start, 0)
    definite = _definite_noun(trigger)
    if not definite and not _story_past(trigger):
        return None
    if not definite and _aspect(trigger):
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
    sent_index = {s.start: n for n, s in enumerate(analysis.doc.sents)}
    anchors: list = []  # (event, date, sentence number) of events dated by their own sentence, in text order
    for _i, event, tok, source in sorted(found, key=lambda x: x[0]):
        if source == "fallback":
            inherited = _inherit(analysis, event, tok, anchors, sent_index)
            if inherited is not None:
                event.date = inherited
        elif source == "timex" and tok is not None and _anchor_ok(event.date, analysis.reference):
            anchors.append((event, event.date, sent_index.get(sentence(tok).start, 0)))
