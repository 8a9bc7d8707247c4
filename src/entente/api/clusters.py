"""/api/clusters: real-world events, each with every stored report of it and the story it came from."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query

from entente import date_bounds as dates
from entente.store import Database
from entente.store import clusters as store


def _code(value: str, name: str) -> str:
    if len(value) != 3 or not value.isalpha():
        raise HTTPException(422, f"{name} {value!r}: expected an ISO alpha-3 code like USA")
    return value.upper()


def _when(value: Optional[str], name: str) -> Optional[str]:
    if value and dates.bounds(value)[0] is None:
        raise HTTPException(422, f"{name} {value!r}: expected an ISO date such as 2026-02 or 2026-02-12")
    return value


def router(database: Database) -> APIRouter:
    api = APIRouter(tags=["clusters"])

    @api.get("/api/clusters")
    def clusters(dyad: Optional[str] = Query(None, description="Two countries, e.g. USA-IND (either direction)"),
                 type: list[str] = Query(default=[], description="PLOVER type(s)"),
                 since: Optional[str] = Query(None, description="Event date on or after (ISO)"),
                 until: Optional[str] = Query(None, description="Event date on or before (ISO)"),
                 country: Optional[str] = Query(None, description="A participant country (ISO alpha-3)"),
                 min_sources: int = Query(1, ge=1, description="At least this many stories report it"),
                 limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict:
        """Real-world events (clusters of reports), by event date; each with all its sources."""
        pair = None
        if dyad:
            parts = dyad.replace("–", "-").split("-")
            if len(parts) != 2:
                raise HTTPException(422, f"dyad {dyad!r}: expected two ISO alpha-3 codes like USA-IND")
            pair = (_code(parts[0], "dyad"), _code(parts[1], "dyad"))
        with database.engine.connect() as conn:
            total, items = store.list_clusters(
                conn, country=_code(country, "country") if country else None, dyad=pair,
                types=[x for t in type for x in t.split(",") if x], since=_when(since, "since"),
                until=_when(until, "until"), min_sources=min_sources, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @api.get("/api/clusters/{cluster}")
    def cluster(cluster: str) -> dict:
        """One real-world event with all its reports."""
        with database.engine.connect() as conn:
            found = store.get_cluster(conn, cluster)
        if found is None:
            raise HTTPException(404, f"no cluster {cluster!r}")
        return found

    return api
