"""`entente export`: stored facts to JSONL, CSV or Parquet, in entente, GDELT or POLECAT layout."""
from __future__ import annotations

import json
import os
import pathlib
import tempfile

import typer

from entente.cli import app
from entente.cli.common import DB, err
from entente.errors import InputError
from entente.store import Database
from entente.store.exports import TABLES, rows

FORMATS = ("jsonl", "csv", "parquet")


@app.command()
def export(
    output: pathlib.Path = typer.Argument(..., help="File to write (written atomically)."),
    db: str = DB,
    table: str = typer.Option("events", "--table", "-t", help=f"What to export: {', '.join(TABLES)}."),
    format: str = typer.Option(None, "--format", "-f", help="jsonl, csv or parquet (default: from the file suffix)."),
) -> None:
    """Export events (entente, GDELT- or POLECAT-style), statements, agreements or the actor registry."""
    fmt = format or output.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)}; or name a .jsonl/.csv/.parquet file)")
    if table not in TABLES:
        raise InputError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    if not output.parent.exists():
        raise InputError(f"{output.parent}: no such folder")
    data = list(rows(Database(db, create=False), table))
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    os.close(fd)
    try:
        if fmt == "jsonl":
            with open(tmp, "w", encoding="utf-8") as fh:
                for r in data:
                    fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif fmt == "csv":
            write_csv(tmp, data)
        else:
            write_parquet(tmp, data)
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    err.print(f"{len(data)} {table} rows written to {output}", markup=False)


def _columns(data: list[dict]) -> list[str]:
    return list(dict.fromkeys(k for r in data for k in r))


def write_csv(path: str, data: list[dict]) -> None:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=_columns(data))
        w.writeheader()
        w.writerows(data)


def write_parquet(path: str, data: list[dict]) -> None:
    """pyarrow alone (no pandas): one typed column per field; a column of mixed types is text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {}
    for name in _columns(data):
        values = [r.get(name) for r in data]
        try:
            columns[name] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            columns[name] = pa.array([None if v is None else str(v) for v in values], pa.string())
    pq.write_table(pa.table(columns), path)
