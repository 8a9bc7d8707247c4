"""ISO 8601 values at any granularity -> first and last day, for sorting and filtering."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

_Q = re.compile(r"^(\d{4})-Q([1-4])$")
_W = re.compile(r"^(\d{4})-W(\d{2})$")
_H = re.compile(r"^(\d{4})-H([12])$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


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
            y, m = int(v[:4]), int(v[5:])
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if re.fullmatch(r"\d{4}", v):
            y = int(v)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{3}", v):  # decade "202"
            y = int(v) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        if m := _Q.match(v):
            y, q = int(m[1]), int(m[2])
            last = 3 * q
            return dt.date(y, last - 2, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
        if m := _H.match(v):
            y, h = int(m[1]), int(m[2])
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        if m := _W.match(v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
            y, (a, b) = int(m[1]), _SEASONS[m[2]]
            start = dt.date(y, a, 1)
            ey, em = (y + 1, b - 12) if b > 12 else (y, b)
            return start, dt.date(ey, em, calendar.monthrange(ey, em)[1])
        if "T" in v:
            d = dt.date.fromisoformat(v[:10])
            return d, d
    except ValueError:
        return None, None
    return None, None
