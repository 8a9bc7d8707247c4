"""`entente ingest`: extract stories into the database, idempotent by content hash."""
from __future__ import annotations

from typing import Iterable, Optional

import typer

from entente.cli import app
from entente.cli.common import (DB, INPUT_FORMAT, MODEL, PATHS, PUBLISHED, SCHEDULER, WORKERS, ProblemLog, count_hint, err,
                                open_stories, pipeline, progress)
from entente.cli.report import print_summary
from entente.store import Database

BATCH = 64  # stories per database transaction


def ingest_into(db: Database, stories: Iterable, model: str, total: Optional[int], show: bool = True,
                workers: int = 1, scheduler: Optional[str] = None) -> tuple[int, int]:
    """Run the pipeline on the stories not yet stored; returns (added, already stored)."""
    added = skipped = 0
    batch: list = []
    with progress(show) as bar:
        task = bar.add_task("ingesting", total=total)

        def fresh():
            nonlocal skipped
            for story in stories:
                if db.has(story):
                    skipped += 1
                    bar.advance(task)
                else:
                    yield story

        pipe = pipeline(model, workers, scheduler)
        interrupted = False
        try:
            for pair in pipe.process_pairs(fresh()):
                batch.append(pair)
                bar.advance(task)
                if len(batch) >= BATCH:
                    added += db.add_many(batch)
                    batch.clear()
        except KeyboardInterrupt:
            interrupted = True
            raise
        finally:
            pipe.close()  # workers first: stopping them does not wait for the last write
            if batch:  # what was extracted before an interruption is kept
                added += db.add_many(batch)
            if interrupted:
                err.print(f"entente: interrupted; {added} new stor{'y' if added == 1 else 'ies'} stored, "
                          "run the same command again to resume", markup=False)
    return added, skipped


@app.command()
def ingest(
    paths: list[str] = PATHS,
    db: str = DB,
    published: Optional[str] = PUBLISHED,
    input_format: str = INPUT_FORMAT,
    model: str = MODEL,
    workers: int = WORKERS,
    scheduler: Optional[str] = SCHEDULER,
    summary: bool = typer.Option(True, "--summary/--no-summary", help="Print a summary of the database afterwards."),
) -> int:
    """Extract stories and store stories, actors, events, statements and evidence.

    Ingesting the same story twice changes nothing (stories are keyed by id and content hash),
    so an interrupted run can simply be started again.
    """
    items = open_stories(paths, input_format, published)
    first = next(items, None)
    problems = ProblemLog()
    database = Database(db)

    def all_items():
        if first is not None:
            yield first
        yield from items

    added, skipped = ingest_into(database, problems.stories(all_items()), model, count_hint(paths),
                                 workers=workers, scheduler=scheduler)
    err.print(f"{added} new stor{'y' if added == 1 else 'ies'} stored in {db}; {skipped} already there.", markup=False)
    if summary:
        print_summary(database)
    return problems.exit_code()
