"""Days and times of day: "yesterday", "last night", "on Tuesday", "on the 25th", "at 3 p.m.".

Each rule: (groups of the detection rule, Context, Candidate, Lexicon) -> Norm, or None.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon
from entente.stages.time.normalise.calendar_math import months_from, safe_date
from entente.stages.time.normalise.context import NO_REF, Context, Norm, squash
from entente.stages.time.normalise.tense_choice import tense_note, weekday_date


def relday(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"yesterday", "tomorrow morning", "the day after tomorrow"."""
    w = squash(g["w"])
    offset = lex.relative_days[w]
    pod = (g.get("pod") or ("night" if w == "tonight" else "")).lower()
    if ctx.reference is None:
        return Norm("TIME" if pod else "DATE", None, "time" if pod else "day", reason=NO_REF)
    d = ctx.reference + dt.timedelta(days=offset)
    if pod:
        return Norm("TIME", f"{d.isoformat()}T{lex.parts_of_day[pod]}", "time", reason=f"{w} from the publication date")
    return Norm("DATE", d.isoformat(), "day", reason=f"'{w}' from the publication date")


def pod(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"this morning", "last night"."""
    rel, part = g["rel"].lower(), g["pod"].lower()
    if ctx.reference is None:
        return Norm("TIME", None, "time", reason=NO_REF)
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    d = ctx.reference + dt.timedelta(days=offset)
    return Norm("TIME", f"{d.isoformat()}T{lex.parts_of_day[part]}", "time",
                reason=f"'{rel} {part}' from the publication date")


def weekday(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"on Tuesday", "last Friday", "next Monday morning"."""
    wd = lex.weekday(g["wd"])
    part = (g.get("pod") or "").lower()
    if ctx.reference is None:
        return Norm("TIME" if part else "DATE", None, "day", reason="weekday and " + NO_REF)
    d, why = weekday_date(wd, squash(g.get("rel") or "") or None, ctx)
    if part:
        return Norm("TIME", f"{d.isoformat()}T{lex.parts_of_day[part]}", "time", reason=f"weekday: {why}")
    return Norm("DATE", d.isoformat(), "day", reason=f"weekday: {why}")


def ordday(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"on the 25th": the month of the date named just before, else of publication (by tense)."""
    day = int(g["d"])
    if ctx.last_point and ctx.last_point[1] in ("day", "month"):
        pv = ctx.last_point[0]
        d = safe_date(int(pv[:4]), int(pv[5:7]), day)
        if d is None:
            return None
        return Norm("DATE", d.isoformat(), "day", reason=f"day of the month; month from {pv}, the date named before")
    ref = ctx.reference
    if ref is None:
        return Norm("DATE", None, "day", reason="day of the month and " + NO_REF)
    opts = []
    for k in (-1, 0, 1):
        first = months_from(ref, k)
        d = safe_date(first.year, first.month, day)
        if d is not None:
            opts.append(d)
    if not opts:
        return None
    tense = ctx.tense
    if tense == "past":
        choice = max([d for d in opts if d <= ref] or opts[:1])
    elif tense in ("future", "later"):
        choice = min([d for d in opts if d >= ref] or opts[-1:])
    else:
        choice = min(opts, key=lambda d: (abs((d - ref).days), d > ref))
    return Norm("DATE", choice.isoformat(), "day",
                reason=f"day of the month; month from the publication date ({tense_note(ctx) if tense else 'nearest'})")


def _day_for_time(g: dict, ctx: Context, lex: Lexicon) -> tuple[Optional[dt.date], str]:
    """The day a clock time is on: the weekday or named day given, else the publication day."""
    if ctx.reference is None:
        return None, NO_REF
    if g.get("wd"):
        return weekday_date(lex.weekday(g["wd"]), None, ctx)
    rd = (g.get("rd") or "").lower()
    if rd:
        return ctx.reference + dt.timedelta(days=lex.relative_days[rd]), rd
    return ctx.reference, "day assumed to be the publication date"


def clock(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"3 p.m.", "10:30 am Tuesday"."""
    h = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
    mi = int(g.get("mi") or 0)
    d, why = _day_for_time(g, ctx, lex)
    if d is None:
        return Norm("TIME", None, "time", reason="clock time and " + NO_REF)
    return Norm("TIME", f"{d.isoformat()}T{h:02d}:{mi:02d}", "time", reason=f"clock time; {why}")


def clock24(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"14:30 GMT"."""
    return clock({"h": str(int(g["h"]) % 12 or 12), "mi": g["mi"], "ap": "pm" if int(g["h"]) >= 12 else "am"},
                 ctx, c, lex)


def noon(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    h = 12 if g["nm"].lower() == "noon" else 0
    d, why = _day_for_time(g, ctx, lex)
    if d is None:
        return Norm("TIME", None, "time", reason=NO_REF)
    return Norm("TIME", f"{d.isoformat()}T{h:02d}:00", "time", reason=f"{g['nm'].lower()}; {why}")
