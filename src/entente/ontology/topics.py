"""Topics users track, found by keyword in an event's sentence.

Keywords live in data/events/topics.yaml (hand-curated); matching is on lowercased
lemmas and phrases, so "defense"/"defence" and "minerals"/"mineral" both count.
"""
from __future__ import annotations

import functools
import pathlib

DATA = pathlib.Path(__file__).parent / "data" / "events"


@functools.lru_cache(maxsize=1)
def keywords() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    import yaml

    raw = yaml.safe_load((DATA / "topics.yaml").read_text(encoding="utf-8"))
    out = []
    for topic in sorted(raw):
        phrases = tuple(sorted({tuple(p.lower().split()) for p in raw[topic]}))
        out.append((topic, phrases))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    idx: dict[str, list] = {}
    for topic, phrases in keywords():
        for p in phrases:
            idx.setdefault(p[0], []).append((topic, p))
    return {k: tuple(v) for k, v in idx.items()}


def topics_of(lemmas: list[str], words: list[str]) -> list[str]:
    """Topics whose keywords (as lemma or word sequences) occur in the tokens given,
    in the order of the topic list."""
    idx = _by_first()
    found: set[str] = set()
    for seq in ([l.lower() for l in lemmas], [w.lower() for w in words]):
        if idx.keys().isdisjoint(seq):
            continue   # most sentences start no keyword: one set test instead of a look-up per word
        for i, w in enumerate(seq):
            for topic, p in idx.get(w, ()):
                if topic not in found and tuple(seq[i:i + len(p)]) == p:
                    found.add(topic)
    return [t for t, _p in keywords() if t in found]
