"""CAMEO: Goldstein scores and quad classes of codes (data/events/goldstein.tsv, loaded once).

The event words themselves are language data: ontology/data/en/events.yaml.
"""
from __future__ import annotations

import functools
import pathlib
from typing import Optional

DATA = pathlib.Path(__file__).parent / "data" / "events"


@functools.lru_cache(maxsize=1)
def _goldstein() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in (DATA / "goldstein.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, score = line.split("\t")[:2]
        out[code.strip()] = float(score)
    return out


def goldstein(code: str) -> Optional[float]:
    table = _goldstein()
    c = code
    while c:
        if c in table:
            return table[c]
        c = c[:-1]
    return None


def root(code: str) -> str:
    return code[:2]


def quad_class(code: str) -> Optional[int]:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    try:
        r = int(code[:2])
    except ValueError:
        return None
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    return None
