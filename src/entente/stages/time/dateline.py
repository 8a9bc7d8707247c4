"""The dateline at the start of a story: "NEW DELHI, Feb 12 (Reuters) -", "WASHINGTON (AP) —"."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

from entente.stages.time.lexicon import load


@functools.lru_cache(maxsize=1)
def _pattern() -> "re.Pattern[str]":
    names = load().month_names
    month = "(?:" + "|".join([n[0] for n in names] + [a for n in names for a in n[1:]]) + r")\.?"
    place = r"(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’ ]{1,30})?)"
    date = (rf"(?P<date>(?P<m>{month})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?"
            rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{month})(?:\s+(?P<y2>(?:19|20)\d\d))?"
            r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))")
    agency = r"\((?P<agency>[A-Za-z][A-Za-z .&/-]{1,30})\)"
    return re.compile(
        rf"\A\s*(?:{place}\s*(?:,|\s)\s*)?(?:{date}\s*)?(?:{agency}\s*)?(?P<dash>--|-|–|—|:)\s*")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    place: Optional[str]
    agency: Optional[str]
    date: Optional[dt.date]      # a full date (with year), else None
    month_day: Optional[tuple[int, int]] = None  # (month, day) as written, with or without a year


def find(text: str) -> Optional[Dateline]:
    m = _pattern().match(text[:200])
    if not m:
        return None
    g = m.groupdict()
    place = g.get("place")
    if place and (place.strip() != place.strip().upper() or len(place.strip()) < 3):
        place = None if (g.get("date") or g.get("agency")) else "__reject__"
    if place == "__reject__" or not (g.get("date") or g.get("agency")):
        return None
    if not g.get("date") and not g.get("place"):
        return None
    lex = load()
    full: Optional[dt.date] = None
    md = None
    if g.get("iy"):
        try:
            full = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        except ValueError:
            return None
    elif g.get("m") or g.get("m2"):
        month = lex.month(g.get("m") or g.get("m2"))
        day = int(g.get("d") or g.get("d2"))
        year = g.get("y") or g.get("y2")
        md = (month, day)
        if year:
            try:
                full = dt.date(int(year), month, day)
            except ValueError:
                full = None
    return Dateline(m.start(), m.end(), place.strip(" ,") if place else None,
                    g.get("agency"), full, md)
