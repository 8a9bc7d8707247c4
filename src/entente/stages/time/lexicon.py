"""The words of time (months, weekdays, seasons, numbers, units, holidays), from `data/en/time.yaml`."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional, Union

from entente.ontology import language

Number = Union[int, float, None]  # None: a vague quantity ("several") -> X in TimeML


@dataclass(frozen=True)
class Lexicon:
    month_names: tuple[tuple[str, ...], ...]    # (full name, abbreviations…) per month, January first
    weekday_names: tuple[tuple[str, ...], ...]  # the same per weekday, Monday first
    months: dict         # lowercased name or abbreviation -> 1..12
    weekdays: dict       # ... -> 0 (Monday)..6
    seasons: dict
    parts_of_day: dict
    numbers: dict
    vague: tuple
    couple: tuple
    ordinals: dict
    units: dict          # unit -> TimeML duration letter
    decade_words: dict
    relative_steps: dict
    relative_days: dict
    refs: dict
    pre_mods: dict
    approx_mods: dict
    holidays: dict       # fixed, after_easter, nth_weekday, unresolved

    def month(self, word: str) -> Optional[int]:
        return self.months.get(word.lower().rstrip("."))

    def weekday(self, word: str) -> Optional[int]:
        return self.weekdays.get(word.lower().rstrip("."))

    def holiday_names(self) -> list[str]:
        h = self.holidays
        return list(h["fixed"]) + list(h["after_easter"]) + list(h["nth_weekday"]) + list(h["unresolved"])

    def unit(self, word: str) -> Optional[str]:
        """'days' -> 'day', 'centuries' -> 'century'."""
        w = word.lower()
        if w.endswith("centuries"):
            return "century"
        if w.endswith("millennia"):
            return "millennium"
        if w in self.units:
            return w
        if w.endswith("s") and w[:-1] in self.units:
            return w[:-1]
        return None

    def number(self, text: str) -> Number:
        """'twenty four' -> 24, '2 1/2' -> 2.5, 'a' -> 1, 'several' -> None."""
        t = " ".join(text.lower().replace("-", " ").split())
        if t in self.couple:
            return 2
        if t in self.vague:
            return None
        m = _DIGITS.fullmatch(t)
        if m:
            whole = float(m.group(1).replace(",", ""))
            if m.group(2):
                whole += float(m.group(2)) / float(m.group(3))
            return int(whole) if whole == int(whole) else whole
        total, current = 0.0, 0.0
        words = [w for w in t.split() if w != "and"]
        if not words:
            return None
        for w in words:
            if w in ("a", "an") and current == 0:
                current = 1
                continue
            v = self.numbers.get(w)
            if v is None:
                return None
            if v == 0.5:
                current += 0.5 if current else 0.5
            elif v in (100, 1000):
                current = (current or 1) * v
                if v == 1000:
                    total, current = total + current, 0.0
            elif v == 12 and w == "dozen":
                current = (current or 1) * 12
            else:
                current += v
        n = total + current
        return int(n) if n == int(n) else n


_DIGITS = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s+(\d)/(\d))?")


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    data = language.table("time")
    months = tuple(tuple(names) for names in data["months"])
    weekdays = tuple(tuple(names) for names in data["weekdays"])
    return Lexicon(
        month_names=months, weekday_names=weekdays,
        months={n.lower(): k for k, names in enumerate(months, 1) for n in names},
        weekdays={n.lower(): k for k, names in enumerate(weekdays) for n in names},
        seasons=data["seasons"], parts_of_day=data["parts_of_day"], numbers=data["numbers"],
        vague=tuple(data["vague_numbers"]), couple=tuple(data["couple"]), ordinals=data["ordinals"],
        units=data["units"], decade_words=data["decade_words"], relative_steps=data["relative_steps"],
        relative_days=data["relative_days"], refs=data["refs"], pre_mods=data["pre_modifiers"],
        approx_mods=data["approx_modifiers"], holidays=data["holidays"],
    )
