"""Cue and channel lexicons for the statements stage (data in ontology/data/en/:
speech.yaml, channels.json)."""
from __future__ import annotations

import functools

from entente.ontology import language


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    raw = language.table("speech")
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


@functools.lru_cache(maxsize=1)
def channels() -> dict:
    raw = language.table("channels")
    phrases: dict[tuple[str, ...], tuple[int, str]] = {}
    # priority: platforms 3, documents 2 (joint statement / readout more specific by length)
    for p, label in raw["platforms"].items():
        phrases[tuple(p.split())] = (3, label)
    for p, label in raw["documents"].items():
        phrases.setdefault(tuple(p.split()), (2, label))
    return {
        "phrases": phrases,
        "max_len": max(len(k) for k in phrases),
        "cue_channels": dict(raw["cue_channels"]),
        "audiences": {tuple(k.split()): v for k, v in raw["audiences"].items()},
        # first words of the phrases and audiences: a word that is none of them starts no match
        "phrase_firsts": frozenset(k[0] for k in phrases),
        "audience_firsts": frozenset(k.split()[0] for k in raw["audiences"]),
        "issuer_documents": frozenset(raw["issuer_documents"]),
    }


@functools.lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    c = cues()
    return c["speech"] | c["cognition"] | c["evidence"]


@functools.lru_cache(maxsize=1)
def naming_lemmas() -> frozenset[str]:
    c = cues()
    return c["naming"] | c["speech"]
