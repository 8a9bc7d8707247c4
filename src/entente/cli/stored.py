"""`entente reextract` and `entente delete`: work on the stories already stored."""
from __future__ import annotations

import sys
from typing import Optional

import typer

from entente import __version__
from entente.cli import app
from entente.cli.common import DB, MODEL, PROGRESS, err, show_progress
from entente.cli.ingest import Counts, ingest_into
from entente.errors import InputError, redact
from entente.store import Database


@app.command()
def reextract(
    db: str = DB,
    model: str = MODEL,
    progress_bar: Optional[bool] = PROGRESS,
) -> int:
    """Extract again, from their stored text, the stories stored by an older version of entente.

    Each batch of stories is replaced in one transaction; the registry follows.
    Interrupted, it can be started again: what is done is not done twice.
    """
    database = Database(db, create=False)
    total = database.count_stale()
    if not total:
        err.print(f"entente: every story in {redact(db)} is extracted by version {__version__}; nothing to do.",
                  markup=False)
        return 0
    counts = Counts()
    try:
        ingest_into(database, database.stored_stories(), model, total, show=show_progress(progress_bar),
                    refresh=True, counts=counts)
    except KeyboardInterrupt:
        err.print(f"entente: interrupted; {counts.added} of {total} stories extracted again in {redact(db)}. "
                  "Run the same command again to go on.", markup=False)
        return 130
    err.print(f"entente: {counts.added} stor{'y' if counts.added == 1 else 'ies'} extracted again by version "
              f"{__version__} in {redact(db)}.", markup=False)
    return 1 if counts.refused else 0


@app.command()
def delete(
    story: list[str] = typer.Argument(None, help="Story ids to delete; '-' reads them from standard input, one a line.",
                                      show_default=False),
    db: str = DB,
) -> int:
    """Delete stories with their facts and evidence; registry actors and agreements that no
    other story mentions go too. All in one transaction."""
    ids = [s for s in (story or []) if s != "-"]
    if story and "-" in story:
        ids += [line.strip() for line in sys.stdin if line.strip()]
    if not ids:
        raise InputError("name the story ids to delete (or '-' to read them from standard input)")
    ids = list(dict.fromkeys(ids))
    missing, entities, agreements = Database(db, create=False).delete(ids)
    gone = len(ids) - len(missing)
    err.print(f"entente: {gone} stor{'y' if gone == 1 else 'ies'} deleted from {redact(db)}; registry: {entities} "
              f"actor{'s' if entities != 1 else ''} and {agreements} agreement{'s' if agreements != 1 else ''} "
              "left without a story removed.", markup=False)
    for sid in missing:
        err.print(f"entente: skipped {sid!r}: no such story", markup=False)
    return 1 if missing else 0
