"""Normalisation: what a detected expression means, against the reference date.

Pure functions: a `Candidate` (from detect.py) plus a `Context` (reference date,
tense of the governing verb, what came before in the story) -> `Norm`, or None
when the candidate turns out not to be a time expression.

Values are TimeML-style ISO 8601 at the expression's granularity: 2025-02-13,
2026-02, 2025, 2026-W07, 2026-Q1, 2026-SU, 2026-H1, 199 (a decade), 19 (a
century), P3D (a duration), PRESENT_REF / PAST_REF / FUTURE_REF; a range is
"start/end".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Optional

from entente.stages.time import detect
from entente.stages.time.lexicon import Lexicon, load

NO_REF = "no publication date: relative expression left unresolved"


@dataclass(frozen=True)
class Context:
    reference: Optional[dt.date]
    tense: Optional[str] = None          # past | future | present | None (unknown)
    verb: Optional[str] = None           # the governing verb, for the reason
    last_quarter: Optional[str] = None   # the latest quarter value before this expression ("1989-Q3")
    prep: Optional[str] = None           # the preposition the expression hangs from ("until", "in")
    last_point: Optional[tuple[str, str]] = None  # (value, granularity) of the latest calendar date before it
    possessive: bool = False             # "Tuesday's talks": no verb tense applies


@dataclass(frozen=True)
class Norm:
    type: str
    value: Optional[str]
    granularity: str
    mod: Optional[str] = None
    reason: str = ""


# -- calendar helpers --------------------------------------------------------
def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def shift_days(d: dt.date, days: float) -> dt.date:
    return d + dt.timedelta(days=round(days))


def safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _squash(s: str) -> str:
    return " ".join(s.lower().split())


_PRE_MODS = {
    "early": "start", "late": "end", "mid": "mid", "mid-": "mid", "the end of": "end", "the start of": "start",
    "the beginning of": "start", "the middle of": "mid", "the close of": "end", "the turn of": "start",
    "the first part of": "start", "the first half of": "start", "the second half of": "end",
    "the latter half of": "end", "as early as": None, "as late as": None, "earlier": None, "later": None,
    "earlier in": None, "later in": None, "early in": "start", "late in": "end",
    "the rest of": "end", "the remainder of": "end",
}
_APPROX_MODS = {
    "about": "approximate", "around": "approximate", "roughly": "approximate", "nearly": "approximate",
    "almost": "approximate", "some": "approximate", "more than": "more_than", "over": "more_than",
    "less than": "less_than", "under": "less_than", "fewer than": "less_than", "at least": "at_least",
    "up to": "at_most", "no more than": "at_most", "only": None, "just": None, "barely": None,
}
_UNIT_LETTER = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
                "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
                "millennium": "ML", "weekend": "WE"}
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


# -- choosing among candidate years / weeks by tense -------------------------
def _pick(options: list, key_ref, tense: Optional[str]):
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


def _tense_note(ctx: Context) -> str:
    if ctx.tense == "later":
        return f"'{ctx.verb}' comes after a past main clause: nearest, leaning to the future"
    if ctx.tense in ("past", "future", "present") and ctx.verb:
        return f"{ctx.tense} tense of '{ctx.verb}'"
    if ctx.tense:
        return f"{ctx.tense} tense"
    return "tense unclear: nearest"


TENSE_PENALTY_DAYS = 120  # how far a date against the tense must be nearer to win
STRONG_PENALTY_DAYS = 365  # the same when the expression hangs from "in", "on", "during" ("met in December")
_POINT_PREPS = {"in", "on", "during", "at", "since"}
_OPEN_PREPS = {"until", "till", "through", "by", "before", "to", "for", "from", "between", "within"}


def _month_year(month: int, day: Optional[int], ctx: Context) -> tuple[int, str]:
    """The year of a month (and day) without year: the nearest occurrence, unless the tense of
    the governing verb points the other way ("met in December" is the last December)."""
    ref = ctx.reference
    best = None
    tense = ctx.tense if ctx.prep not in _OPEN_PREPS else None
    if ctx.prep == "since":
        tense = "past"
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = safe_date(y, month, day or 15) or safe_date(y, month, 28)
        gap = (d - ref).days
        if not day and y == ref.year and month == ref.month:
            gap = 0
        cost = abs(gap)
        if (tense == "past" and gap > 0) or (tense == "future" and gap < 0):
            cost += STRONG_PENALTY_DAYS if ctx.prep in _POINT_PREPS else TENSE_PENALTY_DAYS
        elif tense == "later" and gap < 0:
            cost += TENSE_PENALTY_DAYS
        if best is None or cost < best[0] or (cost == best[0] and gap < 0):
            best = (cost, y)
    note = _tense_note(ctx) if tense else "nearest to publication"
    return best[1], note


def _weekday_date(wd: int, rel: Optional[str], ctx: Context) -> tuple[dt.date, str]:
    ref = ctx.reference
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if rel in ("last", "this past", "past"):
        return ref - dt.timedelta(days=back or 7), "'last': the one before the publication date"
    if rel == "next":
        return ref + dt.timedelta(days=ahead or 7), "'next': the one after the publication date"
    if rel in ("this", "this coming", "coming"):
        return ref + dt.timedelta(days=ahead), "'this': the coming one"
    if ctx.tense == "later":
        if ahead <= back:
            return ref + dt.timedelta(days=ahead), f"the nearest one, on or after publication ({_tense_note(ctx)})"
        return ref - dt.timedelta(days=back), f"the nearest one, before publication ({_tense_note(ctx)})"
    if ctx.tense == "future":
        return ref + dt.timedelta(days=ahead), f"the next one, or the publication day itself ({_tense_note(ctx)})"
    if ctx.tense == "present" or ctx.possessive:
        why = "a possessive ('Tuesday's talks')" if ctx.possessive else _tense_note(ctx)
        if ahead < back:
            return ref + dt.timedelta(days=ahead), f"the nearest one, after publication ({why})"
        return ref - dt.timedelta(days=back), f"the nearest one, on or before publication ({why})"
    if ctx.tense == "past":
        return ref - dt.timedelta(days=back), f"the last one on or before publication ({_tense_note(ctx)})"
    return ref - dt.timedelta(days=back), "the last one on or before publication (news default; tense unclear)"


def _apply_pre(norm: Norm, pre: Optional[str]) -> Norm:
    if not pre:
        return norm
    p = _squash(pre)
    mod = _PRE_MODS.get(p)
    value, gran = norm.value, norm.granularity
    if p in ("the first half of", "the second half of", "the latter half of") and gran == "year" and value:
        value, gran, mod = f"{value}-H{1 if 'first' in p else 2}", "half", None
    reason = f"{p} {norm.reason}".strip() if not mod else norm.reason
    return replace(norm, value=value, granularity=gran, mod=mod or norm.mod, reason=reason)


# -- the rules ---------------------------------------------------------------
class Normaliser:
    def __init__(self, lexicon: Optional[Lexicon] = None):
        self.lex = lexicon or load()

    def __call__(self, c: detect.Candidate, ctx: Context) -> Optional[Norm]:
        fn = getattr(self, "_" + c.rule, None)
        if fn is None:
            return None
        norm = fn(c.groups, ctx, c)
        if norm is None:
            return None
        if c.rule not in ("decade", "century", "relthe"):
            norm = _apply_pre(norm, c.groups.get("pre"))
        approx = c.groups.get("approx")
        if approx:
            mod = _APPROX_MODS.get(_squash(approx))
            if mod:
                norm = replace(norm, mod=mod)
        return norm

    # absolute and partly absolute dates
    def _day_value(self, month: int, day: int, year: Optional[int], ctx: Context, what: str) -> Optional[Norm]:
        if year is None:
            if ctx.reference is None:
                return Norm("DATE", None, "day", reason="year not stated and " + NO_REF)
            year, note = _month_year(month, day, ctx)
            reason = f"{what}, year from the publication date ({note})"
        else:
            reason = what
        d = safe_date(year, month, day)
        if d is None:
            return None
        return Norm("DATE", d.isoformat(), "day", reason=reason)

    def _mdy(self, g, ctx, c):
        return self._day_value(self.lex.month(g["m"]), int(g["d"]), int(g["y"]), ctx, "calendar date")

    def _dmy(self, g, ctx, c):
        return self._day_value(self.lex.month(g["m"]), int(g["d"]), int(g["y"]) if g.get("y") else None, ctx,
                               "calendar date")

    def _md(self, g, ctx, c):
        return self._day_value(self.lex.month(g["m"]), int(g["d"]), None, ctx, "month and day")

    def _iso(self, g, ctx, c):
        return self._day_value(int(g["mo"]), int(g["d"]), int(g["y"]), ctx, "ISO date")

    def _numeric(self, g, ctx, c):
        y = int(g["y"])
        if y < 100:
            pivot = (ctx.reference.year if ctx.reference else 2000) % 100 + 10
            y += 2000 if y <= pivot else 1900
        n = self._day_value(int(g["mo"]), int(g["d"]), y, ctx, "numeric date read month/day/year")
        return n

    def _my(self, g, ctx, c):
        return Norm("DATE", f"{int(g['y']):04d}-{self.lex.month(g['m']):02d}", "month", reason="month and year")

    def _m(self, g, ctx, c):
        month = self.lex.month(g["m"])
        rel = _squash(g.get("rel") or "")
        rel2 = _squash(g.get("rel2") or "")
        ref = ctx.reference
        if ref is None:
            return Norm("DATE", None, "month", reason="month without year and " + NO_REF)
        if rel2:
            y = ref.year + {"this": 0, "last": -1, "next": 1}[rel2]
            return Norm("DATE", f"{y:04d}-{month:02d}", "month", reason=f"{g['m']} {rel2} year")
        if rel in ("last", "past", "this past", "previous"):
            y = ref.year if month < ref.month else ref.year - 1
            reason = f"'{rel}': the {g['m']} before the publication date"
        elif rel in ("next", "coming", "this coming", "following"):
            y = ref.year if month > ref.month else ref.year + 1
            reason = f"'{rel}': the {g['m']} after the publication date"
        elif rel in ("this", "current"):
            y, reason = ref.year, "'this': the publication year"
        else:
            y, note = _month_year(month, None, ctx)
            reason = f"month without year, year from the publication date ({note})"
        return Norm("DATE", f"{y:04d}-{month:02d}", "month", reason=reason)

    def _year(self, g, ctx, c):
        reason = "year"
        if g.get("fiscal") and "fiscal" in g["fiscal"].lower() or (g.get("fiscal") or "").upper() == "FY":
            reason = "fiscal year, read as the calendar year"
        return Norm("DATE", g["y"], "year", reason=reason)

    def _spoken_year(self, g, ctx, c):
        t = _squash(g["sy"]).replace("-", " ")
        if t.startswith("nineteen "):
            n = self.lex.number(t[len("nineteen "):])
            if n is None or not 10 <= n < 100:
                return None
            return Norm("DATE", str(1900 + int(n)), "year", reason="year in words")
        rest = t.split("two thousand", 1)[1].strip()
        rest = rest[4:] if rest.startswith("and ") else rest
        n = self.lex.number(rest) if rest else 0
        if n is None:
            return None
        return Norm("DATE", str(2000 + int(n)), "year", reason="year in words")

    def _decade(self, g, ctx, c):
        d = g["dec"].lower().rstrip("s").lstrip("'")
        if len(d) == 4:
            value = d[:3]
        else:
            ref_year = ctx.reference.year if ctx.reference else 1999
            two = int(d)
            value = str(19 if 2000 + two > ref_year + 5 else 20) + d[0]
        mod = _PRE_MODS.get(_squash(g.get("pre") or ""))
        return Norm("DATE", value, "decade", mod=mod, reason="decade")

    def _century(self, g, ctx, c):
        o = g["ord"].lower()
        n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else self.lex.ordinals.get(o)
        if not n:
            return None
        mod = _PRE_MODS.get(_squash(g.get("pre") or ""))
        return Norm("DATE", f"{n - 1:02d}", "century", mod=mod, reason="century")

    # quarters, halves, seasons
    def _quarter_year(self, g, ctx, c) -> tuple[Optional[int], str]:
        text = c.text.lower()
        for k in ("qy", "qy2", "qyp"):
            if g.get(k):
                return int(g[k]), "stated year"
        ref = ctx.reference
        if ref is None:
            return None, NO_REF
        rel = _squash(g.get("qr") or "")
        if "this year" in text or rel == "this year":
            return ref.year, "this year"
        if "last year" in text or rel == "last year":
            return ref.year - 1, "last year"
        if "next year" in text or rel == "next year":
            return ref.year + 1, "next year"
        return ref.year, ""

    def _quarter(self, g, ctx, c):
        word = g["q"].lower()
        ref = ctx.reference
        year, why = self._quarter_year(g, ctx, c)
        fiscal = " (fiscal quarter read as calendar quarter)" if g.get("fisc") == "fiscal" or "fiscal" in c.text.lower() else ""
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4}.get(word)
        if n is not None and g.get("ya"):
            if year is None:
                return Norm("DATE", None, "quarter", reason=NO_REF)
            return Norm("DATE", f"{year - 1}-Q{n}", "quarter", reason="the same quarter a year earlier")
        if n is not None:
            if year is None:
                return Norm("DATE", None, "quarter", reason="quarter without year and " + NO_REF)
            if not why and ref is not None:
                cur = quarter_of(ref)
                if ctx.tense == "past" and n > cur:
                    year, why = year - 1, f"the last Q{n} before publication ({_tense_note(ctx)})"
                else:
                    why = "year of publication"
            return Norm("DATE", f"{year}-Q{n}", "quarter", reason=f"quarter, {why}{fiscal}")
        if ref is None:
            return Norm("DATE", None, "quarter", reason=NO_REF)
        if word in ("year-ago", "year-earlier"):
            base = ctx.last_quarter or f"{ref.year}-Q{quarter_of(ref)}"
            y, q = base.split("-Q")
            return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter",
                        reason=f"a year before {base}" + ("" if ctx.last_quarter else " (publication quarter)"))
        if word == "same" and ctx.last_quarter:
            return Norm("DATE", ctx.last_quarter, "quarter", reason="the quarter mentioned before")
        y, q = ref.year, quarter_of(ref)
        if word in ("latest", "previous", "prior"):
            y, m = add_months(y, (q - 1) * 3 + 1, -3)
            return Norm("DATE", f"{y}-Q{(m - 1) // 3 + 1}", "quarter", reason=f"'{word}': the last full quarter before publication")
        if word in ("next", "coming"):
            y, m = add_months(y, (q - 1) * 3 + 1, 3)
            return Norm("DATE", f"{y}-Q{(m - 1) // 3 + 1}", "quarter", reason=f"'{word}': the quarter after publication")
        return Norm("DATE", f"{y}-Q{q}", "quarter", reason="the quarter of publication")

    def _qshort(self, g, ctx, c):
        if g.get("qy"):
            return Norm("DATE", f"{g['qy']}-Q{g['q']}", "quarter", reason="quarter")
        return self._quarter({"q": {"1": "first", "2": "second", "3": "third", "4": "fourth"}[g["q"]]}, ctx, c)

    def _half(self, g, ctx, c):
        h = 1 if g["h"].lower() in ("first", "1st") else 2
        if g.get("hy"):
            return Norm("DATE", f"{g['hy']}-H{h}", "half", reason="half year")
        if ctx.reference is None:
            return Norm("DATE", None, "half", reason=NO_REF)
        y = ctx.reference.year + {"this year": 0, "last year": -1, "next year": 1}.get(_squash(g.get("hr") or ""), 0)
        return Norm("DATE", f"{y}-H{h}", "half", reason="half year of the publication year" if not g.get("hr") else "half year")

    def _season(self, g, ctx, c):
        code = self.lex.seasons[g["s"].lower()]
        if g.get("y"):
            return Norm("DATE", f"{g['y']}-{code}", "season", reason="season and year")
        ref = ctx.reference
        if ref is None:
            return Norm("DATE", None, "season", reason=NO_REF)
        rel = _squash(g.get("rel") or "")
        if g.get("rel2"):
            y = ref.year + {"this": 0, "last": -1, "next": 1}[g["rel2"].lower()]
            return Norm("DATE", f"{y}-{code}", "season", reason="season " + g["rel2"].lower() + " year")
        cy, cs = _season_of(ref)
        here = cy * 4 + _SEASON_ORDER[cs]
        opts = [((y * 4 + _SEASON_ORDER[code]), y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if rel in ("this", "the"):
            if rel == "this":
                y = ref.year if code != "WI" or ref.month >= 3 else ref.year - 1
                if code == "WI" and ref.month in (1, 2):
                    y = ref.year - 1
                return Norm("DATE", f"{y}-{code}", "season", reason="'this': the season of the publication year")
            _, y = _pick(opts, here, ctx.tense)
            return Norm("DATE", f"{y}-{code}", "season", reason=f"season, {_tense_note(ctx)}")
        if rel in ("last", "past", "this past"):
            y = max(y for k, y in opts if k < here)
            return Norm("DATE", f"{y}-{code}", "season", reason="'last': the season before publication")
        if rel in ("next", "coming", "this coming"):
            y = min(y for k, y in opts if k > here)
            return Norm("DATE", f"{y}-{code}", "season", reason="'next': the season after publication")
        _, y = _pick(opts, here, ctx.tense)
        return Norm("DATE", f"{y}-{code}", "season", reason=f"season, {_tense_note(ctx)}")

    # days, weekdays, parts of the day
    def _relday(self, g, ctx, c):
        w = _squash(g["w"])
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}[w]
        pod = (g.get("pod") or ("night" if w == "tonight" else "")).lower()
        if ctx.reference is None:
            return Norm("TIME" if pod else "DATE", None, "time" if pod else "day", reason=NO_REF)
        d = ctx.reference + dt.timedelta(days=offset)
        if pod:
            return Norm("TIME", f"{d.isoformat()}T{self.lex.parts_of_day[pod]}", "time", reason=f"{w} from the publication date")
        return Norm("DATE", d.isoformat(), "day", reason=f"'{w}' from the publication date")

    def _pod(self, g, ctx, c):
        rel, pod = g["rel"].lower(), g["pod"].lower()
        if ctx.reference is None:
            return Norm("TIME", None, "time", reason=NO_REF)
        offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
        if rel == "last" and pod != "night":
            offset = -1
        d = ctx.reference + dt.timedelta(days=offset)
        return Norm("TIME", f"{d.isoformat()}T{self.lex.parts_of_day[pod]}", "time", reason=f"'{rel} {pod}' from the publication date")

    def _weekday(self, g, ctx, c):
        wd = self.lex.weekday(g["wd"])
        pod = (g.get("pod") or "").lower()
        if ctx.reference is None:
            return Norm("TIME" if pod else "DATE", None, "day", reason="weekday and " + NO_REF)
        d, why = _weekday_date(wd, _squash(g.get("rel") or "") or None, ctx)
        if pod:
            return Norm("TIME", f"{d.isoformat()}T{self.lex.parts_of_day[pod]}", "time", reason=f"weekday: {why}")
        return Norm("DATE", d.isoformat(), "day", reason=f"weekday: {why}")

    # this/last/next unit
    def _unit_value(self, unit: str, k: int, ref: dt.date) -> tuple[str, str]:
        if unit == "week":
            return iso_week(ref + dt.timedelta(weeks=k)), "week"
        if unit == "weekend":
            return iso_week(ref + dt.timedelta(weeks=k)) + "-WE", "week"
        if unit == "month":
            y, m = add_months(ref.year, ref.month, k)
            return f"{y:04d}-{m:02d}", "month"
        if unit == "quarter":
            y, m = add_months(ref.year, (quarter_of(ref) - 1) * 3 + 1, 3 * k)
            return f"{y}-Q{(m - 1) // 3 + 1}", "quarter"
        if unit == "year":
            return str(ref.year + k), "year"
        if unit == "decade":
            return str(ref.year // 10 + k), "decade"
        return f"{ref.year // 100 + k:02d}", "century"

    def _relunit(self, g, ctx, c):
        rel = _squash(g["rel"])
        unit = g["u"].lower()
        if rel in ("the past", "the last", "the next", "the coming"):
            if ctx.reference is None:
                return Norm("DATE", None, unit, reason=NO_REF)
            k = -1 if rel in ("the past", "the last") else 1
            value, gran = self._unit_value(unit, k, ctx.reference)
            return Norm("DATE", value, gran, mod="approximate",
                        reason=f"'{rel} {unit}': the {unit} {'before' if k < 0 else 'after'} publication, read as the "
                               f"{'previous' if k < 0 else 'next'} calendar {unit}")
        k = {"this": 0, "current": 0, "the current": 0, "the present": 0, "last": -1, "previous": -1,
             "this past": -1, "the previous": -1, "next": 1, "the following": 1, "this coming": 1}.get(rel, 0)
        if ctx.reference is None:
            return Norm("DATE", None, unit, reason=NO_REF)
        value, gran = self._unit_value(unit, k, ctx.reference)
        reason = f"'{rel} {unit}' from the publication date"
        if rel in ("the previous", "the following"):
            reason += " (may be relative to the story's own time)"
        return Norm("DATE", value, gran, reason=reason)

    def _relthe(self, g, ctx, c):
        unit = g["u"].lower()
        pre = _squash(g["pre"])
        if ctx.reference is None:
            return Norm("DATE", None, unit, reason=NO_REF)
        value, gran = self._unit_value(unit, 0, ctx.reference)
        return Norm("DATE", value, gran, mod=_PRE_MODS.get(pre), reason=f"'{pre} the {unit}': the current {unit}")

    # counted from an anchor
    def _shift(self, ref: dt.date, n: float, unit: str, sign: int) -> tuple[str, str]:
        if unit in ("second", "minute", "hour"):
            hours = n * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}[unit]
            return shift_days(ref, sign * hours / 24).isoformat(), "day"
        if unit in ("day", "night"):
            return shift_days(ref, sign * n).isoformat(), "day"
        if unit in ("week", "fortnight", "weekend"):
            return shift_days(ref, sign * n * (14 if unit == "fortnight" else 7)).isoformat(), "day"
        if unit == "month":
            y, m = add_months(ref.year, ref.month, int(round(sign * n)))
            return f"{y:04d}-{m:02d}", "month"
        if unit == "quarter":
            y, m = add_months(ref.year, ref.month, int(round(sign * n * 3)))
            return f"{y}-Q{(m - 1) // 3 + 1}", "quarter"
        if unit == "year":
            return str(ref.year + int(round(sign * n))), "year"
        if unit == "decade":
            return str(ref.year + int(round(sign * n * 10))), "year"
        return str(ref.year + int(round(sign * n * 100))), "year"

    def _ago(self, g, ctx, c):
        unit = self.lex.unit(g["u"]) or "day"
        n = self.lex.number(g["n"]) if g.get("n") else None
        direction = _squash(g["dir"])
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
            return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter", reason=f"a year before {ctx.last_quarter}, the quarter in question")
        anchor, anchor_gran, anchor_text = ref, "day", "the publication date"
        if direction in ("earlier", "later") and ctx.last_point:
            pv, pg = ctx.last_point
            parts = [int(x) for x in pv.split("-")]
            anchor = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
            anchor_gran, anchor_text = pg, pv
        value, gran = self._shift(anchor, n, unit, sign)
        order = {"day": 0, "month": 1, "year": 2}
        if order.get(anchor_gran, 0) > order.get(gran, 0):
            value, gran = (value[:7], "month") if anchor_gran == "month" else (value[:4], "year")
        reason = f"{n:g} {unit}(s) {'before' if sign < 0 else 'after'} {anchor_text}"
        if direction in ("earlier", "later") and anchor is ref:
            reason += " (may be counted from the story's own time)"
        mod = "approximate" if " or so" in text.lower() or unit in ("week", "month") and gran == "day" else None
        return Norm("DATE", value, gran, mod=mod, reason=reason)

    def _vague_ago(self, g, ctx, c):
        return self._ago({"u": g["u"], "dir": g["dir"]}, ctx, c)

    def _year_ago(self, g, ctx, c):
        per = (g.get("per") or "").lower()
        ref = ctx.reference
        if ref is None:
            return Norm("DATE", None, "year", reason=NO_REF)
        if ctx.last_quarter and per in ("", "quarter", "period"):
            y, q = ctx.last_quarter.split("-Q")
            return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter", reason=f"a year before {ctx.last_quarter}")
        return Norm("DATE", str(ref.year - 1), "year", reason="a year before the publication year")

    # durations and sets
    def _duration_value(self, n, unit: str) -> str:
        letter = _UNIT_LETTER.get(unit, "X")
        if unit == "fortnight":
            n = None if n is None else n * 2
        q = "X" if n is None else f"{n:g}"
        return f"PT{q}{letter}" if unit in ("second", "minute", "hour") else f"P{q}{letter}"

    def _duration(self, g, ctx, c):
        unit = self.lex.unit(g["u"])
        if unit is None:
            return None
        raw = g["n"]
        n = self.lex.number(raw)
        if n is None and _squash(raw) not in self.lex.vague and not _squash(raw).startswith("a "):
            return None
        if "and a half" in c.text.lower() and n is not None and n == int(n):
            n += 0.5
        det = _squash(g.get("det") or "")
        reason = "duration" + (f", {det}" if det else "")
        return Norm("DURATION", self._duration_value(n, unit), "duration", reason=reason)

    def _ahead(self, g, ctx, c, why: str) -> Optional[Norm]:
        """A point counted forward from publication: "in six months' time", "within three months"."""
        unit = self.lex.unit(g["u"])
        n = self.lex.number(g["n"])
        if unit is None or n is None or unit in ("second", "minute", "weekend", "millennium"):
            return None
        if ctx.reference is None:
            return Norm("DATE", None, unit, reason=NO_REF)
        value, gran = self._shift(ctx.reference, n, unit, 1)
        if unit in ("week", "fortnight") or unit == "day" and n > 3:
            value, gran = value[:7], "month"  # "in two weeks' time": the month it falls in, not a day
            if n <= 3 and unit != "day":
                value, gran = iso_week(dt.date.fromisoformat(self._shift(ctx.reference, n, unit, 1)[0])), "week"
        within = _squash(g.get("prep") or "") == "within" or c.text.lower().startswith("within")
        return Norm("DATE", value, gran, mod="at_most" if within else "approximate",
                    reason=f"{n:g} {unit}(s) after the publication date{' at the latest' if within else ''} ({why})")

    def _in_time(self, g, ctx, c):
        return self._ahead(g, ctx, c, "'in … time'")

    def _in_units(self, g, ctx, c):
        if ctx.tense in ("future", "present", "later") and not ctx.possessive:
            prev = (ctx.prep or "").lower()
            n = self._ahead({**g, "prep": prev}, ctx, c, f"'{prev}' with the {_tense_note(ctx)}")
            if n is not None:
                return n
        return self._duration(g, ctx, c)

    def _ordday(self, g, ctx, c):
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
            y, m = add_months(ref.year, ref.month, k)
            d = safe_date(y, m, day)
            if d is not None:
                opts.append(d)
        if not opts:
            return None
        tense = ctx.tense
        if tense == "past":
            pick = max([d for d in opts if d <= ref] or opts[:1])
        elif tense in ("future", "later"):
            pick = min([d for d in opts if d >= ref] or opts[-1:])
        else:
            pick = min(opts, key=lambda d: (abs((d - ref).days), d > ref))
        return Norm("DATE", pick.isoformat(), "day",
                    reason=f"day of the month; month from the publication date ({_tense_note(ctx) if tense else 'nearest'})")

    def _vague_dur(self, g, ctx, c):
        unit = self.lex.unit(g["u"]) or "year"
        adj = (g.get("adj") or "").lower()
        if adj == "recent":
            return Norm("DATE", "PAST_REF", unit, reason=f"recent {unit}s: before publication, span unstated")
        if adj in ("coming", "next", "ensuing", "following") and not g.get("few"):
            return Norm("DATE", "FUTURE_REF", unit, reason=f"the coming {unit}s: after publication, span unstated")
        return Norm("DURATION", self._duration_value(None, unit), "duration", reason=f"an unstated number of {unit}s")

    def _refs(self, g, ctx, c):
        value = self.lex.refs.get(_squash(g["ref"]))
        if value is None:
            return None
        return Norm("DATE", value, "unknown", reason="relative to the present, no calendar value")

    def _set(self, g, ctx, c):
        u = g["u"].lower()
        wd = self.lex.weekday(u)
        if wd is not None:
            return Norm("SET", f"XXXX-WXX-{wd + 1}", "set", reason=f"every {g['u']}")
        letter = {"morning": "D", "evening": "D", "night": "D"}.get(u) or _UNIT_LETTER.get(u, "X")
        return Norm("SET", f"P1{letter}", "set", reason=f"{g['q'].lower()} {u}")

    def _freq(self, g, ctx, c):
        u = g["u"].lower()
        return Norm("SET", f"P1{_UNIT_LETTER.get(u, 'X')}", "set", reason=f"{_squash(g['f'])} a {u}")

    def _adv_set(self, g, ctx, c):
        return Norm("SET", "P1Y", "set", reason="yearly")

    # clock times
    def _day_for_time(self, g, ctx) -> tuple[Optional[dt.date], str]:
        if ctx.reference is None:
            return None, NO_REF
        if g.get("wd"):
            return _weekday_date(self.lex.weekday(g["wd"]), None, ctx)
        rd = (g.get("rd") or "").lower()
        if rd:
            return ctx.reference + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[rd]), rd
        return ctx.reference, "day assumed to be the publication date"

    def _clock(self, g, ctx, c):
        h = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        mi = int(g.get("mi") or 0)
        d, why = self._day_for_time(g, ctx)
        if d is None:
            return Norm("TIME", None, "time", reason="clock time and " + NO_REF)
        return Norm("TIME", f"{d.isoformat()}T{h:02d}:{mi:02d}", "time", reason=f"clock time; {why}")

    def _clock24(self, g, ctx, c):
        return self._clock({"h": str(int(g["h"]) % 12 or 12), "mi": g["mi"],
                            "ap": "pm" if int(g["h"]) >= 12 else "am"}, ctx, c)

    def _noon(self, g, ctx, c):
        h = 12 if g["nm"].lower() == "noon" else 0
        d, why = self._day_for_time(g, ctx)
        if d is None:
            return Norm("TIME", None, "time", reason=NO_REF)
        return Norm("TIME", f"{d.isoformat()}T{h:02d}:00", "time", reason=f"{g['nm'].lower()}; {why}")

    # ranges
    def _range_md(self, g, ctx, c):
        m1 = self.lex.month(g["m"])
        m2 = self.lex.month(g["m2"]) if g.get("m2") else m1
        y = int(g["y"]) if g.get("y") else None
        a = self._day_value(m1, int(g["d1"]), y, ctx, "range")
        if a is None or a.value is None:
            return a and replace(a, reason="range; " + a.reason)
        ay = int(a.value[:4])
        b = safe_date(ay + (1 if m2 < m1 else 0), m2, int(g["d2"]))
        if b is None or b.isoformat() <= a.value:
            return None
        return Norm("DATE", f"{a.value}/{b.isoformat()}", "day", reason="range; " + a.reason)

    def _range_from(self, g, ctx, c):
        parts = []
        for key in ("a", "b"):
            sub = detect.match_one(g[key])
            n = self(sub, ctx) if sub else None
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

    def _range_years(self, g, ctx, c):
        y1 = int(g["y1"])
        raw = g.get("y2") or g["y2b"]
        y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
        if not y1 < y2 <= y1 + 50:
            return None
        return Norm("DATE", f"{y1}/{y2}", "year", reason="range of years")

    # spoken years, decades in words, year-end
    def _my_spoken(self, g, ctx, c):
        y = self._spoken_year({"sy": g["sy"]}, ctx, c)
        if y is None:
            return None
        return Norm("DATE", f"{y.value}-{self.lex.month(g['m']):02d}", "month", reason="month and year in words")

    def _season_spoken(self, g, ctx, c):
        y = self._spoken_year({"sy": g["sy"]}, ctx, c)
        if y is None:
            return None
        return Norm("DATE", f"{y.value}-{self.lex.seasons[g['s'].lower()]}", "season", reason="season and year in words")

    def _decade_words(self, g, ctx, c):
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}[g["dw"].lower()]
        return self._decade({"dec": f"{tens}0s", "pre": g.get("pre")}, ctx, c)

    def _year_end(self, g, ctx, c):
        if ctx.reference is None:
            return Norm("DATE", None, "day", reason=NO_REF)
        k = {"this": 0, "last": -1, "next": 1}.get((g.get("yr") or "").lower(), 0)
        y = ctx.reference.year + k
        return Norm("DATE", f"{y}-12-31", "day", mod="approximate", reason="year-end read as December 31")

    # "the quarter", "the year", "the 1988 period": the period under discussion
    def _the_unit(self, g, ctx, c):
        u = _squash(g["u"])
        det = g["det"].lower()
        ref = ctx.reference
        if ref is None:
            return Norm("DATE", None, "unknown", reason=NO_REF)
        if u in ("quarter", "period", "latest period", "same period", "comparable period", "corresponding period"):
            if det == "this" and u == "quarter":
                return Norm("DATE", f"{ref.year}-Q{quarter_of(ref)}", "quarter", reason="'this quarter': the quarter of publication")
            if ctx.last_quarter:
                return Norm("DATE", ctx.last_quarter, "quarter", mod="approximate", reason=f"the quarter under discussion ({ctx.last_quarter})")
            y, m = add_months(ref.year, (quarter_of(ref) - 1) * 3 + 1, -3)
            return Norm("DATE", f"{y}-Q{(m - 1) // 3 + 1}", "quarter", mod="approximate",
                        reason="the period under discussion, taken as the last full quarter before publication")
        if u in ("year", "full year", "fiscal year", "latest year"):
            return Norm("DATE", str(ref.year), "year", mod="approximate", reason="the year under discussion, taken as the publication year")
        if u == "week":
            return Norm("DATE", iso_week(ref), "week", mod="approximate", reason="the week under discussion, taken as the week of publication")
        if u == "month":
            return Norm("DATE", f"{ref.year:04d}-{ref.month:02d}", "month", mod="approximate",
                        reason="the month under discussion, taken as the month of publication")
        if u == "weekend":
            sat, _ = _weekday_date(5, None, replace(ctx, tense=ctx.tense if ctx.tense != "present" else "future"))
            return Norm("DATE", iso_week(sat) + "-WE", "week", reason=f"weekend: {_tense_note(ctx)}")
        return None

    def _period_ly(self, g, ctx, c):
        if ctx.reference is None:
            return Norm("DATE", None, "quarter", reason=NO_REF)
        if ctx.last_quarter:
            y, q = ctx.last_quarter.split("-Q")
            return Norm("DATE", f"{int(y) - 1}-Q{q}", "quarter", reason=f"the same period a year before {ctx.last_quarter}")
        return Norm("DATE", str(ctx.reference.year - 1), "year", reason="the same period last year")

    def _year_quarter(self, g, ctx, c):
        y = int(g["y"])
        q = g.get("q")
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get((q or "").lower())
        if n:
            return Norm("DATE", f"{y}-Q{n}", "quarter", reason="quarter and year")
        if ctx.last_quarter:
            return Norm("DATE", f"{y}-Q{ctx.last_quarter[-1]}", "quarter", reason=f"the {y} counterpart of {ctx.last_quarter}")
        return Norm("DATE", str(y), "year", reason="a period of that year")

    def _adj_ref(self, g, ctx, c):
        adj = g["adj"].lower()
        return Norm("DATE", "PRESENT_REF" if adj == "current" else "PAST_REF", "unknown",
                    reason=f"'{adj}': relative to the present, no calendar value")

    # "the following month", "that year", "the day before": counted from the date the story just named
    def _anaphor_value(self, unit: str, k: int, ctx: Context, text: str) -> Norm:
        gran = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day", "weekend": "week"}.get(unit, unit)
        if not ctx.last_point:
            return Norm("DATE", None, gran, reason=f"'{text}' refers to a time named earlier in the story; none found")
        pv, pg = ctx.last_point
        order = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
        if order.get(pg, 4) > order.get(gran, 4) and pg != "day":
            return Norm("DATE", None, gran, reason=f"'{text}': the time it counts from ({pv}) is coarser than a {gran}")
        parts = [int(x) for x in pv.split("-")]
        anchor = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        if gran == "day":
            value = (anchor + dt.timedelta(days=k)).isoformat()
        else:
            value, gran = self._unit_value(gran, k, anchor)
        return Norm("DATE", value, gran, reason=f"'{text}' counted from {pv}, the date named just before")

    def _anaphor(self, g, ctx, c):
        det = _squash(g["det"])
        k = 1 if det in ("the next", "the following", "the very next") else -1 if det in (
            "the previous", "the preceding", "the prior") else 0
        return self._anaphor_value(g["u"].lower(), k, ctx, c.text)

    def _anaphor_ba(self, g, ctx, c):
        return self._anaphor_value(g["u"].lower(), -1 if g["dir"].lower() == "before" else 1, ctx, c.text)

    # holidays: fixed dates, computable ones, and those that need a calendar or a country
    def _holiday_date(self, name: str, year: int) -> Optional[dt.date]:
        h = self.lex.holidays
        key = name.replace("’", "'")
        if key in h["fixed"]:
            m, d = h["fixed"][key]
            return dt.date(year, m, d)
        rule = h["computed"].get(key)
        if rule is None:
            return None
        if rule.startswith("easter"):
            return easter(year) + dt.timedelta(days=int(rule[6:]))
        if rule == "us_thanksgiving":
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if rule == "us_memorial":
            last = dt.date(year, 5, 31)
            return last - dt.timedelta(days=last.weekday())
        if rule == "us_labor":
            first = dt.date(year, 9, 1)
            return first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return None

    def _holiday(self, g, ctx, c):
        name = " ".join(g["hol"].split())
        key = name.replace("’", "'")
        if key in self.lex.holidays["unresolved"]:
            return Norm("DATE", None, "day", reason=f"'{name}' needs a calendar or a country to date; left unresolved")
        if g.get("y"):
            d = self._holiday_date(key, int(g["y"]))
            return Norm("DATE", d.isoformat() if d else None, "day", reason=f"{name} {g['y']}")
        ref = ctx.reference
        if ref is None:
            return Norm("DATE", None, "day", reason=f"{name} without year and " + NO_REF)
        rel = _squash(g.get("rel") or "")
        days = {y: self._holiday_date(key, y) for y in (ref.year - 1, ref.year, ref.year + 1)}
        if rel in ("last", "this past"):
            d = max(v for v in days.values() if v < ref)
            why = "the last one before publication"
        elif rel in ("next", "this coming"):
            d = min(v for v in days.values() if v > ref)
            why = "the next one after publication"
        else:
            tense = ctx.tense
            opts = sorted(days.values())
            cost = lambda v: abs((v - ref).days) + (TENSE_PENALTY_DAYS if (tense == "past" and v > ref) or (tense == "future" and v < ref) else 0)
            d = min(opts, key=lambda v: (cost(v), v > ref))
            why = f"year from the publication date ({_tense_note(ctx) if tense else 'nearest'})"
        return Norm("DATE", d.isoformat(), "day", reason=f"{name}: {why}")


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)
