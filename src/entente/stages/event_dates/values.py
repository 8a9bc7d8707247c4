"""The `EventDate` an event gets: from a time expression, or the publication date as a bound."""
from __future__ import annotations

import re
from typing import Optional

from entente.analysis import Analysis
from entente.doc_cache import subtree_ids
from entente.model import EventDate, Timex
from entente.stages.event_dates.clauses import aspect, clause_head

_APPROX_MODS = frozenset({"approximate", "start", "mid", "end", "more_than", "less_than", "at_least", "at_most"})
_COARSE = frozenset({"season", "decade", "century", "half"})
_POINT_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def not_after(value: str, reference) -> bool:
    """Is a calendar value not later than the publication date?"""
    if reference is None or not _POINT_VALUE.fullmatch(value):
        return bool(_POINT_VALUE.match(value)) and "W" in value  # a week: allowed; anything else: no
    return value <= reference.isoformat()[:len(value)]


def relative_to_event(analysis: Analysis, timex: Timex, toks: list[int], trigger) -> Optional[str]:
    """'days after X': is the event X itself (inside the after-phrase)? Then say how it relates."""
    doc = analysis.doc
    preps = [doc[i] for i in toks if doc[i].lower_ in ("after", "before")]
    if not preps:
        return None
    prep = preps[0]
    if prep.dep_ == "mark":        # "comes days after [India announced …]"
        scope, main = prep.head, clause_head(prep.head.head)
    else:                          # "two days after [the vote]"
        scope, main = prep, clause_head(prep.head)
    if trigger.i in subtree_ids(scope) and not (min(toks) <= trigger.i <= max(toks)):
        order = "before" if prep.lower_ == "after" else "after"
        return f"'{timex.text}': the event came {order} '{main.text}'"
    return None


def from_timex(timex: Timex, how: str, trigger_text: str, reference) -> EventDate:
    """The event's date from a time expression; `how` says how the expression relates to the trigger."""
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


def fallback(analysis: Analysis, trigger, note: str = "") -> EventDate:
    """No time expression dates the event: the publication date as a bound, flagged `reported`."""
    ref = analysis.reference
    own = aspect(trigger) if trigger is not None else ""
    extra = "; ".join(x for x in (note, own) if x)
    extra = f" ({extra})" if extra else ""
    if ref is None:
        return EventDate(type="unresolved",
                         reason=f"no time expression and no publication date{extra}")
    if own == "future or intended":
        return EventDate(value=ref.isoformat(), granularity="day", type="reported",
                         reason=f"no time expression; publication date used as lower bound{extra}")
    return EventDate(value=ref.isoformat(), granularity="day", type="reported",
                     reason=f"no time expression; publication date used as upper bound{extra}")
