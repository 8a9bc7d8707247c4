"""Readable summaries and tables printed by the commands."""
from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.table import Table

from entente.store import Database


def _width():
    """The terminal's width on a terminal; piped or redirected, wide enough that no table
    is folded to 80 columns (COLUMNS, when set, still rules)."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return None
    return 10_000


out = Console(highlight=False, width=_width())


def print_summary(db: Database, top: int = 8) -> None:
    s = db.summary(top=top)
    out.print(f"[bold]{s['stories']}[/] stories · [bold]{s['actors']}[/] actors "
              f"({s['entities']} in the registry) · [bold]{s['events']}[/] events · "
              f"[bold]{s['statements']}[/] statements · [bold]{s['agreements']}[/] agreements")
    if s["events_by_type"]:
        t = Table(title="Events by PLOVER type", title_justify="left")
        t.add_column("type")
        t.add_column("events", justify="right")
        for k, n in s["events_by_type"]:
            t.add_row(k, str(n))
        out.print(t)
    if s["dyads"]:
        t = Table(title="Busiest dyads", title_justify="left")
        t.add_column("dyad")
        t.add_column("events", justify="right")
        for (a, b), n in s["dyads"]:
            t.add_row(f"{a}–{b}", str(n))
        out.print(t)
    if s["actors_by_kind"]:
        out.print("Actors by kind: " + ", ".join(f"{k} {n}" for k, n in s["actors_by_kind"]))
