"""/api/clusters on a real uvicorn server over a real SQLite database of made-up stories."""
from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from entente.model import Actor, Document, Event, EventDate, Evidence
from entente.pipeline import make_story
from entente.store import Database


def _story(sid, published, when, sentence, typ="CONSULT", a=("USA", "Ann Carter"), b=("IND", "Ravi Nair")):
    story = make_story(sentence, id=sid, published=published, title=f"Title {sid}", url=f"https://news.example/{sid}")
    actors = [Actor(id="a1", name=a[1], kind="person", country=a[0]),
              Actor(id="a2", name=b[1], kind="person", country=b[0])]
    start = 0
    ev = Event(id=f"{sid}-e1", type=typ, actors=["a1"], recipients=["a2"],
               date=EventDate(value=when, granularity="day", type="exact"),
               evidence=Evidence(sentence=sentence, start=start, end=len(sentence), trigger="met"))
    return story, Document(id=sid, published=published, title=story.title, url=story.url, actors=actors,
                           events=[ev], version="t")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    import uvicorn

    from entente.api import create_app

    path = str(tmp_path_factory.mktemp("clusters") / "c.db")
    Database(path).add_many([
        _story("k1", "2026-03-05", "2026-03-04", "Carter met Nair in Delhi on Wednesday."),
        _story("k2", "2026-03-06", "2026-03-04", "Nair and Carter held talks on Wednesday."),
        _story("k3", "2026-03-20", "2026-03-19", "Carter met Nair again."),
        _story("k4", "2026-04-02", "2026-04-01", "Russia accused Ukraine of shelling.", typ="ACCUSE",
               a=("RUS", "Oleg Petrov"), b=("UKR", "Taras Koval")),
    ])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


def test_list_is_a_paged_envelope_of_real_events(base):
    page = httpx.get(base + "/api/clusters").json()
    assert set(page) == {"total", "limit", "offset", "items"} and page["total"] == 3 and page["offset"] == 0
    first = page["items"][0]
    assert first["type"] == "CONSULT" and first["source_count"] == 2
    assert first["actor_countries"] == ["USA"] and first["recipient_countries"] == ["IND"]
    assert first["date"] == {"value": "2026-03-04", "granularity": "day", "type": "exact"}
    assert (first["first_seen"], first["last_seen"]) == ("2026-03-05", "2026-03-06")
    src = {s["story"]: s for s in first["sources"]}
    assert set(src) == {"k1", "k2"}
    assert src["k1"]["url"] == "https://news.example/k1" and src["k1"]["title"] == "Title k1"
    assert src["k1"]["sentence"].startswith("Carter met Nair") and src["k1"]["trigger"] == "met"
    assert (src["k1"]["start"], src["k1"]["end"]) == (0, len(src["k1"]["sentence"]))
    two = httpx.get(base + "/api/clusters", params={"limit": 1, "offset": 1}).json()
    assert two["total"] == 3 and len(two["items"]) == 1 and two["items"][0]["source_count"] == 1


def test_filters(base):
    def ids(**params):
        return [c["source_count"] for c in httpx.get(base + "/api/clusters", params=params).json()["items"]]

    assert ids(dyad="IND-USA") == [2, 1]
    assert ids(country="UKR") == [1]
    assert ids(type="ACCUSE") == [1]
    assert ids(since="2026-03-10", until="2026-03-31") == [1]
    assert ids(min_sources=2) == [2]
    assert httpx.get(base + "/api/clusters", params={"dyad": "USA"}).status_code == 422
    assert httpx.get(base + "/api/clusters", params={"since": "March"}).status_code == 422


def test_one_cluster_and_event_rows(base):
    events = httpx.get(base + "/api/events").json()
    rows = events["items"] if isinstance(events, dict) else events
    consult = [e for e in rows if e["story_id"] == "k1"][0]
    assert consult["source_count"] == 2 and consult["cluster"]
    one = httpx.get(base + f"/api/clusters/{consult['cluster']}").json()
    assert one["cluster"] == consult["cluster"] and {s["story"] for s in one["sources"]} == {"k1", "k2"}
    assert httpx.get(base + "/api/clusters/nosuchcluster").status_code == 404
