"""Paths and loaders shared by the benchmark scripts (which may read ../shared; the product may not)."""
from __future__ import annotations

import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"
CORPUS = SHARED / "corpora" / "voa_stories.jsonl"

if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))


def read_jsonl(path: pathlib.Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def words(text: str) -> int:
    return len(text.split())
