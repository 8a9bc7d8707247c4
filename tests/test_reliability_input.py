"""Issue 13: one bad record never ends a run, and a story too long or too odd for the parser
is split or refused, never the batch. Every ingest runs on real SQLite and PostgreSQL."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select

from entente.cli import main
from entente.store import Database
from entente.store import schema as t

GOOD = [
    "Secretary of State Marco Rubio met Indian Foreign Minister S. Jaishankar in Washington on Tuesday.",
    "China accused Japan of provocations near the disputed islands on Friday, the foreign ministry said.",
    "The European Union imposed new sanctions on Russia on Monday over the war in Ukraine.",
    "German Chancellor Friedrich Merz praised France for its support on Wednesday.",
    "Kenya and Ethiopia agreed to reopen their border crossing, officials said on Thursday.",
    "Brazil rejected a request from Argentina to extradite the former minister.",
]


def record(i: int, text: str | None = None, **kw) -> str:
    obj = {"id": f"s{i}", "text": GOOD[i % len(GOOD)] if text is None else text, "published": "2026-02-12", **kw}
    return json.dumps(obj) + "\n"


def run(args, capsys):
    code = main(args)
    cap = capsys.readouterr()
    assert "Traceback" not in cap.err
    return code, cap.out, cap.err


def stored(target: str) -> dict[str, str]:
    with Database(target, create=False).engine.connect() as conn:
        return dict(conn.execute(select(t.stories.c.id, t.stories.c.text)).all())


def count(target: str, table) -> int:
    with Database(target, create=False).engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


# -- row 2: a story over the limit is refused alone -----------------------------------
def test_story_over_the_limit_is_skipped_not_the_run(tmp_path, db_target, capsys, pipeline):
    from entente.pipeline import MAX_STORY_CHARS

    corpus = tmp_path / "c.jsonl"
    huge = "Talks went on. " * (MAX_STORY_CHARS // 15 + 10)
    corpus.write_text("".join(record(i) for i in range(3)) + record(3, huge)
                      + "".join(record(i) for i in range(4, 7)), encoding="utf-8")
    code, _, err = run(["ingest", str(corpus), "--db", db_target, "--no-summary"], capsys)
    assert code == 1
    assert re.search(r"c\.jsonl line 4: story of [\d,]+ characters is over the limit", err)
    assert sorted(stored(db_target)) == ["s0", "s1", "s2", "s4", "s5", "s6"]
    code, out, err = run(["extract", str(corpus), "--format", "jsonl"], capsys)
    assert code == 1 and [json.loads(x)["id"] for x in out.splitlines()] == ["s0", "s1", "s2", "s4", "s5", "s6"]


def test_long_story_reaches_spacy_in_bounded_batches(pipeline, monkeypatch):
    """The parser's memory grows with the text of one spaCy batch: a long story goes in
    pieces, and no batch holds more than BATCH_CHARS (scaled down here)."""
    from entente import parsing
    from entente.pipeline import make_story

    monkeypatch.setattr(parsing, "PIECE", 1500)
    monkeypatch.setattr(parsing, "BATCH_CHARS", 4000)
    paragraphs = [f"{GOOD[i % len(GOOD)]} Talks continued in round {i}." for i in range(120)]
    story = make_story("\n\n".join(paragraphs), published="2026-02-12")
    assert len(story.text) > 10_000
    batches: list[int] = []
    real_pipe = pipeline.nlp.pipe

    def spy(items, **kw):
        if kw.get("as_tuples"):  # the pipeline's call, not spaCy's own inner one
            items = list(items)
            batches.append(sum(len(x if isinstance(x, str) else x.text) for x, _ in items))
        return real_pipe(items, **kw)

    monkeypatch.setattr(pipeline.nlp, "pipe", spy)
    (doc,) = list(pipeline.process([story]))
    assert len(batches) > 1 and max(batches) <= 4000
    assert sum(batches) == len(story.text)
    starts = sorted(m.start for a in doc.actors for m in a.mentions)
    assert starts and starts[0] < 1500 and starts[-1] > len(story.text) - 1500   # facts from every piece
    for e in doc.events:
        assert story.text[e.evidence.start:e.evidence.end] == e.evidence.sentence


def test_gc_freeze_is_asked_once_per_pipeline(pipeline, monkeypatch):
    """gc.get_freeze_count() walks every frozen object (the whole model once frozen):
    a pipeline asks it for its first story only, not for every story."""
    import gc

    from entente.pipeline import Pipeline, make_story

    calls: list[int] = []
    monkeypatch.setattr(gc, "get_freeze_count", lambda: calls.append(1) or 1)  # as if already frozen
    monkeypatch.setattr(gc, "freeze", lambda: pytest.fail("froze again"))
    pipe = Pipeline(pipeline.nlp, pipeline.stages, freeze_gc=True)
    stories = [make_story(f"{GOOD[i % len(GOOD)]} Round {i}.", published="2026-02-12") for i in range(3)]
    assert len(list(pipe.process(stories))) == 3
    assert calls == [1]


def test_pieces_join_back_to_the_story(nlp):
    from entente import parsing

    text = ("One paragraph here. " * 40 + "\n\n") * 30 + "x" * 3000 + " end."
    parts = parsing.split(text, 1000)
    assert "".join(parts) == text and max(map(len, parts)) <= 1000
    docs = [nlp(p) if isinstance(p, str) else nlp(p) for p in parsing.pieces(nlp, text[:5000])]
    assert parsing.join(docs).text == text[:5000]


# -- rows 3 and 4: lone surrogates and NUL characters ---------------------------------
def test_lone_surrogate_and_nul_are_stored(tmp_path, db_target, capsys, pipeline):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "sur", "text": "Rubio met \\ud800 Jaishankar in Delhi.", "published": "2026-02-12"}\n'
                      '{"id": "nul", "text": "Rubio met \\u0000 Jaishankar in Delhi.", "title": "A\\u0000B"}\n'
                      + record(2), encoding="utf-8")
    code, _, err = run(["ingest", str(corpus), "--db", db_target, "--no-summary"], capsys)
    assert code == 0, err
    texts = stored(db_target)
    assert texts["sur"] == "Rubio met \ufffd Jaishankar in Delhi."
    assert texts["nul"] == "Rubio met  Jaishankar in Delhi."
    assert count(db_target, t.events) >= 3


def test_python_api_takes_surrogates(pipeline):
    import entente

    doc = entente.extract("Rubio met \ud800 Jaishankar. \ud83d\ude00 Both smiled.", published="2026-02-12")
    assert doc.model_dump_json()  # encodable
    assert "\ud800" not in json.loads(doc.model_dump_json())["id"]


# -- row 7: an undecodable or binary line in the middle -------------------------------
def test_bad_lines_in_the_middle_are_skipped(tmp_path, db_target, capsys, pipeline):
    corpus = tmp_path / "c.jsonl"
    with corpus.open("wb") as fh:
        for i in range(8):
            fh.write(record(i).encode())
            if i == 3:
                fh.write(b'{"id": "latin1", "text": "Caf\xe9 talks"}\n')
            if i == 5:
                fh.write(b'{"id": "nul", "text": "a\x00b"}\n')
    code, _, err = run(["ingest", str(corpus), "--db", db_target, "--no-summary"], capsys)
    assert code == 1
    assert "c.jsonl line 5: invalid UTF-8" in err and "c.jsonl line 8: binary data" in err
    assert "2 records skipped" in err
    assert len(stored(db_target)) == 8
    code, out, _ = run(["extract", str(corpus), "--format", "json"], capsys)
    assert code == 1 and [d["id"] for d in json.loads(out)] == [f"s{i}" for i in range(8)]


def test_json_array_output_stays_valid_when_a_run_stops(tmp_path, capsys, pipeline, monkeypatch):
    """Whatever stops `extract --format json` midway, standard output is a closed array."""
    from entente.pipeline import Pipeline

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(record(i) for i in range(4)), encoding="utf-8")
    real = Pipeline.process_pairs

    def stop_after_two(self, stories):
        for n, pair in enumerate(real(self, stories)):
            if n == 2:
                raise KeyboardInterrupt
            yield pair

    monkeypatch.setattr(Pipeline, "process_pairs", stop_after_two)
    code, out, err = run(["extract", str(corpus)], capsys)
    assert code == 130 and "interrupted; 2 stories written" in err
    assert [d["id"] for d in json.loads(out)] == ["s0", "s1"]


# -- row 8: one bad file in a folder ---------------------------------------------------
def test_empty_file_in_a_folder_is_skipped(tmp_path, db_target, capsys, pipeline):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for i in range(4):
        (folder / f"story{i}.txt").write_text(GOOD[i], encoding="utf-8")
    (folder / "sub" / "empty.txt").write_text("", encoding="utf-8")
    (folder / "sub" / "spaces.txt").write_text("\u3000\u00a0 \n\u2003", encoding="utf-8")
    code, _, err = run(["ingest", str(folder), "--db", db_target, "--no-summary"], capsys)
    assert code == 1
    assert "empty.txt: empty input" in err and "spaces.txt: empty input" in err
    assert len(stored(db_target)) == 4


# -- row 9: duplicate ids in one input ---------------------------------------------------
def test_duplicate_ids_keep_the_first_record(tmp_path, db_target, capsys, pipeline):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(record(0) + record(1) + record(0, GOOD[2]) + record(0), encoding="utf-8")
    for _ in range(2):
        code, _, err = run(["ingest", str(corpus), "--db", db_target, "--no-summary"], capsys)
        assert code == 1
        assert "c.jsonl line 3: duplicate id 's0' (first used by" in err and "a different text" in err
        assert "c.jsonl line 4: duplicate id 's0'" in err and "the same text" in err
        assert stored(db_target) == {"s0": GOOD[0], "s1": GOOD[1]}
    assert "0 new stories" in err and "2 already there" in err


# -- row 11: truncated feeds and unclosed CSV quotes are reported ----------------------
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>One</title><guid>i1</guid><pubDate>Tue, 10 Feb 2026 09:00:00 GMT</pubDate>
<description>Diplomats from Kenya and Ethiopia met in Nairobi on Monday.</description></item>
<item><title>Two</title><guid>i2</guid><pubDate>Wed, 11 Feb 2026 09:00:00 GMT</pubDate>
<description>The EU imposed new sanctions on Tuesday.</description></item>
<item><title>Three</title><guid>i3</guid><description>Brazil rejected the request"""


def test_truncated_feed_is_reported(tmp_path, db_target, capsys, pipeline):
    feed = tmp_path / "trunc.rss"
    feed.write_text(RSS, encoding="utf-8")
    code, _, err = run(["ingest", str(feed), "--db", db_target, "--no-summary"], capsys)
    assert code == 1
    assert "trunc.rss: malformed or truncated feed" in err and "line 6" in err
    assert {"i1", "i2"} <= set(stored(db_target))


def test_unclosed_csv_quote_is_reported(tmp_path, db_target, capsys, pipeline):
    data = tmp_path / "odd.csv"
    data.write_text(f'id,text\na,"{GOOD[0]}"\nb,"{GOOD[1]}\nc,"{GOOD[2]}"\nd,{GOOD[3]}\n', encoding="utf-8")
    code, _, err = run(["ingest", str(data), "--db", db_target, "--no-summary"], capsys)
    assert code == 1
    assert re.search(r"odd\.csv lines 3-\d: malformed CSV record", err)
    assert sorted(stored(db_target)) == ["a", "d"]


# -- row 12: pathological runs reach the tokenizer masked ------------------------------
@pytest.mark.parametrize("char", ['"', "(", "'", "\u201c", "$"])
def test_long_runs_are_one_token(pipeline, monkeypatch, char):
    from entente import parsing
    from entente.pipeline import make_story

    story = make_story(f"{GOOD[0]} {char * 16000} {GOOD[1]}", published="2026-02-12")
    seen: list = []
    real_pipe = pipeline.nlp.pipe

    def spy(items, **kw):
        if kw.get("as_tuples"):
            items = list(items)
            seen.extend(x for x, _ in items)
        return real_pipe(items, **kw)

    monkeypatch.setattr(pipeline.nlp, "pipe", spy)
    (doc,) = list(pipeline.process([story]))
    for piece in seen:  # a string is tokenised by spaCy; no long run may reach it
        if isinstance(piece, str):
            assert not re.search(r"\S{%d,}" % (parsing.MAX_RUN + 1), piece)
    assert "".join(p if isinstance(p, str) else p.text for p in seen) == story.text
    for sentence in GOOD[:2]:  # the sentences around the run are still read
        assert any(sentence in e.evidence.sentence for e in doc.events)


# -- row 16: odd but honest input ------------------------------------------------------
def test_json_array_file(tmp_path, db_target, capsys, pipeline):
    data = tmp_path / "corpus.json"
    data.write_text(json.dumps([json.loads(record(i)) for i in range(5)], indent=2), encoding="utf-8")
    code, _, err = run(["ingest", str(data), "--db", db_target, "--no-summary"], capsys)
    assert code == 0, err
    assert sorted(stored(db_target)) == [f"s{i}" for i in range(5)]
    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps(json.loads(record(9)), indent=2), encoding="utf-8")
    assert run(["ingest", str(pretty), "--db", db_target, "--no-summary"], capsys)[0] == 0
    assert "s9" in stored(db_target)


def test_progress_total_is_never_below_the_count():
    from entente.cli.common import count_hint

    assert count_hint(["corpus.json"]) is None and count_hint(["a.csv"]) is None


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, capsys, pipeline, encoding):
    p = tmp_path / "story.txt"
    p.write_bytes(GOOD[0].encode(encoding))  # Python writes the byte-order mark
    code, out, err = run(["extract", str(p), "--published", "2026-02-12"], capsys)
    assert code == 0, err
    assert json.loads(out)["events"] and "Jaishankar" in out
    q = tmp_path / "c.jsonl"
    q.write_bytes((record(0) + record(1)).encode(encoding))
    code, out, err = run(["extract", str(q), "-f", "jsonl"], capsys)
    assert code == 0, err
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["s0", "s1"]


def test_unicode_blank_text_file_is_empty(tmp_path, capsys):
    p = tmp_path / "blank.txt"
    p.write_text("\u2003\u00a0\u3000\n", encoding="utf-8")
    code, out, err = run(["extract", str(p)], capsys)
    assert code == 2 and out == "" and "empty input" in err


def test_navigation_only_html_is_not_a_story(tmp_path, capsys, pipeline):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
                                     "<div>Home About</div></body></html>", encoding="utf-8")
    (folder / "real.html").write_text(f"<html><body><article><p>{GOOD[0]}</p><p>{GOOD[2]}</p></article>"
                                      "</body></html>", encoding="utf-8")
    code, out, err = run(["extract", str(folder), "-f", "jsonl"], capsys)
    assert code == 1 and "nav.html: no main text found" in err
    assert len(out.splitlines()) == 1


def test_folder_skips_hidden_files_and_readme(tmp_path, capsys, pipeline):
    folder = tmp_path / "corpus"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "notes.txt").write_text("Internal note.", encoding="utf-8")
    (folder / ".draft.txt").write_text(GOOD[1], encoding="utf-8")
    (folder / "README.md").write_text("# How this corpus was made", encoding="utf-8")
    (folder / "story.txt").write_text(GOOD[0], encoding="utf-8")
    code, out, err = run(["extract", str(folder), "-f", "jsonl"], capsys)
    assert code == 0, err
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["story.txt"]


def test_text_of_the_wrong_type_says_so(tmp_path, capsys):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": 123}\n{"id": "b", "text": ["x"]}\n{"id": "c"}\n', encoding="utf-8")
    code, out, err = run(["extract", str(p), "-f", "jsonl"], capsys)
    assert code == 1 and out == ""
    assert "line 1: 'text' must be a string, not a number" in err
    assert "line 2: 'text' must be a string, not an array" in err
    assert "line 3: record has no 'text'" in err
