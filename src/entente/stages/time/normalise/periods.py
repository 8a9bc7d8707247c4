"""Quarters, halves, seasons and "the period" under discussion (financial and seasonal language).

Each rule: (groups of the detection rule, Context, Candidate, Lexicon) -> Norm, or None.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon
from entente.stages.time.normalise.calendar_math import (SEASON_ORDER, iso_week, quarter_of, quarter_value,
                                                         quarters_from, season_of)
from entente.stages.time.normalise.context import NO_REF, Context, Norm, squash
from entente.stages.time.normalise.tense_choice import pick, tense_note, weekday_date


def _quarter_year(g: dict, ctx: Context, c: Candidate) -> tuple[Optional[int], str]:
    text = c.text.lower()
    for k in ("qy", "qy2", "qyp"):
        if g.get(k):
            return int(g[k]), "stated year"
    ref = ctx.reference
    if ref is None:
        return None, NO_REF
    rel = squash(g.get("qr") or "")
    if "this year" in text or rel == "this year":
        return ref.year, "this year"
    if "last year" in text or rel == "last year":
        return ref.year - 1, "last year"
    if "next year" in text or rel == "next year":
        return ref.year + 1, "next year"
    return ref.year, ""


def quarter(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the first quarter", "the third quarter of 2019", "the latest quarter", "the year-ago quarter"."""
    word = g["q"].lower()
    ref = ctx.reference
    year, why = _quarter_year(g, ctx, c)
    fiscal = " (fiscal quarter read as calendar quarter)" if g.get("fisc") == "fiscal" or "fiscal" in c.text.lower() else ""
    n = lex.ordinals.get(word)
    if n is not None and g.get("ya"):
        if year is None:
            return Norm("DATE", None, "quarter", reason=NO_REF)
        return Norm("DATE", f"{year - 1}-Q{n}", "quarter", reason="the same quarter a year earlier")
    if n is not None:
        if year is None:
            return Norm("DATE", None, "quarter", reason="quarter without year and " + NO_REF)
        if not why and ref is not None:
            if ctx.tense == "past" and n > quarter_of(ref):
                year, why = year - 1, f"the last Q{n} before publication ({tense_note(ctx)})"
            else:
                why = "year of publication"
        return Norm("DATE", f"{year}-Q{n}", "quarter", reason=f"quarter, {why}{fiscal}")
    if ref is None:
        return Norm("DATE", None, "quarter", reason=NO_REF)
    if word in ("year-ago", "year-earlier"):
        base = ctx.last_quarter or quarter_value(ref)
        y, q = base.split("-Q")
        return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter",
                    reason=f"a year before {base}" + ("" if ctx.last_quarter else " (publication quarter)"))
    if word == "same" and ctx.last_quarter:
        return Norm("DATE", ctx.last_quarter, "quarter", reason="the quarter mentioned before")
    if word in ("latest", "previous", "prior"):
        return Norm("DATE", quarter_value(quarters_from(ref, -1)), "quarter",
                    reason=f"'{word}': the last full quarter before publication")
    if word in ("next", "coming"):
        return Norm("DATE", quarter_value(quarters_from(ref, 1)), "quarter",
                    reason=f"'{word}': the quarter after publication")
    return Norm("DATE", quarter_value(ref), "quarter", reason="the quarter of publication")


def qshort(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"Q3", "Q3 2019"."""
    if g.get("qy"):
        return Norm("DATE", f"{g['qy']}-Q{g['q']}", "quarter", reason="quarter")
    return quarter({"q": {"1": "first", "2": "second", "3": "third", "4": "fourth"}[g["q"]]}, ctx, c, lex)


def half(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    h = 1 if g["h"].lower() in ("first", "1st") else 2
    if g.get("hy"):
        return Norm("DATE", f"{g['hy']}-H{h}", "half", reason="half year")
    if ctx.reference is None:
        return Norm("DATE", None, "half", reason=NO_REF)
    rel = squash(g.get("hr") or "")  # "this year", "last year", "next year"
    y = ctx.reference.year + (lex.relative_steps[rel.split(" ")[0]] if rel else 0)
    return Norm("DATE", f"{y}-H{h}", "half", reason="half year of the publication year" if not g.get("hr") else "half year")


def season(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"this spring", "last winter", "the autumn", "summer 2019"."""
    code = lex.seasons[g["s"].lower()]
    if g.get("y"):
        return Norm("DATE", f"{g['y']}-{code}", "season", reason="season and year")
    ref = ctx.reference
    if ref is None:
        return Norm("DATE", None, "season", reason=NO_REF)
    rel = squash(g.get("rel") or "")
    if g.get("rel2"):
        y = ref.year + lex.relative_steps[g["rel2"].lower()]
        return Norm("DATE", f"{y}-{code}", "season", reason="season " + g["rel2"].lower() + " year")
    cy, cs = season_of(ref)
    here = cy * 4 + SEASON_ORDER[cs]
    opts = [((y * 4 + SEASON_ORDER[code]), y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == "this":
        y = ref.year if code != "WI" or ref.month >= 3 else ref.year - 1
        return Norm("DATE", f"{y}-{code}", "season", reason="'this': the season of the publication year")
    step = lex.relative_steps.get(rel) if rel != "the" else None
    if step == -1:
        y = max(y for k, y in opts if k < here)
        return Norm("DATE", f"{y}-{code}", "season", reason="'last': the season before publication")
    if step == 1:
        y = min(y for k, y in opts if k > here)
        return Norm("DATE", f"{y}-{code}", "season", reason="'next': the season after publication")
    _, y = pick(opts, here, ctx.tense)
    return Norm("DATE", f"{y}-{code}", "season", reason=f"season, {tense_note(ctx)}")


def year_end(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    if ctx.reference is None:
        return Norm("DATE", None, "day", reason=NO_REF)
    y = ctx.reference.year + lex.relative_steps.get((g.get("yr") or "").lower(), 0)
    return Norm("DATE", f"{y}-12-31", "day", mod="approximate", reason="year-end read as December 31")


def the_unit(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the quarter", "the year", "the period": the period under discussion."""
    u = squash(g["u"])
    det = g["det"].lower()
    ref = ctx.reference
    if ref is None:
        return Norm("DATE", None, "unknown", reason=NO_REF)
    if u in ("quarter", "period", "latest period", "same period", "comparable period", "corresponding period"):
        if det == "this" and u == "quarter":
            return Norm("DATE", quarter_value(ref), "quarter", reason="'this quarter': the quarter of publication")
        if ctx.last_quarter:
            return Norm("DATE", ctx.last_quarter, "quarter", mod="approximate",
                        reason=f"the quarter under discussion ({ctx.last_quarter})")
        return Norm("DATE", quarter_value(quarters_from(ref, -1)), "quarter", mod="approximate",
                    reason="the period under discussion, taken as the last full quarter before publication")
    if u in ("year", "full year", "fiscal year", "latest year"):
        return Norm("DATE", str(ref.year), "year", mod="approximate",
                    reason="the year under discussion, taken as the publication year")
    if u == "week":
        return Norm("DATE", iso_week(ref), "week", mod="approximate",
                    reason="the week under discussion, taken as the week of publication")
    if u == "month":
        return Norm("DATE", f"{ref.year:04d}-{ref.month:02d}", "month", mod="approximate",
                    reason="the month under discussion, taken as the month of publication")
    if u == "weekend":
        sat, _ = weekday_date(5, None, replace(ctx, tense=ctx.tense if ctx.tense != "present" else "future"))
        return Norm("DATE", iso_week(sat) + "-WE", "week", reason=f"weekend: {tense_note(ctx)}")
    return None


def period_ly(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the same period last year": a year before the quarter under discussion."""
    if ctx.reference is None:
        return Norm("DATE", None, "quarter", reason=NO_REF)
    if ctx.last_quarter:
        y, q = ctx.last_quarter.split("-Q")
        return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter", reason=f"the same period a year before {ctx.last_quarter}")
    return Norm("DATE", str(ctx.reference.year - 1), "year", reason="the same period last year")


def year_quarter(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the 1988 third quarter", "the 1988 period"."""
    y = int(g["y"])
    n = lex.ordinals.get((g.get("q") or "").lower())
    if n:
        return Norm("DATE", f"{y}-Q{n}", "quarter", reason="quarter and year")
    if ctx.last_quarter:
        return Norm("DATE", f"{y}-Q{ctx.last_quarter[-1]}", "quarter", reason=f"the {y} counterpart of {ctx.last_quarter}")
    return Norm("DATE", str(y), "year", reason="a period of that year")


def year_ago(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"the year-ago quarter", "a year earlier" (of the quarter under discussion)."""
    per = (g.get("per") or "").lower()
    ref = ctx.reference
    if ref is None:
        return Norm("DATE", None, "year", reason=NO_REF)
    if ctx.last_quarter and per in ("", "quarter", "period"):
        y, q = ctx.last_quarter.split("-Q")
        return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter", reason=f"a year before {ctx.last_quarter}")
    return Norm("DATE", str(ref.year - 1), "year", reason="a year before the publication year")
