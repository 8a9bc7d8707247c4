"""English language data: the word lists and tables in `ontology/data/en/`, one loader.

Each list is defined once, in one data file, and read here; stages ask for it by file and key
(`words("governors", "threat")`). Files are read on first use and cached per process.
"""
from __future__ import annotations

import functools
import pathlib
from typing import Any

DATA = pathlib.Path(__file__).parent / "data" / "en"


@functools.lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """The whole data file `data/en/<name>.yaml` (or `.json`) as a mapping."""
    yml, js = DATA / f"{name}.yaml", DATA / f"{name}.json"
    if yml.exists():
        import yaml

        return yaml.safe_load(yml.read_text(encoding="utf-8")) or {}
    import json

    return json.loads(js.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def words(name: str, key: str) -> frozenset[str]:
    """A word list of a data file, lowercased."""
    return frozenset(str(w).lower() for w in (table(name).get(key) or []))


@functools.lru_cache(maxsize=None)
def phrases(name: str, key: str) -> tuple[tuple[str, ...], ...]:
    """A list of (possibly multi-word) phrases as token tuples, longest first."""
    out = {tuple(str(p).lower().split()) for p in (table(name).get(key) or [])}
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


@functools.lru_cache(maxsize=None)
def codes(name: str, key: str) -> dict[str, str]:
    """A word -> code table ("" means: never an event)."""
    return {str(k).lower(): ("" if v is None else str(v)) for k, v in (table(name).get(key) or {}).items()}
