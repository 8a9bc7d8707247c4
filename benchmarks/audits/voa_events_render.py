"""Render an audit table and its summary from a sample (voa_events_sample.py --out) and a
verdicts TSV (n, type 1/0, actor ok/wrong/miss/-, recipient ok/wrong/miss/-, factuality ok/wrong/-, reason).

Usage: .venv/bin/python benchmarks/audits/voa_events_render.py SAMPLE.jsonl VERDICTS.tsv
"""
from __future__ import annotations

import json
import pathlib
import sys


def short(s: str, n: int = 20) -> str:
    w = s.split()
    return " ".join(w[:n]) + (" …" if len(w) > n else "")


def main(sample_path, verdict_path):
    sample = [json.loads(l) for l in pathlib.Path(sample_path).read_text().splitlines() if l.strip()]
    verd = {}
    for line in pathlib.Path(verdict_path).read_text().splitlines():
        if not line.strip():
            continue
        p = line.split("\t")
        verd[int(p[0])] = (p[1] == "1", p[2], p[3], p[4], p[5] if len(p) > 5 else "")
    print("| # | story | trigger | sentence (≤20 words) | predicted type / actors → recipients / factuality | conf | type | actor | recip. | fact. | reason |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for s in sample:
        t, a, r, f, why = verd[s["n"]]
        acts = ", ".join(f"{n}[{c or '-'}]" for n, c in s["actors"]) or "-"
        recs = ", ".join(f"{n}[{c or '-'}]" for n, c in s["recipients"]) or "-"
        sent = short(s["sentence"]).replace("|", "/")
        print(f"| {s['n']} | {s['story']} | {s['trigger']} | {sent} | {s['type']} {s['cameo']} / {acts} → {recs} / {s['factuality']} "
              f"| {s['confidence']} | {'✓' if t else '✗'} | {a} | {r} | {f} | {why} |")
        rows.append((s["confidence"], t, a, r, f))
    n = len(rows)
    typ = sum(t for _c, t, *_ in rows)
    ok_rows = [x for x in rows if x[1]]

    def role(idx):
        vals = [x[idx] for x in ok_rows]
        ok = vals.count("ok")
        wrong = vals.count("wrong")
        miss = vals.count("miss")
        return ok, wrong, miss

    ao, aw, am = role(2)
    ro, rw, rm = role(3)
    fo = sum(1 for x in ok_rows if x[4] == "ok")
    print()
    print(f"- events judged: {n}")
    print(f"- **type precision: {typ}/{n} = {typ / n:.3f}**")
    print(f"- on the {len(ok_rows)} type-correct events:")
    print(f"  - **actor country correct: {ao}/{len(ok_rows)} = {ao / len(ok_rows):.3f}** "
          f"(wrong {aw}, missing {am}; precision of the countries given: {ao}/{ao + aw} = {ao / max(1, ao + aw):.3f})")
    print(f"  - **recipient country correct: {ro}/{len(ok_rows)} = {ro / len(ok_rows):.3f}** "
          f"(wrong {rw}, missing {rm}; precision of the countries given: {ro}/{ro + rw} = {ro / max(1, ro + rw):.3f})")
    print(f"  - factuality correct: {fo}/{len(ok_rows)} = {fo / len(ok_rows):.3f}")
    ranked = sorted(rows, key=lambda x: -x[0])
    k = n // 3
    parts = [("top", ranked[:k]), ("middle", ranked[k:n - k]), ("bottom", ranked[n - k:])]
    print("- type precision by confidence tercile: " + "; ".join(
        f"{name} ({min(x[0] for x in p):.2f}–{max(x[0] for x in p):.2f}) {sum(x[1] for x in p)}/{len(p)} = {sum(x[1] for x in p) / len(p):.2f}"
        for name, p in parts))


if __name__ == "__main__":
    main(*sys.argv[1:3])
