"""An event while the stage is building it: coded, with sides, evidence tokens and the rules that
made it; `to_event` turns it into the contract's `Event`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from entente import doc_cache
from entente.model import Event, Evidence, Location
from entente.text import short_hash

from . import coding

if TYPE_CHECKING:  # pragma: no cover
    from entente.entities import Entities

NON_FACTUAL = frozenset({"negated", "hypothetical", "planned"})


@dataclass
class Draft:
    code: str
    actors: list[str]
    recipients: list[str]
    reciprocal: bool
    factuality: str
    sentence: object                 # spaCy Span
    head_i: int                      # trigger token index (dating anchors on it)
    trigger: list                    # trigger tokens
    rules: list[str] = field(default_factory=list)
    location: Optional[Location] = None
    topics: list[str] = field(default_factory=list)
    timex_values: set = field(default_factory=set)
    confidence: float = 0.5
    restated: int = 0
    lemma: str = ""                  # the trigger's lemma (restatements repeat it)
    nominal: bool = False            # named by a noun ("the talks", "the warning")
    part: str = ""                   # one of several events told by one trigger (each caller of phone calls)

    @property
    def type(self) -> Optional[str]:
        return coding.ptype(self.code)

    @property
    def factual(self) -> bool:
        return self.factuality not in NON_FACTUAL

    def person_actors(self, ent: "Entities") -> frozenset:
        return frozenset(a for a in self.actors if ent.actor(a).kind == "person")

    def absorb(self, other: "Draft") -> None:
        """Take what a restatement adds: parties missing here, a place, more confidence."""
        if not self.actors:
            self.actors = list(other.actors)
        if not self.recipients:
            self.recipients = [r for r in other.recipients if r not in self.actors]
        self.location = self.location or other.location
        self.topics += [t for t in other.topics if t not in self.topics]
        self.restated += 1
        self.confidence = round(min(0.97, max(self.confidence, other.confidence) + 0.03), 3)

    def to_event(self, story_id: str) -> Event:
        coded = coding.code(self.code)
        sent = self.sentence
        doc = sent.doc
        h = doc[self.head_i]
        toks = sorted({t.i: t for t in self.trigger}.values(), key=lambda t: t.i)
        eid = short_hash(story_id, coded.type, coded.cameo, h.idx, sent.start_char, *([self.part] if self.part else []))
        return Event(
            id=eid, type=coded.type, mode=coded.mode, contexts=list(coded.contexts), cameo=coded.cameo,
            goldstein=coded.goldstein, quad_class=coded.quad_class, actors=list(self.actors),
            recipients=list(self.recipients), reciprocal=self.reciprocal, location=self.location,
            factuality=self.factuality, topics=list(self.topics), confidence=self.confidence,
            reason="; ".join(self.rules),
            # the sentence's text from the Doc's cached text (sent.text makes a Token per word)
            evidence=Evidence(sentence=doc_cache.span_text(doc, sent.start, sent.end), start=sent.start_char,
                              end=sent.end_char, trigger=" ".join(t.text for t in toks), trigger_start=h.idx,
                              trigger_end=h.idx + len(h.text)),
        )
