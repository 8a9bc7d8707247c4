"""Office-holder knowledge base: load time and look-up speed, each in a fresh interpreter.

    .venv/bin/python benchmarks/office_holders.py [--repeat 3] [--lookups 20000]

Prints, for each run: the time to read the file and build the office index (the first
holder() call), to build the name indexes (the first person() call), and to build the
spelling-tolerant index (the first name no exact index knows); then look-ups per second
and the ratio of person() to holder() cost. Timings on a shared machine vary run to run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

PROBE = r"""
import json, time
from entente.ontology import office_holders as oh
t0 = time.perf_counter(); oh.holder("head_of_state", "USA", "2019-06-01")
t1 = time.perf_counter(); oh.person("Sergey Lavrov", "2016-03-01")
t2 = time.perf_counter(); oh.person("Vassily Nebenzia", "2021-06-01")
t3 = time.perf_counter()
names = ["Lavrov", "Blinken", "Xi", "Erdogan", "Guterres", "Nobody Known", "Jake Sullivan", "Modi"]
days = ["2012-05-01", "2016-03-01", "2019-06-01", "2021-06-01"]
n = %(lookups)d
t = time.perf_counter()
for i in range(n):
    oh.holder("foreign_minister", "USA", days[i %% 4])
th = (time.perf_counter() - t) / n
t = time.perf_counter()
for i in range(n):
    oh.person(names[i %% 8], days[i %% 4])
tp = (time.perf_counter() - t) / n
print(json.dumps({"load_s": t1 - t0, "names_s": t2 - t1, "loose_s": t3 - t2,
                  "holder_per_s": 1 / th, "person_per_s": 1 / tp, "person_vs_holder": tp / th}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="fresh interpreters to time")
    ap.add_argument("--lookups", type=int, default=20000, help="look-ups timed per run")
    args = ap.parse_args(argv)
    for run in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", PROBE % {"lookups": args.lookups}],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out)
        print(f"run {run + 1}: load {r['load_s']:.3f} s, name index {r['names_s']:.3f} s, "
              f"spelling index {r['loose_s']:.3f} s; holder() {r['holder_per_s']:,.0f}/s, "
              f"person() {r['person_per_s']:,.0f}/s (person/holder cost {r['person_vs_holder']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
