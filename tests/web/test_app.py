"""The JSON API on a real uvicorn server over a real SQLite database: paging, counts from SQL,
clear 422s, escaped filters, security headers, trusted hosts, the extract limits, no 500s."""
from __future__ import annotations

import io
import socket
import sqlite3

import httpx
import pytest

from entente.store import Database

from .conftest import STORIES, Server

ENVELOPE = {"total", "limit", "offset", "items"}


def get(server, path, **params):
    return httpx.get(server.base + path, params=params, timeout=30)


def test_every_list_endpoint_is_paged_with_a_total(server):
    spec = httpx.get(server.base + "/openapi.json").json()
    lists = [p for p, ops in spec["paths"].items() if "get" in ops
             and "Page" in str(ops["get"]["responses"]["200"].get("content", {}).get("application/json"))]
    assert {"/api/events", "/api/stories", "/api/statements", "/api/agreements", "/api/actors", "/api/dyads",
            "/api/network", "/api/dyads/{dyad}/series", "/api/dyads/{dyad}/topics", "/api/dyad-topics"} <= set(lists)
    for path in ("/api/events", "/api/stories", "/api/statements", "/api/actors", "/api/dyads", "/api/network"):
        body = get(server, path, limit=1).json()
        assert set(body) == ENVELOPE and body["limit"] == 1 and len(body["items"]) <= 1
        assert body["total"] >= 1, path


def test_paging_walks_every_event_once(server):
    total = get(server, "/api/events", limit=1).json()["total"]
    assert total >= 4
    seen = [tuple((x["story_id"], x["event_id"])) for o in range(total)
            for x in get(server, "/api/events", limit=1, offset=o).json()["items"]]
    assert len(seen) == len(set(seen)) == total
    whole = get(server, "/api/events", limit=1000).json()
    starts = [e["date_start"] for e in whole["items"] if e["date_start"]]
    assert starts == sorted(starts)  # by the event's own date
    newest = get(server, "/api/events", limit=1000, order="desc").json()["items"]
    assert [e["date_start"] for e in newest if e["date_start"]] == sorted(starts, reverse=True)


def test_big_offsets_are_answered_not_crashed(server):
    total = get(server, "/api/events").json()["total"]
    far = get(server, "/api/events", offset=10 ** 9)
    assert far.status_code == 200 and far.json()["items"] == [] and far.json()["total"] == total
    for path in ("/api/stories", "/api/events", "/api/statements"):
        r = get(server, path, offset="9223372036854775808")
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "offset"]


def test_month_counts_come_from_sql_and_keep_coarse_dates_out_of_january(server):
    t = get(server, "/api/events/timeline").json()
    total = get(server, "/api/events").json()["total"]
    assert t["total"] == total == sum(b["events"] for b in t["buckets"]) + sum(c["events"] for c in t["coarse"]) + t["undated"]
    # the accord story's COOPERATE event is dated "2025": a span, not a January bucket
    assert {"start": "2025-01-01", "end": "2025-12-31"}.items() <= next(
        c for c in t["coarse"] if c["start"] == "2025-01-01").items()
    assert "2025-01" not in [b["period"] for b in t["buckets"]]
    may = next(b for b in t["buckets"] if b["period"] == "2024-05")
    assert may["events"] == 2 and may["cooperative"] == 1 and may["conflictual"] == 1
    assert get(server, "/api/events/timeline", dyad="CAN-JPN").json()["total"] == 2


def test_unknown_codes_and_bad_ranges_are_422_with_a_message(server):
    cases = [("/api/events", {"dyad": "XXX-YYY"}, "dyad", "XXX"),
             ("/api/events", {"type": "NOTATYPE"}, "type", "AGREE"),
             ("/api/events", {"since": "2027", "until": "2020"}, "until", "after"),
             ("/api/events", {"country": "ZZZ"}, "country", "ZZZ"),
             ("/api/events", {"since": "last week"}, "since", "2026-02"),
             ("/api/events", {"factuality": "rumoured"}, "factuality", "asserted"),
             ("/api/dyads/USA-ZZZ/series", {}, "dyad", "ZZZ")]
    for path, params, name, words in cases:
        r = get(server, path, **params)
        assert r.status_code == 422, (path, params)
        detail = r.json()["detail"]
        assert isinstance(detail, list) and name in detail[0]["loc"] and words in detail[0]["msg"], detail


def test_like_wildcards_are_literal_and_long_filters_are_refused(server):
    everyone = get(server, "/api/statements", limit=1000).json()
    percent = get(server, "/api/statements", speaker="%").json()
    assert everyone["total"] > percent["total"] == sum("%" in (s["speaker_name"] or "") for s in everyone["items"]) == 1
    assert get(server, "/api/statements", speaker="_").json()["total"] == 1
    for path, name in (("/api/statements", "speaker"), ("/api/actors", "name"), ("/api/events", "q")):
        r = get(server, path, **{name: "x" * 50_000})
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", name]


def test_search_over_evidence_and_factuality(server):
    hits = get(server, "/api/events", q="criticised").json()
    assert hits["total"] == 1 and "criticised" in hits["items"][0]["sentence"]
    assert get(server, "/api/events", q="100%").json()["total"] == 0
    asserted = get(server, "/api/events", factuality="asserted").json()["total"]
    assert 0 < asserted <= get(server, "/api/events").json()["total"]


def test_links_are_http_only(server):
    story = get(server, "/api/stories/hostile").json()
    assert story["document"]["url"] is None and story["document"]["title"].startswith("<script>")
    rows = get(server, "/api/events", story="hostile").json()["items"]
    assert rows and all(r["url"] is None and all(s["url"] is None for s in r["sources"]) for r in rows)
    assert get(server, "/api/stories/accord").json()["document"]["url"] == "https://news.example/accord"


def test_security_headers_everywhere(server):
    for path in ("/", "/events", "/api/summary", "/static/style.css", "/docs", "/nope"):
        h = httpx.get(server.base + path).headers
        csp = h["content-security-policy"]
        script = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
        assert "'unsafe-inline'" not in script and "'self'" in script, path
        assert "frame-ancestors 'none'" in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_only_trusted_host_names_are_answered(server, web_db):
    evil = httpx.get(server.base + "/api/summary", headers={"Host": "attacker.example"})
    assert evil.status_code == 400
    for host in (f"localhost:{server.port}", f"127.0.0.1:{server.port}"):
        assert httpx.get(server.base + "/api/summary", headers={"Host": host}).status_code == 200
    from entente.api import create_app

    with Server(create_app(web_db, allowed_hosts=["127.0.0.1", "dash.example"])) as wide:
        assert httpx.get(wide.base + "/api/summary", headers={"Host": "dash.example"}).status_code == 200
        assert httpx.get(wide.base + "/api/summary", headers={"Host": "other.example"}).status_code == 400


def test_extract_is_size_limited_and_token_guarded(web_db):
    from entente.api import create_app

    with Server(create_app(web_db, max_extract_chars=300, extract_token="s3cret")) as srv:
        url = srv.base + "/api/extract"
        ok = {"text": STORIES[0][0], "published": "2026-02-05"}
        assert httpx.post(url, json=ok).status_code == 401
        assert httpx.post(url, json=ok, headers={"Authorization": "Bearer wrong"}).status_code == 401
        auth = {"Authorization": "Bearer s3cret"}
        r = httpx.post(url, json=ok, headers=auth, timeout=60)
        assert r.status_code == 200 and r.json()["published"] == "2026-02-05"
        long = httpx.post(url, json={"text": "Talks. " * 60}, headers=auth)
        assert long.status_code == 413 and "300" in long.json()["detail"]
        huge = httpx.post(url, content=b'{"text": "' + b"a" * 2_000_000 + b'"}', headers={**auth, "Content-Type": "application/json"})
        assert huge.status_code == 413
        assert httpx.post(url, json={"text": "x", "published": "soon"}, headers=auth).status_code == 422
        spec = httpx.get(srv.base + "/openapi.json").json()
        assert spec["paths"]["/api/extract"]["post"]["security"]


def _raw(sock, path: str) -> tuple[int, bytes]:
    """One HTTP/1.1 request on an open socket; (status, body). Fails if the connection was dropped."""
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, "connection closed by the server"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
    while len(body) < length:
        body += sock.recv(65536)
    return int(head.split()[1]), body


def test_errors_keep_the_connection_alive(tmp_path, web_db):
    import shutil

    from entente.api import create_app

    copy = str(tmp_path / "broken.db")
    shutil.copy(web_db, copy)
    app = create_app(copy)
    with sqlite3.connect(copy) as conn:  # the database breaks under a running server
        conn.execute("DROP TABLE event_participants")
        conn.execute("DROP TABLE event_pairs")
    with Server(app) as srv, socket.create_connection(("127.0.0.1", srv.port)) as sock:
        assert _raw(sock, "/api/events?dyad=XXX-YYY")[0] == 422
        assert _raw(sock, "/api/stories/nope")[0] == 404
        status, body = _raw(sock, "/api/events?dyad=CAN-JPN")
        assert status == 500 and b"internal error" in body
        assert _raw(sock, "/api/stories?limit=1")[0] == 200  # same connection, still answered


def test_exports_carry_every_matching_row(server):
    import pyarrow.parquet as pq

    total = get(server, "/api/events").json()["total"]
    text = get(server, "/api/events/export", format="csv").text
    assert text.count("\n") == total + 1 and text.startswith("story_id,event_id")
    parquet = get(server, "/api/events/export", format="parquet", dyad="CAN-JPN")
    assert parquet.headers["content-type"] == "application/vnd.apache.parquet"
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == 2
    actors = get(server, "/api/actors/export", format="csv").text
    assert actors.count("\n") == get(server, "/api/actors").json()["total"] + 1


def test_docs_are_served_from_the_package(server):
    for page in ("/docs", "/redoc"):
        html = httpx.get(server.base + page).text
        assert "http://" not in html and "https://" not in html
        for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/redoc/redoc.standalone.js",
                      "/static/vendor/swagger-ui/LICENSE", "/static/vendor/redoc/LICENSE"):
            assert httpx.get(server.base + asset).status_code == 200


def test_summary_counts(server, web_db):
    s = get(server, "/api/summary").json()
    assert s["stories"] == 4 and s["events"] == Database(web_db).count_events()
    assert {"key": "CAN-JPN", "count": 2} in s["dyads"]
