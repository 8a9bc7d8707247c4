"""Agreement nouns, status cues, topics (data in ontology/data/agreements/)."""
from __future__ import annotations

import functools
import json
import pathlib

DATA = pathlib.Path(__file__).resolve().parents[2] / "ontology" / "data" / "agreements"


@functools.lru_cache(maxsize=1)
def data() -> dict:
    raw = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    raw["named_heads"] = frozenset(raw["named_heads"])
    raw["common_heads"] = frozenset(raw["common_heads"])
    raw["weak_named_heads"] = frozenset(raw["weak_named_heads"])
    raw["weak_status_modifiers"] = frozenset(raw["weak_status_modifiers"])
    raw["rank"] = {s: i for i, s in enumerate(raw["status_order"])}
    return raw
