"""`entente serve`: the REST API and the dashboard over a database."""
from __future__ import annotations

import ipaddress
import secrets
from typing import Optional

import typer

from entente.cli import app
from entente.cli.common import DB, MODEL, err


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: str = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535),
    allow_host: Optional[list[str]] = typer.Option(
        None, "--allow-host", help="Host name the server answers to besides loopback (repeatable; '*.example.org' "
                                   "for subdomains). Requests naming any other Host are refused (DNS rebinding)."),
    token: Optional[str] = typer.Option(
        None, "--token", envvar="ENTENTE_API_TOKEN", show_default=False,
        help="Bearer token for POST /api/extract. Required when serving beyond loopback; one is made up and "
             "printed if not given."),
    max_extract_chars: int = typer.Option(50_000, "--max-extract-chars", min=1, max=1_000_000,
                                          help="Longest text POST /api/extract takes (longer: 413)."),
    model: str = MODEL,
) -> None:
    """Serve the dashboard (/) and the REST API (/api; docs at /docs and /redoc) for a database.

    By default only this machine can reach it (127.0.0.1). To share it: --host 0.0.0.0
    --allow-host my-server.example.org; POST /api/extract then needs the bearer token printed at start."""
    import uvicorn

    from entente.api import create_app
    from entente.api.security import LOOPBACK

    allowed = list(LOOPBACK) + list(allow_host or [])
    local = _loopback(host)
    if not local and host not in ("0.0.0.0", "::"):
        allowed.append(host)
    if not local and not token:
        token = secrets.token_urlsafe(24)
        err.print(f"extract token (POST /api/extract needs 'Authorization: Bearer …'): {token}", markup=False)
    if not local and not allow_host:
        err.print("note: only requests naming this machine's loopback or listening address are answered; "
                  "add --allow-host NAME for the name clients use", markup=False)
    application = create_app(db, model=model, allowed_hosts=allowed, extract_token=token,
                             max_extract_chars=max_extract_chars)
    shown = "localhost" if local else host
    err.print(f"entente dashboard on http://{shown}:{port}/  (API docs: /docs)", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")
