"""The JSON API's read endpoints: events and their aggregates, the library of stories,
statements, agreements and registry actors. Every list answers with the paged envelope."""
from __future__ import annotations

from typing import Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from entente.api import deps
from entente.api.params import MAX_ID, MAX_LIMIT, Vocab, link
from entente.api.schemas import (AgreementRow, DyadRow, DyadTopicRow, Edge, EntityRow, EventRow, Message, Page,
                                 SeriesRow, StatementRow, StoryDetail, StoryRow, Summary, Timeline, TopicRow)
from entente.store import Database, EventFilter, analytics

NOT_FOUND = {404: {"model": Message, "description": "No such story"}}


def clean_event(row: dict) -> dict:
    """An event row as served: links only when they are http(s)."""
    row["url"] = link(row.get("url"))
    row["sources"] = [{**s, "url": link(s.get("url"))} for s in row.get("sources", [])]
    return row


def page(total: int, p: deps.Paging, items: list) -> dict:
    return {"total": total, "limit": p.limit, "offset": p.offset, "items": items}


def window(rows: list, p: deps.Paging) -> dict:
    """Page a bounded list computed whole (aggregates over one dyad)."""
    return page(len(rows), p, rows[p.offset:p.offset + p.limit])


def router(db: Database, vocab: Vocab, cache) -> APIRouter:
    r = APIRouter(prefix="/api")
    d = deps.build(vocab)
    dyad_path = Path(..., pattern=vocab.dyad_pattern(), description="Two country codes, e.g. USA-IND")

    @r.get("/summary", response_model=Summary, tags=["overview"])
    def summary() -> dict:
        """Counts of stories, actors, events, statements and agreements; top event types and dyads."""
        s = cache("summary", lambda: db.summary(top=20))
        count = lambda pairs: [{"key": k, "count": n} for k, n in pairs]  # noqa: E731
        return {**s, "events_by_type": count(s["events_by_type"]), "actors_by_kind": count(s["actors_by_kind"]),
                "dyads": count(("-".join(k), n) for k, n in s["dyads"])}

    @r.get("/events", response_model=Page[EventRow], tags=["events"])
    def events(f: EventFilter = Depends(d.events), p: deps.Paging = Depends(deps.paging(50)),
               order: Literal["asc", "desc"] = Query("asc", description="By event date: oldest or newest first")) -> dict:
        """Events by their own date (undated last), filtered; `total` counts every match."""
        f.limit, f.offset, f.descending = p.limit, p.offset, order == "desc"
        total = db.count_events(f)
        return page(total, p, [clean_event(x) for x in db.events(f)] if total > p.offset else [])

    @r.get("/events/timeline", response_model=Timeline, tags=["events"])
    def timeline(f: EventFilter = Depends(d.events), period: Literal["month", "year"] = "month") -> dict:
        """Matching events per month (or year), counted by the database. An event lands in a bucket
        only when its date lies inside it; year- or decade-dated events are listed as spans."""
        return cache(("timeline", repr(f), period), lambda: db.event_counts(f, period))

    @r.get("/dyads", response_model=Page[DyadRow], tags=["dyads"])
    def dyads(f: EventFilter = Depends(d.events), p: deps.Paging = Depends(deps.paging(50))) -> dict:
        """Country pairs (either direction) with events between them, most events first."""
        total, rows = cache(("dyads", repr(f), p.limit, p.offset), lambda: analytics.dyads(db, f, p.limit, p.offset))
        return page(total, p, rows)

    @r.get("/dyad-topics", response_model=Page[DyadTopicRow], tags=["dyads"])
    def dyad_topics_matrix(f: EventFilter = Depends(d.events), dyads: int = Query(20, ge=1, le=100,
                           description="How many of the busiest dyads"), p: deps.Paging = Depends(deps.paging(MAX_LIMIT))) -> dict:
        """The dyad x topic heat map: events per (busiest dyads, topic)."""
        def compute():
            _, top = analytics.dyads(db, f, dyads, 0)
            return analytics.dyad_topic_matrix(db, [(x["a"], x["b"]) for x in top], f)
        return window(cache(("dyad-topics", repr(f), dyads), compute), p)

    @r.get("/dyads/{dyad}/series", response_model=Page[SeriesRow], tags=["dyads"])
    def dyad_series(dyad: str = dyad_path, period: Literal["day", "month", "year"] = "month",
                    f: EventFilter = Depends(d.events_of_pair), p: deps.Paging = Depends(deps.paging(MAX_LIMIT))) -> dict:
        """Events between two countries per period and event type, with the mean Goldstein score."""
        a, b = vocab.check_dyad(dyad, "path")
        return window(analytics.dyad_series(db, a, b, period, f), p)

    @r.get("/dyads/{dyad}/topics", response_model=Page[TopicRow], tags=["dyads"])
    def dyad_topics(dyad: str = dyad_path, period: Optional[Literal["month", "year"]] = None,
                    f: EventFilter = Depends(d.events_of_pair), p: deps.Paging = Depends(deps.paging(MAX_LIMIT))) -> dict:
        """Topics of the events between two countries, per period when asked (the heat map over time)."""
        a, b = vocab.check_dyad(dyad, "path")
        return window(analytics.dyad_topics(db, a, b, period, f), p)

    @r.get("/network", response_model=Page[Edge], tags=["dyads"])
    def network(f: EventFilter = Depends(d.events), min_events: int = Query(1, ge=1, le=10 ** 9),
                p: deps.Paging = Depends(deps.paging(200))) -> dict:
        """Directed country-to-country edges (actor -> recipient) with event counts, cooperative and
        conflictual counts and the mean Goldstein score; busiest first."""
        total, rows = cache(("network", repr(f), min_events, p.limit, p.offset),
                            lambda: analytics.network(db, min_events, f, p.limit, p.offset))
        return page(total, p, rows)

    @r.get("/stories", response_model=Page[StoryRow], tags=["library"])
    def stories(q: Optional[str] = deps.text_query("Words in the title or source"),
                p: deps.Paging = Depends(deps.paging(50))) -> dict:
        """Stored stories, newest first."""
        q = deps.check_text(q, "q")
        rows = db.stories(limit=p.limit, offset=p.offset, q=q)
        return page(db.count_stories(q), p, [{**x, "url": link(x["url"])} for x in rows])

    @r.get("/stories/{story_id}", response_model=StoryDetail, responses=NOT_FOUND, tags=["library"])
    def story(story_id: str) -> dict:
        """A story's text and its full output-contract document."""
        found = db.story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        found["document"]["url"] = link(found["document"].get("url"))
        return found

    @r.get("/statements", response_model=Page[StatementRow], tags=["library"])
    def statements(speaker: Optional[str] = deps.text_query("Part of the speaker's name"),
                   q: Optional[str] = deps.text_query("Words that must all occur in the statement"),
                   entity: Optional[str] = deps.text_query("Registry entity id of the speaker"),
                   story: Optional[str] = deps.text_query("Only statements of this story", max_length=MAX_ID),
                   p: deps.Paging = Depends(deps.paging(50))) -> dict:
        """Direct and reported statements with their speakers, by publication date."""
        args = dict(speaker=deps.check_text(speaker, "speaker"), story=deps.check_text(story, "story", most=MAX_ID),
                    text=deps.check_text(q, "q"), entity=deps.check_text(entity, "entity"))
        return page(db.count_statements(**args), p, db.statements(limit=p.limit, offset=p.offset, **args))

    @r.get("/agreements", response_model=Page[AgreementRow], tags=["library"])
    def agreements(name: Optional[str] = deps.text_query("Part of the agreement's name"),
                   p: deps.Paging = Depends(deps.paging(50))) -> dict:
        """Agreements across stories with their dated status history."""
        name = deps.check_text(name, "name")
        return page(db.count_agreements(name), p, db.agreements(name=name, limit=p.limit, offset=p.offset))

    @r.get("/actors", response_model=Page[EntityRow], tags=["library"])
    def actors(name: Optional[str] = deps.text_query("Part of the name or of an alias"),
               kind: Optional[Literal["person", "state", "organization", "igo", "grouping", "group", "other"]] = None,
               country: Optional[str] = Query(None, pattern=vocab.country_pattern(), description="ISO alpha-3 code"),
               order: Literal["stories", "name"] = Query("stories", description="Most reported first, or by name"),
               p: deps.Paging = Depends(deps.paging(50))) -> dict:
        """The actor registry: entities linked across stories, with aliases and dated roles."""
        args = dict(name=deps.check_text(name, "name"), kind=kind, country=country, aliases=True)
        return page(db.count_entities(**args), p,
                    db.entities(limit=p.limit, offset=p.offset, by_stories=order == "stories", **args))

    return r
