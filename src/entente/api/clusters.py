"""/api/clusters: real-world events, each with every stored report of it and the story it came from."""

from typing import Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from entente.api import deps
from entente.api.schemas import Message
from entente.api.params import DATE, Vocab, check_date
from entente.store import Database
from entente.store import clusters as store


def router(database: Database, vocab: Vocab) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["clusters"])
    EventType = Literal[tuple(vocab.types)]  # noqa: N806  (the schema lists the types)

    @api.get("/clusters")
    def clusters(dyad: Optional[str] = Query(None, pattern=vocab.dyad_pattern(),
                                             description="Two countries, e.g. USA-IND (either direction)"),
                 type: list[EventType] = Query(default=[], description="PLOVER type(s) (repeat for several)"),
                 since: Optional[str] = Query(None, pattern=DATE, description="Event date on or after (ISO)"),
                 until: Optional[str] = Query(None, pattern=DATE, description="Event date on or before (ISO)"),
                 country: Optional[str] = Query(None, pattern=vocab.country_pattern(),
                                                description="A participant country (ISO alpha-3)"),
                 min_sources: int = Query(1, ge=1, le=10 ** 6, description="At least this many stories report it"),
                 p: deps.Paging = Depends(deps.paging(100))) -> dict:
        """Real-world events (clusters of reports), by event date; each with all its sources."""
        pair = vocab.check_dyad(dyad, "query") if dyad else None
        with database.engine.connect() as conn:
            total, items = store.list_clusters(
                conn, country=vocab.check_country(country, "query", "country") if country else None, dyad=pair,
                types=list(type), since=check_date(since, "since", "query") if since else None,
                until=check_date(until, "until", "query") if until else None, min_sources=min_sources,
                limit=p.limit, offset=p.offset)
        return {"total": total, "limit": p.limit, "offset": p.offset, "items": items}

    @api.get("/clusters/{cluster}", responses={404: {"model": Message, "description": "No such cluster"}})
    def cluster(cluster: str = Path(..., max_length=64, pattern=r"^[0-9A-Za-z_-]+$")) -> dict:
        """One real-world event with all its reports."""
        with database.engine.connect() as conn:
            found = store.get_cluster(conn, cluster)
        if found is None:
            raise HTTPException(404, f"no cluster {cluster!r}")
        return found

    return api
