"""`entente ingest`: extract stories into the database, idempotent by content hash."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

import typer

from entente.cli import app
from entente.cli.common import (DB, INPUT_FORMAT, MODEL, PATHS, PROGRESS, PUBLISHED, SCHEDULER, WORKERS, ProblemLog,
                                count_hint, err, interrupts_deferred, interrupts_noticed, open_stories, pipeline, progress,
                                raise_if_interrupted, show_progress)
from entente.cli.report import print_summary
from entente.errors import redact
from entente.ingest import Problem
from entente.store import Database

BATCH = 64  # stories per database transaction


@dataclass
class Counts:
    added: int = 0      # new, changed or re-extracted stories stored
    already: int = 0    # the same text already stored (by this run's rivals too)
    stale: int = 0      # of those, stored by an older version and left as they are
    refused: int = 0    # stories the database would not take (reported)

    def line(self, db: str) -> str:
        s = f"{self.added} new stor{'y' if self.added == 1 else 'ies'} stored in {redact(db)}; {self.already} already there"
        if self.stale:
            s += (f" ({self.stale} extracted by an older version: `entente reextract --db {redact(db)}` "
                  "or `ingest --refresh` updates them)")
        return s + "."


def ingest_into(db: Database, stories: Iterable, model: str, total: Optional[int], show: bool = True,
                workers: int = 1, scheduler: Optional[str] = None, refresh: bool = False,
                counts: Optional[Counts] = None, problems: Optional[ProblemLog] = None) -> tuple[int, int]:
    """Run the pipeline on the stories not yet stored, writing BATCH stories per transaction;
    returns (added, already stored). With `refresh`, stories stored by an older version are
    extracted again. `counts` is filled as it goes, so an interrupted caller can say what was
    stored: what was extracted before an interruption is written first."""
    counts = counts if counts is not None else Counts()
    batch: list = []
    with progress(show) as bar:
        task = bar.add_task("ingesting", total=total)

        def fresh():
            for story in stories:
                state = db.state(story)
                if state == "stored" or (state == "stale" and not refresh):
                    counts.already += 1
                    counts.stale += state == "stale"
                    bar.advance(task)
                else:
                    yield story

        def write() -> None:
            with interrupts_deferred():  # the batch is stored and counted before Ctrl-C acts
                done = db.write(batch)
                counts.added += done.added
                counts.already += done.unchanged
                for story_id, why in done.failed:
                    counts.refused += 1
                    problem = Problem(f"story {story_id!r}", f"the database refused it ({why})")
                    if problems is not None:
                        problems.report(problem)
                    else:
                        err.print(f"entente: skipped {problem}", markup=False)
                batch.clear()

        pipe = pipeline(model, workers, scheduler)
        try:
            with interrupts_noticed() as hit:
                for pair in pipe.process_pairs(fresh()):
                    raise_if_interrupted(hit)
                    batch.append(pair)
                    bar.advance(task)
                    if len(batch) >= BATCH:
                        write()
                raise_if_interrupted(hit)
        finally:
            try:
                pipe.close()  # workers first: stopping them does not wait for the last write
            finally:
                if batch:  # what was extracted before an interruption is kept
                    write()
    return counts.added, counts.already


@app.command()
def ingest(
    paths: list[str] = PATHS,
    db: str = DB,
    published: Optional[str] = PUBLISHED,
    input_format: str = INPUT_FORMAT,
    model: str = MODEL,
    workers: int = WORKERS,
    scheduler: Optional[str] = SCHEDULER,
    refresh: bool = typer.Option(False, "--refresh", help="Extract again the stories stored by an older version of entente."),
    summary: bool = typer.Option(True, "--summary/--no-summary", help="Print a summary of the database afterwards."),
    progress_bar: Optional[bool] = PROGRESS,
) -> int:
    """Extract stories and store stories, actors, events, statements and evidence.

    Ingesting the same story twice changes nothing (stories are keyed by id and content hash),
    so an interrupted run (Ctrl-C keeps what was extracted) can simply be started again.
    A bad record is reported with its line or file and skipped (exit 1 at the end).
    """
    items = open_stories(paths, input_format, published)
    first = next(items, None)  # a fault of the only input file ends the run here, before any write
    problems = ProblemLog()
    with Database(db) as database:
        def all_items():
            if first is not None:
                yield first
            yield from items

        counts = Counts()
        try:
            ingest_into(database, problems.stories(all_items()), model, count_hint(paths), show=show_progress(progress_bar),
                        workers=workers, scheduler=scheduler, refresh=refresh, counts=counts, problems=problems)
        except KeyboardInterrupt:
            err.print(f"entente: interrupted; {counts.added} new stor{'y' if counts.added == 1 else 'ies'} stored in "
                      f"{redact(db)} ({counts.already} already there). Run the same command again to go on.", markup=False)
            return 130
        except Exception:
            err.print(f"entente: stopped; {counts.added} new stor{'y' if counts.added == 1 else 'ies'} stored in "
                      f"{redact(db)} before the error below.", markup=False)
            raise
        err.print(counts.line(db), markup=False)
        if summary:
            print_summary(database)
        return problems.exit_code()
