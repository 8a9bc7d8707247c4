"""Opening a database safely: which targets are accepted, schema creation, write transactions.

* Reading never creates or changes anything: no file, no table, no journal mode.
* Writers are serialised per database, so concurrent `entente ingest` runs are safe and
  the cross-story registry sees one batch at a time (as in a single run): on SQLite a
  write transaction starts with BEGIN IMMEDIATE (the others wait up to BUSY_SECONDS);
  on PostgreSQL it takes a transaction-scoped advisory lock.
* The schema is created under the same lock, so two first runs on a fresh database do
  not race ("table already exists").
"""
from __future__ import annotations

import pathlib
import time
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from entente.errors import EntenteError, redact
from entente.store import schema as t

BUSY_SECONDS = 120
# PostgreSQL advisory lock key for entente writers ("entente" as a number); locks are per database.
WRITE_LOCK = int.from_bytes(b"entente", "big")
_WRITE = "entente_write"


def _url(target: str):
    """'file.db' or 'sqlite:///file.db' -> SQLite; 'postgresql://…' -> PostgreSQL via psycopg 3."""
    if target.startswith(("postgresql://", "postgres://")):
        target = "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" not in target:
        return make_url("sqlite://").set(database=target)
    try:
        url = make_url(target)
    except ArgumentError:
        raise EntenteError(f"{redact(target)}: not a database file or URL "
                           "(e.g. news.db, postgresql://user:pass@host/db)") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise EntenteError(f"{redact(target)}: unsupported database {url.get_backend_name()!r} "
                           "(use a SQLite file or a postgresql:// URL)")
    if url.get_backend_name() == "postgresql" and url.drivername != "postgresql+psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def _check_file(target: str, database, create: bool) -> None:
    if not database or database == ":memory:":
        return
    path = pathlib.Path(database)
    if path.is_dir():
        raise EntenteError(f"{target}: is a directory, not a database file")
    if not create and not path.exists():
        raise EntenteError(f"{target}: no such database (create it with `entente ingest … --db {target}`)")
    if create and not path.parent.exists():
        raise EntenteError(f"{target}: folder {path.parent} does not exist")


def engine_for(target: str, write: bool = True) -> Engine:
    url = _url(target)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # transactions begin in _begin below, not in the driver
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if write:  # a reader never changes the file, not even its journal mode
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def open_engine(target: str, create: bool = True) -> Engine:
    """An engine on an entente database. With `create`, a missing SQLite file and the
    tables are created; without it, the database must exist and hold the tables."""
    url = _url(target)
    if url.get_backend_name() == "sqlite":
        _check_file(target, url.database, create)
    engine = engine_for(target, write=create)
    try:
        if create:
            _retry_busy(engine, ensure_schema)
        elif not inspect(engine).has_table(t.stories.name):
            raise EntenteError(f"{target}: not an entente database (no stories table; "
                               f"`entente ingest … --db {redact(target)}` creates one)")
        elif not set(t.metadata.tables) <= set(inspect(engine).get_table_names()):
            raise EntenteError(f"{target}: made by an older entente; `entente reextract --db {redact(target)}` "
                               f"brings it up to date")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise EntenteError(f"cannot open database {redact(target)}: {describe(exc)}") from None
    return engine


def _retry_busy(engine: Engine, step) -> None:
    """SQLite answers "database is locked" at once, without waiting, in a few races of first
    opens (a journal-mode switch, a snapshot another writer moved on); try again until
    BUSY_SECONDS have passed, as a waiting writer would."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            return step(engine)
        except OperationalError as exc:
            if engine.dialect.name != "sqlite" or "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def describe(exc: SQLAlchemyError) -> str:
    """A database error as one line, without the statement and its parameters."""
    orig = getattr(exc, "orig", None)
    lines = str(orig if orig is not None else exc).strip().splitlines()
    return redact(lines[0] if lines else type(exc).__name__)


def ensure_schema(engine: Engine) -> None:
    existing = set(inspect(engine).get_table_names())
    if set(t.metadata.tables) <= existing:
        with engine.connect() as conn:
            if t.read_side_ready(conn):
                return
    with write_transaction(engine) as conn:  # the first of several concurrent runs creates it
        t.metadata.create_all(conn)
        if not t.read_side_ready(conn):
            t.ensure_read_side(conn)   # what the read side needs, on a database made before it existed


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction, holding the database's writer lock until it commits or rolls back."""
    with engine.execution_options(**{_WRITE: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
        yield conn
