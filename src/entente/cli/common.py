"""What several commands share: input options, the pipeline, progress, problem reports."""
from __future__ import annotations

import sys
from typing import Iterable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from entente.errors import InputError
from entente.ingest import FORMATS, Problem, iter_stories
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


class ProblemLog:
    """Counts and prints per-record problems; the run goes on with the other records."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, problem: Problem) -> None:
        self.count += 1
        err.print(f"entente: skipped {problem}", markup=False)

    def stories(self, items: Iterable) -> Iterator[Story]:
        for item in items:
            if isinstance(item, Problem):
                self.report(item)
            else:
                yield item

    def exit_code(self) -> int:
        if self.count:
            err.print(f"entente: {self.count} record(s) skipped (see above)", markup=False)
            return 1
        return 0


def check_published(published: Optional[str]) -> Optional[str]:
    if published is None:
        return None
    from entente.pipeline import parse_date

    return parse_date(published).isoformat()


def open_stories(paths: list[str], input_format: str, published: Optional[str]) -> Iterator:
    published = check_published(published)
    if paths.count("-") > 1:
        raise InputError("standard input ('-') can be read only once")
    return iter_stories(paths, input_format, published)


def count_hint(paths: list[str]) -> Optional[int]:
    """A cheap total for the progress bar: lines of JSONL files, 1 per other file; None for stdin."""
    import pathlib

    total = 0
    for p in paths:
        if p == "-":
            return None
        path = pathlib.Path(p)
        if path.is_dir():
            return None
        if path.suffix.lower() in (".jsonl", ".ndjson"):
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
        return Pipeline.default(model=model)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
