"""Issue 13: no traceback ever reaches a user, secrets are never printed, read commands
create nothing, and Ctrl-C stops a run cleanly saying what was stored. Real subprocesses
where the process boundary matters (usage errors, signals, piped output)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import inspect

from entente.cli import main
from tests.conftest import PG_URL, dump, fresh_postgres, plain_engine

STORY = "Secretary of State Marco Rubio met Indian Foreign Minister S. Jaishankar in Washington on Tuesday."
ENV = {**os.environ, "COLUMNS": ""}


def entente(*args, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "entente", *args], capture_output=True, text=True,
                          input=stdin, timeout=timeout, env=ENV)


def one_line_error(r: subprocess.CompletedProcess, code: int = 2) -> str:
    assert r.returncode == code, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


@pytest.fixture
def story_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


# -- row 1: usage errors are one line --------------------------------------------------------
def test_version():
    from entente import __version__

    r = entente("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"entente {__version__}"


@pytest.mark.parametrize("args,needle", [
    (["extract"], "Missing argument"),
    (["events", "--limit", "abc"], "'--limit'"),
    (["extract", "story.txt", "--workers", "0"], "'--workers'"),
    (["nosuchcmd"], "No such command"),
    (["ingest", "story.txt", "--nosuchoption"], "No such option"),
])
def test_usage_errors_are_one_line(args, needle, story_file):
    r = subprocess.run([sys.executable, "-m", "entente", *args], capture_output=True, text=True,
                       cwd=story_file.parent, env=ENV)
    line = one_line_error(r)
    assert needle in line and "--help" in line


def test_unexpected_error_is_one_line_and_debug_shows_it(tmp_path, capsys, monkeypatch):
    """A bug (here: the schema command made to fail) is one line; --debug gives the traceback."""
    import entente.cli.schema as schema_cmd

    def boom():
        raise RuntimeError("something broke\nsecond line postgresql://u:hunter2@h/db")

    monkeypatch.setattr(schema_cmd, "json_schema", boom)
    assert main(["schema"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: something broke" in err and "--debug" in err
    assert "hunter2" not in err
    assert main(["--debug", "schema"]) == 1
    assert "Traceback" in capsys.readouterr().err


# -- row 14: secrets are never printed -------------------------------------------------------
@pytest.mark.skipif(not PG_URL, reason="needs ENTENTE_TEST_POSTGRES")
def test_postgres_password_never_printed(story_file, capsys, pipeline):
    from sqlalchemy.engine import make_url

    url = fresh_postgres()
    password = make_url(url).password
    assert password
    code = main(["ingest", str(story_file), "--db", url, "--published", "2026-02-12"])
    out = capsys.readouterr()
    assert code == 0 and "1 new story stored" in out.err
    assert f":{password}@" not in out.err + out.out and ":***@" in out.err
    wrong = url.replace(f":{password}@", ":not-the-password-xyzzy@")
    r = entente("events", "--db", wrong)
    line = one_line_error(r)
    assert "xyzzy" not in line and "cannot open database" in line


# -- row 15: more bad values, one line each ---------------------------------------------------
@pytest.mark.parametrize("extra,needle", [
    (["--published", ""], "--published ''"),
    (["--published", "0001-01-01"], "out of range"),
    (["-o", "/nonexistent/folder/o.json"], "does not exist"),
    (["--db", "mysql://user:topsecret@localhost/news"], "unsupported database"),
])
def test_bad_values_are_one_line(story_file, extra, needle):
    command = "ingest" if "--db" in extra else "extract"
    line = one_line_error(entente(command, str(story_file), *extra))
    assert needle in line and "topsecret" not in line


def test_published_out_of_range_in_a_record_skips_only_it(tmp_path, capsys, pipeline):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": STORY, "published": "0001-01-01"}) + "\n"
                      + json.dumps({"id": "b", "text": STORY, "published": "9999-12-31"}) + "\n"
                      + json.dumps({"id": "c", "text": STORY, "published": "2026-02-12"}) + "\n")
    assert main(["extract", str(corpus), "-f", "jsonl"]) == 1
    out = capsys.readouterr()
    assert "line 1: publication date '0001-01-01' is out of range" in out.err and "line 2:" in out.err
    assert [json.loads(x)["id"] for x in out.out.splitlines()] == ["c"]


# -- row 17: read commands create nothing ----------------------------------------------------
def test_read_commands_leave_other_sqlite_files_alone(tmp_path, capsys):
    import sqlite3

    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()
    before = other.read_bytes()
    for cmd in (["events"], ["statements"], ["agreements"], ["actors"], ["export", str(tmp_path / "x.csv")]):
        assert main([*cmd, "--db", str(other)]) == 2
        assert "not an entente database" in capsys.readouterr().err
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]
    missing = tmp_path / "missing.db"
    assert main(["events", "--db", f"sqlite:///{missing}"]) == 2
    assert "no such database" in capsys.readouterr().err and not missing.exists()


@pytest.mark.skipif(not PG_URL, reason="needs ENTENTE_TEST_POSTGRES")
def test_read_commands_create_no_tables_in_postgres(capsys):
    url = fresh_postgres()
    assert main(["events", "--db", url]) == 2
    assert "not an entente database" in capsys.readouterr().err
    engine = plain_engine(url)
    assert not set(inspect(engine).get_table_names()) & {"stories", "events", "entities"}
    engine.dispose()


# -- row 19: version, progress, summaries, piped tables -----------------------------------------
def test_extract_prints_a_summary_and_ingest_takes_no_progress(story_file, tmp_path, capsys, pipeline):
    assert main(["extract", str(story_file), "--no-progress"]) == 0
    assert "entente: 1 story extracted to standard output." in capsys.readouterr().err
    db = str(tmp_path / "n.db")
    assert main(["ingest", str(story_file), "--db", db, "--no-progress", "--no-summary"]) == 0
    err = capsys.readouterr().err
    assert err.strip() == f"1 new story stored in {db}; 0 already there."


def test_piped_tables_are_not_folded(story_file, tmp_path, pipeline):
    db = str(tmp_path / "w.db")
    assert main(["ingest", str(story_file), "--db", db, "--no-summary", "--published", "2026-02-12"]) == 0
    r = entente("events", "--db", db)
    assert r.returncode == 0, r.stderr
    rows = [line for line in r.stdout.splitlines() if "CONSULT" in line]
    assert len(rows) == 1 and "Marco Rubio (USA)" in rows[0] and "S. Jaishankar (IND)" in rows[0]
    assert max(len(line) for line in r.stdout.splitlines()) > 80


# -- Ctrl-C with the default single process ---------------------------------------------------
def _wait_for_stories(target: str, proc, at_least: int, deadline: float) -> None:
    from sqlalchemy import text

    while time.time() < deadline and proc.poll() is None:
        try:
            engine = plain_engine(target)
            with engine.connect() as conn:
                n = conn.execute(text("SELECT count(*) FROM stories")).scalar_one()
            engine.dispose()
            if n >= at_least:
                return
        except Exception:  # not created yet
            pass
        time.sleep(0.3)
    raise AssertionError("the ingest stored nothing before the deadline")


def test_ctrl_c_stops_cleanly_and_says_what_was_stored(tmp_path, db_target, capsys, pipeline):
    from sqlalchemy import text

    corpus = tmp_path / "c.jsonl"
    sentences = [STORY, "China accused Japan of provocations on Friday.", "Kenya and Ethiopia agreed to talks."]
    corpus.write_text("".join(json.dumps({"id": f"s{i:04d}", "text": f"{sentences[i % 3]} Round {i}.",
                                          "published": "2026-02-12"}) + "\n" for i in range(150)))
    proc = subprocess.Popen([sys.executable, "-m", "entente", "ingest", str(corpus), "--db", db_target, "--no-summary"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        _wait_for_stories(db_target, proc, 64, time.time() + 240)  # the first batch is written
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)  # a hang guard, not a speed claim
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    line = [x for x in err.splitlines() if "interrupted" in x]
    assert len(line) == 1 and "Run the same command again" in line[0]
    reported = int(line[0].split("interrupted; ")[1].split(" new stor")[0])
    engine = plain_engine(db_target)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM stories")).scalar_one() == reported
    engine.dispose()
    assert 64 <= reported < 150
    # the rerun goes on from there and does only the rest
    assert main(["ingest", str(corpus), "--db", db_target, "--no-summary"]) == 0
    err = capsys.readouterr().err
    assert f"{150 - reported} new stories stored" in err and f"{reported} already there" in err
    assert len(dump(db_target)["stories"]) == 150


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_a_finalizer_swallows_still_stops_the_run():
    # Python ignores an exception raised in __del__ (a Dask future's, collected between two stories);
    # the run remembers the Ctrl-C and stops at its next story
    from entente.cli.common import interrupts_noticed, raise_if_interrupted

    class Finalized:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)

    with interrupts_noticed() as hit:
        try:
            obj = Finalized()
            del obj   # the KeyboardInterrupt is raised inside __del__ (swallowed) or just after it
        except KeyboardInterrupt:
            pass
        assert hit == [signal.SIGINT]
        with pytest.raises(KeyboardInterrupt):
            raise_if_interrupted(hit)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
