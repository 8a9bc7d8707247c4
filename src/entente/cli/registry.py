"""`entente statements`, `entente agreements`, `entente actors`: the other stored facts."""
from __future__ import annotations

from typing import Optional

import typer

from entente.cli import app
from entente.cli.common import DB
from entente.cli.output import emit
from entente.store import Database

FORMAT = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv.")


@app.command()
def statements(
    db: str = DB,
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Speaker name contains this (case-insensitive)."),
    story: Optional[str] = typer.Option(None, "--story", help="Only this story id."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n"),
    format: str = FORMAT,
) -> None:
    """Quotes and reported statements with their speakers, cues and channels."""
    rows = Database(db, create=False).statements(speaker=speaker, story=story, limit=limit)
    emit(rows, format, [
        ("published", lambda r: r["published"] or ""),
        ("speaker", lambda r: r["speaker_name"] or "?"),
        ("direct", lambda r: "yes" if r["direct"] else "no"),
        ("cue", lambda r: r["cue"] or ""),
        ("channel", lambda r: r["channel"] or ""),
        ("text", lambda r: r["text"]),
    ], "Statements")


@app.command()
def agreements(
    db: str = DB,
    name: Optional[str] = typer.Option(None, "--name", help="Agreement name contains this."),
    format: str = FORMAT,
) -> None:
    """Agreements across stories, each with its status history."""
    rows = Database(db, create=False).agreements(name=name)
    emit(rows, format, [
        ("agreement", lambda r: r["name"]),
        ("parties", lambda r: ", ".join(r["parties"])),
        ("topic", lambda r: r["topic"] or ""),
        ("status", lambda r: r["status"] or ""),
        ("history", lambda r: " → ".join(f"{h['status']} ({h['date'] or '?'})" for h in r["history"])),
    ], "Agreements")


@app.command()
def actors(
    db: str = DB,
    name: Optional[str] = typer.Option(None, "--name", help="Name contains this."),
    format: str = FORMAT,
) -> None:
    """The actor registry: one row per real-world actor across stories, with aliases and dated roles."""
    rows = Database(db, create=False).entities(name=name)
    emit(rows, format, [
        ("name", lambda r: r["name"]),
        ("kind", lambda r: r["kind"] or ""),
        ("country", lambda r: r["country"] or ""),
        ("roles", lambda r: "; ".join(f"{x['title']} (since {x['since'] or '?'})" for x in r["roles"])),
        ("aliases", lambda r: ", ".join(r["aliases"])),
    ], "Actors")
