"""Rows out as a table, JSON, JSONL or CSV: one writer for every query command."""
from __future__ import annotations

import csv
import json
import sys
from typing import Callable, Sequence

from rich.table import Table

from entente.cli.report import out
from entente.errors import InputError

FORMATS = ("table", "json", "jsonl", "csv")


def emit(rows: list[dict], fmt: str, columns: Sequence[tuple[str, Callable[[dict], str]]], title: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow([name for name, _ in columns])
        for r in rows:
            w.writerow([get(r) for _, get in columns])
    else:
        t = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False)
        for name, _ in columns:
            t.add_column(name, overflow="fold")
        for r in rows:
            t.add_row(*[get(r) for _, get in columns])
        out.print(t)
