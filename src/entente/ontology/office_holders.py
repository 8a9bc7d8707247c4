"""Who held which office, and when: a bundled, dated knowledge base of office holders.

The data (``data/en/office_holders.json``) comes from Wikidata (CC0) and from
unitedstates/congress-legislators (CC0), and is built by ``tools/build_office_holders.py``,
which also says how to refresh it; ``source()`` lists every source with its commit and licence. It is read on
first use and kept for the life of the process; nothing is fetched at run time.

    person("Antony Blinken", "2022-05-01")   -> Holder(..., country="USA", office="foreign_minister")
    holder("head_of_state", "USA", "2019-06-01") -> Holder(name="Donald Trump", ...)
    offices_of("Vladimir Putin", "2010-01-01")   -> [Holder(..., office="head_of_government")]

Dates: ``on`` is a ``date``, an ISO string ("2019-06-01", "2019-06" or "2019": the
first day of that month or year) or None (the most recent). A tenure runs from its
start day to its end day, both included; on the day an office changes hands the
incoming holder wins. Tenures still open when the source was taken are trusted by
``person()`` at any later date (the name still names that person) but not by
``holder()`` after the newest source's "as of" date for that country, or for that
country's office when a source covers only some offices ("USA/head_of_state"): the
office may have changed hands since, so it returns None there rather than a stale
holder.

Names: a full name (Wikidata's English label, a known alias, the same without
accents or honorifics) or a short form (family name, the last two words of a longer
name; for Chinese and Korean names the first word) finds a person. A name that fits
two different people in office at that date is ambiguous and returns None.
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple, Optional, Union

DATA = Path(__file__).parent / "data" / "en" / "office_holders.json"

DateLike = Union[date, str, None]

# When a person holds several offices at once, person() reports the first of these.
_RANK = ["head_of_state", "head_of_government", "un_secretary_general", "pope", "eu_commission_president",
         "eu_council_president", "nato_secretary_general", "vice_president", "deputy_head_of_government",
         "foreign_minister", "defence_minister", "finance_minister", "interior_minister", "trade_minister",
         "national_security_adviser", "central_bank_governor", "un_ambassador", "party_leader", "speaker",
         "minister", "ambassador", "legislator", "military_chief", "judge", "police_chief"]
_RANK_OF = {o: i for i, o in enumerate(_RANK)}

# Offices one person holds at a time, and the longest overlap of two holders that is
# still a handover rather than a conflict in the data.
_SINGLE_SEAT = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "finance_minister",
                "interior_minister", "trade_minister", "central_bank_governor", "national_security_adviser",
                "un_ambassador", "un_secretary_general", "pope"}
_HANDOVER_DAYS = 60

# Names written family name first in English-language news.
_FAMILY_FIRST = {"CHN", "TWN", "KOR", "PRK", "KHM"}
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "von", "van", "der", "den", "de", "da", "do", "dos", "das",
              "del", "della", "di", "du", "la", "le", "ter", "ten", "zu", "ould", "abu"}
_HONORIFICS = {"dr", "sir", "dame", "lord", "lady", "sheikh", "shaikh", "sheikha", "prince", "princess",
               "king", "queen", "emir", "sultan", "archbishop", "cardinal", "bishop", "general", "gen",
               "president", "mr", "mrs", "ms", "hon", "rt", "the", "his", "her", "excellency", "haji"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "qc", "kc", "mp"}


class Holder(NamedTuple):
    name: str
    qid: str
    country: str  # ISO 3166-1 alpha-3, or "IGO" (see org)
    office: str  # normalised key: head_of_state, foreign_minister, un_secretary_general, legislator, ...
    title: str  # the English title as Wikidata gives it
    sector: str  # GOV, MIL, LEG, JUD, IGO, COP, PTY, REL
    start: str  # ISO date at its precision: "2017-01-20", "2019-12", "1999"
    end: Optional[str]  # None while the tenure was open when the source was taken
    org: str = ""  # the organisation of an IGO office ("United Nations")


# --- dates ---------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _first_day(text: str) -> int:
    y, m, d = (text.split("-") + ["1", "1"])[:3]
    return date(int(y), int(m or 1), int(d or 1)).toordinal()


@functools.lru_cache(maxsize=None)
def _last_day(text: str) -> int:
    parts = text.split("-")
    if len(parts) == 1:
        return date(int(parts[0]), 12, 31).toordinal()
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
    return date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()


@functools.lru_cache(maxsize=256)   # a corpus asks about its stories' few dates again and again
def _day(on: DateLike) -> Optional[int]:
    if on is None:
        return None
    if isinstance(on, datetime):
        return on.date().toordinal()
    if isinstance(on, date):
        return on.toordinal()
    text = str(on).strip()[:10]
    if not re.match(r"^\d{4}(-\d{2}){0,2}$", text):
        raise ValueError(f"not an ISO date: {on!r}")
    return _first_day(text)


# --- names ---------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'"})
_SPLIT = re.compile(r"[\s,.]+")
_PARENS = re.compile(r"\s*\([^)]*\)")
_DOUBLE = re.compile(r"([^\n])\1+")


@functools.lru_cache(maxsize=None)
def _fold_char(c: str) -> str:
    return "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))


def _fold(text: str) -> str:
    text = text.translate(_QUOTES)
    return text if text.isascii() else "".join(_fold_char(c) for c in text)


def _words(name: str) -> list[str]:
    """Lower-case words of a name, accents folded, honorifics and suffixes dropped."""
    if "(" in name:
        name = _PARENS.sub(" ", name)
    words = [w for w in _SPLIT.split(_fold(name).casefold()) if w]
    while len(words) > 1 and words[0] in _HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


def _key(name: str) -> str:
    return " ".join(_words(name))


def _loose(key: str) -> str:
    """A spelling-tolerant key: Vassily Nebenzia and Vasily Nebenzya meet here."""
    k = key.replace("kh", "h").replace("ck", "k").replace("y", "i").replace("j", "i").replace("-", " ")
    return _DOUBLE.sub(r"\1", k)


@functools.lru_cache(maxsize=1 << 12)
def _name_keys(name: str) -> tuple[str, str]:
    """(_key, _loose key) of a name: the stages look up the same names story after story."""
    k = _key(name)
    return k, _loose(k)


def _short_forms(words: list[str], family_first: bool) -> set[str]:
    """Family name and other short forms of a name given as _words()."""
    if len(words) < 2:
        return set()
    out = set()
    if family_first:
        # "Tang Yao-ming" is Tang: the last words are the given name ("Yao Ming" is someone else)
        return {words[0]} if len(words[0]) > 1 and words[0] not in _PARTICLES else set()
    i = len(words) - 1
    while i > 1 and words[i - 1] in _PARTICLES:  # "von der Leyen", "bin Salman"
        i -= 1
    family = " ".join(words[i:])
    out.add(family)
    if family.startswith(("al-", "el-")):  # "el-Sisi" is also "Sisi"
        out.add(family[3:])
    if len(words) >= 3:
        out.add(" ".join(words[-2:]))  # "Tayyip Erdogan", "Lopez Obrador"
    out.discard(" ".join(words))
    return {s for s in out if len(s) > 1 and s not in _PARTICLES}


def name_keys(label: str, aliases: list[str], countries: set[str], short: bool = True) -> tuple[str, str]:
    """The full-name keys and short-form keys of a person, "|"-joined as the data file
    stores them (tools/build_office_holders.py computes them once, at build time).
    With short=False (people who only sat in a legislature) there are no short forms."""
    family_first = bool(countries & _FAMILY_FIRST)
    full: list[str] = []
    forms: set[str] = set()
    for n in (label, *aliases):
        words = _words(n)
        if words and " ".join(words) not in full:
            full.append(" ".join(words))
            forms |= _short_forms(words, family_first) if short else set()
    return "|".join(full), "|".join(sorted(forms - set(full)))


# --- the knowledge base -----------------------------------------------------------

class _KB:
    """The loaded file and its indexes; built once per process by _kb()."""

    def __init__(self, raw: dict):
        self.meta = raw["meta"]
        self.as_of = {c: _last_day(d) for c, d in (self.meta.get("as_of") or {}).items() if d}
        self.people: dict[str, list] = raw["people"]  # qid -> [label, aliases, full keys, short keys]
        first, last = _first_day, _last_day
        # Each tenure: (its file row, first day, last day or None); Holders are made on demand.
        self.tenures = [(row, first(row[5]), last(row[6]) if row[6] else None) for row in raw["tenures"]]
        by_person: dict[str, list[int]] = defaultdict(list)
        by_office: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, row in enumerate(raw["tenures"]):
            by_person[row[0]].append(i)
            by_office[(row[2], row[1])].append(i)
        self.by_person, self.by_office = dict(by_person), dict(by_office)
        self.has_hog = {c for (o, c) in self.by_office if o == "head_of_government"}
        self._names: Optional[tuple[dict[str, set[str]], dict[str, set[str]]]] = None
        self._loose: Optional[dict[str, set[str]]] = None

    def names(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Full-name and short-form indexes, built at the first name look-up from the
        keys the build script stored with each person (see name_keys())."""
        if self._names is None:
            full: dict[str, set[str]] = defaultdict(set)
            short: dict[str, set[str]] = defaultdict(set)
            for qid, (_label, _aliases, full_keys, short_keys) in self.people.items():
                for k in full_keys.split("|"):
                    full[k].add(qid)
                if short_keys:
                    for k in short_keys.split("|"):
                        short[k].add(qid)
            self._names = dict(full), dict(short)
        return self._names

    def active(self, i: int, day: int, trust_open: bool) -> bool:
        row, lo, hi = self.tenures[i]
        if day < lo:
            return False
        if hi is not None:
            return day <= hi
        if trust_open:
            return True
        # A source may cover some offices of a country only ("USA/head_of_state").
        limit = self.as_of.get(f"{row[1]}/{row[2]}", self.as_of.get(row[1], self.as_of.get("*")))
        return limit is None or day <= limit

    def best(self, idxs: list[int]) -> Holder:
        """The highest-ranked office, then the latest start, then the lowest QID."""
        return self.holder_at(min(idxs, key=self.order))

    def order(self, i: int) -> tuple:
        row = self.tenures[i][0]
        return (_RANK_OF.get(row[2], len(_RANK)), -self.tenures[i][1], row[0], row[3])

    def holder_at(self, i: int) -> Holder:
        qid, country, office, title, sector, start, end, org = self.tenures[i][0]
        return Holder(self.people[qid][0], qid, country, office, title, sector, start, end, org)

    def loose(self) -> dict[str, set[str]]:
        """Spelling-tolerant index of all names, built the first time an exact name fails."""
        if self._loose is None:
            loose: dict[str, set[str]] = defaultdict(set)
            for index in self.names():
                keys = list(index)
                # One pass over all keys at once: far faster than one call per key.
                for k, lk in zip(keys, _loose("\n".join(keys)).split("\n")):
                    loose[lk].update(index[k])
            self._loose = dict(loose)
        return self._loose

    def candidates(self, name: str):
        """QIDs a name may refer to, tier by tier: full names, short forms, loose spellings."""
        k, loose_key = _name_keys(name)
        if not k:
            return
        full, short = self.names()
        yield full.get(k, set())
        yield short.get(k, set())
        yield self.loose().get(loose_key, set())

    def resolve(self, name: str, day: Optional[int]) -> Optional[str]:
        """The one person a name refers to at that day (or most recently), else None."""
        for qids in self.candidates(name):
            if not qids:
                continue
            if day is not None:
                qids = {q for q in qids if any(self.active(i, day, True) for i in self.by_person.get(q, []))}
                if not qids:
                    continue
            return next(iter(qids)) if len(qids) == 1 else None
        return None


@functools.lru_cache(maxsize=1)
def _kb() -> _KB:
    with open(DATA, encoding="utf-8") as f:
        return _KB(json.load(f))


# --- the public face ---------------------------------------------------------------

def person(name: str, on: DateLike = None) -> Optional[Holder]:
    """The office holder `name` refers to on that date (None: the most recent office)."""
    kb = _kb()
    day = _day(on)
    qid = kb.resolve(name, day)
    if qid is None:
        return None
    idxs = kb.by_person[qid]
    if day is None:
        latest = max(kb.tenures[i][1] for i in idxs)
        open_or_latest = [i for i in idxs if kb.tenures[i][2] is None] or \
            [i for i in idxs if kb.tenures[i][1] == latest]
        return kb.best(open_or_latest)
    return kb.best([i for i in idxs if kb.active(i, day, True)])


def holder(office: str, country: str, on: DateLike = None) -> Optional[Holder]:
    """Who held `office` in `country` (alpha-3, or "IGO") on that date (None: the latest).

    In a state whose source lists no head of government at all (presidential
    republics such as the USA), "head_of_government" falls back to the head of state.
    """
    kb = _kb()
    day = _day(on)
    if office == "head_of_government" and country not in kb.has_hog:
        office = "head_of_state"
    idxs = kb.by_office.get((office, country), [])
    if day is not None:
        idxs = [i for i in idxs if kb.active(i, day, False)]
    if not idxs:
        return None
    # The latest start wins: on a handover day that is the incoming holder.
    i = max(idxs, key=lambda j: (kb.tenures[j][1], kb.tenures[j][0][0]))
    if day is not None and office in _SINGLE_SEAT:
        # Two people in a one-person office for longer than a handover: the data
        # conflict (a rival claimant, a regional namesake post) is not ours to settle.
        qid, lo = kb.tenures[i][0][0], kb.tenures[i][1]
        for j in idxs:
            row, _, hi = kb.tenures[j]
            if row[0] != qid and (hi is None or hi - lo > _HANDOVER_DAYS):
                return None
    return kb.holder_at(i)


def offices_of(name: str, on: DateLike = None) -> list[Holder]:
    """Every office the person `name` refers to held on that date (None: those still open,
    or else the most recent), highest-ranked first."""
    kb = _kb()
    day = _day(on)
    qid = kb.resolve(name, day)
    if qid is None:
        return []
    idxs = kb.by_person[qid]
    if day is None:
        picked = [i for i in idxs if kb.tenures[i][2] is None]
        if not picked:
            latest = max(kb.tenures[i][2] or 0 for i in idxs)
            picked = [i for i in idxs if kb.tenures[i][2] == latest]
    else:
        picked = [i for i in idxs if kb.active(i, day, True)]
    return [kb.holder_at(i) for i in sorted(picked, key=kb.order)]


def source() -> dict:
    """Where the data came from: source, licence, snapshot commits and per-country "as of" dates."""
    return dict(_kb().meta)
