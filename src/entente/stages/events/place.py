"""Where an event happened: an "in/at X" phrase on the trigger (or its object) naming a place.

Places come from the actors stage (`Analysis.places`) when it marked them, else
from the NER entity with `entente.ontology.gazetteer.place()`.
"""
from __future__ import annotations

from entente.ontology import language

from typing import Optional

from entente import doc_cache
from entente.analysis import Analysis
from entente.doc_cache import children
from entente.model import Location
from entente.ontology import gazetteer

PLACE_PREPS = language.words("entities", "place_preps")
VISIT_VERBS = language.words("roles", "visit_verbs")


class Places:
    def __init__(self, analysis: Analysis):
        self.a = analysis
        self.noted = {}
        for p in analysis.places:
            for i in range(p.start, p.end):
                self.noted[i] = p
        self.ent_at = {}
        for e in doc_cache.ents(analysis.doc):
            if e.label_ in ("GPE", "LOC", "FAC"):
                for i in range(e.start, e.end):
                    self.ent_at[i] = e

    def place_at(self, t) -> Optional[Location]:
        doc = self.a.doc
        p = self.noted.get(t.i)
        if p:
            span = doc[p.start:p.end]
            return Location(name=p.name or span.text, country=p.country, start=span.start_char, end=span.end_char)
        e = self.ent_at.get(t.i)
        if e is None:
            return None
        g = gazetteer.place(e.text)
        if g is None:
            return None
        return Location(name=e.text, country=g.country, start=e.start_char, end=e.end_char)

    def location_of(self, heads) -> Optional[Location]:
        for h in heads:
            if h.lemma_.lower() in VISIT_VERBS:
                # "visited Beijing": the place visited is where it happened
                for o in [c for c in children(h) if c.dep_ in ("dobj", "obj")]:
                    loc = self.place_at(o)
                    if loc:
                        return loc
        for h in heads:
            for prep in [c for c in children(h) if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]:
                for pobj in [g for g in children(prep) if g.dep_ == "pobj"]:
                    loc = self._in_phrase(pobj)
                    if loc:
                        return loc
            for o in [c for c in children(h) if c.dep_ in ("dobj", "npadvmod")]:
                for prep in [c for c in children(o) if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]:
                    for pobj in [g for g in children(prep) if g.dep_ == "pobj"]:
                        loc = self._in_phrase(pobj)
                        if loc:
                            return loc
        return None

    def _in_phrase(self, pobj) -> Optional[Location]:
        # "the capital Kabul", "the city of Kirkuk", "Bam, Iran": the head or an apposition/of-phrase
        for t in [pobj] + [c for c in children(pobj) if c.dep_ in ("appos", "compound")] + \
                 [g for c in children(pobj) if c.dep_ == "prep" and c.lower_ == "of" for g in children(c) if g.dep_ == "pobj"]:
            loc = self.place_at(t)
            if loc:
                return loc
        for t in pobj.subtree:
            loc = self.place_at(t)
            if loc:
                return loc
        return None
