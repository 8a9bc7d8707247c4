"""The store at corpus scale: a million events in SQLite or PostgreSQL, written and queried.

    .venv/bin/python benchmarks/store_scale.py --db /tmp/scale.db
    .venv/bin/python benchmarks/store_scale.py --db postgresql://entente:entente@127.0.0.1:5432/entente_s

1. Fill to `--events` (default 1,000,000) with generated stories of ten events each
   (benchmarks/synthetic.py: made-up states, people with roles, statements; some countries far
   more often than others). The fill is the product's write path (`Database.add_many`) with
   one shortcut, said here plainly: the registry's cross-story linking is replaced by its key
   function, which gives these generated actors the same entity ids (full names and states,
   no short forms to resolve). A rerun only adds what is missing.
2. Ingest rate through the full write path, registry included: `--measure` new stories on
   the filled database, then the same stories again (idempotent re-ingest: 0 added).
3. Queries, each timed `--repeat` times (median and worst, ms): the dyad timeline, the first
   events page, a dyad's events page, a country + type page, and where the store has them a
   deep page and the page total. Then the plan of every SQL statement they ran (EXPLAIN QUERY
   PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL) and the indexes in the database.

Use a scratch database: it is filled, never emptied. About 1.5 GB on disk for a million events.
"""
from __future__ import annotations

import argparse
import dataclasses
import pathlib
import statistics
import sys
import time
from contextlib import contextmanager

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import document  # noqa: E402

EVENTS_PER_STORY = 10
BATCH = 500


@contextmanager
def registry_keys_only():
    """The fill's shortcut: link_actor returns the entity of the actor's own key."""
    from sqlalchemy import select

    from entente.store import registry
    from entente.store import schema as t
    from entente.text import short_hash

    real = registry.link_actor

    def link_actor(conn, story_id, actor, published):
        key = registry.entity_key(actor, story_id, "")
        entity_id = short_hash("entity", key)
        if conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first() is None:
            conn.execute(t.entities.insert(), dict(id=entity_id, key=key, name=actor.name, kind=actor.kind,
                                                   country=actor.country, sector=actor.sector))
        return entity_id

    registry.link_actor = link_actor
    try:
        yield
    finally:
        registry.link_actor = real


def count(db, table: str) -> int:
    from sqlalchemy import func, select

    from entente.store import schema as t

    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(getattr(t, table))).scalar_one()


def fill(db, target_events: int) -> None:
    have = count(db, "stories")
    want = -(-target_events // EVENTS_PER_STORY)
    if have >= want:
        print(f"fill: {have} stories already there ({count(db, 'events')} events)")
        return
    print(f"fill: {have} -> {want} stories ({EVENTS_PER_STORY} events each), batches of {BATCH}", flush=True)
    t0 = time.perf_counter()
    step = max(BATCH, (want - have) // 10 // BATCH * BATCH)
    mark, last = t0, have
    with registry_keys_only():
        for start in range(have, want, BATCH):
            db.add_many(document(i) for i in range(start, min(start + BATCH, want)))
            done = min(start + BATCH, want)
            if (done - have) % step == 0 or done == want:
                now = time.perf_counter()
                print(f"  {done:>8} stories: {(done - last) * EVENTS_PER_STORY / (now - mark):7.0f} events/s "
                      f"({(done - last) / (now - mark):5.0f} stories/s) over the last {done - last}", flush=True)
                mark, last = now, done
    took = time.perf_counter() - t0
    print(f"fill: {(want - have) * EVENTS_PER_STORY / took:.0f} events/s on average ({took:.0f} s)")


def measure_ingest(db, n: int) -> None:
    """Full write path (registry included) for n new stories, then the same n again."""
    base = 10_000_000  # ids far from the fill's
    pairs = [document(base + i) for i in range(n)]
    t0 = time.perf_counter()
    added = sum(db.add_many(pairs[i:i + 64]) for i in range(0, n, 64))
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = sum(db.add_many(pairs[i:i + 64]) for i in range(0, n, 64))
    second = time.perf_counter() - t0
    print(f"ingest, full write path (registry included), batches of 64: {n} new stories in {first:.1f} s = "
          f"{n / first:.0f} stories/s, {n * EVENTS_PER_STORY / first:.0f} events/s ({added} added)")
    print(f"re-ingest of the same {n}: {again} added, {second:.1f} s ({n / second:.0f} stories/s checked)")


class Recorder:
    """The SQL statements the store sends, for EXPLAIN."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.engine, self.on, self.seen = engine, False, []
        event.listen(engine, "before_cursor_execute", self._hook)

    def _hook(self, conn, cursor, statement, parameters, context, executemany):
        if self.on and not executemany:
            self.seen.append((statement, parameters))


def queries(db) -> list[tuple[str, callable]]:
    from entente.store import analytics
    from entente.store.database import EventFilter

    fields = {f.name for f in dataclasses.fields(EventFilter)}
    out = [
        ("dyad timeline USA-CHN by month", lambda: analytics.dyad_series(db, "USA", "CHN", "month")),
        ("events page 1 (50, by event date)", lambda: db.events(EventFilter(limit=50))),
        ("dyad USA-CHN events page 1", lambda: db.events(EventFilter(dyad=("USA", "CHN"), limit=50))),
        ("IND CONSULT events page 1", lambda: db.events(EventFilter(country="IND", types=["CONSULT"], limit=50))),
    ]
    if "offset" in fields:
        out.append(("events page at offset 500,000", lambda: db.events(EventFilter(limit=50, offset=500_000))))
    if "descending" in fields:
        out.append(("events page 1, newest first", lambda: db.events(EventFilter(limit=50, descending=True))))
    if hasattr(db, "count_events"):
        out.append(("events total (page envelope)", lambda: db.count_events(EventFilter())))
        out.append(("dyad USA-CHN total", lambda: db.count_events(EventFilter(dyad=("USA", "CHN")))))
    return out


def explain(db, statement: str, parameters) -> str:
    postgres = db.engine.dialect.name == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(prefix + statement, parameters).all()
    if postgres:
        return "\n".join(r[0] for r in rows)
    return "\n".join(f"{'  ' * (r[1] != 0)}{r[-1]}" for r in rows)


def run_queries(db, repeat: int) -> None:
    rec = Recorder(db.engine)
    plans = []
    for label, fn in queries(db):
        fn()  # warm: caches, the first connection
        times = []
        for k in range(repeat):
            rec.on, rec.seen = k == 0, []
            t0 = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - t0) * 1000)
            rec.on = False
            if k == 0:
                plans.append((label, list(rec.seen)))
        size = f"{len(result)} rows" if hasattr(result, "__len__") else f"= {result}"
        print(f"  {label:<36} median {statistics.median(times):8.1f} ms   worst {max(times):8.1f} ms   ({size})")
    print("\nplans:")
    for label, statements in plans:
        for statement, parameters in statements:
            print(f"-- {label}\n{' '.join(statement.split())[:600]}")
            print("\n".join("   " + line for line in explain(db, statement, parameters).splitlines()))


def indexes(db) -> None:
    """Every index, as the database itself states it (expression indexes included)."""
    from sqlalchemy import text

    postgres = db.engine.dialect.name == "postgresql"
    q = ("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexname"
         if postgres else "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY tbl_name, name")
    print("\nindexes (besides primary keys and unique constraints):" if not postgres else "\nindexes:")
    with db.engine.connect() as conn:
        for (ddl,) in conn.execute(text(q)):
            print("  " + " ".join(ddl.split()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="a scratch SQLite file or postgresql:// URL")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--measure", type=int, default=1000, help="stories for the full-path ingest rate")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-fill", action="store_true")
    args = ap.parse_args(argv)
    from entente.store import Database

    db = Database(args.db)
    print(f"database: {db.engine.dialect.name}")
    if not args.skip_fill:
        fill(db, args.events)
    print(f"holds {count(db, 'stories')} stories, {count(db, 'events')} events, "
          f"{count(db, 'participants')} participant rows, {count(db, 'actors')} actors")
    if args.measure:
        measure_ingest(db, args.measure)
    print("queries:")
    run_queries(db, args.repeat)
    indexes(db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
