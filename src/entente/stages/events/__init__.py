"""Stage: events — PLOVER 2.0 / CAMEO events with actors, recipients, place, factuality,
topics, evidence and a confidence.

One job per module:
  triggers   candidate triggers from the parse (verbs, particles, objects, light verbs, nouns)
  structure  which candidates stand as events; governing verbs, modality, negation
  coding     CAMEO code -> PLOVER type/mode/contexts, Goldstein, quad class; code transforms
  roles      actors and recipients, passives, compounds, reciprocity
  place      where it happened
  merge      one event per real event in a story (restatements merged), confidence

Writes `analysis.result.events` and `analysis.notes["events"]["trigger_tokens"]`
({event_id: token_index}) for the dating stage.
"""
from __future__ import annotations

from entente.analysis import Analysis
from entente.ontology import cameo

from .build import build_events


def run(analysis: Analysis) -> None:
    lex = cameo.lexicon()
    events, trigger_tokens, merged = build_events(analysis, lex)
    analysis.result.events.extend(events)
    notes = analysis.notes.setdefault("events", {})
    notes["trigger_tokens"] = trigger_tokens
    notes["merged"] = merged
