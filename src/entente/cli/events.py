"""`entente events`: the event timeline from the database, sorted by event date."""
from __future__ import annotations

from typing import Optional

import typer

from entente.cli import app
from entente.cli.common import DB
from entente.cli.output import emit
from entente.errors import InputError
from entente.store import Database, EventFilter


def _who(parts: list[dict]) -> str:
    return "; ".join(f"{p['name']} ({p['country']})" if p.get("country") else p["name"] for p in parts)


COLUMNS = [
    ("date", lambda r: r["date_value"] or "?"),
    ("type", lambda r: r["type"]),
    ("cameo", lambda r: r["cameo"] or ""),
    ("actors", lambda r: _who(r["actors"])),
    ("recipients", lambda r: _who(r["recipients"])),
    ("where", lambda r: r["location_name"] or ""),
    ("fact", lambda r: r["factuality"]),
    ("conf", lambda r: f"{r['confidence']:.2f}" if r["confidence"] is not None else ""),
    ("trigger", lambda r: r["trigger"] or ""),
    ("story", lambda r: r["story_id"][:12] + (f" +{len(r['sources']) - 1}" if len(r["sources"]) > 1 else "")),
    ("sources", lambda r: str(r.get("source_count") or 1)),
    ("cluster", lambda r: (r.get("cluster") or "")[:8]),
]


def _dyad(value: Optional[str]) -> Optional[tuple[str, str]]:
    if not value:
        return None
    parts = value.replace("–", "-").split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise InputError(f"--dyad {value!r}: expected two ISO alpha-3 codes like USA-IND")
    return parts[0].upper(), parts[1].upper()


def _date(value: Optional[str], flag: str) -> Optional[str]:
    from entente import date_bounds as dates

    if value and dates.bounds(value)[0] is None:
        raise InputError(f"{flag} {value!r}: expected an ISO date such as 2026-02-12, 2026-02 or 2026")
    return value


@app.command()
def events(
    db: str = DB,
    country: Optional[str] = typer.Option(None, "--country", "-c", help="Events with an actor or recipient of this country (ISO alpha-3)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", "-d", help="Events between two countries, e.g. USA-IND."),
    directed: bool = typer.Option(False, "--directed", help="With --dyad: only the first country acting on the second."),
    type: list[str] = typer.Option([], "--type", "-t", help="PLOVER type(s), e.g. CONSULT; repeatable."),
    since: Optional[str] = typer.Option(None, "--since", help="Event date on or after (2026-01, 2026-01-15 …)."),
    until: Optional[str] = typer.Option(None, "--until", help="Event date on or before."),
    factuality: list[str] = typer.Option([], "--factuality", help="asserted, negated, hypothetical, planned, reported; repeatable."),
    story: Optional[str] = typer.Option(None, "--story", help="Only this story id."),
    dedupe: bool = typer.Option(False, "--dedupe", help="One row per real-world event: its cluster id, every source (story and event ids), the source count, first and last seen."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", help="At most this many rows."),
    format: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
) -> None:
    """List stored events as a timeline (by each event's own date), with filters.

    Every row carries `cluster` (the real-world event it reports, shared by all stories that
    report it) and `source_count` (how many stories do); --dedupe keeps one row per cluster.
    """
    types = [x for t in type for x in t.split(",") if x]
    f = EventFilter(country=country, dyad=_dyad(dyad), directed=directed, types=types,
                    since=_date(since, "--since"), until=_date(until, "--until"),
                    factuality=factuality, story=story, limit=limit, dedupe=dedupe)
    emit(Database(db, create=False).events(f), format, COLUMNS, "Events")
