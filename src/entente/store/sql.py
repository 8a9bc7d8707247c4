"""Statements that behave the same on SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.engine import Connection


def insert_ignore(conn: Connection, table: Table, **values) -> bool:
    """INSERT … ON CONFLICT DO NOTHING: one statement, safe when another writer inserts the
    same key at the same time. Returns whether the row was new."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table).values(**values).on_conflict_do_nothing()
    # SQLAlchemy keeps an INSERT's rowcount only when asked to.
    return conn.execute(stmt, execution_options={"preserve_rowcount": True}).rowcount == 1
