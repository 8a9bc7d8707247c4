"""PLOVER 2.0: event types, and the CAMEO -> PLOVER (type, mode, contexts) table.

Data: data/events/cameo2plover.json, built by tools/build_plover_table.py from the
PLOVER manual's CAMEO2PLOVER table (CC BY-SA 4.0, Open Event Data Alliance).
"""
from __future__ import annotations

import functools
import json
import pathlib
from dataclasses import dataclass
from typing import Optional

DATA = pathlib.Path(__file__).parent / "data" / "events"

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# Types hostile to their recipient: verbal and material conflict (a request asks, it does no harm).
HOSTILE = frozenset(TYPES) - COOPERATIVE - {"REQUEST"}
# Types done with someone rather than to them: "A met B" is "B met A".
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


@dataclass(frozen=True)
class PloverCode:
    type: str
    mode: Optional[str]
    contexts: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    return json.loads((DATA / "cameo2plover.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=4096)  # a few hundred CAMEO codes, asked for per predicate: once each
def from_cameo(code: str) -> Optional[PloverCode]:
    """The PLOVER type/mode/contexts of a CAMEO code (longest known prefix), or None (01x)."""
    table = _table()
    c = code
    while c:
        row = table.get(c)
        if row:
            ctx = tuple(x.replace("_", " ") for x in row.get("contexts") or [])
            return PloverCode(row["type"], (row.get("mode") or None), ctx)
        c = c[:-1]
    return None
