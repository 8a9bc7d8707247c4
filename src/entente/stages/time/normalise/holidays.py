"""Holidays: fixed dates ("Christmas Eve"), dates counted from Easter or by weekday ("Thanksgiving"),
and those that need a lunar calendar or a country to date ("Ramadan", "Independence Day").
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon
from entente.stages.time.normalise.calendar_math import after_easter, nth_weekday
from entente.stages.time.normalise.context import NO_REF, Context, Norm, squash
from entente.stages.time.normalise.tense_choice import TENSE_PENALTY_DAYS, tense_note


def holiday_date(name: str, year: int, lex: Lexicon) -> Optional[dt.date]:
    """The holiday's date in a year, or None when it cannot be computed."""
    h = lex.holidays
    if name in h["fixed"]:
        m, d = h["fixed"][name]
        return dt.date(year, m, d)
    if name in h["after_easter"]:
        return after_easter(year, h["after_easter"][name])
    if name in h["nth_weekday"]:
        month, weekday, n = h["nth_weekday"][name]
        return nth_weekday(year, month, lex.weekday(weekday), n)
    return None


def holiday(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"Christmas", "last Easter", "Labor Day 2019": the year stated, or by 'last'/'next', or by tense."""
    name = " ".join(g["hol"].split())
    key = name.replace("’", "'")
    if key in lex.holidays["unresolved"]:
        return Norm("DATE", None, "day", reason=f"'{name}' needs a calendar or a country to date; left unresolved")
    if g.get("y"):
        d = holiday_date(key, int(g["y"]), lex)
        return Norm("DATE", d.isoformat() if d else None, "day", reason=f"{name} {g['y']}")
    ref = ctx.reference
    if ref is None:
        return Norm("DATE", None, "day", reason=f"{name} without year and " + NO_REF)
    step = lex.relative_steps.get(squash(g.get("rel") or ""))
    days = [holiday_date(key, y, lex) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if step == -1:
        d = max(v for v in days if v < ref)
        why = "the last one before publication"
    elif step == 1:
        d = min(v for v in days if v > ref)
        why = "the next one after publication"
    else:
        tense = ctx.tense

        def cost(v: dt.date) -> int:
            against = (tense == "past" and v > ref) or (tense == "future" and v < ref)
            return abs((v - ref).days) + (TENSE_PENALTY_DAYS if against else 0)

        d = min(sorted(days), key=lambda v: (cost(v), v > ref))
        why = f"year from the publication date ({tense_note(ctx) if tense else 'nearest'})"
    return Norm("DATE", d.isoformat(), "day", reason=f"{name}: {why}")
