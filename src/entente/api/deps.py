"""Query parameters shared by several endpoints, declared once with the patterns and enums the
OpenAPI schema shows (the known codes are fixed per app, so these are built per app)."""

import inspect
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Literal, Optional

from fastapi import Query

from entente.api.params import DATE, MAX_ID, MAX_LIMIT, MAX_OFFSET, MAX_TEXT, NO_NUL, Vocab, check_text, event_filter  # noqa: F401
from entente.store import EventFilter

Factuality = Literal["asserted", "negated", "hypothetical", "planned", "reported"]


def text_query(description: str, max_length: int = MAX_TEXT):
    return Query(None, max_length=max_length, pattern=NO_NUL, description=description)


@dataclass
class Paging:
    limit: int
    offset: int


def paging(default: int = 50) -> Callable[..., Paging]:
    def dep(limit: int = Query(default, ge=1, le=MAX_LIMIT, description="Rows per page"),
            offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip")) -> Paging:
        return Paging(limit, offset)
    return dep


@dataclass
class Dependencies:
    events: Callable[..., EventFilter]
    events_of_pair: Callable[..., EventFilter]  # the same without dyad/directed (the pair is in the path)
    types: type
    topics: type


def _without(fn: Callable, **fixed) -> Callable:
    """`fn` with some parameters fixed and gone from its signature (FastAPI reads the signature)."""
    sig = inspect.signature(fn)

    def wrapper(**kwargs):
        return fn(**kwargs, **fixed)

    wrapper.__signature__ = sig.replace(parameters=[p for p in sig.parameters.values() if p.name not in fixed])
    return wrapper


def build(vocab: Vocab) -> Dependencies:
    EventType = Enum("EventType", {t: t for t in vocab.types}, type=str)  # noqa: N806
    Topic = Enum("Topic", {t: t for t in vocab.topics}, type=str)  # noqa: N806
    country_pattern, dyad_pattern = vocab.country_pattern(), vocab.dyad_pattern()

    def events(
        country: Optional[str] = Query(None, pattern=country_pattern,
                                       description="ISO 3166 alpha-3 code of an actor or recipient, e.g. USA"),
        dyad: Optional[str] = Query(None, pattern=dyad_pattern, description="Two codes, e.g. USA-IND: either acts on the other"),
        directed: bool = Query(False, description="With dyad: only the first country acting on the second"),
        type: list[EventType] = Query([], description="PLOVER event types (repeat for several)"),
        factuality: list[Factuality] = Query([], description="asserted, negated, hypothetical, planned, reported"),
        since: Optional[str] = Query(None, pattern=DATE, description="Event date from (2026, 2026-02, 2026-02-12)"),
        until: Optional[str] = Query(None, pattern=DATE, description="Event date until (inclusive)"),
        q: Optional[str] = text_query("Words that must all occur in the evidence sentence"),
        topic: Optional[Topic] = Query(None, description="Events about this topic"),
        entity: Optional[str] = text_query("Registry entity id (from /api/actors): events it takes part in"),
        story: Optional[str] = text_query("Only events of this story", max_length=MAX_ID),
        dedupe: bool = Query(False, description="One row per real-world event (first report), listing every source"),
    ) -> EventFilter:
        return event_filter(vocab, country=country, dyad=dyad, directed=directed, types=[t.value for t in type],
                            factuality=factuality, since=since, until=until, q=q,
                            topic=topic.value if topic else None, entity=entity, story=story, dedupe=dedupe)

    return Dependencies(events, _without(events, dyad=None, directed=False), EventType, Topic)
