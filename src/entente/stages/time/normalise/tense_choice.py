"""Which occurrence an expression without a year (or week) means: "met in December" is the last
December, "will meet on Tuesday" the next Tuesday. The tense of the governing verb (and the
preposition the expression hangs from) directs the choice; without either, the nearest one wins.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from entente.ontology import language
from entente.stages.time.normalise.calendar_math import safe_date, weekday_after, weekday_before
from entente.stages.time.normalise.context import Context

TENSE_PENALTY_DAYS = 120  # how far a date against the tense must be nearer to win
STRONG_PENALTY_DAYS = 365  # the same when the expression hangs from "in", "on", "during" ("met in December")


def tense_note(ctx: Context) -> str:
    """The reason's words for the tense that directed the choice."""
    if ctx.tense == "later":
        return f"'{ctx.verb}' comes after a past main clause: nearest, leaning to the future"
    if ctx.tense in ("past", "future", "present") and ctx.verb:
        return f"{ctx.tense} tense of '{ctx.verb}'"
    if ctx.tense:
        return f"{ctx.tense} tense"
    return "tense unclear: nearest"


def pick(options: list, key_ref, tense: Optional[str]):
    """options: [(key, value)] sorted by key; key_ref: reference key. Past -> latest <= ref,
    future -> earliest >= ref, unknown/present -> nearest (past on a tie)."""
    if tense == "past":
        past = [o for o in options if o[0] <= key_ref]
        return past[-1] if past else options[0]
    if tense == "future":
        fut = [o for o in options if o[0] >= key_ref]
        return fut[0] if fut else options[-1]
    if tense == "later":  # after a past main clause: the nearest, leaning to the future
        return min(options, key=lambda o: (abs(o[0] - key_ref) + (2 if o[0] < key_ref else 0), o[0] < key_ref))
    return min(options, key=lambda o: (abs(o[0] - key_ref), o[0] > key_ref))


def month_year(month: int, day: Optional[int], ctx: Context) -> tuple[int, str]:
    """The year of a month (and day) without year: the nearest occurrence, unless the tense of
    the governing verb points the other way ("met in December" is the last December)."""
    ref = ctx.reference
    best = None
    tense = ctx.tense if ctx.prep not in language.words("time", "open_prepositions") else None
    if ctx.prep == "since":
        tense = "past"
    point = ctx.prep in language.words("time", "point_prepositions")
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = safe_date(y, month, day or 15) or safe_date(y, month, 28)
        gap = (d - ref).days
        if not day and y == ref.year and month == ref.month:
            gap = 0
        cost = abs(gap)
        if (tense == "past" and gap > 0) or (tense == "future" and gap < 0):
            cost += STRONG_PENALTY_DAYS if point else TENSE_PENALTY_DAYS
        elif tense == "later" and gap < 0:
            cost += TENSE_PENALTY_DAYS
        if best is None or cost < best[0] or (cost == best[0] and gap < 0):
            best = (cost, y)
    note = tense_note(ctx) if tense else "nearest to publication"
    return best[1], note


def weekday_date(wd: int, rel: Optional[str], ctx: Context) -> tuple[dt.date, str]:
    """The date of a weekday named without a date ("on Tuesday", "last Friday") and why."""
    ref = ctx.reference
    before, after = weekday_before(ref, wd), weekday_after(ref, wd)
    if rel in ("last", "this past", "past"):
        return weekday_before(ref, wd, strictly=True), "'last': the one before the publication date"
    if rel == "next":
        return weekday_after(ref, wd, strictly=True), "'next': the one after the publication date"
    if rel in ("this", "this coming", "coming"):
        return after, "'this': the coming one"
    ahead, back = (after - ref).days, (ref - before).days
    if ctx.tense == "later":
        if ahead <= back:
            return after, f"the nearest one, on or after publication ({tense_note(ctx)})"
        return before, f"the nearest one, before publication ({tense_note(ctx)})"
    if ctx.tense == "future":
        return after, f"the next one, or the publication day itself ({tense_note(ctx)})"
    if ctx.tense == "present" or ctx.possessive:
        why = "a possessive ('Tuesday's talks')" if ctx.possessive else tense_note(ctx)
        if ahead < back:
            return after, f"the nearest one, after publication ({why})"
        return before, f"the nearest one, on or before publication ({why})"
    if ctx.tense == "past":
        return before, f"the last one on or before publication ({tense_note(ctx)})"
    return before, "the last one on or before publication (news default; tense unclear)"
