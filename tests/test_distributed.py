"""Scale-out on a real Dask cluster the test starts itself: a `dask scheduler` process and a
`dask worker` process with two worker processes, as a user would start them (README). Output
identical to the single-process run, in input order; ingest resumable after Ctrl-C and
idempotent, giving the same database as a single-process ingest."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from entente.cli import main
from entente.pipeline import make_story
from tests.processes import story_text, wait_gone, wait_stored, write_corpus

STORIES = [make_story(story_text(i), id=f"d{i}", published="2026-02-12") for i in range(8)]


def _dask(*args: str, log) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """tcp:// address of a scheduler process with two single-threaded worker processes."""
    pytest.importorskip("distributed")
    from distributed import Client

    tmp = tmp_path_factory.mktemp("dask")
    info = tmp / "scheduler.json"
    log = (tmp / "dask.log").open("wb")
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                   "--scheduler-file", str(info), log=log)]
    try:
        deadline = time.monotonic() + 120
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        procs.append(_dask("worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard",
                           "--memory-limit", "0", "--local-directory", str(tmp), log=log))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=180)
        yield address
    finally:
        for p in reversed(procs):
            with_group(p, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with_group(p, signal.SIGKILL)
                p.wait()
        log.close()


def with_group(p: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(p.pid, sig)
    except ProcessLookupError:
        pass


def test_cluster_matches_local_in_input_order(scheduler, pipeline):
    from entente.distributed import ClusterPipeline

    remote = ClusterPipeline(scheduler, chunk_size=1, in_flight=4)  # one story per task: both workers work
    try:
        got = [d.model_dump() for d in remote.process(STORIES)]
        workers = remote.client.run(lambda: __import__("entente.distributed").distributed._worker_pipeline.cache_info().currsize)
    finally:
        remote.close()
    want = [d.model_dump() for d in pipeline.process(STORIES)]
    assert [d["id"] for d in got] == [s.id for s in STORIES]
    assert got == want
    assert len(workers) == 2


def dump(db) -> dict:
    """Every row of every table, sorted: two databases with the same facts dump the same."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table' order by name")]
        return {t: sorted(map(repr, conn.execute(f"select * from {t}"))) for t in tables}


def test_ingest_on_cluster_resumes_after_ctrl_c_and_equals_local(scheduler, tmp_path):
    corpus, db, local = tmp_path / "c.jsonl", tmp_path / "c.db", tmp_path / "local.db"
    write_corpus(corpus, 150)
    proc = subprocess.Popen([sys.executable, "-m", "entente", "ingest", str(corpus), "--db", str(db),
                             "--scheduler", scheduler, "--no-summary"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    wait_stored(proc, db, 64)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("ingest --scheduler did not stop after Ctrl-C")
    err = err.decode()
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert wait_gone(proc.pid) == []
    first = sqlite3.connect(db).execute("select count(*) from stories").fetchone()[0]
    assert 64 <= first < 150

    def ingest(target, *extra) -> str:
        run = subprocess.run([sys.executable, "-m", "entente", "ingest", str(corpus), "--db", str(target),
                              "--no-summary", *extra], capture_output=True, text=True, timeout=1200)
        assert run.returncode == 0, run.stderr
        return run.stderr

    assert f"{150 - first} new stories" in ingest(db, "--scheduler", scheduler)
    assert "0 new stories" in ingest(db, "--scheduler", scheduler)  # idempotent
    ingest(local)  # the same corpus in one process
    assert dump(db) == dump(local)


def test_unreachable_scheduler(capsys, tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("The talks went on.")
    assert main(["extract", str(p), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
