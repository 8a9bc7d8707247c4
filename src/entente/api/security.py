"""ASGI middleware that keeps the server safe to open on hostile stories and hostile pages:
headers (CSP without inline script, no sniffing, no framing), trusted Host names (against DNS
rebinding), a body size limit, and a JSON 500 that leaves the kept-alive connection usable."""
from __future__ import annotations

import json
import logging
from typing import Iterable

log = logging.getLogger("entente.api")

LOOPBACK = ("127.0.0.1", "localhost", "::1")
# The dashboard: scripts and styles from this origin only; no inline script, no inline style.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# Swagger UI and ReDoc set inline styles and ReDoc searches in a blob: worker; still no inline script.
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; base-uri 'none'; "
            "frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")


def _header(scope, name: bytes) -> str:
    for k, v in scope.get("headers", ()):
        if k == name:
            return v.decode("latin-1")
    return ""


async def _send_json(send, status: int, body: dict, close: bool = False) -> None:
    data = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


def host_name(host_header: str) -> str:
    """'example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    h = host_header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def host_allowed(name: str, allowed: Iterable[str]) -> bool:
    for pattern in allowed:
        p = pattern.lower().strip("[]")
        if p == "*" or p == name or (p.startswith("*.") and name.endswith(p[1:])):
            return True
    return False


class TrustedHosts:
    """Answer only requests whose Host header names this server (loopback unless widened)."""

    def __init__(self, app, allowed: Iterable[str]):
        self.app, self.allowed = app, tuple(allowed)

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket") and not host_allowed(host_name(_header(scope, b"host")), self.allowed):
            await _send_json(send, 400, {"detail": "Invalid host header (start the server with --allow-host NAME)"})
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = DOCS_CSP if scope["path"] in DOCS_PATHS else CSP

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"content-security-policy"]
                headers += [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer"),
                            (b"cross-origin-opener-policy", b"same-origin"),
                            (b"cross-origin-resource-policy", b"same-origin")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """413 for a request body over `max_bytes` on the given paths, before the app reads it."""

    def __init__(self, app, paths: Iterable[str], max_bytes: int):
        self.app, self.paths, self.max_bytes = app, tuple(paths), max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] not in self.paths:
            return await self.app(scope, receive, send)
        too_big = {"detail": f"request body over {self.max_bytes} bytes; split the story or use `entente extract`"}
        length = _header(scope, b"content-length")
        if length.isdigit() and int(length) > self.max_bytes:
            return await _send_json(send, 413, too_big, close=True)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return await _send_json(send, 413, too_big, close=True)
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body, sent = b"".join(chunks), False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class JsonErrors:
    """An unexpected exception becomes a logged JSON 500 instead of a dropped connection."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watch(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:  # noqa: BLE001 - the one place that turns any failure into a response
            log.exception("error serving %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _send_json(send, 500, {"detail": "internal error (logged by the server)"})
