"""`entente demo`: the main job on the bundled demo corpus, end to end."""
from __future__ import annotations

from importlib import resources

import typer

from entente.cli import app
from entente.cli.common import MODEL, err
from entente.cli.ingest import ingest_into
from entente.cli.report import print_summary
from entente.ingest import iter_stories
from entente.store import Database


@app.command()
def demo(
    db: str = typer.Option("entente-demo.db", "--db", help="Where to store the demo database."),
    model: str = MODEL,
) -> None:
    """Ingest six bundled Voice of America stories into SQLite and summarise them."""
    corpus = resources.files("entente") / "demo" / "voa_demo.jsonl"
    with resources.as_file(corpus) as path:
        stories = [s for s in iter_stories([str(path)], "jsonl") if not hasattr(s, "message")]
    with Database(db) as database:
        err.print(f"Demo corpus: {len(stories)} Voice of America stories (public domain, voanews.com)", markup=False)
        added, skipped = ingest_into(database, stories, model, len(stories))
        err.print(f"{added} new, {skipped} already stored in {db}", markup=False)
        print_summary(database)
    err.print(f"Explore: entente events --db {db} --dyad KEN-SOM · entente statements --db {db} · "
              f"entente agreements --db {db}", markup=False)
