"""Clustering at scale: what ingesting a story costs on a database of a million events.

    .venv/bin/python benchmarks/clusters_scale.py [--events 1000000] [--db /tmp/big.db | --postgres URL]
                                                  [--stories 200] [--keep]

1. Builds a synthetic database of N events (bulk rows: stories, events, cluster reports and
   their country rows, cluster summaries) from a generator of real-world events, each told by
   1-8 reports over three years, among ~190 countries with a Zipf-like spread (the United
   States in about a quarter of them), 16 PLOVER types, a mix of day, month and
   publication-date-fallback dates, missing sides, reciprocal reports and named persons. The
   stored clusters are the canonical partition of those reports (`entente.clustering.partition`,
   in memory), i.e. what ingesting them one by one would have left.
2. Ingests the same new stories (made-up `Document`s, no NLP, ~5 events each; a third of them
   retelling an event already stored) through the real write path (`Database.add_many`, one
   story per transaction) into that database and into an empty one, timing the whole write
   and the clustering part of it (`store.clusters.add_story`).
3. Times a page of `/api/clusters` (store.clusters.list_clusters) with a dyad filter.

Prints the figures and their ratios (measured in one run, on whatever machine runs it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.common import REPO  # noqa: E402,F401  (puts src on the path)

from sqlalchemy import func, insert, select, update  # noqa: E402

from entente.clustering import partition  # noqa: E402
from entente.clusters import Report, report_of  # noqa: E402
from entente.model import Actor, Document, Event, EventDate, Evidence  # noqa: E402
from entente.pipeline import make_story  # noqa: E402
from entente.store import Database  # noqa: E402
from entente.store import clusters as store  # noqa: E402
from entente.store import schema as t  # noqa: E402

START = dt.date(2023, 1, 1)
TYPES = {"CONSULT": 30, "ACCUSE": 12, "COOPERATE": 8, "SUPPORT": 8, "AGREE": 6, "REQUEST": 6, "REJECT": 5,
         "THREATEN": 4, "PROTEST": 4, "SANCTION": 3, "AID": 3, "ASSAULT": 4, "COERCE": 3, "MOBILIZE": 2,
         "CONCEDE": 1, "RETREAT": 1}
VOCAB = [f"w{i}" for i in range(5000)]


def countries() -> tuple[list[str], list[float]]:
    import pycountry

    first = ["USA", "CHN", "RUS", "IND", "UKR", "ISR", "GBR", "FRA", "DEU", "JPN", "IRN", "PAK", "TUR", "KOR", "PRK"]
    rest = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in first)
    codes = first + rest
    return codes, [1 / (i + 1) ** 1.1 for i in range(len(codes))]


class Generator:
    def __init__(self, seed: int = 1):
        self.rng = random.Random(seed)
        self.codes, self.weights = countries()
        self.types, self.type_w = list(TYPES), list(TYPES.values())

    def event(self, day: dt.date | None = None) -> dict:
        """One real-world event: type, dyad, day (random in three years unless given), persons, words."""
        rng = self.rng
        a, b = rng.choices(self.codes, self.weights, k=2)
        while b == a:
            b = rng.choices(self.codes, self.weights)[0]
        return {"type": rng.choices(self.types, self.type_w)[0], "a": a, "b": b,
                "day": day or START + dt.timedelta(days=rng.randrange(1095)), "words": rng.sample(VOCAB, 8),
                "pa": f"Person {a} {rng.randrange(20)}", "pb": f"Person {b} {rng.randrange(20)}"}

    def telling(self, ev: dict, sid: str, eid: str, published: dt.date) -> tuple[list[Actor], Event]:
        """One report of the event, as one story's extractor might have coded it."""
        rng = self.rng
        actors, ids = [], {}
        for side, code, person in (("a", ev["a"], ev["pa"]), ("b", ev["b"], ev["pb"])):
            if side == "b" and rng.random() < 0.15:
                continue  # a missed party
            aid = f"{eid}{side}"
            if rng.random() < 0.3:
                actors.append(Actor(id=aid, name=person, kind="person", country=code))
            else:
                actors.append(Actor(id=aid, name=code, kind="state", country=code))
            ids[side] = aid
        roll = rng.random()
        if roll < 0.65:
            day = ev["day"] + dt.timedelta(days=rng.choice([0, 0, 0, 0, 0, 0, 0, 0, 1, -1]))
            date = EventDate(value=day.isoformat(), granularity="day", type="exact")
        elif roll < 0.9:
            date = EventDate(value=published.isoformat(), granularity="day", type="reported",
                             reason="no time expression; publication date used as upper bound")
        else:
            date = EventDate(value=ev["day"].isoformat()[:7], granularity="month", type="exact")
        words = ev["words"][:5] + rng.sample(VOCAB, 4)
        sentence = " ".join(words)
        return actors, Event(id=eid, type=ev["type"], actors=[ids["a"]], recipients=[ids["b"]] if "b" in ids else [],
                             reciprocal=rng.random() < 0.2, date=date,
                             evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=words[0]))

    def story(self, sid: str, events: list[dict]) -> tuple:
        published = max(e["day"] for e in events) + dt.timedelta(days=self.rng.randrange(3))
        actors, evs = [], []
        for i, ev in enumerate(events):
            a, e = self.telling(ev, sid, f"{sid}e{i}", published)
            actors += a
            evs.append(e)
        text = " ".join(e.evidence.sentence for e in evs)
        story = make_story(text, id=sid, published=published.isoformat())
        return story, Document(id=sid, published=story.published, actors=actors, events=evs, version="bench")


def build(db: Database, n_events: int, gen: Generator) -> tuple[list[dict], float, float]:
    """Bulk-load about n_events stored reports with their canonical clusters; returns some stored
    events (for retelling), the seconds of the whole build and of the in-memory partition."""
    t0 = time.perf_counter()
    rng = gen.rng
    pending: list[tuple[dict, int]] = []  # (event, reports still to tell)
    made = n_story = 0
    sample: list[dict] = []
    told: list[tuple[Report, dict]] = []
    buf: dict[str, list] = {k: [] for k in ("stories", "events", "reports", "countries", "clusters", "participants",
                                            "pairs")}

    def flush():
        with db.engine.begin() as conn:
            for key, table in (("stories", t.stories), ("events", t.events), ("reports", t.cluster_reports),
                               ("countries", t.cluster_countries), ("clusters", t.clusters),
                               ("participants", t.cluster_participants), ("pairs", t.cluster_pairs)):
                if buf[key]:
                    conn.execute(insert(table), buf[key])
                    buf[key].clear()

    while made < n_events:
        while len(pending) < 400:  # the news of the day: events told over the next days
            ev = gen.event(START + dt.timedelta(days=int(1095 * made / n_events)))
            pending.append((ev, min(8, 1 + int(rng.expovariate(1.0)))))
            if rng.random() < 0.001:
                sample.append(ev)
        picks = sorted(rng.sample(range(len(pending)), 5), reverse=True)
        chosen = []
        for i in picks:
            ev, left = pending[i]
            chosen.append(ev)
            if left <= 1:
                pending.pop(i)
            else:
                pending[i] = (ev, left - 1)
        sid = f"b{n_story:07d}"
        n_story += 1
        story, doc = gen.story(sid, chosen)
        outlet = f"outlet{n_story % 500}"
        buf["stories"].append(dict(id=sid, content_hash=sid, title=None, published=doc.published, source=outlet,
                                   url=None, text=story.text, version="bench", document="{}"))
        for e in doc.events:
            r = report_of(doc, e)
            lo, hi = (r.lo, r.hi) if r else (None, None)
            buf["events"].append(dict(story_id=sid, event_id=e.id, type=e.type, factuality=e.factuality,
                                      reciprocal=e.reciprocal, date_value=e.date.value,
                                      date_granularity=e.date.granularity, date_type=e.date.type,
                                      date_start=lo.isoformat() if lo else None, date_end=hi.isoformat() if hi else None,
                                      sentence=e.evidence.sentence, start=0, end=1, trigger=e.evidence.trigger))
            if r is not None:
                told.append((r, {"story_id": sid, "factuality": e.factuality, "date_value": e.date.value,
                                 "date_granularity": e.date.granularity, "date_type": e.date.type,
                                 "reciprocal": e.reciprocal, "published": doc.published, "source": outlet,
                                 "url": None}))
            made += 1
        if len(buf["events"]) >= 20000:
            flush()
    flush()
    t1 = time.perf_counter()
    ids = partition(r for r, _ in told)  # the canonical partition, as incremental ingest would leave it
    t_partition = time.perf_counter() - t1
    by_cluster: dict[str, list] = {}
    for r, meta in told:
        by_cluster.setdefault(ids[r.key], []).append((r, meta))
    for cid, pairs in by_cluster.items():
        members = [r for r, _ in pairs]
        buf["clusters"].append(store.summarise(cid, [{**meta, "report": r} for r, meta in pairs]))
        countries, dyads = store.index_rows(buf["clusters"][-1], members)
        buf["participants"] += countries
        buf["pairs"] += dyads
        for r in members:
            buf["reports"].append(dict(story_id=r.story, event_id=r.event, key=r.key, type=r.type, fact=r.fact,
                                       lo=r.lo.isoformat(), hi=r.hi.isoformat(), countries=store.country_set(r.countries),
                                       first_country=min(r.countries), report=r.to_json(), cluster=cid))
            buf["countries"] += [dict(story_id=r.story, event_id=r.event, country=c, type=r.type, fact=r.fact,
                                      lo=r.lo.isoformat(), hi=r.hi.isoformat()) for c in sorted(r.countries)]
        if len(buf["reports"]) >= 20000:
            flush()
    flush()
    with db.engine.begin() as conn:
        conn.execute(update(t.events).values(cluster=select(t.cluster_reports.c.cluster).where(
            t.cluster_reports.c.story_id == t.events.c.story_id,
            t.cluster_reports.c.event_id == t.events.c.event_id).scalar_subquery()))
        conn.exec_driver_sql("ANALYZE")
    return sample, time.perf_counter() - t0, t_partition


def timed_ingest(db: Database, pairs) -> tuple[float, float]:
    """(seconds for the whole write, seconds of it spent clustering), one story per transaction."""
    spent = [0.0]
    original = store.add_story

    def clock(*args, **kw):
        t0 = time.perf_counter()
        try:
            return original(*args, **kw)
        finally:
            spent[0] += time.perf_counter() - t0

    store.add_story = clock
    try:
        t0 = time.perf_counter()
        for pair in pairs:
            db.add_many([pair])
        return time.perf_counter() - t0, spent[0]
    finally:
        store.add_story = original


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--stories", type=int, default=200, help="new stories to ingest and time")
    ap.add_argument("--db", default=None, help="SQLite file to build (default: a temporary one)")
    ap.add_argument("--postgres", default=None, help="build in this PostgreSQL database instead (its tables are dropped)")
    ap.add_argument("--keep", action="store_true", help="keep the built database")
    ap.add_argument("--reuse", action="store_true", help="--db already built by an earlier run: measure only")
    ap.add_argument("--seed", type=int, default=2, help="seed of the new stories (another one for each --reuse run)")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="entente-clusters-")
    if args.postgres:
        from entente.store.database import engine_for

        engine = engine_for(args.postgres)
        t.metadata.drop_all(engine)
        engine.dispose()
        big = Database(args.postgres)
    else:
        big = Database(args.db or os.path.join(tmp, "big.db"))
    gen = Generator(seed=1)
    if args.reuse:
        with big.engine.connect() as conn:
            n_built = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
        with open(args.db + ".sample.json", encoding="utf-8") as fh:
            sample = [{**e, "day": dt.date.fromisoformat(e["day"])} for e in json.load(fh)]
        print(f"reusing {n_built:,} stored events", flush=True)
    else:
        sample, secs, secs_partition = build(big, args.events, gen)
        print(f"built {args.events:,} events in {secs:.0f} s ({big.engine.dialect.name}); "
              f"their canonical partition in memory: {secs_partition:.0f} s", flush=True)
        if args.db:
            with open(args.db + ".sample.json", "w", encoding="utf-8") as fh:
                json.dump(sample, fh, default=str)

    fresh_gen = Generator(seed=args.seed)
    pairs = []
    for i in range(args.stories):
        events = [fresh_gen.event() for _ in range(5)]
        if i % 3 == 0 and sample:
            events[0] = dict(fresh_gen.rng.choice(sample))  # a retelling of a stored event
        pairs.append(fresh_gen.story(f"new{args.seed}-{i:05d}", events))

    empty = Database(os.path.join(tmp, "empty.db")) if not args.postgres else None
    if empty is None:  # the same server: an empty schema of its own is not available; use a second SQLite
        empty = Database(os.path.join(tmp, "empty.db"))
    e_total, e_clu = timed_ingest(empty, pairs)
    b_total, b_clu = timed_ingest(big, pairs)
    n = len(pairs)
    print(f"ingest, empty database : {1000 * e_total / n:7.1f} ms/story, clustering {1000 * e_clu / n:6.1f} ms/story")
    print(f"ingest, {args.events:,}-event db: {1000 * b_total / n:7.1f} ms/story, clustering {1000 * b_clu / n:6.1f} ms/story")
    print(f"ratio big/empty        : whole write {b_total / e_total:.2f}x, clustering {b_clu / max(e_clu, 1e-9):.2f}x")
    with big.engine.connect() as conn:
        t0 = time.perf_counter()
        total, items = store.list_clusters(conn, dyad=("USA", "CHN"), limit=100)
        t1 = time.perf_counter()
        store.list_clusters(conn, types=["CONSULT"], since="2024-06", until="2024-06", limit=100, offset=200)
        t2 = time.perf_counter()
    print(f"/api/clusters page, dyad USA-CHN ({total:,} clusters): {1000 * (t1 - t0):.0f} ms; "
          f"type+month page 3: {1000 * (t2 - t1):.0f} ms")
    print(json.dumps({"events": args.events, "stories": n, "empty_ms_per_story": 1000 * e_total / n,
                      "big_ms_per_story": 1000 * b_total / n, "empty_cluster_ms": 1000 * e_clu / n,
                      "big_cluster_ms": 1000 * b_clu / n, "dialect": big.engine.dialect.name}))
    if not args.keep and not args.db and not args.postgres:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
