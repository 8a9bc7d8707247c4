"""Generate a large synthetic entente SQLite database for load tests: N events (default
1,000,000) in ~N/5 stories, with participants, statements and registry entities, in the real
schema (tables and indexes from entente.store.schema). Deterministic for a given seed.

    python benchmarks/make_big_db.py /tmp/big.db --events 1000000
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sqlite3
import time

from entente.ontology.plover import TYPES
from entente.store import Database

COUNTRIES = ("USA", "CHN", "IND", "RUS", "GBR", "FRA", "DEU", "JPN", "UKR", "ISR", "IRN", "PAK", "TUR", "BRA",
             "CAN", "AUS", "KOR", "PRK", "SAU", "EGY", "ZAF", "NGA", "MEX", "IDN", "VNM", "PHL", "ITA", "ESP",
             "POL", "SYR", "IRQ", "AFG", "QAT", "ARE", "ETH", "KEN", "SDN", "VEN", "COL", "ARG", "TWN", "BGD",
             "LKA", "NPL", "MMR", "THA", "MYS", "SGP", "NZL", "NOR", "SWE", "FIN", "HUN", "SRB", "GRC", "CUB",
             "LBN", "JOR", "YEM", "IGO")
COOP = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 0, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 4, "MOBILIZE": 4,
        "COERCE": 4, "ASSAULT": 4}
GOLDSTEIN = {1: 3.0, 2: 6.0, 0: -0.5, 3: -4.0, 4: -8.0}
TOPICS = ("trade", "defence", "energy", "critical minerals", "nuclear", "migration", "climate", "terrorism",
          "technology", "health")
VERBS = {1: "held talks with", 2: "agreed to expand cooperation with", 0: "asked", 3: "accused", 4: "imposed sanctions on"}


EVENT_COLUMNS = ("story_id, event_id, type, mode, contexts, cameo, goldstein, quad_class, reciprocal, date_value, "
                 "date_granularity, date_type, date_start, date_end, date_text, date_reason, location_name, "
                 "location_country, factuality, topics, confidence, sentence, start, \"end\", trigger, cluster")


def _zipf(n: int, s: float = 1.1) -> list[float]:
    return [1 / (i + 1) ** s for i in range(n)]


def generate(path: str, events: int, seed: int = 7, per_story: int = 5) -> None:
    Database(path).engine.dispose()  # the real schema and indexes
    rnd = random.Random(seed)
    weights = _zipf(len(COUNTRIES))
    type_w = [6, 9, 5, 1, 3, 2, 1, 3, 4, 3, 1.5, 2, 1.5, 1, 1.5, 2]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA journal_mode=OFF")
    start_day = dt.date(2000, 1, 1).toordinal()
    days = dt.date(2026, 2, 28).toordinal() - start_day
    t0 = time.time()
    n_story = 0
    made = 0
    batch_st, batch_ev, batch_pa, batch_ac, batch_sm = [], [], [], [], []
    while made < events:
        sid = hashlib.sha256(f"story-{seed}-{n_story}".encode()).hexdigest()
        n_story += 1
        # later years are busier, as news archives are
        pub = dt.date.fromordinal(start_day + int(days * rnd.random() ** 0.45))
        k = min(events - made, max(1, int(rnd.expovariate(1 / per_story))))
        actors: dict[str, str] = {}
        body = []
        for j in range(k):
            a = rnd.choices(COUNTRIES, weights)[0]
            b = rnd.choices(COUNTRIES, weights)[0]
            while b == a:
                b = rnd.choices(COUNTRIES, weights)[0]
            for c in (a, b):
                if c not in actors:
                    actors[c] = f"a{len(actors) + 1}"
                    batch_ac.append((sid, actors[c], None, c, "state", c))
            typ = rnd.choices(TYPES, type_w)[0]
            quad = COOP[typ]
            r = rnd.random()
            when = pub - dt.timedelta(days=int(rnd.expovariate(1 / 20)))
            if r < 0.70:
                value, gran, lo, hi = when.isoformat(), "day", when, when
            elif r < 0.90:
                lo = when.replace(day=1)
                hi = (lo + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
                value, gran = lo.isoformat()[:7], "month"
            elif r < 0.97:
                lo, hi = dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
                value, gran = str(when.year), "year"
            else:
                value = gran = lo = hi = None
            sentence = f"Officials of {a} {VERBS[quad]} {b} on {value or 'an unknown date'} about {rnd.choice(TOPICS)}."
            offset = sum(len(s) + 1 for s in body)
            body.append(sentence)
            topics = rnd.sample(TOPICS, rnd.choice((0, 1, 1, 2)))
            eid = f"e{j + 1}"
            batch_ev.append((sid, eid, typ, None, "[]", None, GOLDSTEIN[quad], quad, False, value, gran,
                             "exact" if value else "unresolved", lo and lo.isoformat(), hi and hi.isoformat(),
                             value, "", None, None, "asserted" if rnd.random() < 0.85 else "reported",
                             json.dumps(topics), 0.7, sentence, offset, offset + len(sentence), VERBS[quad].split()[0], None))
            batch_pa.append((sid, eid, actors[a], "actor", a))
            batch_pa.append((sid, eid, actors[b], "recipient", b))
        text = " ".join(body)
        batch_st.append((sid, sid, f"Synthetic story {n_story}", pub.isoformat(), "metadata", "synthetic wire",
                         f"https://news.example/{n_story}", text, "bench", json.dumps({"id": sid, "events": []})))
        batch_sm.append((sid, "s0", None, f"Spokesperson {rnd.choice(COUNTRIES)}", None, body[0], False, "said", None, 0, len(body[0])))
        made += k
        if len(batch_ev) >= 50_000 or made >= events:
            conn.executemany("INSERT INTO stories VALUES (?,?,?,?,?,?,?,?,?,?)", batch_st)
            conn.executemany("INSERT INTO actors (story_id, actor_id, entity_id, name, kind, country) VALUES (?,?,?,?,?,?)", batch_ac)
            conn.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({','.join('?' * 26)})", batch_ev)
            conn.executemany("INSERT INTO event_participants VALUES (?,?,?,?,?)", batch_pa)
            conn.executemany("INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?)", batch_sm)
            conn.commit()
            batch_st, batch_ev, batch_pa, batch_ac, batch_sm = [], [], [], [], []
            print(f"{made:,} events, {n_story:,} stories, {time.time() - t0:.0f} s", flush=True)
    conn.executemany("INSERT INTO entities (id, key, name, kind, country) VALUES (?,?,?,?,?)",
                     [(f"state-{c}", f"state:{c.lower()}", c, "state", c) for c in COUNTRIES])
    conn.execute("UPDATE actors SET entity_id = 'state-' || country")
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    print(f"done: {events:,} events in {n_story:,} stories, {time.time() - t0:.0f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    generate(args.path, args.events, args.seed)


if __name__ == "__main__":
    main()
