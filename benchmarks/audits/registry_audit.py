"""Registry audit helpers (see registry_audit.md).

  python benchmarks/audits/registry_audit.py stats DB        # counts, dangling links
  python benchmarks/audits/registry_audit.py surnames DB     # persons sharing a last word across entities
  python benchmarks/audits/registry_audit.py compare DB1 DB2 # actor pairs joined / separated from DB1 to DB2
  python benchmarks/audits/registry_audit.py rebuild SRC DST [fwd|rev|shufN]
                                                             # re-ingest SRC's stored documents in another order
"""
from __future__ import annotations

import collections
import os
import random
import re
import sqlite3
import sys


def stats(db: str) -> None:
    c = sqlite3.connect(db)
    q = lambda s: c.execute(s).fetchall()  # noqa: E731
    print("entities", q("select count(*) from entities")[0][0], "actors", q("select count(*) from actors")[0][0])
    print("by kind", q("select kind, count(*) from entities group by kind order by kind"))
    print("multi-story entities", q("select count(*) from (select entity_id from actors group by entity_id "
                                    "having count(distinct story_id)>1)")[0][0])
    print("aliases", q("select count(*) from entity_aliases")[0][0], "roles", q("select count(*) from entity_roles")[0][0])
    print("orphan entities", q("select count(*) from entities e where not exists "
                               "(select 1 from actors a where a.entity_id=e.id)")[0][0])
    print("statements whose entity is not their speaker's", q(
        "select count(*) from statements s join actors a on a.story_id=s.story_id and a.actor_id=s.speaker_id "
        "where s.entity_id is not a.entity_id")[0][0])
    print("dangling statement links", q("select count(*) from statements s where s.entity_id is not null and not exists "
                                        "(select 1 from entities e where e.id=s.entity_id)")[0][0])


def surnames(db: str) -> None:
    c = sqlite3.connect(db)
    by = collections.defaultdict(list)
    for eid, country, name, n, names in c.execute(
            "select e.id, e.country, e.name, count(distinct a.story_id), group_concat(distinct a.name) "
            "from entities e join actors a on a.entity_id=e.id where e.kind='person' group by e.id"):
        toks = re.sub(r"[^\w\s-]", "", name).split()
        if toks:
            by[toks[-1].casefold()].append(f"{name} [{country}] stories={n} names={names}")
    for s, lst in sorted(by.items()):
        if len(lst) > 1:
            print(s, " | ".join(lst))


def _groups(db: str):
    c = sqlite3.connect(db)
    g, names = collections.defaultdict(set), {}
    for s, a, e, n in c.execute("select story_id, actor_id, entity_id, name from actors"):
        g[e].add((s, a))
        names[(s, a)] = n
    return {m: frozenset(mem) for mem in g.values() for m in mem}, names


def compare(db1: str, db2: str) -> None:
    a, names = _groups(db1)
    b, _ = _groups(db2)
    for label, pairs in (("joined", {tuple(sorted((m, o))) for m in a for o in b.get(m, set()) - a[m]}),
                         ("separated", {tuple(sorted((m, o))) for m in a for o in a[m] - b.get(m, set())})):
        print(f"actor pairs {label}: {len(pairs)}")
        for (x, y), v in sorted(collections.Counter(tuple(sorted((names[x], names[y]))) for x, y in pairs).items()):
            print("   ", v, x, "~", y)


def rebuild(src: str, dst: str, order: str = "fwd") -> None:
    from entente.model import Document
    from entente.pipeline import make_story
    from entente.store import Database

    rows = sqlite3.connect(src).execute("select id, text, published, document from stories order by id").fetchall()
    if order == "rev":
        rows = rows[::-1]
    elif order.startswith("shuf"):
        random.Random(int(order[4:] or 1)).shuffle(rows)
    for f in (dst, dst + "-wal", dst + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    Database(dst).add_many((make_story(text, id=sid, published=pub), Document.model_validate_json(doc))
                           for sid, text, pub, doc in rows)


if __name__ == "__main__":
    {"stats": stats, "surnames": surnames, "compare": compare, "rebuild": rebuild}[sys.argv[1]](*sys.argv[2:])
