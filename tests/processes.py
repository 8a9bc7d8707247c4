"""Helpers for tests that run the CLI as real subprocesses and watch their processes."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from entente.pipeline import make_story

PLACES = ["Nairobi", "Hanoi", "Lima", "Oslo", "Rabat", "Manila", "Quito", "Accra"]
LEADERS = ["Amina Odhiambo", "Tran Van Minh", "Lucia Paredes", "Erik Solberg", "Youssef Amrani"]


def story_text(i: int) -> str:
    """A short made-up news story, different for each i."""
    a, b = LEADERS[i % len(LEADERS)], LEADERS[(i + 2) % len(LEADERS)]
    place = PLACES[i % len(PLACES)]
    text = (f"Foreign Minister {a} met her counterpart {b} in {place} on Tuesday to discuss trade, "
            f"officials said. The two ministers agreed to hold talks on a fisheries pact next month. "
            f"{b.split()[-1]} said the meeting number {i} was constructive.")
    if i % 3 == 0:
        text += f" Protesters gathered outside the ministry in {place} and accused the government of corruption."
    return text


def write_corpus(path, n: int) -> list:
    stories = [make_story(story_text(i), id=f"w{i}", published="2025-06-10") for i in range(n)]
    path.write_text("".join(json.dumps(s.model_dump()) + "\n" for s in stories), encoding="utf-8")
    return stories


def entente(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "entente", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, **kw)


def session_processes(sid: int) -> list[int]:
    """Live (non-zombie) processes of a session: the CLI, its workers, their helpers."""
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            out.append(int(name))
    return out


def wait_gone(sid: int, limit: float = 20.0) -> list[int]:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        left = session_processes(sid)
        if not left:
            return []
        time.sleep(0.2)
    return session_processes(sid)


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("select count(*) from stories").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def wait_stored(proc, db, at_least: int, limit: float = 300.0) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        n = stored(db)
        if n >= at_least:
            return n
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before it could be interrupted: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.2)
    pytest.fail("ingest stored nothing in time")
