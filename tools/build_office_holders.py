#!/usr/bin/env python3
"""Build the bundled, dated knowledge base of office holders.

Writes ``src/entente/ontology/data/en/office_holders.json`` (read by
``entente.ontology.office_holders``): who held which office, in which country,
from when to when. Every fact comes from Wikidata (CC0 1.0): P39 "position held"
statements with their P580 start / P582 end qualifiers, the holder's English
label and the position's English label.

Two ways to build it
--------------------

1. Offline, from the EveryPolitician scraper snapshots (what the shipped file
   was built from). The repositories under https://github.com/every-politician-scrapers
   hold the output of SPARQL queries against Wikidata (``html/holders21.csv``:
   the P39s of people who held a cabinet-level position since about 1997, under
   the positions' short English names; ``html/positions.csv``: those positions'
   QIDs and English labels; ``sources/wpoffice/*/wikidata.csv``: the full P39
   history of single positions such as a head of government, a foreign
   minister, a central-bank governor or the ambassador to the UN;
   ``meta.json``: the country's QID). One repository per country is named in
   ``REPOSITORIES`` below; the shipped file's ``meta.sources`` lists the URL and
   HEAD commit (2022-07 to 2023-03) of each one it was built from. To rebuild
   exactly that file::

       python3 -c "import json; [print(s['repo'], s['commit']) for s in json.load(open(
           'src/entente/ontology/data/en/office_holders.json'))['meta']['sources']]" |
       while read url commit; do
           d=/tmp/ep/every-politician-scrapers+$(basename "$url")/repo
           git clone --quiet --bare "$url" "$d" && git --git-dir "$d" update-ref --no-deref HEAD "$commit"
       done
       python tools/build_office_holders.py --snapshots /tmp/ep

   (Leave out ``update-ref`` to build from the repositories' newest commits; the
   project has not been updated since early 2023.)

2. Online, straight from Wikidata (the way to refresh it)::

       python tools/build_office_holders.py --print-query > office_holders.rq
       curl -G https://query.wikidata.org/sparql -H 'Accept: application/sparql-results+json' \
            -H 'User-Agent: entente-office-holders/1.0' --data-urlencode query@office_holders.rq > wd.json
       python tools/build_office_holders.py --sparql-json wd.json

   (or paste ``SPARQL_QUERY`` into https://query.wikidata.org/ and download the
   JSON). The query was written against the Wikidata data model but could not be
   run from the machine this script was written on (no network): check its row
   count and a few known holders against the previous build before shipping a
   refresh, and see its first comment for the offices it does not reach yet.

Titles become normalised office keys (``head_of_state``, ``foreign_minister``,
``un_ambassador`` ...) by the rules in ``tools/office_holders_offices.py``.
Country codes are ISO 3166-1 alpha-3 (``IGO`` with ``org`` for international
organisations).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_holders_offices import IGO_ORGS, classify  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from entente.ontology.office_holders import name_keys  # noqa: E402  (the module's own name keys)
OUT = ROOT / "src/entente/ontology/data/en/office_holders.json"
EP_URL = "https://github.com/every-politician-scrapers/"
FIRST_YEAR = 1985  # tenures that ended before this are left out

SPARQL_QUERY = """
# Every P39 statement (not deprecated) for: the offices of head of state (P1906)
# and head of government (P1313) of every sovereign state; every position that
# is a subclass of minister (Q83307) with a sovereign state as jurisdiction
# (P1001); ambassadors and permanent representatives (Q121998, Q1589948) of a
# sovereign state; and these international offices: UN Secretary-General
# (Q81066), pope (Q19546). Tenures that ended before 1985 are left out.
# Not reached yet: central-bank governors, national security advisers and the
# EU, NATO and AU offices -- add their position QIDs to the last VALUES list
# (look them up on wikidata.org). Q121998 and Q1589948 (ambassador, permanent
# representative) and Q19546 were not checked against live Wikidata.
SELECT ?person ?personLabel ?position ?positionLabel ?country ?start ?end
       (GROUP_CONCAT(DISTINCT ?alias; separator="|") AS ?aliases) WHERE {
  {
    ?country wdt:P31 wd:Q3624078 .
    { ?country wdt:P1906 ?position } UNION { ?country wdt:P1313 ?position }
  } UNION {
    ?position wdt:P279* wd:Q83307 ; wdt:P1001 ?country .
    ?country wdt:P31 wd:Q3624078 .
  } UNION {
    VALUES ?kind { wd:Q121998 wd:Q1589948 }
    ?position wdt:P279* ?kind ; wdt:P17 ?country .
    ?country wdt:P31 wd:Q3624078 .
  } UNION {
    VALUES ?position { wd:Q81066 wd:Q19546 }
  }
  ?person wdt:P31 wd:Q5 ; p:P39 ?st .
  ?st ps:P39 ?position .
  FILTER NOT EXISTS { ?st wikibase:rank wikibase:DeprecatedRank }
  OPTIONAL { ?st pq:P580 ?start }
  OPTIONAL { ?st pq:P582 ?end }
  FILTER(!BOUND(?end) || YEAR(?end) >= 1985)
  OPTIONAL { ?person skos:altLabel ?alias . FILTER(LANG(?alias) = "en") }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en" . }
}
GROUP BY ?person ?personLabel ?position ?positionLabel ?country ?start ?end
"""

# The scraper repositories the shipped file was built from (one per country,
# plus "world" for UN and other international offices).
REPOSITORIES = """
afghanistan albania-cabinet algeria-cabinet andorra-cabinet angola antigua-barbuda-ministers
argentina-ministers armenia-ministers australia-cabinet austria-cabinet azerbaijan-cabinet
bahamas-cabinet bahrain bangladesh-ministers barbados-cabinet belarus-ministers belgium-cabinet
belize-ministers benin-ministers bhutan-ministers bolivia-ministers bosnia-herzegovina-ministers
botswana-ministers brazil-ministers brunei-ministers bulgaria-cabinet burkina-faso
burundi-ministers cabo-verde cambodia cameroon canada-cabinet central-african-republic
chad-ministers chile-ministers china-ministers comoros congo-brazzaville congo-kinshasa-ministers
costa-rica croatia-ministers cuba cyprus-cabinet czech-ministers denmark-cabinet
djibouti-ministers dominica dominican-republic ecuador-ministers egypt-ministers
el-salvador-ministers equatorial-guinea eritrea-ministers estonia eswatini ethiopia-ministers
fiji-ministers finland-cabinet france-cabinet gabon-ministers gambia-ministers georgia-ministers
ghana-ministers greece-cabinet grenada guatemala-ministers guinea guinea-bissau guyana haiti
honduras-ministers hungary-cabinet iceland-cabinet india-ministers indonesia-ministers
iran-ministers iraq-ministers ireland-ministers israel-ministers italy-ministers ivory-coast
jamaica-ministers japan-ministers jordan-ministers kazakhstan-cabinet kenya kiribati-ministers
kosovo-cabinet kuwait-ministers kyrgyzstan-ministers laos latvia-cabinet lebanon
lesotho-ministers liberia-ministers libya liechtenstein-ministers lithuania luxembourg-cabinet
malawi-ministers malaysia-ministers maldives-ministers mali malta-ministers
marshall-islands-ministers mauritania mauritius-ministers mexico-ministers micronesia-ministers
moldova-ministers mongolia-ministers montenegro-cabinet morocco-ministers mozambique
myanmar-ministers nepal-ministers netherlands-cabinet new-zealand-cabinet nicaragua
niger-ministers nigeria north-korea north-macedonia-ministers norway-cabinet oman
pakistan-ministers palau palestine panama-ministers papua-new-guinea paraguay-ministers
philippines-ministers poland-cabinet portugal-cabinet qatar-ministers romania-cabinet
russia-cabinet rwanda-ministers samoa-ministers sao-tome-and-principe saudi-ministers
senegal-ministers serbia-ministers seychelles-ministers sierra-leone singapore-ministers
slovakia-cabinet slovenia-cabinet solomons-ministers somalia-cabinet south-africa-cabinet
south-korea-ministers south-sudan spain-ministers sri-lanka-cabinet st-kitts-and-nevis-cabinet
st-lucia-cabinet st-vincent-and-the-grenadines sudan suriname sweden-cabinet
swiss-federal-council syria taiwan tajikistan-ministers tanzania-ministers timor-leste-ministers
togo tonga-ministers trinidad-and-tobago-cabinet tunisia-ministers turkey-ministers
tuvalu-ministers uae-ministers uganda-ministers ukraine-cabinet united-kingdom-cabinet
uruguay-ministers us-cabinet uzbekistan-ministers vanuatu-cabinet venezuela vietnam world yemen
zambia-ministers zimbabwe
""".split()

# Wikidata QIDs of states whose snapshot name pycountry does not know, with their alpha-3
# (Kosovo has no ISO code; XKX is the code the EU and others use).
COUNTRY_QIDS = {
    "Q921": "BRN", "Q971": "COG", "Q974": "COD", "Q1008": "CIV", "Q1246": "XKX", "Q219060": "PSE",
    "Q733": "PRY", "Q159": "RUS", "Q1039": "STP", "Q43": "TUR",
}


def iso3(name: str, qid: str) -> str:
    """ISO 3166-1 alpha-3 of a state named in a snapshot's meta.json ('' if none)."""
    if qid in COUNTRY_QIDS:
        return COUNTRY_QIDS[qid]
    import pycountry

    bare = re.sub(r"^the ", "", name.strip(), flags=re.I)
    try:
        return pycountry.countries.lookup(bare).alpha_3
    except LookupError:
        return ""


# --- dates -------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def iso_date(value: str) -> str | None:
    """'2017-01-20T00:00:00Z' -> '2017-01-20'; '2019-12' and '1999' stay partial."""
    m = _DATE.match((value or "").strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month in (None, "00"):
        return year
    if day in (None, "00"):
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def _lo(d: str) -> str:
    return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10] if len(d) == 7 else d


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


# --- reading snapshots -----------------------------------------------------------

class Snapshot:
    """One scraper repository, read from a bare git directory or a checkout."""

    def __init__(self, path: Path):
        self.path = path
        self.bare = not (path / "html").is_dir()

    def read(self, name: str) -> str | None:
        if not self.bare:
            f = self.path / name
            return f.read_text(encoding="utf-8") if f.is_file() else None
        r = subprocess.run(["git", "--git-dir", str(self.path), "show", f"HEAD:{name}"],
                           capture_output=True)
        return r.stdout.decode("utf-8") if r.returncode == 0 else None

    def files(self, pattern: str) -> list[str]:
        if not self.bare:
            return sorted(str(p.relative_to(self.path)) for p in self.path.glob(pattern))
        r = subprocess.run(["git", "--git-dir", str(self.path), "ls-tree", "-r", "--name-only", "HEAD"],
                           capture_output=True, text=True)
        rx = re.compile("^" + re.escape(pattern).replace(r"\*", "[^/]+") + "$")
        return sorted(n for n in r.stdout.splitlines() if rx.match(n))

    def head(self) -> tuple[str, str]:
        args = ["git", "--git-dir", str(self.path)] if self.bare else ["git", "-C", str(self.path)]
        r = subprocess.run(args + ["log", "-1", "--format=%H %cs"], capture_output=True, text=True)
        commit, _, day = r.stdout.strip().partition(" ")
        return commit, day


def _csv(text: str | None) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text))) if text else []


def _match_title(short: str, labels: dict[str, str]) -> tuple[str, str]:
    """The position's QID when the title is exactly one position's English label."""
    exact = [q for q, lab in labels.items() if lab.casefold() == short.casefold()]
    return (short, exact[0]) if len(exact) == 1 else (short, "")


def read_snapshot(snap: Snapshot, repo: str) -> tuple[list[dict], dict]:
    meta = json.loads(snap.read("meta.json") or "{}")
    jur = meta.get("jurisdiction") or {}
    country = iso3(jur.get("name", ""), jur.get("id", "")) if jur else ""
    if repo != "world" and not country:
        return [], {}
    labels = {r["id"]: r["position"] for r in _csv(snap.read("html/positions.csv")) if r.get("id")}
    rows: list[dict] = []
    for r in _csv(snap.read("html/holders21.csv")):
        if not (r.get("personID") or "").startswith("Q") or not r.get("person"):
            continue
        title, pqid = _match_title(r["position"], labels)
        rows.append({"qid": r["personID"], "name": r["person"], "extra": [r.get("enwiki") or ""],
                     "title": title, "position": pqid, "country": country, "exact": False,
                     "start": iso_date(r.get("start", "")), "end": iso_date(r.get("end", ""))})
    for path in snap.files("sources/wpoffice/*/wikidata.csv"):
        pmeta = json.loads(snap.read(path.replace("wikidata.csv", "meta.json")) or "{}")
        pqid = pmeta.get("position", "")
        if pqid not in labels:
            continue  # no English label for this position in the snapshot
        for r in _csv(snap.read(path)):
            item = r.get("item") or r.get("wdid") or ""
            if not item.startswith("Q") or not r.get("itemLabel"):
                continue
            rows.append({"qid": item, "name": r["itemLabel"], "extra": [],
                         "title": labels[pqid], "position": pqid, "country": country, "exact": True,
                         "start": iso_date(r.get("startDate", "")), "end": iso_date(r.get("endDate", ""))})
    commit, day = snap.head()
    return rows, {"repo": EP_URL + repo, "commit": commit, "date": day, "country": country}


def read_sparql(path: Path) -> list[dict]:
    """Rows from the JSON results of SPARQL_QUERY."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for b in data["results"]["bindings"]:
        val = {k: v["value"] for k, v in b.items()}
        qid = val.get("person", "").rsplit("/", 1)[-1]
        cq = val.get("country", "").rsplit("/", 1)[-1]
        rows.append({"qid": qid, "name": val.get("personLabel", ""),
                     "extra": [a for a in val.get("aliases", "").split("|") if a],
                     "title": val.get("positionLabel", ""), "position": val.get("position", "").rsplit("/", 1)[-1],
                     "country": iso3("", cq) if cq else "", "exact": True, "start": iso_date(val.get("start", "")),
                     "end": iso_date(val.get("end", ""))})
    return rows


# --- building --------------------------------------------------------------------

def build(rows: list[dict]) -> tuple[dict, list[list], dict[str, int]]:
    """People (qid -> [name, aliases]) and merged tenures, sorted, deterministic."""
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
        country = r["country"]
        if office in IGO_ORGS:
            country = "IGO"
        if not country:
            dropped["no country"] += 1
            continue
        person = people.setdefault(r["qid"], [r["name"], []])
        for a in aliases_for(r["name"], r["extra"]):
            if a != person[0] and a not in person[1]:
                person[1].append(a)
        key = (r["qid"], country, office, r["title"], sector)
        spans[key].append((r["start"], r["end"]))
        exact_keys.update([key] if r["exact"] else [])
    tenures = []
    for key, ss in spans.items():
        qid, country, office, title, sector = key
        exact = key in exact_keys
        ss.sort(key=lambda s: _lo(s[0]))
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
    for t in tenures:
        countries[t[0]].add(t[1])
    out = {}
    for q in sorted(countries, key=lambda q: int(q[1:])):
        label, aliases = people[q][0], sorted(people[q][1])
        out[q] = [label, aliases, *name_keys(label, aliases, countries[q])]
    return out, tenures, dict(dropped)


# Offices one person holds at a time; two holders at once is a conflict in the data.
SINGLE_SEAT = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "finance_minister",
               "interior_minister", "trade_minister", "central_bank_governor", "national_security_adviser",
               "un_ambassador", "un_secretary_general", "pope"}
OVERLAP_DAYS = 60  # a longer overlap between two holders of a single-seat office is not a handover


def _span(t: list) -> tuple[int, int]:
    from datetime import date

    lo = date.fromisoformat(_lo(t[5])).toordinal()
    hi = date.fromisoformat(_hi(t[6])).toordinal() if t[6] else 10**7
    return lo, hi


def _hi(d: str) -> str:
    if len(d) == 4:
        return d + "-12-31"
    if len(d) == 7:
        import calendar

        y, m = int(d[:4]), int(d[5:])
        return f"{d}-{calendar.monthrange(y, m)[1]:02d}"
    return d


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--snapshots", type=Path,
                     help="folder holding every-politician-scrapers+<repo>/repo git directories (or checkouts)")
    src.add_argument("--sparql-json", type=Path, help="JSON results of SPARQL_QUERY from query.wikidata.org")
    src.add_argument("--print-query", action="store_true", help="print SPARQL_QUERY and stop")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    if args.print_query:
        print(SPARQL_QUERY.strip())
        return 0

    meta: dict = {"source": "Wikidata (CC0 1.0), P39 position held with P580/P582 qualifiers",
                  "licence": "CC0-1.0"}
    if args.snapshots:
        rows, sources, as_of = [], [], {}
        for repo in REPOSITORIES:
            for cand in (args.snapshots / f"every-politician-scrapers+{repo}" / "repo",
                         args.snapshots / repo):
                if cand.exists():
                    break
            else:
                print(f"missing snapshot: {repo}", file=sys.stderr)
                continue
            got, info = read_snapshot(Snapshot(cand), repo)
            if not info:
                print(f"no country for {repo}", file=sys.stderr)
                continue
            rows += got
            sources.append({k: info[k] for k in ("repo", "commit", "date")})
            key = info["country"] or "IGO"
            as_of[key] = max(as_of.get(key, ""), info["date"])
        meta.update(via="EveryPolitician scraper snapshots of Wikidata query results", sources=sources,
                    as_of=dict(sorted(as_of.items())))
    else:
        rows = read_sparql(args.sparql_json)
        meta.update(via="query.wikidata.org", as_of={"*": ""})
    people, tenures, dropped = build(rows)
    write(args.out, meta, people, tenures)
    counts = defaultdict(int)
    for t in tenures:
        counts[t[2]] += 1
    print(f"{len(rows)} rows read, {len(tenures)} tenures of {len(people)} people in "
          f"{len({t[1] for t in tenures})} countries -> {args.out}")
    print("dropped:", json.dumps(dropped, sort_keys=True))
    print("by office:", json.dumps(dict(sorted(counts.items(), key=lambda kv: -kv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
