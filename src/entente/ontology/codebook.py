"""The actor codebook: countries, capitals, organisations, IGOs, groupings,
title words, agent nouns and named actors, kept as data in
`ontology/data/actors/*.json` (built by tools/build_codebook.py from pycountry
and the Phoenix/PETRARCH2 dictionaries; see docs/codebook.md and docs/CREDITS.md).

Users extend or override it with JSON files of the same shape, given with
`configure([paths])` or the environment variable ENTENTE_CODEBOOK (a path, or
several separated by os.pathsep). Everything is loaded once and cached;
`configure` rebuilds the cache.
"""
from __future__ import annotations

import functools
import json
import os
import pathlib
import re
from dataclasses import dataclass, field
from typing import Optional

DATA = pathlib.Path(__file__).resolve().parent / "data" / "actors"
_FILES = ("countries", "capitals", "organisations", "groupings", "titles", "agents", "plural_nouns", "named", "surnames", "sectors")
_user_paths: tuple[str, ...] = ()
_FIRST = re.compile(r"[\w.&]+|\S")


@dataclass(frozen=True)
class Entry:
    """What a name in the codebook stands for."""
    name: str                      # canonical name
    kind: str                      # state | adjective | capital | organization | igo | grouping
    country: Optional[str] = None  # ISO3, "IGO" or None
    sector: Optional[str] = None
    code: Optional[str] = None
    members: tuple[str, ...] = ()
    exact_case: bool = False       # "US", "UN", "WHO": only in capitals


def norm(text: str) -> str:
    """The lookup key of a surface string."""
    # the stages ask for the keys of the same few token texts over and over: short ones are cached
    return _norm_short(text) if len(text) <= 40 else _norm(text)


def _norm(text: str) -> str:
    s = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    s = " ".join(s.split()).casefold()
    if s.startswith("the "):
        s = s[4:]
    return s


_norm_short = functools.lru_cache(maxsize=1 << 16)(_norm)


def first_word(key: str) -> str:
    m = _FIRST.match(key)
    return m.group(0) if m else key


# Capitals at least this populous are read as their governments ("Mogadishu announced …").
METONYM_POPULATION = 300_000


@dataclass
class Codebook:
    raw: dict
    phrases: dict[str, Entry] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)   # first word -> max tokens to try
    countries: dict[str, dict] = field(default_factory=dict)
    title_heads: dict[str, str] = field(default_factory=dict)
    title_modifiers: frozenset = frozenset()
    honorifics: frozenset = frozenset()
    title_countries: dict[str, Optional[str]] = field(default_factory=dict)
    party_countries: dict[str, str] = field(default_factory=dict)
    legislative_heads: frozenset = frozenset()
    agents: dict[str, str] = field(default_factory=dict)
    plural_nouns: dict[str, dict] = field(default_factory=dict)
    named: dict[str, list] = field(default_factory=dict)
    surnames: dict[str, list] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    region_places: dict[str, str] = field(default_factory=dict)

    # -- building -------------------------------------------------------------
    def _add(self, surface: str, entry: Entry, override: bool = True) -> None:
        key = norm(surface)
        if not key:
            return
        compact = surface.replace(".", "").replace(" ", "")
        exact = compact.isupper() and len(compact) <= 5
        if exact != entry.exact_case:
            entry = Entry(**{**entry.__dict__, "exact_case": exact})
        if not override and key in self.phrases:
            return
        self.phrases[key] = entry
        fw = first_word(key)
        n = len(_FIRST.findall(key)) + 1
        if self.first.get(fw, 0) < n:
            self.first[fw] = n

    def build(self) -> "Codebook":
        raw = self.raw
        self.countries = raw["countries"]
        for iso, c in sorted(self.countries.items()):
            st = Entry(c["name"], "state", iso, "GOV", iso)
            for n in c.get("names", []):
                self._add(n, st, override=False)
            adj = Entry(c["name"], "adjective", iso, None, iso)
            for n in c.get("adjectives", []):
                self._add(n, adj)
            for n in c.get("places", []):
                self.region_places.setdefault(norm(n), iso)
        for iso, c in sorted(self.countries.items()):
            adj = Entry(c["name"], "adjective", iso, None, iso)
            for n in c.get("derived", []):
                self._add(n, adj, override=False)
        # Curated names win over Phoenix variants: add them again, overriding.
        for iso, c in sorted(self.countries.items()):
            self._add(c["name"], Entry(c["name"], "state", iso, "GOV", iso))
        for cap, iso in sorted(raw["capitals"].items()):
            if iso in self.countries:
                self._add(cap, Entry(self.countries[iso]["name"], "capital", iso, "GOV", iso, ), override=False)
        # Every other capital big enough not to be mistaken for a common word or a small town
        # ("Mogadishu", "Bangui") stands for its government too; where it is only a place, the
        # actors stage reads that from the sentence ("talks in Bangui").
        from entente.ontology import gazetteer

        for iso, c in sorted(self.countries.items()):
            cap = gazetteer.capital(iso)
            if cap is not None and cap.population >= METONYM_POPULATION:
                for n in {cap.name, gazetteer.unaccented(cap.name)}:   # "Bogotá", "Bogota"
                    self._add(n, Entry(c["name"], "capital", iso, "GOV", iso), override=False)
        for o in raw["organisations"]:
            e = Entry(o["names"][0], o.get("kind", "organization"), o.get("country"), o.get("sector"),
                      o.get("code") or ((o.get("country") or "") + (o.get("sector") or "")) or None)
            for n in o["names"]:
                self._add(n, e)
        for g in raw["groupings"]:
            e = Entry(g["names"][0], "grouping", None, None, None, tuple(g["members"]))
            for n in g["names"]:
                self._add(n, e)
        t = raw["titles"]
        self.title_heads = {norm(k): v for k, v in t["heads"].items()}
        self.title_modifiers = frozenset(norm(m) for m in t["modifiers"])
        self.honorifics = frozenset(norm(h) for h in t.get("honorifics", []))
        self.title_countries = {norm(k): v for k, v in t.get("country_defaults", {}).items()}
        self.party_countries = {norm(k): v for k, v in t.get("party_countries", {}).items() if not k.startswith("_")}
        self.legislative_heads = frozenset(norm(h) for h in t.get("legislative_heads", []))
        self.agents = {norm(k): v for k, v in raw["agents"].items()}
        self.plural_nouns = {norm(k): v for k, v in raw["plural_nouns"].items() if not k.startswith("_")}
        self.named = {norm(k): v for k, v in raw["named"].items()}
        self.surnames = {norm(k): v for k, v in raw["surnames"].items()}
        self.sectors = dict(raw["sectors"])
        return self

    # -- lookups ----------------------------------------------------------------
    def lookup(self, surface: str) -> Optional[Entry]:
        key = norm(surface)
        e = self.phrases.get(key)
        if e is None and key.endswith("s") and " " not in key:
            e = self.phrases.get(key[:-1])   # "Libyans", "Serbs"
            if e is not None and e.kind != "adjective":
                e = None
        if e is not None and e.exact_case:
            compact = surface.replace(".", "").replace(" ", "")
            if not compact.isupper():
                return None
        return e

    def _surname_initials(self) -> dict[str, set]:
        """surname -> first names of dictionary people with it."""
        got = self.__dict__.get("_initials")
        if got is None:
            got = {}
            for k in self.named:
                w = k.replace(".", " ").replace("-", " ").split()
                if len(w) > 1 and w[-1] in self.surnames:
                    got.setdefault(w[-1], set()).add(w[0])
            self.__dict__["_initials"] = got
        return got

    def max_tokens(self, first_token_lower: str) -> int:
        return self.first.get(first_token_lower.replace("’", "'"), 0)

    def country_name(self, iso3: str) -> str:
        c = self.countries.get(iso3)
        return c["name"] if c else iso3

    def named_actor(self, name: str, on: Optional[str] = None, surname: bool = True) -> Optional[tuple[Optional[str], Optional[str]]]:
        """(country, sector) of a named actor in the dictionaries, the code valid on date `on` first.

        Failing the full name, a person's surname that points to one country only —
        if the name is the bare surname or its first name is a dictionary person's
        with that surname ("Mark Lambert" is not "Alain Lambert", "Will Wang" not
        "Wang Ginn-wang"; "Mohammed al-Sudani" may be "Mohammed Shia al-Sudani").
        `surname=False` for organisations ("Pacific Air Forces" is nobody's surname)."""
        key = norm(name)
        rows = self.named.get(key)
        if not rows:
            if not surname:
                return None
            words = key.replace(".", " ").replace("-", " ").split() if key else []
            hit = self.surnames.get(words[-1]) if words else None
            if hit and len(words) > 1 and words[0] not in self._surname_initials().get(words[-1], ()):
                hit = None
            return (hit[0], None) if hit else None
        best = None
        for country, sector, start, end in rows:
            if on and (start is None or start <= on) and (end is None or on <= end):
                return country, sector
            if best is None or (start or "") > (best[2] or ""):
                best = (country, sector, start)
        return (best[0], best[1]) if best else None


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if key.startswith("_"):
            continue
        if key not in base:
            base[key] = value
        elif isinstance(base[key], list) and isinstance(value, list):
            base[key] = base[key] + value
        elif isinstance(base[key], dict) and isinstance(value, dict):
            if key == "countries":
                for iso, c in value.items():
                    old = base[key].setdefault(iso, {"name": c.get("name", iso), "names": [], "adjectives": []})
                    for f, v in c.items():
                        old[f] = (old.get(f) or []) + v if isinstance(v, list) else v
            else:
                _merge(base[key], value)
        else:
            base[key] = value


def _paths() -> tuple[str, ...]:
    env = os.environ.get("ENTENTE_CODEBOOK", "")
    return tuple(p for p in env.split(os.pathsep) if p) + _user_paths


@functools.lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> Codebook:
    raw: dict = {}
    for name in _FILES:
        raw[name] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    for p in paths:
        user = json.loads(pathlib.Path(p).read_text(encoding="utf-8"))
        _merge(raw, user)
    return Codebook(raw).build()


def get() -> Codebook:
    return _load(_paths())


def configure(paths: list[str] | tuple[str, ...] = ()) -> Codebook:
    """Merge user codebook files (JSON, see docs/codebook.md) over the shipped one."""
    global _user_paths
    _user_paths = tuple(str(p) for p in paths)
    _load.cache_clear()
    return get()
