"""Response models: what each endpoint returns, as the OpenAPI schema states it."""
from __future__ import annotations

from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """The envelope of every list endpoint."""
    total: int = Field(description="Rows matching the filters, over all pages")
    limit: int
    offset: int
    items: list[T]


class Message(BaseModel):
    """An error that is not about one parameter (404, 401, 413)."""
    detail: str


class Party(BaseModel):
    name: str
    country: Optional[str] = None
    entity: Optional[str] = Field(None, description="Registry entity id (see /api/actors)")


class Source(BaseModel):
    story_id: str
    event_id: str
    url: Optional[str] = Field(None, description="http(s) link to the report, when the story has one")


class EventRow(BaseModel):
    story_id: str
    event_id: str
    type: Optional[str] = None
    mode: Optional[str] = None
    contexts: list[str] = []
    cameo: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None
    reciprocal: Optional[bool] = None
    date_value: Optional[str] = None
    date_granularity: Optional[str] = None
    date_type: Optional[str] = None
    date_start: Optional[str] = None
    date_end: Optional[str] = None
    date_text: Optional[str] = None
    date_reason: Optional[str] = None
    location_name: Optional[str] = None
    location_country: Optional[str] = None
    factuality: Optional[str] = None
    topics: list[str] = []
    confidence: Optional[float] = None
    sentence: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    trigger: Optional[str] = None
    cluster: Optional[str] = None
    source_count: int = 1
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    actors: list[Party] = []
    recipients: list[Party] = []
    sources: list[Source] = []


class Bucket(BaseModel):
    period: str = Field(description="YYYY-MM (or YYYY)")
    events: int
    cooperative: int = Field(description="Events of CAMEO quad class 1-2")
    conflictual: int = Field(description="Events of CAMEO quad class 3-4")
    goldstein_mean: Optional[float] = None


class Span(BaseModel):
    """Events dated more coarsely than one period (a year, a decade): counted over their span."""
    start: str
    end: str
    events: int
    cooperative: int
    conflictual: int


class Timeline(BaseModel):
    period: str
    total: int = Field(description="All matching events: in buckets, in coarser spans, and undated")
    buckets: list[Bucket]
    coarse: list[Span]
    undated: int


class StoryRow(BaseModel):
    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    events: int = 0


class StoryDetail(BaseModel):
    text: str
    document: dict = Field(description="The full output-contract document (see /api/extract)")


class StatementRow(BaseModel):
    story_id: str
    statement_id: str
    speaker_id: Optional[str] = None
    speaker_name: Optional[str] = None
    entity_id: Optional[str] = None
    text: Optional[str] = None
    direct: Optional[bool] = None
    cue: Optional[str] = None
    channel: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    published: Optional[str] = None
    title: Optional[str] = None


class HistoryStep(BaseModel):
    story_id: str
    status: Optional[str] = None
    date: Optional[str] = None
    events: list[str] = []


class AgreementRow(BaseModel):
    id: str
    key: str
    name: str
    topic: Optional[str] = None
    parties: list[str] = []
    status: Optional[str] = None
    history: list[HistoryStep] = []


class RoleRow(BaseModel):
    title: str
    country: Optional[str] = None
    sector: Optional[str] = None
    posted_to: Optional[str] = None
    since: Optional[str] = None
    story_id: str


class EntityRow(BaseModel):
    id: str
    key: str
    name: str
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    aliases: list[str] = []
    roles: list[RoleRow] = []
    stories: int = 0


class PairStats(BaseModel):
    events: int
    cooperative: int
    conflictual: int
    goldstein_mean: Optional[float] = None


class DyadRow(PairStats):
    a: str
    b: str


class Edge(PairStats):
    source: str = Field(description="Actor country")
    target: str = Field(description="Recipient country")


class SeriesRow(BaseModel):
    period: str
    type: Optional[str] = None
    events: int
    goldstein_mean: Optional[float] = None


class TopicRow(PairStats):
    topic: str
    period: Optional[str] = None


class DyadTopicRow(PairStats):
    a: str
    b: str
    topic: str


class Count(BaseModel):
    key: Optional[str] = None
    count: int


class Summary(BaseModel):
    stories: int
    actors: int
    entities: int
    statements: int
    agreements: int
    events: int
    events_by_type: list[Count]
    actors_by_kind: list[Count]
    dyads: list[Count] = Field(description="Top country pairs, key 'USA-IND'")
