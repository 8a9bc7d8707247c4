"""The REST API and the dashboard on a real uvicorn server over a real SQLite database,
and the page rendered by a real headless Chromium."""
from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
import time

import httpx
import pytest

from entente.pipeline import make_story
from entente.store import Database

STORIES = [
    ("Secretary of State Marco Rubio met Indian External Affairs Minister S Jaishankar in Washington on "
     "February 3, 2026. The two ministers agreed to expand defence cooperation.", "2026-02-05"),
    ("India and the United States held talks in New Delhi on January 20, 2026 on critical minerals. "
     "China condemned the talks.", "2026-01-22"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    import uvicorn

    from entente.api import create_app

    db_path = str(tmp_path_factory.mktemp("web") / "web.db")
    db = Database(db_path)
    stories = [make_story(text, published=pub, title=f"Story {i}") for i, (text, pub) in enumerate(STORIES)]
    db.add_many(list(pipeline.process_pairs(stories)))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", [s.id for s in stories]
    srv.should_exit = True
    thread.join(5)


def test_summary_and_events(server):
    base, _ = server
    s = httpx.get(base + "/api/summary").json()
    assert s["stories"] == 2 and s["events"] >= 1
    events = httpx.get(base + "/api/events").json()
    assert events, "the pipeline coded no event in two diplomatic stories"
    assert all({"type", "sentence", "actors", "recipients", "date_value"} <= set(e) for e in events)
    starts = [e["date_start"] for e in events if e["date_start"]]
    assert starts == sorted(starts)  # a timeline, by event date


def test_story_view_has_text_and_document(server):
    base, ids = server
    got = httpx.get(f"{base}/api/stories/{ids[0]}").json()
    assert got["text"].startswith("Secretary of State Marco Rubio")
    assert got["document"]["id"] == ids[0]
    assert httpx.get(base + "/api/stories/nope").status_code == 404


def test_bad_parameters_are_422_with_a_message(server):
    base, _ = server
    r = httpx.get(base + "/api/events", params={"dyad": "USA"})
    assert r.status_code == 422 and "alpha-3" in r.json()["detail"]
    r = httpx.get(base + "/api/events", params={"since": "last week"})
    assert r.status_code == 422


def test_extract_endpoint_returns_the_contract(server):
    base, _ = server
    r = httpx.post(base + "/api/extract", json={"text": STORIES[0][0], "published": "2026-02-05"}, timeout=60)
    assert r.status_code == 200
    assert r.json()["published"] == "2026-02-05"
    assert httpx.post(base + "/api/extract", json={"text": "x", "published": "soon"}).status_code == 422
    assert httpx.post(base + "/api/extract", json={}).status_code == 422


def test_openapi_lists_the_api(server):
    base, _ = server
    paths = httpx.get(base + "/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/stories/{story_id}", "/api/statements", "/api/agreements",
              "/api/dyads/{dyad}/series", "/api/network", "/api/extract"):
        assert p in paths


def test_dyad_series_and_network(server):
    base, _ = server
    series = httpx.get(base + "/api/dyads/USA-IND/series").json()
    assert all(set(x) == {"period", "type", "events", "goldstein_mean"} for x in series)
    assert httpx.get(base + "/api/network").status_code == 200


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it)")
def test_dashboard_renders_in_a_real_browser(server):
    base, _ = server
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=8000", "--dump-dom", base + "/"],
            capture_output=True, text=True, timeout=90).stdout
    assert "2 stories" in dom  # the summary line was filled from /api/summary by the page's script
    assert 'id="timeline-table" data-rows="' in dom and 'data-rows="0"' not in dom
    assert "<mark" not in dom or "evidence" in dom
