"""Calendar dates, months, years, decades and centuries: expressions that name the calendar, with the
year taken from the publication date (by tense) when it is not stated.

Each rule: (groups of the detection rule, Context, Candidate, Lexicon) -> Norm, or None when the
candidate turns out not to be a time expression.
"""
from __future__ import annotations

import re
from typing import Optional

from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon
from entente.stages.time.normalise.calendar_math import safe_date
from entente.stages.time.normalise.context import NO_REF, Context, Norm, squash
from entente.stages.time.normalise.tense_choice import month_year


def day_value(month: int, day: int, year: Optional[int], ctx: Context, what: str) -> Optional[Norm]:
    """A day of a month, of the year stated or else of the year the tense points to."""
    if year is None:
        if ctx.reference is None:
            return Norm("DATE", None, "day", reason="year not stated and " + NO_REF)
        year, note = month_year(month, day, ctx)
        reason = f"{what}, year from the publication date ({note})"
    else:
        reason = what
    d = safe_date(year, month, day)
    if d is None:
        return None
    return Norm("DATE", d.isoformat(), "day", reason=reason)


def mdy(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    return day_value(lex.month(g["m"]), int(g["d"]), int(g["y"]), ctx, "calendar date")


def dmy(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    return day_value(lex.month(g["m"]), int(g["d"]), int(g["y"]) if g.get("y") else None, ctx, "calendar date")


def md(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    return day_value(lex.month(g["m"]), int(g["d"]), None, ctx, "month and day")


def iso(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    return day_value(int(g["mo"]), int(g["d"]), int(g["y"]), ctx, "ISO date")


def numeric(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    y = int(g["y"])
    if y < 100:  # two-digit year: this century up to ten years ahead, else the last
        pivot = (ctx.reference.year if ctx.reference else 2000) % 100 + 10
        y += 2000 if y <= pivot else 1900
    return day_value(int(g["mo"]), int(g["d"]), y, ctx, "numeric date read month/day/year")


def my(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    return Norm("DATE", f"{int(g['y']):04d}-{lex.month(g['m']):02d}", "month", reason="month and year")


def m(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """A month without year: "last March", "March next year", "in March"."""
    month = lex.month(g["m"])
    rel = squash(g.get("rel") or "")
    rel2 = squash(g.get("rel2") or "")
    ref = ctx.reference
    if ref is None:
        return Norm("DATE", None, "month", reason="month without year and " + NO_REF)
    if rel2:
        y = ref.year + lex.relative_steps[rel2]
        return Norm("DATE", f"{y:04d}-{month:02d}", "month", reason=f"{g['m']} {rel2} year")
    step = lex.relative_steps.get(rel) if rel else None
    if step == -1:
        y = ref.year if month < ref.month else ref.year - 1
        reason = f"'{rel}': the {g['m']} before the publication date"
    elif step == 1:
        y = ref.year if month > ref.month else ref.year + 1
        reason = f"'{rel}': the {g['m']} after the publication date"
    elif step == 0:
        y, reason = ref.year, "'this': the publication year"
    else:
        y, note = month_year(month, None, ctx)
        reason = f"month without year, year from the publication date ({note})"
    return Norm("DATE", f"{y:04d}-{month:02d}", "month", reason=reason)


def year(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    reason = "year"
    if g.get("fiscal") and "fiscal" in g["fiscal"].lower() or (g.get("fiscal") or "").upper() == "FY":
        reason = "fiscal year, read as the calendar year"
    return Norm("DATE", g["y"], "year", reason=reason)


def spoken_year(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"nineteen eighty-nine", "the year two thousand and one"."""
    t = squash(g["sy"]).replace("-", " ")
    if t.startswith("nineteen "):
        n = lex.number(t[len("nineteen "):])
        if n is None or not 10 <= n < 100:
            return None
        return Norm("DATE", str(1900 + int(n)), "year", reason="year in words")
    rest = t.split("two thousand", 1)[1].strip()
    rest = rest[4:] if rest.startswith("and ") else rest
    n = lex.number(rest) if rest else 0
    if n is None:
        return None
    return Norm("DATE", str(2000 + int(n)), "year", reason="year in words")


def my_spoken(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    y = spoken_year({"sy": g["sy"]}, ctx, c, lex)
    if y is None:
        return None
    return Norm("DATE", f"{y.value}-{lex.month(g['m']):02d}", "month", reason="month and year in words")


def season_spoken(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    y = spoken_year({"sy": g["sy"]}, ctx, c, lex)
    if y is None:
        return None
    return Norm("DATE", f"{y.value}-{lex.seasons[g['s'].lower()]}", "season", reason="season and year in words")


def decade(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the 1990s" -> 199; "the '90s", "the 90s" -> the one not more than five years ahead."""
    d = g["dec"].lower().rstrip("s").lstrip("'")
    if len(d) == 4:
        value = d[:3]
    else:
        ref_year = ctx.reference.year if ctx.reference else 1999
        two = int(d)
        value = str(19 if 2000 + two > ref_year + 5 else 20) + d[0]
    mod = lex.pre_mods.get(squash(g.get("pre") or ""))
    return Norm("DATE", value, "decade", mod=mod, reason="decade")


def decade_words(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    tens = lex.decade_words[g["dw"].lower()]
    return decade({"dec": f"{tens}0s", "pre": g.get("pre")}, ctx, c, lex)


def century(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    o = g["ord"].lower()
    n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else lex.ordinals.get(o)
    if not n:
        return None
    mod = lex.pre_mods.get(squash(g.get("pre") or ""))
    return Norm("DATE", f"{n - 1:02d}", "century", mod=mod, reason="century")
