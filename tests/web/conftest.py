"""A small real database (stories through the real pipeline, a few hand-built documents with
known dates, paragraphs and a hostile story) served by real uvicorn servers on free ports."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from entente.model import Actor, Document, Event, EventDate, Evidence, Mention, Statement
from entente.pipeline import make_story
from entente.store import Database

# Our own sentences (never gold-set text).
STORIES = [
    ("Secretary of State Marco Rubio met Indian External Affairs Minister S Jaishankar in Washington on "
     "February 3, 2026. The two ministers agreed to expand defence cooperation.", "2026-02-05"),
    ("India and the United States held talks in New Delhi on January 20, 2026 on critical minerals. "
     "China condemned the talks.", "2026-01-22"),
]
PARAGRAPHS = ("Canada and Japan signed a fisheries accord in Ottawa.\n\n"
              "Officials from both countries said the accord would take effect in 2025.\n\n"
              "Brazil criticised the accord on Tuesday.")
HOSTILE_TEXT = ("France hosted talks with Germany in Paris on March 2, 2026 <script>window.__pwned=4</script>.\n\n"
                "Germany praised the talks <img src=x onerror=\"window.__pwned=5\">.")
HOSTILE_TITLE = "<script>window.__pwned=1</script>Talks <img src=x onerror=\"window.__pwned=2\"> in Paris"


def _event(eid, typ, actors, recipients, date, gran, start, end, sentence, trigger, quad=1, g=1.0, topics=()):
    return Event(id=eid, type=typ, actors=actors, recipients=recipients, quad_class=quad, goldstein=g,
                 topics=list(topics), date=EventDate(value=date, granularity=gran, type="exact" if date else "unresolved"),
                 evidence=Evidence(sentence=sentence, start=start, end=end, trigger=trigger))


def hand_built() -> list[tuple]:
    """Documents whose dates and offsets we know exactly."""
    s1 = make_story(PARAGRAPHS, id="accord", published="2024-06-01", title="Fisheries accord")
    t = s1.text
    first = t.index("Canada")
    third = t.index("Brazil")
    d1 = Document(id="accord", title="Fisheries accord", published="2024-06-01", url="https://news.example/accord",
                  actors=[Actor(id="a1", name="Canada", kind="state", country="CAN", mentions=[Mention(text="Canada", start=first, end=first + 6)]),
                          Actor(id="a2", name="Japan", kind="state", country="JPN"),
                          Actor(id="a3", name="Brazil", kind="state", country="BRA")],
                  events=[_event("e1", "AGREE", ["a1"], ["a2"], "2024-05", "month", first, first + 53,
                                 t[first:first + 53], "signed", topics=["trade"]),
                          # dated only to a year: must not be counted as a January event
                          _event("e2", "COOPERATE", ["a2"], ["a1"], "2025", "year", t.index("Officials"),
                                 t.index("2025.") + 5, t[t.index("Officials"):t.index("2025.") + 5], "take effect"),
                          _event("e3", "ACCUSE", ["a3"], ["a1"], "2024-05-28", "day", third, len(t), t[third:],
                                 "criticised", quad=3, g=-2.0)],
                  statements=[Statement(id="q1", speaker=None, speaker_text="Officials 100% sure_", text="the accord would take effect",
                                        direct=False, cue="said", start=t.index("the accord would"), end=t.index(" in 2025"))],
                  version="t")
    s2 = make_story(HOSTILE_TEXT, id="hostile", published="2026-03-03", title=HOSTILE_TITLE,
                    url="javascript:window.__pwned=3", source="<b>Wire</b>")
    h = s2.text
    d2 = Document(id="hostile", title=HOSTILE_TITLE, published="2026-03-03", url="javascript:window.__pwned=3",
                  source="<b>Wire</b>",
                  actors=[Actor(id="a1", name="France <script>window.__pwned=6</script>", kind="state", country="FRA"),
                          Actor(id="a2", name="Germany", kind="state", country="DEU")],
                  events=[_event("e1", "CONSULT", ["a1"], ["a2"], "2026-03-02", "day", 0, h.index("\n\n"),
                                 h[:h.index("\n\n")], "hosted")],
                  version="t")
    return [(s1, d1), (s2, d2)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A real uvicorn server in a thread, on a free loopback port."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("uvicorn did not start")

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, pipeline) -> str:
    path = str(tmp_path_factory.mktemp("web") / "web.db")
    db = Database(path)
    stories = [make_story(text, published=pub, title=f"Story {i}", url=f"https://news.example/{i}")
               for i, (text, pub) in enumerate(STORIES)]
    db.add_many(list(pipeline.process_pairs(stories)) + hand_built())
    return path


@pytest.fixture(scope="module")
def server(web_db):
    from entente.api import create_app

    with Server(create_app(web_db)) as srv:
        yield srv
