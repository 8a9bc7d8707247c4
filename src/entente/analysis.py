"""The working state of one story as it flows through the stages.

`Analysis` holds the story, its spaCy `Doc`, the `Document` being built (the
output contract) and the indices the stages share: which tokens mention which
actors, which tokens belong to which time expression. A stage reads what
earlier stages wrote and adds its own part; it never reaches into another
stage's module.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

from entente.model import Actor, Document, Story, Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from entente.stages.time.dateline import Dateline


@dataclass(frozen=True)
class Place:
    """A place named in the story (token span) and the country it lies in."""
    start: int
    end: int
    name: str
    country: Optional[str]


@dataclass
class Analysis:
    story: Story
    doc: "Doc"
    result: Document
    # The date relative expressions are resolved against (publication date), or None.
    reference: Optional[dt.date] = None
    # token index -> ids of the actors that token mentions (a plural mention may
    # name several actors: "the two envoys").
    token_actors: dict[int, list[str]] = field(default_factory=dict)
    # token index -> index into result.timexes
    token_timex: dict[int, int] = field(default_factory=dict)
    # the dateline at the start of the story ("NEW DELHI, Feb 12 (Reuters) -"), if the time stage found one
    dateline: Optional["Dateline"] = None
    # token index -> actor id of the speaker of the quotation or reported content the token is in
    # (the statements stage); "we" and "I" there name the speaker.
    speaker_at: dict[int, str] = field(default_factory=dict)
    # ... the same for direct quotations only (words in quotation marks)
    quoted_by: dict[int, str] = field(default_factory=dict)
    # event id -> token index of its trigger (the events stage), for dating and agreements
    event_anchor: dict[str, int] = field(default_factory=dict)
    # places the actors stage found (not parties: "talks in Jeddah")
    places: list[Place] = field(default_factory=list)
    # token spans the actors stage decided are not mentions of a state ("Indian Ocean")
    not_actors: list[tuple[int, int, str]] = field(default_factory=list)
    # statement id -> token indices of its content (the statements stage)
    statement_tokens: dict[str, list[int]] = field(default_factory=dict)
    # Free-form scratch space per stage, keyed by stage name, for data a stage
    # wants to hand to a later one without growing the contract.
    notes: dict[str, dict] = field(default_factory=dict)

    # -- actors -----------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        for a in self.result.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def actors_at(self, token: "Token | int") -> list[Actor]:
        i = token if isinstance(token, int) else token.i
        return [self.actor(a) for a in self.token_actors.get(i, [])]

    def actors_in(self, tokens: "Iterable[Token] | Span") -> list[Actor]:
        """Actors mentioned by any of the tokens, first mention order, no repeats."""
        seen: dict[str, Actor] = {}
        for t in tokens:
            for a in self.token_actors.get(t.i, []):
                if a not in seen:
                    seen[a] = self.actor(a)
        return list(seen.values())

    def link_mention(self, actor_ids: list[str], start_token: int, end_token: int) -> None:
        for i in range(start_token, end_token):
            ids = self.token_actors.setdefault(i, [])
            for a in actor_ids:
                if a not in ids:
                    ids.append(a)

    # -- time -------------------------------------------------------------
    def timex_at(self, token: "Token | int") -> Optional[Timex]:
        i = token if isinstance(token, int) else token.i
        k = self.token_timex.get(i)
        return None if k is None else self.result.timexes[k]

    def timexes_in(self, tokens: "Iterable[Token] | Span") -> list[Timex]:
        out: list[Timex] = []
        seen: set[int] = set()
        for t in tokens:
            k = self.token_timex.get(t.i)
            if k is not None and k not in seen:
                seen.add(k)
                out.append(self.result.timexes[k])
        return out

    # -- helpers ------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.doc.text

    def warn(self, message: str) -> None:
        if message not in self.result.warnings:
            self.result.warnings.append(message)
