"""/docs (Swagger UI) and /redoc (ReDoc) from assets shipped in the package: they work offline,
and their start-up code is a static file, so the CSP allows no inline script here either."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse


def router(templates) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/docs", response_class=HTMLResponse)
    def swagger(request: Request):
        return templates.TemplateResponse(request, "docs.html", {"title": "entente API"})

    @r.get("/redoc", response_class=HTMLResponse)
    def redoc(request: Request):
        return templates.TemplateResponse(request, "redoc.html", {"title": "entente API"})

    return r
