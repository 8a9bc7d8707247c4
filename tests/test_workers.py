"""Worker processes (`--workers N`): same output as one process, in input order; Ctrl-C,
SIGTERM and kill -9 of the parent leave no process behind. Real subprocesses throughout."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

import psutil
import pytest

from entente.errors import ModelError
from entente.pipeline import make_story
from entente.workers import ProcessPipeline
from tests.processes import entente, session_processes, story_text, stored, wait_gone, wait_stored, write_corpus


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
class TestSignals:
    def test_ctrl_c_stops_cleanly_and_says_what_was_stored(self, tmp_path):
        corpus, db = tmp_path / "c.jsonl", tmp_path / "c.db"
        write_corpus(corpus, 200)
        proc = entente("ingest", str(corpus), "--db", str(db), "--workers", "2", "--no-summary")
        wait_stored(proc, db, 64)  # the first batch is written: workers are busy
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
        try:
            _out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("ingest --workers 2 did not stop after Ctrl-C")
        err = err.decode()
        assert proc.returncode == 130, err
        assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
        assert wait_gone(proc.pid) == []
        line = next(ln for ln in err.splitlines() if "interrupted" in ln)
        n = stored(db)
        assert 64 <= n < 200
        assert f"{n} new stories stored" in line
        # a rerun resumes: it stores exactly the rest
        rerun = subprocess.run([sys.executable, "-m", "entente", "ingest", str(corpus), "--db", str(db),
                                "--workers", "2", "--no-summary"], capture_output=True, text=True, timeout=900)
        assert rerun.returncode == 0, rerun.stderr
        assert f"{200 - n} new stories" in rerun.stderr and f"{n} already there" in rerun.stderr
        assert stored(db) == 200

    @pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
    def test_parent_killed_leaves_no_workers(self, tmp_path, sig):
        corpus, db = tmp_path / "c.jsonl", tmp_path / "c.db"
        write_corpus(corpus, 3000)
        proc = entente("ingest", str(corpus), "--db", str(db), "--workers", "2", "--no-summary")
        wait_stored(proc, db, 64)
        workers = [p for p in session_processes(proc.pid) if p != proc.pid]
        assert len(workers) >= 2  # two workers (and multiprocessing's resource tracker)
        os.kill(proc.pid, sig)  # the parent only, as a supervisor or the OOM killer would
        proc.communicate(timeout=60)
        assert wait_gone(proc.pid) == []
        n = stored(db)
        with sqlite3.connect(db) as conn:  # what was committed is whole
            assert conn.execute("select count(distinct story_id) from actors").fetchone()[0] == n


    def test_a_worker_killed_is_one_line_not_a_hang(self, tmp_path):
        corpus, db = tmp_path / "c.jsonl", tmp_path / "c.db"
        write_corpus(corpus, 3000)
        proc = entente("ingest", str(corpus), "--db", str(db), "--workers", "2", "--no-summary")
        wait_stored(proc, db, 64)
        workers = [c for c in psutil.Process(proc.pid).children() if "spawn_main" in " ".join(c.cmdline())]
        assert len(workers) == 2
        workers[0].kill()  # as the OOM killer would
        try:
            _out, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("the parent hung after a worker died")
        err = err.decode()
        assert proc.returncode != 0 and "Traceback" not in err, err
        assert "worker process ended unexpectedly" in err
        assert wait_gone(proc.pid) == []
        assert 64 <= stored(db) < 3000


def test_workers_give_the_single_process_output_in_order(pipeline):
    stories = [make_story(story_text(i), id=f"o{i}", published="2025-06-10") for i in range(9)]
    want = [d.model_dump() for d in pipeline.process(stories)]
    # one story per chunk, so both workers take part and results arrive out of order
    pp = ProcessPipeline("md", workers=2, strict=True, chunk_stories=1, in_flight=3)
    try:
        got = [d.model_dump() for d in pp.process(stories)]
        assert [d["id"] for d in got] == [s.id for s in stories]
        assert got == want
        # a caller that stops reading stops the workers
        procs = [w.process for w in pp._workers]
        assert len(procs) == 2 and all(p.is_alive() for p in procs)
        gen = pp.process(stories)
        next(gen)
        gen.close()
        assert not any(p.is_alive() for p in procs)
    finally:
        pp.close()


def test_cli_workers_output_is_the_single_process_output(tmp_path, pipeline):
    corpus = tmp_path / "c.jsonl"
    stories = write_corpus(corpus, 40)
    runs = []
    for workers in ("2", "1"):
        proc = entente("extract", str(corpus), "--format", "jsonl", "--workers", workers, "--no-progress")
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
        runs.append([json.loads(line) for line in out.decode().splitlines()])
    assert runs[0] == runs[1]   # clusters included: they span the run's stories, whoever extracted them
    assert any(e["cluster"] for doc in runs[0] for e in doc["events"])
    # and each document is the pipeline's own, but for the run's clusters
    bare = [{**doc, "events": [{**e, "cluster": None} for e in doc["events"]]} for doc in runs[0]]
    assert bare == [json.loads(d.model_dump_json()) for d in pipeline.process(stories)]


def test_a_worker_that_cannot_start_is_one_line(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("The ministers met in Oslo on Monday.", encoding="utf-8")
    proc = entente("extract", str(p), "--workers", "2", "--model", "no_such_model_xyz")
    _out, err = proc.communicate(timeout=300)
    err = err.decode()
    assert proc.returncode == 2
    assert "no_such_model_xyz" in err and "Traceback" not in err, err
    assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    assert wait_gone(proc.pid) == []


def test_model_error_reaches_the_api_caller():
    pp = ProcessPipeline("no_such_model_xyz", workers=1)
    with pytest.raises(ModelError):
        list(pp.process([make_story("Talks resumed.")]))
    assert pp._workers == []
