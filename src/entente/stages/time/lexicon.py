"""The words of time: months, weekdays, seasons, numbers, units (read once from ontology data)."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional, Union

Number = Union[int, float, None]  # None: a vague quantity ("several") -> X in TimeML


@dataclass(frozen=True)
class Lexicon:
    months: dict
    weekdays: dict
    seasons: dict
    parts_of_day: dict
    numbers: dict
    vague: tuple
    couple: tuple
    ordinals: dict
    units: dict
    modifiers: dict
    refs: dict
    holidays: dict

    def month(self, word: str) -> Optional[int]:
        return self.months.get(word.lower().rstrip("."))

    def weekday(self, word: str) -> Optional[int]:
        return self.weekdays.get(word.lower().rstrip("."))

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
    data = json.loads(resources.files("entente.ontology").joinpath("data/time/lexicon.json").read_text("utf-8"))
    return Lexicon(
        months=data["months"], weekdays=data["weekdays"], seasons=data["seasons"],
        parts_of_day=data["parts_of_day"], numbers=data["numbers"],
        vague=tuple(data["vague_numbers"]), couple=tuple(data["couple"]),
        ordinals=data["ordinals"], units=data["units"], modifiers=data["modifiers"],
        refs={k: v for k, v in data["refs"].items() if v},
        holidays={k: v for k, v in data["holidays"].items() if not k.startswith("_")},
    )
