"""Source adapter: the JSON results of a SPARQL query run at https://query.wikidata.org/
(the way to refresh the knowledge base from Wikidata itself, CC0)."""
from __future__ import annotations

import json
from pathlib import Path

from office_holders_rows import iso3, iso_date

LICENCE = "CC0-1.0"

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


def read_results(path: Path, day: str) -> tuple[list[dict], dict]:
    """Rows from the JSON results of SPARQL_QUERY, taken on `day` (YYYY-MM-DD)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for b in data["results"]["bindings"]:
        val = {k: v["value"] for k, v in b.items()}
        cq = val.get("country", "").rsplit("/", 1)[-1]
        rows.append({"qid": val.get("person", "").rsplit("/", 1)[-1], "name": val.get("personLabel", ""),
                     "extra": [a for a in val.get("aliases", "").split("|") if a],
                     "title": val.get("positionLabel", ""), "position": val.get("position", "").rsplit("/", 1)[-1],
                     "country": iso3("", cq) if cq else "", "exact": True,
                     "start": iso_date(val.get("start", "")), "end": iso_date(val.get("end", ""))})
    return rows, {"name": "query.wikidata.org", "repo": "https://query.wikidata.org/", "commit": "",
                  "file": path.name, "date": day, "licence": LICENCE, "country": "*"}
