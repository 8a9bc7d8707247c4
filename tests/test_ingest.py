"""Ingest readers on real files: HTML, feeds, CSV, folders, streaming."""
from __future__ import annotations

import itertools
import json

import pytest

from entente.errors import InputError
from entente.ingest import Problem, iter_stories
from entente.pipeline import make_story
from entente.text import content_id

HTML = """<!doctype html><html><head><title>Envoys meet in Beijing</title>
<meta property="article:published_time" content="2026-02-12T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Envoys meet in Beijing</h1>
<p>India's Ambassador to China and the US Ambassador to China met in Beijing on Tuesday and discussed
defence cooperation, energy security and critical minerals, officials said.</p>
<p>The two envoys also talked about the Quad, which includes the United States, India, Australia and Japan,
and about the interim trade agreement the two countries reached earlier this month.</p>
</article><footer>Copyright 2026. Subscribe to our newsletter.</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>World desk</title>
<item><title>Talks in Geneva</title><link>https://example.org/a</link><guid>item-1</guid>
<pubDate>Tue, 10 Feb 2026 09:00:00 GMT</pubDate><description>&lt;p&gt;Diplomats met in Geneva on Monday.&lt;/p&gt;</description></item>
<item><title>Sanctions</title><link>https://example.org/b</link><guid>item-2</guid>
<pubDate>Wed, 11 Feb 2026 09:00:00 GMT</pubDate><description>The EU imposed new sanctions on Tuesday.</description></item>
</channel></rss>"""


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    (story,) = list(iter_stories([str(p)]))
    assert "met in Beijing" in story.text
    assert "Subscribe" not in story.text and "Home | World" not in story.text
    assert story.title == "Envoys meet in Beijing"
    assert story.published == "2026-02-12"


def test_feed_entries_with_their_dates(tmp_path):
    p = tmp_path / "world.rss"
    p.write_text(RSS, encoding="utf-8")
    stories = list(iter_stories([str(p)]))
    assert [s.id for s in stories] == ["item-1", "item-2"]
    assert [s.published for s in stories] == ["2026-02-10", "2026-02-11"]
    assert stories[0].text == "Diplomats met in Geneva on Monday."
    assert stories[0].source == "World desk"


def test_csv_and_folder(tmp_path):
    (tmp_path / "a.csv").write_text('id,text,published\nx1,"Talks were held.",2026-01-02\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Headline\n\nThe minister said talks went well.", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    stories = list(iter_stories([str(tmp_path)]))
    assert [s.id for s in stories][0] == "x1"
    assert stories[1].title == "Headline" and stories[1].id == content_id(stories[1].text)


def test_user_published_fills_missing_only(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "1", "text": "A.", "published": "2025-01-01"}) + "\n"
                 + json.dumps({"id": "2", "text": "B."}) + "\n")
    assert [s.published for s in iter_stories([str(p)], published="2026-02-12")] == ["2025-01-01", "2026-02-12"]


def test_jsonl_streams_lazily(tmp_path):
    """Reading stops where the consumer stops: the reader never loads the whole corpus."""
    p = tmp_path / "big.jsonl"
    with p.open("wb") as fh:
        for i in range(2000):
            fh.write((json.dumps({"id": str(i), "text": f"Story {i}."}) + "\n").encode())
        fh.write(b"\xff broken tail\n")  # never reached: reading is lazy
    first = list(itertools.islice(iter_stories([str(p)]), 3))
    assert [s.id for s in first] == ["0", "1", "2"]


def test_pipeline_streams(pipeline):
    """The pipeline yields results while its input is still open (constant memory)."""
    def endless():
        for i in itertools.count():
            yield make_story(f"The minister met his counterpart on day {i}.", id=str(i))
    out = list(itertools.islice(pipeline.process(endless()), 5))
    assert [d.id for d in out] == ["0", "1", "2", "3", "4"]


def test_content_id_ignores_line_endings():
    assert content_id("A\r\nB") == content_id("A\nB") == make_story("A\nB").id


def test_problems_do_not_stop_the_stream(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": 1, "text": "ok"}\n[1,2]\n{"id": 3, "text": "ok"}\n')
    items = list(iter_stories([str(p)]))
    assert isinstance(items[1], Problem) and "line 2" in str(items[1])
    assert [i.id for i in items if not isinstance(i, Problem)] == ["1", "3"]


def test_missing_folder_contents(tmp_path):
    (tmp_path / "x.bin").write_bytes(b"1")
    with pytest.raises(InputError, match="no readable files"):
        list(iter_stories([str(tmp_path)]))
