"""What several commands share: input options, the pipeline, progress, problem reports."""
from __future__ import annotations

import hashlib
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from entente.errors import InputError
from entente.ingest import FORMATS, Problem, iter_located
from entente.model import Story

err = Console(stderr=True, highlight=False, soft_wrap=True)

PATHS = typer.Argument(..., help="Files or folders to read; '-' reads standard input.", show_default=False)
PUBLISHED = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for stories that carry none.")
INPUT_FORMAT = typer.Option("auto", "--input-format", "-i",
                            help=f"Input kind: {', '.join(FORMATS)} (auto: by file suffix and content).")
MODEL = typer.Option("md", "--model", help="spaCy pipeline: md (default), sm, or a package name/path.")
WORKERS = typer.Option(1, "--workers", "-w", min=1,
                       help="Extract in this many processes (each loads the model, ~0.5 GB); up to the number of cores helps.")
SCHEDULER = typer.Option(None, "--scheduler",
                         help="Dask scheduler address (tcp://host:8786): extract on that cluster's workers instead.")
DB = typer.Option("entente.db", "--db", help="SQLite file, or a postgresql:// URL.")
PROGRESS = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr (default: when stderr is a terminal).")


class ProblemLog:
    """Reports each bad record with its place and skips it; the run goes on with the others.

    Also skips a record whose id an earlier record of the same run already used (an id
    names one story: two texts under one id would overwrite each other)."""

    def __init__(self) -> None:
        self.places: list[str] = []
        self._ids: dict[str, tuple[str, bytes]] = {}  # story id -> (where first seen, text digest)

    @property
    def count(self) -> int:
        return len(self.places)

    def report(self, problem: Problem) -> None:
        self.places.append(problem.where)
        err.print(f"entente: skipped {problem}", markup=False)

    def stories(self, items: Iterable) -> Iterator[Story]:
        """Stories from `(where, item)` pairs (or bare items), problems reported on the way."""
        for entry in items:
            where, item = entry if isinstance(entry, tuple) else ("", entry)
            if isinstance(item, Problem):
                self.report(item)
                continue
            digest = hashlib.blake2b(item.text.encode("utf-8"), digest_size=8).digest()
            first = self._ids.get(item.id)
            if first is None:
                self._ids[item.id] = (where, digest)
            else:
                same = "the same text" if first[1] == digest else "a different text"
                self.report(Problem(where or item.id, f"duplicate id {item.id!r} (first used by "
                                                      f"{first[0] or 'an earlier record'}, with {same})"))
                continue
            yield item

    def exit_code(self) -> int:
        if self.places:
            shown = ", ".join(self.places[:5]) + (", …" if len(self.places) > 5 else "")
            n = len(self.places)
            err.print(f"entente: {n} record{'s' if n != 1 else ''} skipped ({shown}); the others were processed",
                      markup=False)
            return 1
        return 0


def check_published(published: Optional[str]) -> Optional[str]:
    if published is None:
        return None
    from entente.pipeline import parse_date

    if not published.strip():
        raise InputError("--published '': expected a date such as 2026-02-12")
    try:
        return parse_date(published).isoformat()
    except InputError as exc:
        raise InputError(f"--published: {exc}") from None


def open_stories(paths: list[str], input_format: str, published: Optional[str]) -> Iterator:
    """(where, story or problem) pairs for the named inputs (see entente.ingest.sources)."""
    published = check_published(published)
    if paths.count("-") > 1:
        raise InputError("standard input ('-') can be read only once")
    return iter_located(paths, input_format, published)


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C during a database write takes effect when the write ends: a transaction is
    never cut midway (an interrupted commit could leave the writer's lock held)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    old = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
        if caught and callable(old):
            old(signal.SIGINT, None)  # the default handler raises KeyboardInterrupt


@contextmanager
def interrupts_noticed() -> Iterator[list]:
    """Ctrl-C raises as usual, and is also remembered: one that lands while a library object is
    being collected (a Dask future's __del__) is swallowed by Python, so a long loop checks the
    list it gets (`raise_if_interrupted`) and stops at its next item."""
    hit: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield hit
        return

    def noticed(signum, _frame):
        hit.append(signum)
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGINT, noticed)
    try:
        yield hit
    finally:
        signal.signal(signal.SIGINT, old)


def raise_if_interrupted(hit: list) -> None:
    if hit:
        raise KeyboardInterrupt


def show_progress(flag: Optional[bool]) -> bool:
    """--progress/--no-progress; by default a bar when stderr is a terminal."""
    return sys.stderr.isatty() if flag is None else flag


def count_hint(paths: list[str]) -> Optional[int]:
    """A cheap total for the progress bar: lines of JSONL files, 1 per text or HTML file;
    None (no total) for standard input, folders, feeds, CSV and JSON files."""
    import pathlib

    total = 0
    for p in paths:
        if p == "-":
            return None
        path = pathlib.Path(p)
        suffix = path.suffix.lower()
        if path.is_dir() or suffix in (".csv", ".json", ".rss", ".atom", ".xml") or not path.is_file():
            return None
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def progress(enabled: bool = True) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=False, disable=not enabled)


def pipeline(model: str, workers: int = 1, scheduler: Optional[str] = None):
    """The local pipeline, worker processes, or a Dask cluster when a scheduler is given."""
    from entente.pipeline import Pipeline

    if scheduler:
        from entente.distributed import ClusterPipeline

        return ClusterPipeline(scheduler, model=model)
    if workers > 1:
        from entente.workers import ProcessPipeline

        return ProcessPipeline(model, workers)  # each worker loads the model itself
    with err.status(f"loading spaCy pipeline {model!r}…") if sys.stderr.isatty() else _null():
        return Pipeline.default(model=model, freeze_gc=True)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
