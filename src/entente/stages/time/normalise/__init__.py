"""Normalisation: what a detected expression means, against the reference date.

A `Candidate` (from detect.py, named by its detection rule) plus a `Context` (reference date, tense of
the governing verb, what came before in the story) -> `Norm`, or None when the candidate turns out
not to be a time expression. Each detection rule has one normalisation rule of the same name in
`RULES`; the modules hold them by kind:

    absolute.py      calendar dates, months, years, decades, centuries
    periods.py       quarters, halves, seasons, "the period" under discussion
    days.py          named days, weekdays, days of the month, clock times
    relative.py      counted from publication or from the date named before ("ago", "the next day")
    durations.py     durations, points counted forward ("in six months' time"), sets
    ranges.py        ranges ("March 15-20", "from Monday to Wednesday")
    holidays.py      holidays
    tense_choice.py  which year or week the tense points to; calendar_math.py the arithmetic

Values are TimeML-style ISO 8601 at the expression's granularity: 2025-02-13, 2026-02, 2025,
2026-W07, 2026-Q1, 2026-SU, 2026-H1, 199 (a decade), 19 (a century), P3D (a duration),
PRESENT_REF / PAST_REF / FUTURE_REF; a range is "start/end".
"""
from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import Callable, Optional

from entente.stages.time.detect import Candidate
from entente.stages.time.lexicon import Lexicon, load
from entente.stages.time.normalise import absolute, days, durations, holidays, periods, ranges, relative
from entente.stages.time.normalise.context import NO_REF, Context, Norm, squash

__all__ = ["NO_REF", "RULES", "Context", "Norm", "Normaliser"]

Rule = Callable[[dict, Context, Candidate, Lexicon], Optional[Norm]]

RULES: "MappingProxyType[str, Rule]" = MappingProxyType({
    # calendar dates, months, years
    "mdy": absolute.mdy, "dmy": absolute.dmy, "md": absolute.md, "iso": absolute.iso, "numeric": absolute.numeric,
    "my": absolute.my, "m": absolute.m, "year": absolute.year, "spoken_year": absolute.spoken_year,
    "my_spoken": absolute.my_spoken, "season_spoken": absolute.season_spoken, "decade": absolute.decade,
    "decade_words": absolute.decade_words, "century": absolute.century,
    # quarters, halves, seasons, periods
    "quarter": periods.quarter, "qshort": periods.qshort, "half": periods.half, "season": periods.season,
    "year_end": periods.year_end, "the_unit": periods.the_unit, "period_ly": periods.period_ly,
    "year_quarter": periods.year_quarter, "year_ago": periods.year_ago,
    # days and times of day
    "relday": days.relday, "pod": days.pod, "weekday": days.weekday, "ordday": days.ordday,
    "clock": days.clock, "clock24": days.clock24, "noon": days.noon,
    # relative to publication or to the date named before
    "relunit": relative.relunit, "relthe": relative.relthe, "ago": relative.ago, "vague_ago": relative.vague_ago,
    "anaphor": relative.anaphor, "anaphor_ba": relative.anaphor_ba, "refs": relative.refs,
    "adj_ref": relative.adj_ref,
    # durations, forward points, sets
    "duration": durations.duration, "vague_dur": durations.vague_dur, "in_time": durations.in_time,
    "in_units": durations.in_units, "set": durations.set_, "freq": durations.freq,
    # ranges ("range_from" reads its ends with the normaliser: see Normaliser.__call__)
    "range_md": ranges.range_md, "range_years": ranges.range_years,
    "holiday": holidays.holiday,
})
COMPOSITE = frozenset({"range_from"})
# rules whose modifier ("early", "the end of") is part of the rule itself
_OWN_PRE = frozenset({"decade", "century", "relthe"})
_HALVES = ("the first half of", "the second half of", "the latter half of")


def _apply_pre(norm: Norm, pre: Optional[str], lex: Lexicon) -> Norm:
    """"early March" -> mod start; "the first half of 2019" -> 2019-H1; "later in" -> words in the reason."""
    if not pre:
        return norm
    p = squash(pre)
    mod = lex.pre_mods.get(p)
    value, gran = norm.value, norm.granularity
    if p in _HALVES and gran == "year" and value:
        value, gran, mod = f"{value}-H{1 if 'first' in p else 2}", "half", None
    reason = f"{p} {norm.reason}".strip() if not mod else norm.reason
    return replace(norm, value=value, granularity=gran, mod=mod or norm.mod, reason=reason)


class Normaliser:
    """Candidate + Context -> Norm, by the rule named by the candidate's detection rule."""

    def __init__(self, lexicon: Optional[Lexicon] = None):
        self.lex = lexicon or load()

    def __call__(self, c: Candidate, ctx: Context) -> Optional[Norm]:
        if c.rule in COMPOSITE:
            norm = ranges.range_from(c.groups, ctx, self)
        elif c.rule in RULES:
            norm = RULES[c.rule](c.groups, ctx, c, self.lex)
        else:
            return None
        if norm is None:
            return None
        if c.rule not in _OWN_PRE:
            norm = _apply_pre(norm, c.groups.get("pre"), self.lex)
        approx = c.groups.get("approx")
        if approx:
            mod = self.lex.approx_mods.get(squash(approx))
            if mod:
                norm = replace(norm, mod=mod)
        return norm
