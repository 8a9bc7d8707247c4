"""The document model: the output contract of PRODUCT.md as pydantic models.

Field names here are the contract. Add fields freely; rename none.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Granularity = Literal["day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "time", "duration", "set", "unknown"]
Factuality = Literal["asserted", "negated", "hypothetical", "planned", "reported"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Mention(_Model):
    text: str
    start: int = Field(description="Start offset, Unicode code points into the story text")
    end: int


class Role(_Model):
    """A dated role an actor holds, as one story states it."""
    title: str
    country: Optional[str] = None
    sector: Optional[str] = None
    posted_to: Optional[str] = None
    since: Optional[str] = Field(None, description="ISO date from which the story states the role")


class Actor(_Model):
    id: str = Field(description="Story-local id: a1, a2, …")
    name: str
    kind: Literal["person", "state", "organization", "igo", "grouping", "group", "other"] = "other"
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-3, or IGO")
    sector: Optional[str] = Field(None, description="CAMEO-style sector: GOV, MIL, LEG, JUD, BUS, MED, NGO, IGO, …")
    role: Optional[str] = None
    posted_to: Optional[str] = None
    code: Optional[str] = Field(None, description="CAMEO-style actor code, e.g. USAGOV")
    members: list[str] = Field(default_factory=list, description="For groupings: member country codes")
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Location(_Model):
    name: str
    country: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class EventDate(_Model):
    value: Optional[str] = Field(None, description="ISO 8601 at its granularity, or null when unresolved")
    granularity: Optional[str] = None
    type: Literal["exact", "approximate", "range", "unresolved", "reported"] = "unresolved"
    text: Optional[str] = None
    reason: str = ""
    end: Optional[str] = Field(None, description="End of a range, when type is range")


class Evidence(_Model):
    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: Optional[int] = None
    trigger_end: Optional[int] = None


class Event(_Model):
    id: str
    type: str = Field(description="PLOVER 2.0 event type")
    mode: Optional[str] = None
    contexts: list[str] = Field(default_factory=list)
    cameo: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None
    actors: list[str] = Field(default_factory=list, description="Actor ids")
    recipients: list[str] = Field(default_factory=list)
    reciprocal: bool = False
    location: Optional[Location] = None
    date: EventDate = Field(default_factory=EventDate)
    factuality: Factuality = "asserted"
    topics: list[str] = Field(default_factory=list)
    confidence: float = 0.5
    reason: str = Field("", description="The named rules that made this event: trigger, sides, factuality")
    evidence: Evidence
    cluster: Optional[str] = Field(None, description="The real-world event this report belongs to: shared by the events of a run or database that report the same event")


class Statement(_Model):
    id: Optional[str] = None
    speaker: Optional[str] = Field(None, description="Actor id of the speaker, null when unknown")
    speakers: list[str] = Field(default_factory=list, description="All speaker actor ids (a joint statement has several); speaker is the first")
    speaker_text: Optional[str] = None
    text: str
    direct: bool
    cue: Optional[str] = None
    channel: Optional[str] = None
    start: int
    end: int


class Agreement(_Model):
    id: Optional[str] = None
    name: str
    parties: list[str] = Field(default_factory=list, description="Country codes")
    topic: Optional[str] = None
    status: str = Field("unknown", description="proposed, under negotiation, framework reached, signed, ratified, in force, suspended, withdrawn, or unknown when the story does not say")
    events: list[str] = Field(default_factory=list, description="Event ids that moved it")
    date: Optional[EventDate] = None
    mentions: list[Mention] = Field(default_factory=list)


class Grouping(_Model):
    name: str
    members: list[str]


class Timex(_Model):
    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: Optional[str] = None
    granularity: Optional[str] = None
    mod: Optional[str] = Field(None, description="approximate, start, mid, end, before, after …")
    reason: str = ""


class Story(_Model):
    """One input story, as ingest hands it to the pipeline."""
    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None


class Document(_Model):
    """One story's full result: the object `entente extract` writes per story."""
    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    published_source: Optional[str] = Field(None, description="Where the publication date came from: input, metadata, html, feed, dateline, user, none")
    source: Optional[str] = None
    url: Optional[str] = None
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    groupings: list[Grouping] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    version: Optional[str] = None

    def countries(self, actor_ids: list[str]) -> set[str]:
        """Country codes of these actors; a grouping counts as its members."""
        wanted = set(actor_ids)
        out: set[str] = set()
        for a in self.actors:
            if a.id in wanted:
                if a.country:
                    out.add(a.country)
                out.update(a.members)
        return out


def json_schema() -> dict:
    return Document.model_json_schema()
