"""Running entente (and a Dask cluster) as real subprocesses while watching CPU and memory."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

import psutil

from benchmarks.common import REPO


@dataclass
class Run:
    wall: float = 0.0
    first_line: Optional[float] = None       # seconds to the first output line
    lines: int = 0
    cpu: dict = field(default_factory=dict)   # role -> CPU seconds (user + system)
    peak_rss: dict = field(default_factory=dict)  # role -> MB
    rss_at: list = field(default_factory=list)  # (lines done, {role: MB}) samples
    returncode: int = 0
    stderr: str = ""


class Watcher:
    """Samples CPU times and RSS of processes by role ('parent', 'worker 1', …) every `every` s."""

    def __init__(self, roles, every: float = 0.2):
        self.roles, self.every = roles, every  # roles(): {role: psutil.Process}
        self.cpu: dict[str, float] = {}
        self.peak: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        for role, proc in self.roles().items():
            try:
                with proc.oneshot():
                    t = proc.cpu_times()
                    rss = proc.memory_info().rss / 2**20
            except psutil.Error:
                continue
            self.cpu[role] = t.user + t.system
            self.last[role] = rss
            self.peak[role] = max(self.peak.get(role, 0.0), rss)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.every)


def run_entente(args: list[str], stdin_lines: Optional[Iterable[str]] = None, checkpoints: int = 10,
                total: Optional[int] = None, extra_roles=None) -> Run:
    """Run `python -m entente …`, its stdout counted line by line, its processes watched."""
    cmd = [sys.executable, "-m", "entente", *args]
    out = Run()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdin=subprocess.PIPE if stdin_lines is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    parent = psutil.Process(proc.pid)

    def roles():
        got = {"parent": parent}
        try:
            kids = [k for k in parent.children() if "resource_tracker" not in " ".join(k.cmdline())]
        except psutil.Error:
            kids = []
        for i, k in enumerate(sorted(kids, key=lambda k: k.pid), start=1):
            got[f"worker {i}"] = k
        if extra_roles:
            got.update(extra_roles())
        return got

    def feed():
        try:
            for line in stdin_lines:
                proc.stdin.write(line.encode("utf-8"))
            proc.stdin.close()
        except BrokenPipeError:
            pass

    err_chunks: list[bytes] = []
    threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True).start()
    if stdin_lines is not None:
        threading.Thread(target=feed, daemon=True).start()
    step = max(1, (total or 0) // checkpoints) if total else None
    with Watcher(roles) as w:
        for _line in proc.stdout:
            out.lines += 1
            if out.first_line is None:
                out.first_line = time.perf_counter() - t0
            if step and out.lines % step == 0:
                out.rss_at.append((out.lines, dict(w.last)))
        proc.wait()
        w.sample()
    out.wall = time.perf_counter() - t0
    out.cpu, out.peak_rss = dict(w.cpu), dict(w.peak)
    out.returncode = proc.returncode
    time.sleep(0.1)
    out.stderr = b"".join(err_chunks).decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out.stderr[-2000:]}")
    return out


@contextlib.contextmanager
def dask_cluster(n_workers: int) -> Iterator[tuple[str, list[psutil.Process]]]:
    """A scheduler process and `n_workers` single-threaded worker processes, started with the
    `dask` command as a user would; yields (address, worker processes)."""
    from distributed import Client

    tmp = tempfile.TemporaryDirectory()
    info = os.path.join(tmp.name, "scheduler.json")
    log = open(os.path.join(tmp.name, "dask.log"), "wb")
    dask = [sys.executable, "-m", "dask"]
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", info], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)]
    try:
        while not os.path.exists(info):
            time.sleep(0.2)
        time.sleep(0.2)
        address = json.load(open(info))["address"]
        procs.append(subprocess.Popen([*dask, "worker", address, "--nworkers", str(n_workers), "--nthreads", "1",
                                       "--no-dashboard", "--memory-limit", "0", "--local-directory", tmp.name],
                                      stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(n_workers, timeout=300)
            pids = list(client.run(os.getpid).values())
        yield address, [psutil.Process(p) for p in sorted(pids)]
    finally:
        for p in reversed(procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        log.close()
        tmp.cleanup()


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} (1 / 5 min) on {os.cpu_count()} cores"
