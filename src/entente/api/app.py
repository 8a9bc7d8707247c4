"""The web application: the JSON API under /api, the dashboard at /, OpenAPI at /openapi.json
with Swagger UI at /docs and ReDoc at /redoc (all assets served from the package)."""
from __future__ import annotations

from importlib import resources
from typing import Iterable, Optional

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from entente import __version__
from entente.api import clusters, docs, export, extract, routes, security
from entente.api.cache import TTLCache
from entente.api.params import Vocab, check_date
from entente.store import Database

TAGS = [{"name": n, "description": d} for n, d in (
    ("overview", "Counts"), ("events", "Coded events and their counts over time"),
    ("dyads", "Country pairs: dyads, topics, the directed network"),
    ("library", "Stories, statements, agreements, the actor registry"),
    ("export", "CSV or Parquet files of what a list shows"), ("extract", "Run the pipeline on one story"),
    ("clusters", "Real-world events: the reports of one event across stories"))]
MAX_EXTRACT_CHARS = 50_000  # far above a news story; a bound on time and memory per request


def create_app(db: str, model: str = "md", *, allowed_hosts: Iterable[str] = security.LOOPBACK,
               extract_token: Optional[str] = None, max_extract_chars: int = MAX_EXTRACT_CHARS) -> FastAPI:
    """The app over one database. `allowed_hosts`: Host names it answers to (loopback by default);
    `extract_token`: when set, POST /api/extract needs `Authorization: Bearer <token>`."""
    database = Database(db, create=False)
    vocab = Vocab.load(database)
    app = FastAPI(title="entente", version=__version__, docs_url=None, redoc_url=None, openapi_tags=TAGS,
                  description="Who did what to whom, when, where and about what — with evidence. "
                              "Every list answers `{total, limit, offset, items}`.")
    app.state.database = database
    app.state.vocab = vocab
    cache = TTLCache(seconds=120)  # aggregates may lag an ingest by two minutes
    web = resources.files("entente") / "web"
    templates = Jinja2Templates(directory=str(web / "templates"))

    app.include_router(export.router(database, vocab))  # before /api/stories/{story_id}
    app.include_router(routes.router(database, vocab, cache))
    app.include_router(extract.router(model, max_extract_chars, extract_token))
    app.include_router(clusters.router(database, vocab))
    app.include_router(docs.router(templates))
    from entente.web import views

    app.include_router(views.router(database, vocab, templates, cache))
    app.mount("/static", StaticFiles(directory=str(web / "static")), name="static")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": jsonable_encoder([_explain(e, vocab) for e in exc.errors()])}, status_code=422)

    # Outermost last: trusted hosts, then headers on every answer, then errors as JSON.
    app.add_middleware(security.BodyLimit, paths=["/api/extract"], max_bytes=6 * max_extract_chars + 65_536)
    app.add_middleware(security.JsonErrors)
    app.add_middleware(security.SecurityHeaders)
    app.add_middleware(security.TrustedHosts, allowed=allowed_hosts)
    return app


def _explain(error: dict, vocab: Vocab) -> dict:
    """FastAPI's validation error with a message a person can act on (the pattern of every
    country code is long); the shape stays {"loc", "msg", "type"} as documented."""
    out = {k: error[k] for k in ("loc", "msg", "type") if k in error}
    loc, value = tuple(error.get("loc", ())), error.get("input")
    name = next((x for x in reversed(loc) if isinstance(x, str)), "")
    if error.get("type") in ("enum", "literal_error") and isinstance(value, str):
        out["msg"] = f"{name} {value[:60]!r}: {out['msg']}"
    if error.get("type") == "string_pattern_mismatch" and isinstance(value, str):
        try:
            if name == "dyad":
                vocab.check_dyad(value, loc[0])
            elif name == "country":
                vocab.check_country(value, loc[0], "country")
            elif name in ("since", "until", "published"):
                check_date(value, name, loc[0])
            out["msg"] = f"{name} {value[:60]!r}: {out['msg'][:200]}"
        except RequestValidationError as exc:
            out["msg"] = exc.errors()[0]["msg"]
    return out

