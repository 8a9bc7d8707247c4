"""Issue 13, rows 10 and 18: editing, re-extracting and deleting stored stories leave the
database as a fresh ingest of what remains would, registry included (no ghost actors or
agreements), on real SQLite and PostgreSQL."""
from __future__ import annotations

import json

from sqlalchemy import text, update

from entente.cli import main
from entente.store import Database
from entente.store import schema as t
from tests.conftest import dump, plain_engine

A = ("India and the United States signed the Interim Trade Agreement in New Delhi on Monday, Commerce Minister "
     "Piyush Goyal said. Secretary of State Marco Rubio welcomed the deal.")
A_EDITED = ("Japan and Australia signed the Reciprocal Access Agreement in Tokyo on Monday, Prime Minister "
            "Anthony Albanese said. Albanese called it historic.")
B = "Rubio met Goyal in Washington on Friday to discuss the Interim Trade Agreement."
C = "China accused Japan of provocations near the disputed islands on Friday."


def corpus(path, **stories) -> str:
    path.write_text("".join(json.dumps({"id": k, "text": v, "published": "2026-02-12"}) + "\n"
                            for k, v in stories.items()), encoding="utf-8")
    return str(path)


def ingest(capsys, *args) -> str:
    code = main(["ingest", *args, "--no-summary"])
    err = capsys.readouterr().err
    assert code == 0, err
    return err


def registry_view(target: str) -> dict:
    db = Database(target, create=False)
    return {"entities": db.entities(), "agreements": db.agreements(), "summary": db.summary()}


# -- row 10: edit, then revert ---------------------------------------------------------------
def test_edit_then_revert_leaves_no_ghosts(tmp_path, db_target, capsys, pipeline):
    original = corpus(tmp_path / "a.jsonl", a=A, c=C)
    edited = corpus(tmp_path / "a2.jsonl", a=A_EDITED, c=C)
    fresh_original, fresh_edited = str(tmp_path / "fresh.db"), str(tmp_path / "fresh-edited.db")
    ingest(capsys, original, "--db", fresh_original)
    ingest(capsys, edited, "--db", fresh_edited)
    assert registry_view(fresh_original) != registry_view(fresh_edited)
    ingest(capsys, original, "--db", db_target)
    assert "1 new story" in ingest(capsys, edited, "--db", db_target)
    assert registry_view(db_target) == registry_view(fresh_edited)  # the old version's actors and deal are gone
    ingest(capsys, original, "--db", db_target)
    assert registry_view(db_target) == registry_view(fresh_original)
    assert dump(db_target) == dump(fresh_original)


# -- row 18: stories stored by an older version ---------------------------------------------------
def _age(target: str, *ids: str) -> None:
    engine = plain_engine(target)
    with engine.begin() as conn:
        conn.execute(update(t.stories).where(t.stories.c.id.in_(ids)).values(version="0.0.1"))
    engine.dispose()


def test_older_versions_are_reported_and_reextracted(tmp_path, db_target, capsys, pipeline):
    path = corpus(tmp_path / "c.jsonl", a=A, b=B, c=C)
    ingest(capsys, path, "--db", db_target)
    current = dump(db_target)
    _age(db_target, "a", "b")
    err = ingest(capsys, path, "--db", db_target)
    assert "0 new stories" in err and "3 already there (2 extracted by an older version" in err
    assert "entente reextract" in err
    assert "1 new story" in ingest(capsys, corpus(tmp_path / "b.jsonl", b=B), "--db", db_target, "--refresh")
    assert main(["reextract", "--db", db_target]) == 0
    assert "1 story extracted again" in capsys.readouterr().err
    assert dump(db_target) == current
    assert main(["reextract", "--db", db_target]) == 0
    assert "nothing to do" in capsys.readouterr().err


def test_stored_stories_keep_only_the_dates_the_input_gave(tmp_path, pipeline, capsys):
    target = str(tmp_path / "d.db")
    ingest(capsys, corpus(tmp_path / "c.jsonl", a=A), "--db", target)
    (tmp_path / "undated.txt").write_text("BEIJING, Feb. 3, 2026 (Reuters) - " + C, encoding="utf-8")
    ingest(capsys, str(tmp_path / "undated.txt"), "--db", target)
    stored = Database(target, create=False).stories()
    assert sorted((s["published"], s["id"] == "a") for s in stored) == [("2026-02-03", False), ("2026-02-12", True)]
    engine = plain_engine(target)
    with engine.begin() as conn:
        conn.execute(text("UPDATE stories SET version = '0.0.1'"))
    engine.dispose()
    given = {s.id: s.published for s in Database(target, create=False).stored_stories()}
    assert given["a"] == "2026-02-12"
    assert [v for k, v in given.items() if k != "a"] == [None]


# -- delete ------------------------------------------------------------------------------------
def test_delete_removes_the_story_and_what_only_it_held(tmp_path, db_target, capsys, pipeline):
    ingest(capsys, corpus(tmp_path / "abc.jsonl", a=A, b=B, c=C), "--db", db_target)
    fresh = str(tmp_path / "fresh.db")
    ingest(capsys, corpus(tmp_path / "bc.jsonl", b=B, c=C), "--db", fresh)
    assert registry_view(db_target) != registry_view(fresh)
    assert main(["delete", "a", "nosuch", "--db", db_target]) == 1
    err = capsys.readouterr().err
    assert "1 story deleted" in err and "skipped 'nosuch': no such story" in err
    assert registry_view(db_target) == registry_view(fresh)
    assert dump(db_target) == dump(fresh)
    assert main(["delete", "b", "c", "--db", db_target]) == 0
    capsys.readouterr()
    view = registry_view(db_target)
    assert view["entities"] == [] and view["agreements"] == [] and view["summary"]["stories"] == 0
    left = {name: rows for name, rows in dump(db_target).items() if rows}
    assert list(left) == ["cluster_meta"]  # only the clustering rules' version, not a fact


def test_delete_needs_an_existing_database(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert main(["delete", "a", "--db", str(missing)]) == 2
    assert "no such database" in capsys.readouterr().err and not missing.exists()
