"""The web application: JSON API under /api, the dashboard at /. OpenAPI at /openapi.json."""
from __future__ import annotations

import functools
from importlib import resources
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from entente import __version__, dates
from entente.api.clusters import router as clusters_router
from entente.clustering import assign_clusters
from entente.errors import EntenteError
from entente.model import Document
from entente.store import Database, EventFilter, analytics


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1)
    published: Optional[str] = Field(None, description="YYYY-MM-DD")
    title: Optional[str] = None


def _dyad(value: str) -> tuple[str, str]:
    parts = value.upper().replace("–", "-").split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise HTTPException(422, f"dyad {value!r}: expected two ISO alpha-3 codes like USA-IND")
    return parts[0], parts[1]


def _date(value: Optional[str], name: str) -> Optional[str]:
    if value and dates.bounds(value)[0] is None:
        raise HTTPException(422, f"{name} {value!r}: expected an ISO date such as 2026-02 or 2026-02-12")
    return value


def create_app(db: str, model: str = "md") -> FastAPI:
    database = Database(db, create=False)
    app = FastAPI(title="entente", version=__version__,
                  description="Who did what to whom, when, where and about what — with evidence.")

    @functools.lru_cache(maxsize=1)
    def pipeline():
        from entente.pipeline import Pipeline

        return Pipeline.default(model=model)

    app.include_router(clusters_router(database))

    @app.get("/api/summary")
    def summary() -> dict:
        return database.summary(top=20)

    @app.get("/api/events")
    def events(country: Optional[str] = None, dyad: Optional[str] = None, directed: bool = False,
               type: list[str] = Query(default=[]), since: Optional[str] = None, until: Optional[str] = None,
               factuality: list[str] = Query(default=[]), story: Optional[str] = None,
               dedupe: bool = False, limit: int = Query(500, ge=1, le=10000)) -> list[dict]:
        f = EventFilter(country=country, dyad=_dyad(dyad) if dyad else None, directed=directed,
                        types=[x for t in type for x in t.split(",") if x], since=_date(since, "since"),
                        until=_date(until, "until"), factuality=factuality, story=story, limit=limit, dedupe=dedupe)
        return database.events(f)

    @app.get("/api/stories")
    def stories(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> list[dict]:
        return database.stories(limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict:
        found = database.story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return found

    @app.get("/api/statements")
    def statements(speaker: Optional[str] = None, story: Optional[str] = None,
                   limit: int = Query(500, ge=1, le=10000)) -> list[dict]:
        return database.statements(speaker=speaker, story=story, limit=limit)

    @app.get("/api/agreements")
    def agreements(name: Optional[str] = None) -> list[dict]:
        return database.agreements(name=name)

    @app.get("/api/actors")
    def actors(name: Optional[str] = None) -> list[dict]:
        return database.entities(name=name)

    @app.get("/api/dyads/{dyad}/series")
    def dyad_series(dyad: str, period: str = Query("month", pattern="^(day|month|year)$")) -> list[dict]:
        a, b = _dyad(dyad)
        return analytics.dyad_series(database, a, b, period)

    @app.get("/api/dyads/{dyad}/topics")
    def dyad_topics(dyad: str) -> list[dict]:
        a, b = _dyad(dyad)
        return analytics.dyad_topics(database, a, b)

    @app.get("/api/network")
    def network(min_events: int = Query(1, ge=1)) -> list[dict]:
        return analytics.network(database, min_events=min_events)

    @app.post("/api/extract", response_model=Document)
    def extract(req: ExtractRequest) -> Document:
        try:
            return assign_clusters([pipeline().extract(req.text, published=req.published, title=req.title)])[0]
        except EntenteError as exc:
            raise HTTPException(422, str(exc)) from None

    web = resources.files("entente") / "web"

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> str:
        return (web / "templates" / "index.html").read_text(encoding="utf-8")

    app.mount("/static", StaticFiles(directory=str(web / "static")), name="static")
    return app
