"""Ranges: "March 15-20", "from Monday to Wednesday", "1998-2004". A value "start/end".

`range_md` and `range_years` are rules like the others; `range_from` reads each end with the same
rules, so it is handed the normaliser itself.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional

from entente.stages.time import detect
from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon
from entente.stages.time.normalise.absolute import day_value
from entente.stages.time.normalise.calendar_math import safe_date
from entente.stages.time.normalise.context import Context, Norm

Normalise = Callable[[Candidate, Context], Optional[Norm]]


def range_md(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"March 15-20", "March 30 to April 2, 2019"."""
    m1 = lex.month(g["m"])
    m2 = lex.month(g["m2"]) if g.get("m2") else m1
    y = int(g["y"]) if g.get("y") else None
    a = day_value(m1, int(g["d1"]), y, ctx, "range")
    if a is None or a.value is None:
        return a and replace(a, reason="range; " + a.reason)
    ay = int(a.value[:4])
    b = safe_date(ay + (1 if m2 < m1 else 0), m2, int(g["d2"]))
    if b is None or b.isoformat() <= a.value:
        return None
    return Norm("DATE", f"{a.value}/{b.isoformat()}", "day", reason="range; " + a.reason)


def range_from(g: dict, ctx: Context, normalise: Normalise) -> Optional[Norm]:
    """"from January through July 2019", "between Monday and Wednesday": each end read on its own."""
    parts = []
    for key in ("a", "b"):
        sub = detect.match_one(g[key])
        n = normalise(sub, ctx) if sub else None
        if n is None:
            return None
        parts.append(n)
    a, b = parts
    if a.value is None or b.value is None:
        return Norm("DATE", None, a.granularity, reason="range; " + (a.reason if a.value is None else b.reason))
    if b.value < a.value and a.granularity == b.granularity and a.granularity in ("day", "month") \
            and not re.search(r"(?:19|20)\d\d", g["a"]):
        a_value = f"{b.value[:4]}{a.value[4:]}"     # "from January through July 2019": one year
        if a_value > b.value:
            a_value = f"{int(b.value[:4]) - 1}{a.value[4:]}"
        a = replace(a, value=a_value, reason=a.reason + "; year taken from the range's end")
    if b.value < a.value:
        return Norm("DATE", None, a.granularity, reason="range whose end precedes its start")
    return Norm("DATE", f"{a.value}/{b.value}", a.granularity, reason=f"range; {a.reason}")


def range_years(g: dict, ctx: Context, c: Candidate, lex: Lexicon) -> Optional[Norm]:
    """"1998-2004", "2010-12", "1998 to 2004" (at most fifty years)."""
    y1 = int(g["y1"])
    raw = g.get("y2") or g["y2b"]
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if not y1 < y2 <= y1 + 50:
        return None
    return Norm("DATE", f"{y1}/{y2}", "year", reason="range of years")
