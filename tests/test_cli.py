"""The CLI end to end, in process and as a real subprocess: outputs and bad input."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from entente.cli import main
from entente.model import Document

STORY = ("WASHINGTON — Secretary of State Marco Rubio met Indian Foreign Minister S. Jaishankar "
         "in Washington on Tuesday. The two sides agreed to expand defence cooperation.")


def run_cli(args, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        class _In:
            buffer = io.BytesIO(stdin)
        monkeypatch.setattr(sys, "stdin", _In())
    code = main(args)
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.fixture
def story_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def test_extract_text_prints_contract_json(story_file, capsys, pipeline):
    code, out, err = run_cli(["extract", str(story_file), "--published", "2026-02-12"], capsys)
    assert code == 0, err
    doc = Document.model_validate_json(out)
    assert doc.published == "2026-02-12"
    assert doc.id and len(doc.id) == 64


def test_extract_jsonl_keeps_ids_and_order(capsys, monkeypatch, pipeline):
    lines = "".join(json.dumps({"id": f"s{i}", "text": STORY, "published": "2026-02-1" + str(i)}) + "\n" for i in range(3))
    code, out, err = run_cli(["extract", "--input-format", "jsonl", "--format", "jsonl", "-"], capsys,
                             stdin=lines.encode(), monkeypatch=monkeypatch)
    assert code == 0, err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ["s0", "s1", "s2"]
    assert [d["published"] for d in docs] == ["2026-02-10", "2026-02-11", "2026-02-12"]


def test_same_input_same_output(story_file, capsys, pipeline):
    _, first, _ = run_cli(["extract", str(story_file), "--published", "2026-02-12"], capsys)
    _, second, _ = run_cli(["extract", str(story_file), "--published", "2026-02-12"], capsys)
    assert first == second


def test_malformed_jsonl_line_reported_others_processed(tmp_path, capsys, pipeline):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a", "text": STORY}) + "\n{not json\n" + json.dumps({"id": "c", "text": STORY}) + "\n")
    code, out, err = run_cli(["extract", str(p), "--format", "jsonl"], capsys)
    assert code == 1
    assert "line 2" in err and "malformed JSON" in err
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["a", "c"]


def test_record_without_text_is_reported(tmp_path, capsys, pipeline):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a"}) + "\n" + json.dumps({"id": "b", "text": STORY, "published": "soon"}) + "\n")
    code, out, err = run_cli(["extract", str(p), "--format", "jsonl"], capsys)
    assert code == 1 and out == ""
    assert "line 1" in err and "no 'text'" in err
    assert "line 2" in err and "publication date" in err


@pytest.mark.parametrize("content,needle", [
    (None, "no such file"),
    (b"", "empty input"),
    (b"   \n\n", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"Caf\xe9 talks in Paris", "invalid UTF-8 at byte 3"),
])
def test_bad_files_one_line_error(tmp_path, capsys, content, needle):
    p = tmp_path / "bad.txt"
    if content is not None:
        p.write_bytes(content)
    code, out, err = run_cli(["extract", str(p)], capsys)
    assert code == 2
    assert out == ""
    assert needle in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_unparseable_published(story_file, capsys):
    code, out, err = run_cli(["extract", str(story_file), "--published", "next Tuesday"], capsys)
    assert code == 2 and out == ""
    assert "unparseable publication date" in err


def test_output_file_not_half_written(story_file, tmp_path, capsys):
    target = tmp_path / "out.json"
    code, _, err = run_cli(["extract", str(story_file), str(tmp_path / "missing.txt"), "-o", str(target)], capsys)
    assert code == 2 and "no such file" in err
    assert not target.exists()
    assert list(tmp_path.glob(".out.json*")) == []


def test_output_file_written_atomically(story_file, tmp_path, capsys, pipeline):
    target = tmp_path / "out.jsonl"
    code, out, _ = run_cli(["extract", str(story_file), "-f", "jsonl", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert Document.model_validate_json(target.read_text().strip())


def test_unknown_formats(story_file, capsys):
    assert run_cli(["extract", str(story_file), "--format", "xml"], capsys)[0] == 2
    assert run_cli(["extract", str(story_file), "--input-format", "pdf"], capsys)[0] == 2


def test_schema_is_json_schema(capsys):
    code, out, _ = run_cli(["schema"], capsys)
    schema = json.loads(out)
    assert code == 0
    assert {"actors", "events", "statements", "agreements", "groupings", "timexes"} <= set(schema["properties"])


def test_subprocess_bad_input_has_no_traceback(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = subprocess.run([sys.executable, "-m", "entente", "extract", str(bad)], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.startswith("entente: error:") and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "entente", "events", "--db", str(tmp_path / "nope" / "x.db")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "no such database" in r.stderr and "Traceback" not in r.stderr


def test_help_explains_commands():
    r = subprocess.run([sys.executable, "-m", "entente", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    for cmd in ("extract", "ingest", "events", "statements", "agreements", "schema", "demo"):
        assert cmd in r.stdout


def test_ingest_leaves_one_self_contained_database_file(tmp_path, story_file):
    # the write-ahead log is folded into the file on exit: copying the .db alone copies everything
    db = tmp_path / "news.db"
    r = subprocess.run([sys.executable, "-m", "entente", "ingest", str(story_file), "--db", str(db),
                        "--published", "2026-02-12"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert db.exists() and not (tmp_path / "news.db-wal").exists()
