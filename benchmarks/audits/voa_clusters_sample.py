"""The VOA corpus's cross-story merges, for judging by hand (voa_clusters_audit.md).

    .venv/bin/python benchmarks/audits/voa_clusters_sample.py [--db /tmp/voa.db]

Ingests ../shared/corpora/voa_stories.jsonl into the SQLite file (unless it already holds it),
then prints how many real-world events span several stories and every pair of reports from
two different stories in one cluster, with both evidence sentences.
"""
from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from benchmarks.common import CORPUS, REPO  # noqa: E402

from sqlalchemy import func, select  # noqa: E402

from entente.store import Database  # noqa: E402
from entente.store import clusters as store  # noqa: E402
from entente.store import schema as t  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/entente-voa-clusters.db")
    args = ap.parse_args()
    if not os.path.exists(args.db):
        subprocess.run([str(REPO / ".venv" / "bin" / "entente"), "ingest", str(CORPUS), "--input-format", "jsonl",
                        "--db", args.db, "--no-summary"], check=True)
    db = Database(args.db, create=False)
    with db.engine.connect() as conn:
        n_events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
        n_reports = conn.execute(select(func.count()).select_from(t.cluster_reports)).scalar_one()
        c = t.clusters
        n_clusters = conn.execute(select(func.count()).select_from(c)).scalar_one()
        multi_report = conn.execute(select(func.count()).select_from(c).where(c.c.report_count > 1)).scalar_one()
        total, items = store.list_clusters(conn, min_sources=2, limit=1000)
    print(f"events {n_events}; clusterable reports {n_reports}; clusters {n_clusters}; "
          f"with >1 report {multi_report}; spanning >1 story {total}")
    n = 0
    for it in items:
        print(f"\n## {it['cluster']} {it['type']} {'+'.join(it['actor_countries']) or '?'}"
              f"{'~' if it['reciprocal'] else '>'}{'+'.join(it['recipient_countries']) or '?'} "
              f"{it['date']['value']} ({it['date']['granularity']}, {it['date']['type']}); "
              f"{it['source_count']} stories, {it['report_count']} reports")
        for a, b in itertools.combinations(it["sources"], 2):
            if a["story"] == b["story"]:
                continue
            n += 1
            print(f"{n}. {a['story']} ({a['published']}) [{a['trigger']}] {a['sentence']}")
            print(f"   {b['story']} ({b['published']}) [{b['trigger']}] {b['sentence']}")
    print(f"\ncross-story pairs: {n}")


if __name__ == "__main__":
    main()
