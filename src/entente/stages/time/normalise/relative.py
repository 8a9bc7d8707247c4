"""Expressions counted from an anchor: the publication date ("next week", "three days ago") or the
date the story named just before ("the following month", "two days later").

Each rule: (groups of the detection rule, Context, Candidate, Lexicon) -> Norm, or None.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon
from entente.stages.time.normalise.calendar_math import point_date, shift, unit_value
from entente.stages.time.normalise.context import NO_REF, Context, Norm, squash

_BEYOND = "beyond the calendar (before year 1 or after 9999)"


def relunit(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"this week", "last month", "the past year", "next quarter"."""
    rel = squash(g["rel"])
    unit = g["u"].lower()
    if rel in ("the past", "the last", "the next", "the coming"):
        if ctx.reference is None:
            return Norm("DATE", None, unit, reason=NO_REF)
        k = -1 if rel in ("the past", "the last") else 1
        value, gran = unit_value(unit, k, ctx.reference)
        return Norm("DATE", value, gran, mod="approximate",
                    reason=f"'{rel} {unit}': the {unit} {'before' if k < 0 else 'after'} publication, read as the "
                           f"{'previous' if k < 0 else 'next'} calendar {unit}")
    k = lex.relative_steps.get(rel, 0)
    if ctx.reference is None:
        return Norm("DATE", None, unit, reason=NO_REF)
    value, gran = unit_value(unit, k, ctx.reference)
    reason = f"'{rel} {unit}' from the publication date"
    if rel in ("the previous", "the following"):
        reason += " (may be relative to the story's own time)"
    return Norm("DATE", value, gran, reason=reason)


def relthe(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the end of the year", "later in the week": the current unit, with its mod."""
    unit = g["u"].lower()
    pre = squash(g["pre"])
    if ctx.reference is None:
        return Norm("DATE", None, unit, reason=NO_REF)
    value, gran = unit_value(unit, 0, ctx.reference)
    return Norm("DATE", value, gran, mod=lex.pre_mods.get(pre), reason=f"'{pre} the {unit}': the current {unit}")


def ago(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"three days ago", "two weeks later", "a year earlier", "days before" (relative to an event)."""
    unit = lex.unit(g["u"]) or "day"
    n = lex.number(g["n"]) if g.get("n") else None
    direction = squash(g["dir"])
    text = c.text
    if direction in ("before", "after"):
        return Norm("DATE", None, unit, mod=direction,
                    reason=f"'{text}' is relative to another event, not to the calendar")
    ref = ctx.reference
    if n is None:
        if direction in ("earlier", "later"):
            since = f" than {ctx.last_point[0]}, the date named before" if ctx.last_point else ""
            return Norm("DATE", None, unit, mod="before" if direction == "earlier" else "after",
                        reason=f"'{text}': some {unit}s {direction}{since}; no calendar value")
        value = "PAST_REF" if direction in ("ago", "back") else "FUTURE_REF"
        return Norm("DATE", value, unit, mod="approximate", reason=f"'{text}': an unstated number of {unit}s")
    if ref is None:
        return Norm("DATE", None, unit, reason=NO_REF)
    sign = -1 if direction in ("ago", "earlier", "back") else 1
    if direction in ("earlier", "later") and unit == "year" and n == 1 and ctx.last_quarter:
        y, q = ctx.last_quarter.split("-Q")
        return Norm("DATE", f"{int(y) + sign}-Q{q}", "quarter", reason=f"a year {direction} than {ctx.last_quarter}")
    if direction == "ago" and unit == "year" and n == 1 and ctx.last_quarter:
        y, q = ctx.last_quarter.split("-Q")
        return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter",
                    reason=f"a year before {ctx.last_quarter}, the quarter in question")
    anchor, anchor_gran, anchor_text = ref, "day", "the publication date"
    if direction in ("earlier", "later") and ctx.last_point:
        anchor_text, anchor_gran = ctx.last_point
        anchor = point_date(anchor_text)
    reason = f"{n:g} {unit}(s) {'before' if sign < 0 else 'after'} {anchor_text}"
    shifted = shift(anchor, n, unit, sign)
    if shifted is None:
        return Norm("DATE", None, unit, reason=f"{reason}: {_BEYOND}")
    value, gran = shifted
    order = {"day": 0, "month": 1, "year": 2}
    if order.get(anchor_gran, 0) > order.get(gran, 0):  # no finer than the anchor
        value, gran = (value[:7], "month") if anchor_gran == "month" else (value[:4], "year")
    if direction in ("earlier", "later") and anchor is ref:
        reason += " (may be counted from the story's own time)"
    mod = "approximate" if " or so" in text.lower() or unit in ("week", "month") and gran == "day" else None
    return Norm("DATE", value, gran, mod=mod, reason=reason)


def vague_ago(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"years ago", "months later": no number."""
    return ago({"u": g["u"], "dir": g["dir"]}, ctx, c, lex)


def _anaphor_value(unit: str, k: int, ctx: Context, text: str) -> Norm:
    """The unit k units from the date the story named just before."""
    gran = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day", "weekend": "week"}.get(unit, unit)
    if not ctx.last_point:
        return Norm("DATE", None, gran, reason=f"'{text}' refers to a time named earlier in the story; none found")
    pv, pg = ctx.last_point
    order = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
    if order.get(pg, 4) > order.get(gran, 4) and pg != "day":
        return Norm("DATE", None, gran, reason=f"'{text}': the time it counts from ({pv}) is coarser than a {gran}")
    anchor = point_date(pv)
    if gran == "day":
        value = (anchor + dt.timedelta(days=k)).isoformat()
    else:
        value, gran = unit_value(gran, k, anchor)
    return Norm("DATE", value, gran, reason=f"'{text}' counted from {pv}, the date named just before")


def anaphor(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the next day", "the following week", "that year"."""
    det = squash(g["det"])
    k = 1 if det in ("the next", "the following", "the very next") else -1 if det in (
        "the previous", "the preceding", "the prior") else 0
    return _anaphor_value(g["u"].lower(), k, ctx, c.text)


def anaphor_ba(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the day before", "the week after"."""
    return _anaphor_value(g["u"].lower(), -1 if g["dir"].lower() == "before" else 1, ctx, c.text)


def refs(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"now", "recently", "the future": relative to the present, no calendar value."""
    value = lex.refs.get(squash(g["ref"]))
    if value is None:
        return None
    return Norm("DATE", value, "unknown", reason="relative to the present, no calendar value")


def adj_ref(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"current", "recent" as adjectives."""
    adj = g["adj"].lower()
    return Norm("DATE", "PRESENT_REF" if adj == "current" else "PAST_REF", "unknown",
                reason=f"'{adj}': relative to the present, no calendar value")
