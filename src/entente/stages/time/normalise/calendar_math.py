"""Calendar arithmetic: ISO weeks, quarters, seasons, shifting a date by units of time.

Month and weekday arithmetic is python-dateutil's (`relativedelta`, `easter`); values are the
TimeML-style ISO 8601 strings the time stage writes.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)  # 0 = Monday, as `date.weekday()`
SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_value(d: dt.date) -> str:
    return f"{d.year}-Q{quarter_of(d)}"


def month_value(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def months_from(d: dt.date, k: int) -> dt.date:
    """The first day of the month k months after d's month."""
    return d.replace(day=1) + relativedelta(months=k)


def quarters_from(d: dt.date, k: int) -> dt.date:
    """The first day of the quarter k quarters after d's quarter."""
    return dt.date(d.year, (quarter_of(d) - 1) * 3 + 1, 1) + relativedelta(months=3 * k)


def shift_days(d: dt.date, days: float) -> dt.date:
    return d + dt.timedelta(days=round(days))


def safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def point_date(value: str) -> dt.date:
    """The first day of a calendar point: '2025' -> 2025-01-01, '2025-03' -> 2025-03-01."""
    parts = [int(x) for x in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def season_of(d: dt.date) -> tuple[int, str]:
    """The season a date falls in; December's winter is that year's, January's the year before's."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def weekday_before(d: dt.date, wd: int, strictly: bool = False) -> dt.date:
    """The weekday wd (0 = Monday) on or before d (strictly before with `strictly`)."""
    return d + relativedelta(days=-1 if strictly else 0, weekday=WEEKDAYS[wd](-1))


def weekday_after(d: dt.date, wd: int, strictly: bool = False) -> dt.date:
    """The weekday wd on or after d (strictly after with `strictly`)."""
    return d + relativedelta(days=1 if strictly else 0, weekday=WEEKDAYS[wd](+1))


def nth_weekday(year: int, month: int, wd: int, n: int) -> dt.date:
    """The n-th weekday wd of a month; n = -1 is the last."""
    return dt.date(year, month, 1) + relativedelta(day=1 if n > 0 else 31, weekday=WEEKDAYS[wd](n))


def after_easter(year: int, days: int) -> dt.date:
    """A day counted from Western Easter Sunday."""
    return easter(year) + dt.timedelta(days=days)


def unit_value(unit: str, k: int, ref: dt.date) -> tuple[str, str]:
    """The value of the unit k units from the one ref is in ("last month": k = -1), and its granularity."""
    if unit == "week":
        return iso_week(ref + dt.timedelta(weeks=k)), "week"
    if unit == "weekend":
        return iso_week(ref + dt.timedelta(weeks=k)) + "-WE", "week"
    if unit == "month":
        return month_value(months_from(ref, k)), "month"
    if unit == "quarter":
        return quarter_value(quarters_from(ref, k)), "quarter"
    if unit == "year":
        return str(ref.year + k), "year"
    if unit == "decade":
        return str(ref.year // 10 + k), "decade"
    return f"{ref.year // 100 + k:02d}", "century"


def shift(ref: dt.date, n: float, unit: str, sign: int) -> Optional[tuple[str, str]]:
    """ref moved n units forward (sign 1) or back (-1): a day for units up to a week, else the month,
    quarter or year it lands in. None when that lies outside the calendar (before year 1, after 9999)."""
    try:
        if unit in ("second", "minute", "hour"):
            hours = n * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}[unit]
            return shift_days(ref, sign * hours / 24).isoformat(), "day"
        if unit in ("day", "night"):
            return shift_days(ref, sign * n).isoformat(), "day"
        if unit in ("week", "fortnight", "weekend"):
            return shift_days(ref, sign * n * (14 if unit == "fortnight" else 7)).isoformat(), "day"
        if unit == "month":
            return month_value(months_from(ref, int(round(sign * n)))), "month"
        if unit == "quarter":
            return quarter_value(months_from(ref, int(round(sign * n * 3)))), "quarter"
    except (OverflowError, ValueError):
        return None
    if unit == "year":
        return str(ref.year + int(round(sign * n))), "year"
    if unit == "decade":
        return str(ref.year + int(round(sign * n * 10))), "year"
    return str(ref.year + int(round(sign * n * 100))), "year"
