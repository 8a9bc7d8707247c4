"""The first and last day an ISO 8601 value covers, at any granularity, for sorting and filtering."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from dateutil.relativedelta import relativedelta

_Q = re.compile(r"^(\d{4})-Q([1-4])$")
_W = re.compile(r"^(\d{4})-W(\d{2})$")
_H = re.compile(r"^(\d{4})-H([12])$")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}  # each three months; winter runs into the next year


def _months(start: dt.date, n: int) -> tuple[dt.date, dt.date]:
    """The n calendar months from `start` (a first of the month): its first and last day."""
    return start, start + relativedelta(months=n - 1, day=31)  # day=31: the last day of that month


def bounds(value: Optional[str]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """'2026-02' -> (2026-02-01, 2026-02-28); '2026-W07' -> its Monday..Sunday; unknown -> (None, None)."""
    if not value:
        return None, None
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            d = dt.date.fromisoformat(v)
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", v):
            return _months(dt.date(int(v[:4]), int(v[5:]), 1), 1)
        if re.fullmatch(r"\d{4}", v):
            return _months(dt.date(int(v), 1, 1), 12)
        if re.fullmatch(r"\d{3}", v):  # decade "202"
            return _months(dt.date(int(v) * 10, 1, 1), 120)
        if m := _Q.match(v):
            return _months(dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), 3)
        if m := _H.match(v):
            return _months(dt.date(int(m[1]), 6 * int(m[2]) - 5, 1), 6)
        if m := _W.match(v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
            return _months(dt.date(int(m[1]), _SEASON_START[m[2]], 1), 3)
        if "T" in v:
            d = dt.date.fromisoformat(v[:10])
            return d, d
    except (ValueError, OverflowError):  # not a date, or past year 9999 ("9999-W52" ends in 10000)
        return None, None
    return None, None
