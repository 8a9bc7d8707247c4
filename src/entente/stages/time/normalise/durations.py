"""Durations ("three days", "for years"), points counted forward from publication ("in six months'
time") and sets ("every Tuesday", "twice a year").

Each rule: (groups of the detection rule, Context, Candidate, Lexicon) -> Norm, or None.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon, Number
from entente.stages.time.normalise.calendar_math import iso_week, shift
from entente.stages.time.normalise.context import NO_REF, Context, Norm, squash
from entente.stages.time.normalise.tense_choice import tense_note


def duration_value(n: Number, unit: str, lex: Lexicon) -> str:
    """P3D, PT2H, PXY (an unstated number)."""
    letter = lex.units.get(unit, "X")
    if unit == "fortnight":
        n = None if n is None else n * 2
    q = "X" if n is None else f"{n:g}"
    return f"PT{q}{letter}" if unit in ("second", "minute", "hour") else f"P{q}{letter}"


def duration(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    unit = lex.unit(g["u"])
    if unit is None:
        return None
    raw = g["n"]
    n = lex.number(raw)
    if n is None and squash(raw) not in lex.vague and not squash(raw).startswith("a "):
        return None
    if "and a half" in c.text.lower() and n is not None and n == int(n):
        n += 0.5
    det = squash(g.get("det") or "")
    reason = "duration" + (f", {det}" if det else "")
    return Norm("DURATION", duration_value(n, unit, lex), "duration", reason=reason)


def vague_dur(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"for years", "in recent months", "the coming weeks"."""
    unit = lex.unit(g["u"]) or "year"
    adj = (g.get("adj") or "").lower()
    if adj == "recent":
        return Norm("DATE", "PAST_REF", unit, reason=f"recent {unit}s: before publication, span unstated")
    if adj in ("coming", "next", "ensuing", "following") and not g.get("few"):
        return Norm("DATE", "FUTURE_REF", unit, reason=f"the coming {unit}s: after publication, span unstated")
    return Norm("DURATION", duration_value(None, unit, lex), "duration", reason=f"an unstated number of {unit}s")


def _ahead(g: dict, ctx: Context, c: Candidate, lex: Lexicon, why: str) -> Optional[Norm]:
    """A point counted forward from publication: "in six months' time", "within three months"."""
    unit = lex.unit(g["u"])
    n = lex.number(g["n"])
    if unit is None or n is None or unit in ("second", "minute", "weekend", "millennium"):
        return None
    if ctx.reference is None:
        return Norm("DATE", None, unit, reason=NO_REF)
    within = squash(g.get("prep") or "") == "within" or c.text.lower().startswith("within")
    reason = f"{n:g} {unit}(s) after the publication date{' at the latest' if within else ''} ({why})"
    shifted = shift(ctx.reference, n, unit, 1)
    if shifted is None:
        return Norm("DATE", None, unit, reason=f"{reason}: beyond the calendar (after 9999)")
    value, gran = shifted
    if unit in ("week", "fortnight") or unit == "day" and n > 3:
        value, gran = value[:7], "month"  # "in two weeks' time": the month it falls in, not a day
        if n <= 3 and unit != "day":
            value, gran = iso_week(dt.date.fromisoformat(shifted[0])), "week"
    return Norm("DATE", value, gran, mod="at_most" if within else "approximate", reason=reason)


def in_time(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    return _ahead(g, ctx, c, lex, "'in … time'")


def in_units(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"in two weeks": a point ahead when the verb looks ahead, else a duration ("grew in two years")."""
    if ctx.tense in ("future", "present", "later") and not ctx.possessive:
        prev = (ctx.prep or "").lower()
        n = _ahead({**g, "prep": prev}, ctx, c, lex, f"'{prev}' with the {tense_note(ctx)}")
        if n is not None:
            return n
    return duration(g, ctx, c, lex)


def set_(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"every Tuesday", "each year"."""
    u = g["u"].lower()
    wd = lex.weekday(u)
    if wd is not None:
        return Norm("SET", f"XXXX-WXX-{wd + 1}", "set", reason=f"every {g['u']}")
    letter = {"morning": "D", "evening": "D", "night": "D"}.get(u) or lex.units.get(u, "X")
    return Norm("SET", f"P1{letter}", "set", reason=f"{g['q'].lower()} {u}")


def freq(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"twice a year", "three times a week"."""
    u = g["u"].lower()
    return Norm("SET", f"P1{lex.units.get(u, 'X')}", "set", reason=f"{squash(g['f'])} a {u}")
