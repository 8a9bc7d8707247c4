"""schemathesis against a real server on the small test database: every operation, coverage and
fuzzing phases, every check (server errors, schema conformance of status codes, content types and
bodies, valid input accepted, invalid input rejected), a bounded number of examples; zero failures."""
from __future__ import annotations

import pathlib
import subprocess
import sys

import os

HOOKS = "tests.web.schemathesis_hooks"
REPO = pathlib.Path(__file__).resolve().parents[2]


def test_schemathesis_finds_nothing(server):
    env = {**os.environ, "SCHEMATHESIS_HOOKS": HOOKS, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    run = subprocess.run(
        [sys.executable, "-c", "from schemathesis.cli import schemathesis; schemathesis()", "run",
         server.base + "/openapi.json", "--checks", "all", "--phases", "coverage,fuzzing", "--max-examples", "5",
         "--generation-deterministic", "--request-timeout", "60", "--max-failures", "20", "--warnings", "off"],
        capture_output=True, text=True, timeout=900, cwd=REPO, env=env)
    tail = run.stdout[-6000:] + run.stderr[-2000:]
    assert run.returncode == 0, tail
    assert "No issues found" in run.stdout, tail
