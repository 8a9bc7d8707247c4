"""Several processes on one machine: each worker parses a story *and* runs the stages.

`ProcessPipeline(model, workers=N).process_pairs(stories)` has the local
pipeline's interface. The parent reads the input, hands out chunks of stories
and gets back each story's result as contract JSON (compact and cheap to
pickle), yielded in input order with a bounded number of chunks in flight. The
parent never loads spaCy, so all its time is left for reading and writing.

Workers never outlive the run or print tracebacks:
- they ignore SIGINT: a terminal's Ctrl-C reaches the whole process group, and
  only the parent decides what happens (it stops them);
- they die with their parent (SIGTERM or kill -9 of it): PR_SET_PDEATHSIG on
  Linux, and everywhere a thread that ends the worker when its task pipe closes;
- `close()`, an exception or an abandoned iteration stops them; a worker that
  dies on its own is reported as one line, not a hang.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from multiprocessing.connection import wait
from typing import Iterable, Iterator, Optional, Sequence

from entente.errors import EntenteError
from entente.model import Document, Story

# A chunk closes at this many stories or characters: small enough that two
# workers finish together at the end of a corpus, large enough for nlp.pipe.
CHUNK_STORIES = 32
CHUNK_CHARS = 30_000


class ProcessPipeline:
    def __init__(self, model: str = "md", workers: int = 2, *, only: Optional[Sequence[str]] = None,
                 strict: bool = False, batch_size: int = 32, in_flight: int = 4,
                 chunk_stories: int = CHUNK_STORIES, chunk_chars: int = CHUNK_CHARS):
        self.workers = max(1, workers)
        self.chunk_stories, self.chunk_chars = max(1, chunk_stories), max(1, chunk_chars)
        self.config = {"model": model, "only": list(only) if only else None, "strict": strict,
                       "batch_size": batch_size}
        # Chunks handed to one worker and not yet returned: enough queued work (seconds of it)
        # that the workers keep going while the parent writes a batch to the database.
        self.in_flight = max(1, in_flight)
        self._workers: list[_Worker] = []

    # -- the local pipeline's interface ------------------------------------------
    def process_pairs(self, stories: Iterable[Story]) -> Iterator[tuple[Story, Document]]:
        self._start()
        finished = False
        try:
            yield from self._run(stories)
            finished = True
        finally:
            if not finished:  # Ctrl-C, an error, or the caller stopped reading
                self._stop(now=True)

    def process(self, stories: Iterable[Story]) -> Iterator[Document]:
        for _story, doc in self.process_pairs(stories):
            yield doc

    def extract(self, text: str, published: Optional[str] = None, **meta) -> Document:
        from entente.pipeline import make_story

        return next(self.process([make_story(text, published=published, **meta)]))

    def close(self) -> None:
        self._stop(now=False)

    def __enter__(self) -> "ProcessPipeline":
        return self

    def __exit__(self, *exc) -> None:
        self._stop(now=exc[0] is not None)

    # -- the parent's side ----------------------------------------------------------
    def _run(self, stories: Iterable[Story]) -> Iterator[tuple[Story, Document]]:
        chunks = enumerate(chunked(stories, self.chunk_stories, self.chunk_chars))
        pending: dict[int, list[Story]] = {}   # handed out, not yet yielded
        done: dict[int, list[str]] = {}        # results that arrived ahead of their turn
        turn, exhausted = 0, False
        while True:
            while not exhausted:
                worker = min(self._workers, key=lambda w: len(w.assigned))
                if len(worker.assigned) >= self.in_flight:
                    break
                nxt = next(chunks, None)
                if nxt is None:
                    exhausted = True
                    break
                seq, chunk = nxt
                pending[seq] = chunk
                worker.give(seq, [s.model_dump() for s in chunk])
            if not pending:
                return
            for seq, results in self._receive():
                done[seq] = results
            while turn in done:
                for story, raw in zip(pending.pop(turn), done.pop(turn)):
                    yield story, Document.model_validate_json(raw)
                turn += 1

    def _receive(self) -> list[tuple[int, list[str]]]:
        """Wait for results from any worker; a worker that died is an error, not a hang."""
        by_conn = {w.results: w for w in self._workers}
        by_sentinel = {w.process.sentinel: w for w in self._workers}
        ready = wait(list(by_conn) + list(by_sentinel))
        got = []
        for r in ready:
            if r in by_conn:
                worker = by_conn[r]
                try:
                    kind, seq, payload = r.recv()
                except (EOFError, OSError):  # OSError: it died in the middle of a message
                    continue  # it died; its sentinel says so below
                if kind == "failed":
                    raise payload
                worker.assigned.discard(seq)
                got.append((seq, payload))
        if not got:
            for w in self._workers:
                if w.process.exitcode is not None:
                    raise w.died()
        return got

    def _start(self) -> None:
        if self._workers:
            return
        ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited threads or locks
        with _sigint_ignored():  # inherited: a worker ignores Ctrl-C from its first instruction
            for i in range(self.workers):
                self._workers.append(_Worker.start(ctx, f"entente-worker-{i + 1}", self.config))

    def _stop(self, now: bool) -> None:
        workers, self._workers = self._workers, []
        if not workers:
            return
        if not now:  # idle workers: closing their task pipe lets each exit on its own
            for w in workers:
                w.tasks.close()
            deadline = time.monotonic() + 5
            for w in workers:
                w.process.join(max(0.0, deadline - time.monotonic()))
        for w in workers:
            if w.process.is_alive():
                w.process.terminate()
        for w in workers:
            w.process.join(2)
            if w.process.is_alive():
                w.process.kill()
                w.process.join(1)
            w.tasks.close()
            w.results.close()


class _Worker:
    """The parent's handle on one worker: its process, a pipe each way, the chunks it holds."""

    def __init__(self, process, tasks, results):
        self.process, self.tasks, self.results = process, tasks, results
        self.assigned: set[int] = set()

    @classmethod
    def start(cls, ctx, name: str, config: dict) -> "_Worker":
        task_r, task_w = ctx.Pipe(duplex=False)
        result_r, result_w = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_serve, name=name, daemon=True, args=(task_r, result_w, os.getpid(), config))
        process.start()
        task_r.close()  # the worker's ends: once it holds them, its death shows here as EOF
        result_w.close()
        return cls(process, task_w, result_r)

    def give(self, seq: int, stories: list[dict]) -> None:
        self.assigned.add(seq)
        try:
            self.tasks.send((seq, stories))
        except OSError:  # its end of the pipe is gone: it died
            self.process.join(1)
            raise self.died() from None

    def died(self) -> EntenteError:
        return EntenteError(f"a worker process ended unexpectedly (exit code {self.process.exitcode}); stories "
                            "finished before it are kept, run the same command again to resume")


def chunked(stories: Iterable[Story], max_stories: int, max_chars: int) -> Iterator[list[Story]]:
    """Consecutive stories, a list at most `max_stories` long or just over `max_chars` characters."""
    chunk: list[Story] = []
    size = 0
    for s in stories:
        chunk.append(s)
        size += len(s.text)
        if len(chunk) >= max_stories or size >= max_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@contextlib.contextmanager
def _sigint_ignored():
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


# -- the worker's side ------------------------------------------------------------------
def _serve(tasks, results, parent: int, config: dict) -> None:
    """A worker's life: load the pipeline once, then chunks in, contract JSON out.

    One thread reads tasks and one sends results, so the worker keeps computing
    while the parent is busy (writing to a database) and a pipe never fills both ways.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    inbox: queue.Queue = queue.Queue()
    outbox: queue.Queue = queue.Queue()

    def read() -> None:
        while True:
            try:
                inbox.put(tasks.recv())
            except (EOFError, OSError):  # the parent closed the pipe, or died: nothing is owed
                os._exit(0)

    def send() -> None:
        while True:
            item = outbox.get()
            if item is None:
                return
            try:
                results.send(item)
            except (OSError, ValueError):  # the parent is gone
                os._exit(1)

    threading.Thread(target=read, name="tasks", daemon=True).start()
    sender = threading.Thread(target=send, name="results", daemon=True)
    sender.start()
    try:
        from entente.pipeline import Pipeline

        pipe = Pipeline.default(**config, freeze_gc=True)   # a process of entente's own
    except BaseException as exc:  # e.g. a model that cannot be loaded: the parent says so
        outbox.put(("failed", None, _portable(exc)))
        pipe = None
    while pipe is not None:
        seq, stories = inbox.get()
        try:
            out = [doc.model_dump_json() for doc in pipe.process(Story.model_validate(s) for s in stories)]
        except Exception as exc:
            outbox.put(("failed", seq, _portable(exc)))
        else:
            outbox.put(("done", seq, out))
    outbox.put(None)  # only after a failed start: let the parent read why, then end
    sender.join()


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this process when the parent dies, even mid-parse."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            PR_SET_PDEATHSIG = 1
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before we got here
        os._exit(1)


def _portable(exc: BaseException) -> BaseException:
    """The exception itself if it survives pickling, else a RuntimeError with its text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{exc.__class__.__name__}: {exc}")
