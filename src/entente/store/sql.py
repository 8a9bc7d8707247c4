"""Statements that behave the same on SQLite and PostgreSQL."""
from __future__ import annotations

import functools

from sqlalchemy import Table
from sqlalchemy.engine import Connection


@functools.lru_cache(maxsize=None)
def _insert_ignore(dialect: str, table: Table):
    """One statement per table, values passed as parameters: building a statement per row
    cost most of the write time on large ingests (benchmarks/store_scale.py)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def insert_ignore(conn: Connection, table: Table, **values) -> bool:
    """INSERT … ON CONFLICT DO NOTHING: one statement, safe when another writer inserts the
    same key at the same time. Returns whether the row was new."""
    # SQLAlchemy keeps an INSERT's rowcount only when asked to.
    return conn.execute(_insert_ignore(conn.dialect.name, table), values,
                        execution_options={"preserve_rowcount": True}).rowcount == 1


def insert_many_ignore(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Rows nothing reads back before the story is stored, in one executemany."""
    if rows:
        conn.execute(_insert_ignore(conn.dialect.name, table), rows)
