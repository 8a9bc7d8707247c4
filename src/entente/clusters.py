"""One real-world event, many reports: when two extracted events are the same event.

Pure functions, no database: a `Report` is the part of an event that identity
depends on, and `compatible(a, b)` says whether two reports can be the same event
(None) or how well they fit (a score). The partition itself is in
`entente.clustering`; the store keeps it up to date at ingest.

Two reports are compatible when all of these hold:

* **type**: the same PLOVER type, and the same factuality class: asserted and
  reported are one class (a fact told directly or second-hand); negated,
  hypothetical and planned are each their own class and never meet a fact;
* **time**: the possible-date intervals are at most one day apart. A day is itself
  (so two days meet at +/- 1), a week or month is all its days (it contains a day),
  a range its span; a publication-date fallback is "on or before" the publication
  date, within `FALLBACK_DAYS` (a planned event's fallback: on or after). Dates
  coarser than `MAX_SPAN_DAYS` (a quarter, a year) say too little: such an event
  is not clustered;
* **participants** (country codes; a grouping counts as its members, an IGO as its
  own name): CONSULT, AGREE, COOPERATE and any reciprocal report are compared as
  one undirected set, so A->B meets B->A and a reciprocal report meets a directed
  one; other types compare actor side with actor side and recipient side with
  recipient side, except that an attack A->B and an attack B->A (at the same time,
  as every match) are a partial match (each side tells the clash as the other's attack). Equal sets
  are an *exact* match. Because extraction often misses a party, a report whose
  sets are all contained in the other's (the smaller
  report names fewer parties, none of them elsewhere) is a *partial* match, and a
  partial match needs **support** (below). Anything else is incompatible;
* **persons**: where both reports name persons of the same country, at least one
  must be the same person (the registry's name keys: "Modi" = "Narendra Modi");
* **place**: when both name a place, two different cities are incompatible; a
  country, or a name the gazetteer does not know, is too vague to rule anything out;
* **support** is the same person on two countries' sides ("Modi" and "Xi" in both),
  the same specific place, or evidence sentences sharing at least `SIMILARITY` of
  their content words (Jaccard). It is needed when the match is partial, when a
  report is incomplete (a directed report missing a side, or a single party), when
  neither report has its own date (two publication-date fallbacks), and when one is dated
  only to a week or a month (which holds many events of one type and dyad). It never
  makes an otherwise incompatible pair compatible: similar text alone merges nothing.

A report may join a cluster when it is compatible (support included) with at least one
member and *consistent* with every member (nothing above says they are two events; support
is evidence of identity, needed once, not from every pair: two publication-date reports of
one attack both join the report that dates it). Of those clusters it joins the one it fits
best (`compatible`'s score over the members it is compatible with: exact participants,
overlap of the date intervals, shared persons, place, similarity).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Optional

from entente import date_bounds as dates
from entente.names import is_description, person_tokens
from entente.ontology.plover import SYMMETRIC as SYMMETRIC_TYPES
from entente.model import Document, Event
from entente.text import short_hash

FACT_CLASS = {"asserted": "fact", "reported": "fact"}
# Fighting between two sides is told by each as the other's attack.
MUTUAL_CLASH_TYPES = frozenset({"ASSAULT"})
FALLBACK_DAYS = 3
MAX_SPAN_DAYS = 31
TOLERANCE_DAYS = 1
LOOKBACK_DAYS = MAX_SPAN_DAYS + TOLERANCE_DAYS  # a candidate's interval starts at most this long before
SIMILARITY = 0.2

_WORD = re.compile(r"[^\W\d_][\w'-]*")
_STOP = frozenset("""
a about above after again against all also an and any are as at be because been before being between both
but by can could did do does during each few for from further had has have having he her here hers him his
how if in into is it its just more most no nor not now of off on once only or other our out over own said
same says she should so some such than that the their theirs them then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
mr mrs ms new one two three first last year years week month day days time told according people
monday tuesday wednesday thursday friday saturday sunday today yesterday
""".split())


@dataclass(frozen=True)
class Report:
    """The identity-relevant part of one extracted event."""
    key: str                      # stable: hash of story id and event id; the canonical tie-break
    story: str
    event: str
    type: str
    fact: str                     # "fact", "negated", "hypothetical" or "planned"
    lo: dt.date                   # the event happened on some day in [lo, hi]
    hi: dt.date
    dated: bool                   # its own date (not the publication-date fallback)
    day: bool                     # its own date, to the day
    actors: frozenset = frozenset()      # country codes of the actor side
    recipients: frozenset = frozenset()  # … and of the recipient side
    undirected: bool = False
    persons: tuple = ()           # ((country, person key), …)
    place: Optional[tuple] = None  # (name key, country or None, "city" | "country" | "other")
    words: frozenset = frozenset()  # content-word stems of the evidence sentence

    @property
    def countries(self) -> frozenset:
        return self.actors | self.recipients

    @property
    def complete(self) -> bool:
        """Both sides known (a directed report), or at least two parties (an undirected one)."""
        return len(self.countries) > 1 if self.undirected else bool(self.actors and self.recipients)

    @property
    def sort(self) -> tuple[int, str, str]:
        """Canonical order: the most precise reports first (own day, own week or month, publication
        date; complete before missing a side), then the earliest possible date, then the stable key.
        Clusters form around the precise reports; vaguer ones join them."""
        rank = 2 * (0 if self.day else 1 if self.dated else 2) + (not self.complete)
        return rank, self.lo.isoformat(), self.key

    def to_json(self) -> str:
        return json.dumps({
            "s": self.story, "e": self.event, "t": self.type, "f": self.fact, "lo": self.lo.isoformat(),
            "hi": self.hi.isoformat(), "d": self.dated, "dd": self.day, "a": sorted(self.actors),
            "r": sorted(self.recipients), "u": self.undirected, "p": [list(p) for p in self.persons],
            "pl": list(self.place) if self.place else None, "w": sorted(self.words)}, separators=(",", ":"))

    @classmethod
    def from_json(cls, key: str, text: str) -> "Report":
        d = json.loads(text)
        return cls(key=key, story=d["s"], event=d["e"], type=d["t"], fact=d["f"],
                   lo=dt.date.fromisoformat(d["lo"]), hi=dt.date.fromisoformat(d["hi"]), dated=d["d"], day=d["dd"],
                   actors=frozenset(d["a"]), recipients=frozenset(d["r"]), undirected=d["u"],
                   persons=tuple(tuple(p) for p in d["p"]), place=tuple(d["pl"]) if d["pl"] else None,
                   words=frozenset(d["w"]))


def report_key(story_id: str, event_id: str) -> str:
    return short_hash("report", story_id, event_id)


# -- building a report from an event -----------------------------------------------
def interval(event: Event, published: Optional[str]) -> Optional[tuple[dt.date, dt.date, bool, bool]]:
    """(lo, hi, has its own date, own date is a day) of the event's possible dates, or None."""
    d = event.date
    window = dt.timedelta(days=FALLBACK_DAYS)
    if d.type in ("exact", "approximate", "range") and d.value:
        lo, hi = dates.bounds(d.value)
        if d.type == "range" and d.end:
            hi = dates.bounds(d.end)[1] or hi
        if lo is None or hi is None or hi < lo:
            return None
        if (hi - lo).days >= MAX_SPAN_DAYS:
            return None
        return lo, hi, True, lo == hi
    ref = d.value if d.type == "reported" and d.value else (published if d.type == "unresolved" else None)
    day = dates.bounds(ref)[0] if ref else None
    if day is None:
        return None
    if "lower bound" in (d.reason or ""):  # a planned event: on or after the publication date
        return day, day + window, False, False
    return day - window, day, False, False


def _side_countries(doc: Document, ids: list[str]) -> frozenset:
    by_id = {a.id: a for a in doc.actors}
    out: set[str] = set()
    for aid in ids:
        a = by_id.get(aid)
        if a is None:
            continue
        if a.members and (a.kind == "grouping" or not a.country):
            out.update(a.members)
        elif a.country == "IGO":
            out.add("IGO:" + _name(a.name))
        elif a.country:
            out.add(a.country)
    return frozenset(out)


def _name(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())


def person_key(name: str) -> Optional[str]:
    """The registry's identity of a person's name, or None for a description."""
    if is_description(name):
        return None
    toks = person_tokens(name)
    return " ".join(toks) if toks else None


def same_person(a: str, b: str) -> bool:
    """Full names must be equal; a bare surname matches a full name ending (or, Chinese-style, starting) with it."""
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    if len(ta) == 1 or len(tb) == 1:
        short, full = (ta, tb) if len(ta) == 1 else (tb, ta)
        return short[0] in (full[0], full[-1])
    return False


def _persons(doc: Document, ids: list[str]) -> tuple:
    by_id = {a.id: a for a in doc.actors}
    out = set()
    for aid in ids:
        a = by_id.get(aid)
        if a is not None and a.kind == "person" and a.country:
            key = person_key(a.name)
            if key:
                out.add((a.country, key))
    return tuple(sorted(out))


def _place(event: Event) -> Optional[tuple]:
    loc = event.location
    if loc is None or not loc.name.strip():
        return None
    from entente.ontology.gazetteer import place

    found = place(loc.name)
    kind = found.kind if found is not None and found.kind in ("country", "city") else "other"  # a region is vague
    return _name(loc.name), loc.country or (found.country if found else None), kind


def stems(sentence: str) -> frozenset:
    """Content words of a sentence, cut to six letters (a cheap stem: summoned = summons)."""
    return frozenset(w[:6] for w in (m.group().casefold().strip("'-") for m in _WORD.finditer(sentence or ""))
                     if len(w) > 2 and w not in _STOP)


def report_of(doc: Document, event: Event, story_id: Optional[str] = None) -> Optional[Report]:
    """The report of one event, or None when it cannot be told apart from others
    (no country on either side, or no usable date). `story_id`: the stored id, when not doc.id."""
    when = interval(event, doc.published)
    if when is None:
        return None
    actors, recipients = _side_countries(doc, event.actors), _side_countries(doc, event.recipients)
    if not actors and not recipients:
        return None
    lo, hi, dated, day = when
    return Report(
        key=report_key(story_id or doc.id, event.id), story=story_id or doc.id, event=event.id, type=event.type,
        fact=FACT_CLASS.get(event.factuality, event.factuality), lo=lo, hi=hi, dated=dated, day=day,
        actors=actors, recipients=recipients,
        undirected=event.reciprocal or event.type in SYMMETRIC_TYPES,
        persons=_persons(doc, [*event.actors, *event.recipients]), place=_place(event),
        words=stems(event.evidence.sentence))


# -- compatibility -----------------------------------------------------------------
def gap_days(a: Report, b: Report) -> int:
    """Days between the two intervals (0 or less when they overlap)."""
    return (max(a.lo, b.lo) - min(a.hi, b.hi)).days


def candidate(a: Report, b: Report) -> bool:
    """The cheap test a store can index, true of every compatible pair: same type and
    factuality class, near in time, and one report's countries all among the other's."""
    x, y = a.countries, b.countries
    return (a.type == b.type and a.fact == b.fact and gap_days(a, b) <= TOLERANCE_DAYS
            and bool(x) and bool(y) and (x <= y or y <= x))


def participants(a: Report, b: Report) -> Optional[str]:
    """'exact', 'partial' (one report's parties nested in the other's) or None."""
    if a.undirected or b.undirected:
        x, y = a.countries, b.countries
        if x == y:
            return "exact"
        return "partial" if x < y or y < x else None
    if a.actors == b.actors and a.recipients == b.recipients:
        return "exact"
    if (a.actors <= b.actors and a.recipients <= b.recipients) or (b.actors <= a.actors and b.recipients <= a.recipients):
        return "partial"
    if a.type in MUTUAL_CLASH_TYPES and a.complete and b.complete \
            and a.actors == b.recipients and a.recipients == b.actors:
        return "partial"   # a clash told from each side ("A shelled B", "B fired on A"): needs support
    return None


def persons(a: Report, b: Report) -> Optional[int]:
    """How many countries have a person named by both reports; None when both name persons of
    one country and none of them is the same."""
    shared = 0
    for country in {c for c, _ in a.persons} & {c for c, _ in b.persons}:
        ka = [k for c, k in a.persons if c == country]
        kb = [k for c, k in b.persons if c == country]
        if not any(same_person(x, y) for x in ka for y in kb):
            return None
        shared += 1
    return shared


def places(a: Report, b: Report) -> Optional[str]:
    """'same', 'unknown', or None for two different cities (gazetteer places below a country)."""
    if a.place is None or b.place is None:
        return "unknown"
    (na, _, ka), (nb, _, kb) = a.place, b.place
    if na == nb or re.search(rf"\b{re.escape(na)}\b", nb) or re.search(rf"\b{re.escape(nb)}\b", na):
        return "unknown" if ka == kb == "country" else "same"
    if ka == kb == "city":
        return None
    return "unknown"  # a country, or a name the gazetteer does not know, rules nothing out


def similarity(a: Report, b: Report) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / len(a.words | b.words)


def consistent(a: Report, b: Report) -> bool:
    """Nothing says a and b are two events: type, factuality, time, participants, persons and
    place all agree (support aside)."""
    if a.key == b.key:
        return True
    return candidate(a, b) and participants(a, b) is not None and persons(a, b) is not None \
        and places(a, b) is not None


def compatible(a: Report, b: Report) -> Optional[float]:
    """None when a and b cannot be one event; else how well they fit (higher is better)."""
    if a.key == b.key:
        return 3.0
    if not candidate(a, b):
        return None
    part = participants(a, b)
    if part is None:
        return None
    who = persons(a, b)
    where = places(a, b)
    if who is None or where is None:
        return None
    sim = similarity(a, b)
    support = who >= 2 or where == "same" or sim >= SIMILARITY
    coarse = (a.dated and not a.day) or (b.dated and not b.day)   # a week or a month holds many events
    vague = part == "partial" or not (a.complete and b.complete) or not (a.dated or b.dated) or coarse
    if vague and not support:
        return None
    return (part == "exact") + time_fit(a, b) + 0.5 * min(who, 2) + 0.5 * (where == "same") + sim


def time_fit(a: Report, b: Report) -> float:
    """How much of the narrower interval the other allows: 1 for the same day, or a day inside
    a month; 0 for neighbouring days."""
    common = (min(a.hi, b.hi) - max(a.lo, b.lo)).days + 1
    return max(common, 0) / min((a.hi - a.lo).days + 1, (b.hi - b.lo).days + 1)
