"""Source adapter: the EveryPolitician scraper repositories (Wikidata query output, CC0).

The repositories under https://github.com/every-politician-scrapers hold the output
of SPARQL queries against Wikidata: ``html/holders21.csv`` (the P39s of people who
held a cabinet-level position since about 1997, under the positions' short English
names), ``html/positions.csv`` (those positions' QIDs and English labels),
``sources/wpoffice/*/wikidata.csv`` (the full P39 history of single positions such as
a head of government, a foreign minister, a central-bank governor or the ambassador
to the UN) and ``meta.json`` (the country's QID). One repository per country is named
in ``REPOSITORIES``; the project stopped updating them in early 2023.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from office_holders_rows import GitDir, iso3, iso_date

EP_URL = "https://github.com/every-politician-scrapers/"
LICENCE = "CC0-1.0"

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


def _csv(text: str | None) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text))) if text else []


def _match_title(short: str, labels: dict[str, str]) -> str:
    """The position's QID when the title is exactly one position's English label."""
    exact = [q for q, lab in labels.items() if lab.casefold() == short.casefold()]
    return exact[0] if len(exact) == 1 else ""


def read_repository(snap: GitDir, repo: str) -> tuple[list[dict], dict]:
    """Rows of one scraper repository and its source record ({} when it names no country)."""
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
        rows.append({"qid": r["personID"], "name": r["person"], "extra": [r.get("enwiki") or ""],
                     "title": r["position"], "position": _match_title(r["position"], labels),
                     "country": country, "exact": False,
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
    return rows, {"name": f"every-politician-scrapers/{repo}", "repo": EP_URL + repo, "commit": commit,
                  "date": day, "licence": LICENCE, "country": country or "IGO"}


def read_all(folder: Path) -> list[tuple[list[dict], dict]]:
    """Every repository of REPOSITORIES found under `folder` (as every-politician-scrapers+<repo>/repo,
    the layout the search tool's fetch leaves, or as <repo>), in REPOSITORIES order."""
    out = []
    for repo in REPOSITORIES:
        for cand in (folder / f"every-politician-scrapers+{repo}" / "repo", folder / repo):
            if cand.exists():
                break
        else:
            print(f"missing snapshot: {repo}", file=sys.stderr)
            continue
        rows, info = read_repository(GitDir(cand), repo)
        if not info:
            print(f"no country for {repo}", file=sys.stderr)
            continue
        out.append((rows, info))
    return out
