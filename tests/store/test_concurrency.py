"""Issue 13, rows 5 and 13: concurrent writers on real SQLite and PostgreSQL, in real processes.

Writers released together at a barrier race on the schema creation and on the same rows
(the same stories, the same registry entities); every one must succeed, and the database
must end as a single writer would have left it."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import time

import pytest

from entente.pipeline import make_story
from entente.store import Database
from tests.conftest import REPO, dump, fresh_postgres

TEXTS = [
    "Secretary of State Marco Rubio met Indian Foreign Minister S. Jaishankar in Washington on {d}.",
    "China accused Japan of provocations near the disputed islands on {d}, the foreign ministry said.",
    "The European Union imposed new sanctions on Russia on {d} over the war in Ukraine.",
    "Rubio spoke with Jaishankar by phone on {d} about trade and the Quad.",
    "India and the United States signed an interim trade agreement on {d}, said Piyush Goyal.",
    "Kenya and Ethiopia agreed on {d} to reopen their border crossing.",
]
DAYS = ["Monday", "Thursday"]


@pytest.fixture(scope="module")
def pairs(pipeline):
    """Real extractions that share actors, so the writers meet on the same registry rows."""
    stories = [make_story(t.format(d=d), id=f"r{i}-{j}", published="2026-02-12")
               for j, d in enumerate(DAYS) for i, t in enumerate(TEXTS)]
    return list(pipeline.process_pairs(stories))


def _target(kind: str, tmp_path: pathlib.Path, name: str) -> str:
    if kind == "sqlite":
        return str(tmp_path / f"{name}.db")
    if not os.environ.get("ENTENTE_TEST_POSTGRES"):
        pytest.skip("set ENTENTE_TEST_POSTGRES=postgresql://… to run the PostgreSQL store tests")
    return fresh_postgres()


def _race(tmp_path: pathlib.Path, jobs: list[list[str]]) -> list[subprocess.CompletedProcess]:
    """Start one worker per job, release them together, and collect them."""
    folder = tmp_path / f"barrier-{time.monotonic_ns()}"
    folder.mkdir()
    procs = [subprocess.Popen([sys.executable, "-m", "tests.store.race_worker", job[0], job[1], str(folder), str(n),
                               *job[2:]], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, job in enumerate(jobs)]
    deadline = time.time() + 180
    while len(list(folder.glob("ready-*"))) < len(jobs) and time.time() < deadline:
        if any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    (folder / "go").touch()
    done = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done


def _write(path: pathlib.Path, pairs) -> str:
    path.write_text(json.dumps([[s.model_dump(), d.model_dump(mode="json")] for s, d in pairs]), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_schema_creation_does_not_race(kind, tmp_path):
    target = _target(kind, tmp_path, "fresh")
    results = _race(tmp_path, [["open", target]] * 4)
    for r in results:
        assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr
    assert Database(target, create=False).summary()["stories"] == 0


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_concurrent_writers_lose_and_double_nothing(kind, tmp_path, pairs):
    half = len(pairs) // 2
    first, second = _write(tmp_path / "a.json", pairs[:half]), _write(tmp_path / "b.json", pairs[half:])
    target = _target(kind, tmp_path, "race")
    Database(target).engine.dispose()  # the schema exists: this race is about the rows
    # two writers per half: the same stories race (row 13), the halves race on the registry (row 5)
    results = _race(tmp_path, [["write", target, first, "2"], ["write", target, second, "2"],
                               ["write", target, first, "3"], ["write", target, second, "3"]])
    for r in results:
        assert r.returncode == 0 and r.stdout.strip() == "ok", r.stdout + r.stderr
        assert "Traceback" not in r.stderr
    raced = dump(target)
    assert len(raced["stories"]) == len(pairs)
    serial = _target(kind, tmp_path, "serial")
    db = Database(serial)
    for i in range(0, len(pairs), 2):
        db.add_many(pairs[i:i + 2])
    db.engine.dispose()
    assert raced == dump(serial)


def _ingest(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "entente", "ingest", *args, "--no-summary"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_ingest_commands_at_once(kind, tmp_path, pairs, capsys):
    """Rows 5 and 13 as a user meets them: one run takes both halves while another takes the
    first half again, both at once on a fresh database."""
    from entente.cli import main

    lines = [json.dumps(s.model_dump()) + "\n" for s, _ in pairs]
    half = len(lines) // 2
    h1, h2 = tmp_path / "h1.jsonl", tmp_path / "h2.jsonl"
    h1.write_text("".join(lines[:half]), encoding="utf-8")
    h2.write_text("".join(lines[half:]), encoding="utf-8")
    target = _target(kind, tmp_path, "cli")
    procs = [_ingest(str(h1), str(h2), "--db", target), _ingest(str(h1), "--db", target)]
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        assert "Traceback" not in err and "IntegrityError" not in err
    once = str(tmp_path / "once.db")
    assert main(["ingest", str(h1), str(h2), "--db", once, "--no-summary"]) == 0
    capsys.readouterr()
    assert dump(target) == dump(once)
