"""Scale-out on a real Dask scheduler with a worker process: same output as local, in order."""
from __future__ import annotations

import json

import pytest

from entente.cli import main
from entente.pipeline import make_story

STORIES = [make_story(f"Foreign ministers of the two countries met in Geneva on Monday, day {i}.",
                      id=f"d{i}", published="2026-02-12") for i in range(5)]


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")
    yield cluster.scheduler_address
    cluster.close()


def test_cluster_matches_local(scheduler, pipeline):
    from entente.distributed import ClusterPipeline

    remote = ClusterPipeline(scheduler, chunk_size=2, in_flight=2)
    try:
        got = [d.model_dump() for d in remote.process(STORIES)]
    finally:
        remote.close()
    want = [d.model_dump() for d in pipeline.process(STORIES)]
    assert [d["id"] for d in got] == [s.id for s in STORIES]
    assert got == want


def test_ingest_on_cluster_is_resumable(scheduler, tmp_path, capsys, pipeline):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(s.model_dump()) + "\n" for s in STORIES[:3]))
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(corpus), "--db", db, "--scheduler", scheduler, "--no-summary"]) == 0
    corpus.write_text("".join(json.dumps(s.model_dump()) + "\n" for s in STORIES))
    assert main(["ingest", str(corpus), "--db", db, "--scheduler", scheduler, "--no-summary"]) == 0
    err = capsys.readouterr().err
    assert "3 new stories" in err and "2 new stories" in err and "3 already there" in err


def test_unreachable_scheduler(capsys, tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("The talks went on.")
    assert main(["extract", str(p), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
