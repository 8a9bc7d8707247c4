"""`entente extract`: stories in, one contract JSON object per story out (streaming)."""
from __future__ import annotations

import os
import pathlib
import sys
import tempfile
from typing import Optional

import typer

from entente.cli import app
from entente.cli.common import (INPUT_FORMAT, MODEL, PATHS, PROGRESS, PUBLISHED, SCHEDULER, WORKERS, ProblemLog, count_hint,
                                err, interrupts_noticed, open_stories, pipeline, progress, raise_if_interrupted,
                                show_progress)
from entente.clustering import RunClusters
from entente.errors import InputError
from entente.model import Document


class _JsonWriter:
    """--format json: one pretty object for one story, an array for several."""

    def __init__(self, out):
        self.out, self.first, self.n, self.closed = out, None, 0, False

    def write(self, doc) -> None:
        self.n += 1
        if self.n == 1:
            self.first = doc
            return
        if self.n == 2:
            self.out.write("[\n" + self.first.model_dump_json(indent=2))
        self.out.write(",\n" + doc.model_dump_json(indent=2))

    def close(self) -> None:
        """Ends the output (also after an interruption, so it stays valid JSON); once."""
        if self.closed:
            return
        self.closed = True
        if self.n == 1:
            self.out.write(self.first.model_dump_json(indent=2) + "\n")
        elif self.n > 1:
            self.out.write("\n]\n")
        self.out.flush()


class _JsonlWriter:
    def __init__(self, out):
        self.out, self.n = out, 0

    def write(self, doc) -> None:
        self.out.write(doc.model_dump_json() + "\n")
        self.out.flush()
        self.n += 1

    def close(self) -> None:
        pass


@app.command()
def extract(
    paths: list[str] = PATHS,
    published: Optional[str] = PUBLISHED,
    input_format: str = INPUT_FORMAT,
    format: str = typer.Option("json", "--format", "-f", help="json (one object, or an array) or jsonl (one line per story)."),
    output: Optional[pathlib.Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of standard output."),
    model: str = MODEL,
    workers: int = WORKERS,
    scheduler: Optional[str] = SCHEDULER,
    progress_bar: Optional[bool] = PROGRESS,
    clusters: bool = typer.Option(True, "--clusters/--no-clusters", help="Give each event the `cluster` of the real-world event it reports, shared across this run's stories (output comes at the end); --no-clusters streams each story as soon as it is done, in constant memory."),
) -> int:
    """Extract actors, events, time, statements and agreements from stories.

    Each output line carries its input line's id, and each event the `cluster` of the
    real-world event it reports, shared by the run's stories that report it, e.g.

        entente extract --input-format jsonl --format jsonl - < stories.jsonl

    A bad record is reported with its line or file and skipped (exit 1 at the end);
    a summary goes to stderr. With --no-clusters a JSONL corpus streams through in
    constant memory, each story written as soon as it is done.
    """
    if format not in ("json", "jsonl"):
        raise InputError(f"unknown output format {format!r} (json or jsonl)")
    if output is not None:
        if output.is_dir():
            raise InputError(f"{output}: is a directory")
        if not (output.parent if str(output.parent) else pathlib.Path(".")).is_dir():
            raise InputError(f"{output}: folder {output.parent} does not exist")
    items = open_stories(paths, input_format, published)
    first = next(items, None)  # surfaces a fault of the only input before any output
    problems = ProblemLog()
    total = count_hint(paths)

    def all_items():
        if first is not None:
            yield first
        yield from items

    pipe = pipeline(model, workers, scheduler)
    if output is not None:
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        out = os.fdopen(fd, "w", encoding="utf-8")
    else:
        out, tmp = sys.stdout, None
    writer = _JsonlWriter(out) if format == "jsonl" else _JsonWriter(out)
    where = str(output) if output is not None else "standard output"
    run, spool = (RunClusters(), tempfile.TemporaryFile("w+", encoding="utf-8")) if clusters else (None, None)

    def write_held() -> None:
        """The documents held for clustering, with the clusters of the stories seen so far."""
        if run is None or spool.closed:
            return
        run.finish()
        spool.seek(0)
        for line in spool:
            writer.write(run.apply(Document.model_validate_json(line)))
        spool.close()

    try:
        with progress(show_progress(progress_bar)) as bar, interrupts_noticed() as hit:
            task = bar.add_task("extracting", total=total)
            for doc in pipe.process(problems.stories(all_items())):
                raise_if_interrupted(hit)
                if run is None:
                    writer.write(doc)
                else:  # clusters span the run: hold the documents on disk until all are seen
                    run.add(doc)
                    spool.write(doc.model_dump_json() + "\n")
                bar.advance(task)
        write_held()
        writer.close()
        if tmp:
            out.close()
            os.replace(tmp, output)
            tmp = None
    except KeyboardInterrupt:
        if tmp is None:  # standard output keeps what was extracted before the interruption
            write_held()
        kept = f"written to {where}" if tmp is None else f"extracted; nothing written to {where}"
        err.print(f"entente: interrupted; {writer.n} stor{'y' if writer.n == 1 else 'ies'} {kept}.", markup=False)
        return 130
    finally:
        pipe.close()
        if spool is not None:
            spool.close()
        if tmp:
            out.close()
            os.unlink(tmp)
        else:
            writer.close()  # what went to standard output stays valid JSON, whatever stopped the run
    err.print(f"entente: {writer.n} stor{'y' if writer.n == 1 else 'ies'} extracted to {where}.", markup=False)
    return problems.exit_code()
