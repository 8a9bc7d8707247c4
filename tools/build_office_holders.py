#!/usr/bin/env python3
"""Build the bundled, dated knowledge base of office holders.

Writes ``src/entente/ontology/data/en/office_holders.json`` (read by
``entente.ontology.office_holders``): who held which office, in which country,
from when to when. Every fact comes from a named public source whose licence
allows redistribution; the file's ``meta.sources`` lists each one with its URL,
commit, date and licence. One adapter module per source:

* ``office_holders_everypolitician.py`` -- the EveryPolitician scraper
  repositories: committed Wikidata query output (CC0), 2022-07 to 2023-03, one
  repository per country (``--snapshots``);
* ``office_holders_uscongress.py`` -- unitedstates/congress-legislators (CC0):
  US presidents and vice presidents, and every member of Congress listed since
  2012, with their Wikidata QIDs (``--us-congress``);
* ``office_holders_sparql.py`` -- the JSON results of a SPARQL query run at
  query.wikidata.org (CC0), the way to refresh from Wikidata itself
  (``--sparql-json`` with ``--sparql-date``).

Merging is deterministic: for the same person and office (QID, country, office
key) the tenures of the source with the latest date win and the others' are
dropped; a person's English label is the first one met in the order Wikidata
query output, then other sources.

Refresh
-------

Bring the sources in with the search tool's ``fetch`` (or ``git clone --bare``
into the same layout), then build::

    # every-politician-scrapers/<repo> for each repo in REPOSITORIES, and
    # unitedstates/congress-legislators, as <dir>/<owner>+<name>/repo
    python tools/build_office_holders.py --snapshots /work/.mirror \\
        --us-congress /work/.mirror/unitedstates+congress-legislators/repo

To rebuild exactly the shipped file, check each repository out at the commit
``meta.sources`` names (``git --git-dir D update-ref --no-deref HEAD <commit>``).
From Wikidata directly (no network on the machine this was written on, so the
query has not been run; check its row count and a few known holders against the
previous build before shipping)::

    python tools/build_office_holders.py --print-query > office_holders.rq
    curl -G https://query.wikidata.org/sparql -H 'Accept: application/sparql-results+json' \\
         -H 'User-Agent: entente-office-holders/1.0' --data-urlencode query@office_holders.rq > wd.json
    python tools/build_office_holders.py --snapshots /work/.mirror \\
        --us-congress /work/.mirror/unitedstates+congress-legislators/repo \\
        --sparql-json wd.json --sparql-date 2026-01-31

Titles become normalised office keys (``head_of_state``, ``foreign_minister``,
``un_ambassador``, ``legislator`` ...) by the rules in
``tools/office_holders_offices.py``. Country codes are ISO 3166-1 alpha-3 (``IGO``
with ``org`` for international organisations).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import office_holders_everypolitician as everypolitician  # noqa: E402
import office_holders_sparql as sparql  # noqa: E402
import office_holders_uscongress as uscongress  # noqa: E402
from office_holders_offices import IGO_ORGS, classify  # noqa: E402
from office_holders_rows import GitDir  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from entente.ontology.office_holders import name_keys  # noqa: E402  (the module's own name keys)
OUT = ROOT / "src/entente/ontology/data/en/office_holders.json"
FIRST_YEAR = 1985  # tenures that ended before this are left out
SPARQL_QUERY = sparql.SPARQL_QUERY
# Seats in a legislature: a person holding only these gets full-name keys, no short forms
# (hundreds of legislators share family names with ministers and heads of state).
NO_SHORT_FORMS = {"legislator"}


# --- names ---------------------------------------------------------------------

def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def aliases_for(label: str, extra: list[str]) -> list[str]:
    """Other full-name spellings: Wikipedia titles and Wikidata aliases (accent-free and
    lower-case forms need no entry: the name keys fold them)."""
    out = []
    for a in extra:
        a = re.sub(r"\s*\([^)]*\)$", "", a or "").strip()  # "Name (politician)"
        if a and fold(a).casefold() != fold(label).casefold() and a not in out and len(a) <= 80:
            out.append(a)
    return out


# --- dates -----------------------------------------------------------------------

def _lo(d: str) -> str:
    return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10] if len(d) == 7 else d


def _hi(d: str) -> str:
    if len(d) == 4:
        return d + "-12-31"
    if len(d) == 7:
        import calendar

        y, m = int(d[:4]), int(d[5:])
        return f"{d}-{calendar.monthrange(y, m)[1]:02d}"
    return d


# --- merging sources ---------------------------------------------------------------

def latest_source_wins(rows: list[dict], sources: list[dict]) -> tuple[list[dict], int]:
    """Keep, for each (person, country, office), only the rows of the latest-dated source
    that speaks of it (ties: the later source in the list). Returns the rows kept and the
    number dropped."""
    def rank(i: int) -> tuple[str, int]:
        return sources[i]["date"], i

    keyed: list[tuple[tuple, dict]] = []
    best: dict[tuple, tuple[str, int]] = {}
    for r in rows:
        office, _ = classify(r["title"], r["country"])
        key = (r["qid"], "IGO" if office in IGO_ORGS else r["country"], office)
        keyed.append((key, r))
        if key not in best or rank(r["source"]) > best[key]:
            best[key] = rank(r["source"])
    kept = [r for key, r in keyed if rank(r["source"]) == best[key]]
    return kept, len(rows) - len(kept)


# --- building --------------------------------------------------------------------

def labels_of(rows: list[dict]) -> dict[str, str]:
    """Each person's English label: the first name met (sources are read Wikidata query
    output first), taken before superseded rows are dropped so that a later source
    of another kind does not rename a person."""
    labels: dict[str, str] = {}
    for r in rows:
        if r["name"] and not re.match(r"^Q\d+$", r["name"]):
            labels.setdefault(r["qid"], r["name"])
    return labels


def build(rows: list[dict], labels: dict[str, str] | None = None) -> tuple[dict, list[list], dict[str, int]]:
    """People (qid -> [name, aliases, full keys, short keys]) and merged tenures, sorted."""
    labels = labels or {}
    people: dict[str, list] = {}
    spans: dict[tuple, list[tuple[str, str | None]]] = defaultdict(list)
    exact_keys: set[tuple] = set()  # tenures read from a position's own P39 history
    dropped: dict[str, int] = defaultdict(int)
    for r in rows:
        if not r["start"] or re.match(r"^Q\d+$", r["name"]):
            dropped["no start date or no English label"] += 1
            continue
        if r["end"] and _lo(r["end"]) < _lo(r["start"]):
            dropped["end before start"] += 1
            continue
        if r["end"] and int(r["end"][:4]) < FIRST_YEAR:
            dropped[f"ended before {FIRST_YEAR}"] += 1
            continue
        office, sector = classify(r["title"], r["country"])
        if office == "other":
            dropped["junior or unclassified office"] += 1
            continue
        country = "IGO" if office in IGO_ORGS else r["country"]
        if not country:
            dropped["no country"] += 1
            continue
        person = people.setdefault(r["qid"], [labels.get(r["qid"], r["name"]), []])
        # Another source's spelling of the name is an alias too (Latin-script ones only).
        other = [r["name"]] if fold(r["name"]).isascii() else []
        for a in aliases_for(person[0], [*other, *r["extra"]]):
            if a not in person[1]:
                person[1].append(a)
        key = (r["qid"], country, office, r["title"], sector)
        spans[key].append((r["start"], r["end"]))
        exact_keys.update([key] if r["exact"] else [])
    tenures = []
    for key, ss in spans.items():
        qid, country, office, title, sector = key
        exact = key in exact_keys
        ss.sort(key=lambda s: (_lo(s[0]), s[1] is None, s[1] or ""))
        merged: list[list] = []
        for start, end in ss:
            # Consecutive terms (a new cabinet, a re-appointment) join into one tenure.
            if merged and (merged[-1][1] is None or _lo(start) <= _lo(merged[-1][1])):
                if merged[-1][1] is not None and (end is None or _lo(end) > _lo(merged[-1][1])):
                    merged[-1][1] = end
                continue
            merged.append([start, end])
        org = IGO_ORGS.get(office, "")
        for start, end in merged:
            tenures.append([qid, country, office, title, sector, start, end, org, exact])
    tenures = _drop_conflicts(tenures, dropped)
    tenures.sort(key=lambda t: (t[1], t[2], _lo(t[5]), t[0], t[3]))
    countries: dict[str, set[str]] = defaultdict(set)
    offices: dict[str, set[str]] = defaultdict(set)
    for t in tenures:
        countries[t[0]].add(t[1])
        offices[t[0]].add(t[2])
    out = {}
    for q in sorted(countries, key=lambda q: int(q[1:])):
        label, aliases = people[q][0], sorted(people[q][1])
        out[q] = [label, aliases, *name_keys(label, aliases, countries[q],
                                             short=not offices[q] <= NO_SHORT_FORMS)]
    return out, tenures, dict(dropped)


# Offices one person holds at a time; two holders at once is a conflict in the data.
SINGLE_SEAT = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "finance_minister",
               "interior_minister", "trade_minister", "central_bank_governor", "national_security_adviser",
               "un_ambassador", "un_secretary_general", "pope"}
OVERLAP_DAYS = 60  # a longer overlap between two holders of a single-seat office is not a handover


def _span(t: list) -> tuple[int, int]:
    lo = date.fromisoformat(_lo(t[5])).toordinal()
    hi = date.fromisoformat(_hi(t[6])).toordinal() if t[6] else 10**7
    return lo, hi


def _drop_conflicts(tenures: list[list], dropped: dict) -> list[list]:
    """Drop a title-matched tenure of a single-seat office that overlaps, for more than
    OVERLAP_DAYS, a tenure of another person taken from that position's own history
    (a regional "Minister of Finance" whose short title is the national one)."""
    exact: dict[tuple, list[tuple]] = defaultdict(list)
    for t in tenures:
        if t[8] and t[2] in SINGLE_SEAT:
            exact[(t[1], t[2])].append((t[0], *_span(t)))
    kept = []
    for t in tenures:
        if not t[8] and t[2] in SINGLE_SEAT:
            lo, hi = _span(t)
            if any(q != t[0] and min(hi, h) - max(lo, l) > OVERLAP_DAYS for q, l, h in exact[(t[1], t[2])]):
                dropped["overlaps the position's own history"] += 1
                continue
        kept.append(t[:8])
    return kept


def as_of(sources: list[dict]) -> dict[str, str]:
    """The date up to which each country's (or country/office's) open tenures are known
    open: the newest source that covers it. A source that covers only some offices of a
    country (US Congress: the presidency, the vice presidency, Congress) says so for those."""
    out: dict[str, str] = {}
    for s in sources:
        keys = [f"{s['country']}/{o}" for o in s["offices"]] if s.get("offices") else [s["country"]]
        for k in keys:
            out[k] = max(out.get(k, ""), s["date"])
    return dict(sorted(out.items()))


def write(path: Path, meta: dict, people: dict, tenures: list[list]) -> None:
    """Compact JSON, one person or tenure a line so that refreshes diff readably."""
    path.parent.mkdir(parents=True, exist_ok=True)
    dump = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    lines = ["{", f'"meta":{dump(meta)},', '"fields":{"people":["label","aliases","full-name keys","short-form keys"],'
             '"tenures":["qid","country","office","title","sector","start","end","org"]},',
             '"people":{']
    items = list(people.items())
    lines += [f"{dump(q)}:{dump(v)}" + ("," if i < len(items) - 1 else "") for i, (q, v) in enumerate(items)]
    lines += ["},", '"tenures":[']
    lines += [dump(t) + ("," if i < len(tenures) - 1 else "") for i, t in enumerate(tenures)]
    lines += ["]", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_sources(args: argparse.Namespace) -> tuple[list[dict], list[dict]]:
    """Rows of every source given, each tagged with its index in the list of sources."""
    got: list[tuple[list[dict], dict]] = []
    if args.snapshots:
        got += everypolitician.read_all(args.snapshots)
    if args.sparql_json:
        got.append(sparql.read_results(args.sparql_json, args.sparql_date))
    if args.us_congress:
        got.append(uscongress.read(GitDir(args.us_congress)))
    rows, sources = [], []
    for i, (rs, info) in enumerate(got):
        for r in rs:
            r["source"] = i
        rows += rs
        sources.append(info)
    return rows, sources


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--snapshots", type=Path,
                    help="folder holding every-politician-scrapers+<repo>/repo git directories (or <repo> checkouts)")
    ap.add_argument("--us-congress", type=Path, help="git directory (bare or checkout) of unitedstates/congress-legislators")
    ap.add_argument("--sparql-json", type=Path, help="JSON results of SPARQL_QUERY from query.wikidata.org")
    ap.add_argument("--sparql-date", help="the day the SPARQL query ran (YYYY-MM-DD); needed with --sparql-json")
    ap.add_argument("--print-query", action="store_true", help="print SPARQL_QUERY and stop")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    if args.print_query:
        print(SPARQL_QUERY.strip())
        return 0
    if not (args.snapshots or args.us_congress or args.sparql_json):
        ap.error("give at least one source: --snapshots, --us-congress or --sparql-json")
    if args.sparql_json and not re.match(r"^\d{4}-\d{2}-\d{2}$", args.sparql_date or ""):
        ap.error("--sparql-json needs --sparql-date YYYY-MM-DD (the day the query ran)")
    for p in (args.snapshots, args.us_congress, args.sparql_json):
        if p is not None and not p.exists():
            ap.error(f"no such file or folder: {p}")

    rows, sources = read_sources(args)
    labels = labels_of(rows)
    rows, superseded = latest_source_wins(rows, sources)
    licences = sorted({s["licence"] for s in sources})
    meta = {"source": "Wikidata (CC0 1.0) P39 position held with P580/P582, via the sources listed; "
                      "unitedstates/congress-legislators (CC0 1.0)",
            "licence": licences[0] if len(licences) == 1 else " AND ".join(licences),
            "merge": "for one person and office, the tenures of the latest-dated source win",
            "sources": [{k: v for k, v in s.items() if k != "country"} | {"covers": s["country"]} for s in sources],
            "as_of": as_of(sources)}
    people, tenures, dropped = build(rows, labels)
    dropped["superseded by a later source"] = superseded
    write(args.out, meta, people, tenures)
    counts: dict[str, int] = defaultdict(int)
    for t in tenures:
        counts[t[2]] += 1
    print(f"{len(rows)} rows kept from {len(sources)} sources, {len(tenures)} tenures of {len(people)} people in "
          f"{len({t[1] for t in tenures})} countries -> {args.out}")
    print("dropped:", json.dumps(dropped, sort_keys=True))
    print("by office:", json.dumps(dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
