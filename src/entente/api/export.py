"""CSV and Parquet exports of what each dashboard view shows: every row matching its filters
(not just one page), flattened to one column per field. Bounded; `entente export` has no bound."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Callable, Iterator, Literal, Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from entente.api import deps
from entente.api.params import Vocab, check_text, invalid, link
from entente.store import Database, EventFilter, analytics

MAX_ROWS = 100_000
CHUNK = 2_000
PARQUET = "application/vnd.apache.parquet"
Format = Literal["csv", "parquet"]
FILE = {200: {"description": "The rows as a file", "content": {"text/csv": {}, PARQUET: {}}}}


def flatten(row: dict) -> dict:
    """Lists of names become 'a; b' (with their countries beside), other lists and dicts JSON."""
    out: dict = {}
    for k, v in row.items():
        if isinstance(v, list) and v and all(isinstance(x, dict) and "name" in x for x in v):
            out[k] = "; ".join(dict.fromkeys(x["name"] for x in v))
            out[k + "_countries"] = "; ".join(dict.fromkeys(x["country"] for x in v if x.get("country")))
        elif isinstance(v, list) and all(isinstance(x, str) for x in v):
            out[k] = "; ".join(v)
        elif isinstance(v, (list, dict)):
            out[k] = json.dumps(v, ensure_ascii=False)
        else:
            out[k] = v
        if k in ("url",):
            out[k] = link(v)
    return out


def _file(rows: Callable[[], Iterator[dict]], fmt: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="entente-{name}.{fmt}"'}
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        buf = io.BytesIO()
        data = list(rows())
        table = pa.Table.from_pylist(data) if data else pa.table({})
        pq.write_table(table, buf)
        return Response(buf.getvalue(), media_type=PARQUET, headers=headers)

    def lines() -> Iterator[str]:
        out = io.StringIO()
        writer = None
        for i, r in enumerate(rows()):
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(r), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(r)
            if i % 500 == 499:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers=headers)


def _bounded(total: int, what: str) -> None:
    if total > MAX_ROWS:
        raise invalid("query", "format", f"{total:,} {what} match; the web export stops at {MAX_ROWS:,} rows "
                                         "(narrow the filters, or use `entente export` on the command line)", None)


def router(db: Database, vocab: Vocab) -> APIRouter:
    r = APIRouter(prefix="/api", tags=["export"])
    d = deps.build(vocab)
    fmt_q = Query("csv", description="csv or parquet")

    @r.get("/events/export", responses=FILE, response_class=Response)
    def events(f: EventFilter = Depends(d.events), format: Format = fmt_q,
               order: Literal["asc", "desc"] = "asc"):
        """Every event matching the filters of GET /api/events."""
        total = db.count_events(f)
        _bounded(total, "events")

        def rows():
            for offset in range(0, total, CHUNK):
                for x in db.events(replace(f, limit=CHUNK, offset=offset, descending=order == "desc")):
                    x.pop("sources", None)
                    yield flatten(x)
        return _file(rows, format, "events")

    @r.get("/statements/export", responses=FILE, response_class=Response)
    def statements(speaker: Optional[str] = deps.text_query("Part of the speaker's name"),
                   q: Optional[str] = deps.text_query("Words that must all occur in the statement"),
                   entity: Optional[str] = deps.text_query("Registry entity id of the speaker"),
                   format: Format = fmt_q):
        """Every statement matching the filters of GET /api/statements."""
        args = dict(speaker=check_text(speaker, "speaker"), text=check_text(q, "q"), entity=check_text(entity, "entity"))
        total = db.count_statements(**args)
        _bounded(total, "statements")
        return _file(lambda: (flatten(x) for o in range(0, total, CHUNK)
                              for x in db.statements(limit=CHUNK, offset=o, **args)), format, "statements")

    @r.get("/actors/export", responses=FILE, response_class=Response)
    def actors(name: Optional[str] = deps.text_query("Part of the name or of an alias"),
               kind: Optional[Literal["person", "state", "organization", "igo", "grouping", "group", "other"]] = None,
               country: Optional[str] = Query(None, pattern=vocab.country_pattern()), format: Format = fmt_q):
        """Every registry actor matching the filters of GET /api/actors."""
        args = dict(name=check_text(name, "name"), kind=kind, country=country, aliases=True)
        total = db.count_entities(**args)
        _bounded(total, "actors")
        return _file(lambda: (flatten(x) for o in range(0, total, CHUNK)
                              for x in db.entities(limit=CHUNK, offset=o, **args)), format, "actors")

    @r.get("/agreements/export", responses=FILE, response_class=Response)
    def agreements(name: Optional[str] = deps.text_query("Part of the agreement's name"), format: Format = fmt_q):
        """Every agreement matching GET /api/agreements, with its history."""
        name = check_text(name, "name")
        total = db.count_agreements(name)
        _bounded(total, "agreements")
        return _file(lambda: (flatten(x) for o in range(0, total, CHUNK)
                              for x in db.agreements(name=name, limit=CHUNK, offset=o)), format, "agreements")

    @r.get("/stories/export", responses=FILE, response_class=Response)
    def stories(q: Optional[str] = deps.text_query("Words in the title or source"), format: Format = fmt_q):
        """Every story (metadata, no text) matching GET /api/stories."""
        q = check_text(q, "q")
        total = db.count_stories(q)
        _bounded(total, "stories")
        return _file(lambda: (flatten(x) for o in range(0, total, CHUNK)
                              for x in db.stories(limit=CHUNK, offset=o, q=q)), format, "stories")

    @r.get("/dyads/export", responses=FILE, response_class=Response)
    def dyads(f: EventFilter = Depends(d.events), format: Format = fmt_q):
        """Every country pair of GET /api/dyads."""
        total, rows = analytics.dyads(db, f, MAX_ROWS, 0)
        return _file(lambda: iter(rows), format, "dyads")

    @r.get("/network/export", responses=FILE, response_class=Response)
    def network(f: EventFilter = Depends(d.events), min_events: int = Query(1, ge=1, le=10 ** 9), format: Format = fmt_q):
        """Every directed edge of GET /api/network."""
        total, rows = analytics.network(db, min_events, f, MAX_ROWS, 0)
        return _file(lambda: iter(rows), format, "network")

    return r
