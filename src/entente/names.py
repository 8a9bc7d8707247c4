"""How a name is written, and the key that says who it names across stories.

Pure rules, no database and no spaCy: the store's registry (store/registry.py) calls
them and keeps only the SQL. A key is content-derived, so the same actor gets the same
key whatever the order stories arrive in:

* a state is its country code (``state:CHN``);
* a person with a full name is ``person:<given> <surname>`` after folding accents,
  dropping dots, middle initials, leading titles and honorifics and trailing Jr/Sr, and
  mapping a familiar first name to its formal one ("President Donald J. Trump" = "Donald
  Trump", "Jim Risch" = "James Risch"); the country is not part of it;
* a bare surname is ``person:<surname>@<country>``: the registry joins it to the one
  compatible full name that carries it (`surname_fits`), or keeps it apart;
* an organisation is its normalised name without a leading reference to its own
  country ("U.S. State Department" = "State Department" for a USA actor); generic
  institution names ("Parliament") carry their country, and without one stay in their story;
* an acronym-named organisation whose story spells the full name out is keyed by the
  full name; an acronym alone is ``org:<acronym>``;
* a description rather than a name ("State Department spokesperson", "air force")
  names no one across stories and is keyed within its story (``…#<story id>``).

Title words come from the one codebook definition (ontology/data/actors/titles.json, and
any user codebook over it): every word of its title heads, modifiers, honorifics and
offices. No name-parsing package: nameparser (LGPL) brings its own title list (a second
definition), reads romanised surname-first names given name first ("Kim Jong Un": family
"Un") and capitalised surnames as credentials ("Jack MA"), and maps no familiar first
names; what the keys need is the few rules below, with the country deciding surname order.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from types import MappingProxyType
from typing import Iterable, Optional

from entente.model import Actor, Agreement
from entente.ontology import codebook

_NON_WORD = re.compile(r"[^\w\s-]")


def name_key(name: str) -> str:
    """A loose key of any name: no punctuation or possessive, case-folded."""
    return " ".join(_NON_WORD.sub("", name.replace("’", "'").replace("'s", "")).split()).casefold()


def fold(text: str) -> str:
    """Straight apostrophes, no accents ("Erdoğan" -> "Erdogan")."""
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def words(name: str) -> list[str]:
    """The words of a name, accents folded, dots and possessives dropped, hyphens kept."""
    s = fold(name)
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", " ")
    return [w for w in re.sub(r"[^\w\s'-]", " ", s).split() if w.strip("'-")]


# -- people ----------------------------------------------------------------------------
def title_words() -> frozenset[str]:
    """Words that open a title, not a name ("President", "Sen.", "Secretary of State"): every
    word of the codebook's title phrases (heads, modifiers, honorifics, offices)."""
    return _title_words(_Same(codebook.get()))


class _Same:
    """A cache key that is one object (the codebook, which is unhashable) and keeps it alive,
    so that a codebook configured anew is a new key."""
    __slots__ = ("obj",)

    def __init__(self, obj: object):
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


@functools.lru_cache(maxsize=4)
def _title_words(cb: _Same) -> frozenset[str]:
    book = cb.obj
    phrases = (*book.honorifics, *book.title_modifiers, *book.legislative_heads,
               *book.title_heads, *book.title_countries)
    return frozenset(w.casefold() for p in phrases for w in words(p))


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A familiar first name is the same person ("Jim Risch" = "James Risch", "Joe Biden" = "Joseph R. Biden").
# One formal name each: a nickname that may stand for several ("Al") is not here.
NICKNAMES = MappingProxyType({
    "jim": "james", "jimmy": "james", "jamie": "james", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "joe": "joseph", "tom": "thomas",
    "tony": "anthony", "dick": "richard", "rick": "richard", "rich": "richard", "dan": "daniel", "danny": "daniel",
    "dave": "david", "steve": "stephen", "ben": "benjamin", "ted": "edward",
    "ed": "edward", "ron": "ronald", "don": "donald", "chuck": "charles", "charlie": "charles", "pete": "peter",
    "nick": "nicholas", "matt": "matthew", "andy": "andrew", "greg": "gregory", "jeff": "jeffrey",
    "ken": "kenneth", "larry": "lawrence", "liz": "elizabeth", "beth": "elizabeth", "sue": "susan",
})
# Countries whose people English news names surname first: a bare "Xi" is the first word of "Xi Jinping".
SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM", "MNG"})


def is_description(name: str) -> bool:
    """'State Department spokesperson', 'air force': no proper name at the end."""
    ws = words(name)
    return not ws or not any(ch.isupper() for ch in ws[-1])


def person_tokens(name: str) -> list[str]:
    """The identifying words of a person's name: no titles, initials, dots or suffixes, a
    familiar first name made formal. Word order is kept as written: whether the surname is
    first depends on the person's country (`surname_fits`)."""
    titles = title_words()
    ws = [w.casefold() for w in words(name)]
    while len(ws) > 1 and ws[0] in titles:
        ws = ws[1:]
    while len(ws) > 1 and ws[-1] in SUFFIXES:
        ws = ws[:-1]
    if len(ws) > 2:
        inner = [w for w in ws[1:-1] if len(w) > 1]
        ws = [ws[0], *inner, ws[-1]]
    if len(ws) > 1 and len(ws[0]) == 1:
        ws = ws[1:]
    if len(ws) > 1:
        ws[0] = NICKNAMES.get(ws[0], ws[0])
    return ws


def starts_with_title(name: str) -> bool:
    ws = words(name)
    return bool(ws) and ws[0].casefold() in title_words()


def surname_fits(full_key: str, surname: str, countries: Iterable[Optional[str]], country: Optional[str]) -> bool:
    """May a bare `surname` of `country` name the person of this full-name key, whose actors
    have `countries`? The surname is the last word, or the first for surname-first
    countries; a surname of a known country never joins a person of no known country."""
    ws = full_key[len("person:"):].split()
    known = {c for c in countries if c}
    last = ws[-1] == surname
    first = ws[0] == surname and bool(known & SURNAME_FIRST or country in SURNAME_FIRST)
    return (last or first) and (country is None or country in known)


def short_forms(full_key: str) -> set[str]:
    """The bare surnames a full-name key may be referred to by (first and last word)."""
    ws = full_key[len("person:"):].split()
    return {ws[0], ws[-1]}


def is_full_person(key: str) -> bool:
    return key.startswith("person:") and "@" not in key and "#" not in key


def is_short_person(key: str) -> bool:
    """A bare surname's key, ``person:<surname>@<country>``."""
    return key.startswith("person:") and "@" in key and "#" not in key


def surname(key: str) -> str:
    return key[len("person:"):].split("@", 1)[0]


_PRONOUNS = frozenset("he him his she her hers they them their theirs it its we us our i me my you your".split())


def aliases(actor: Actor) -> set[str]:
    """The names a story uses for the actor: capitalised mentions, not pronouns or
    descriptions ('He', 'The two presidents')."""
    def name_like(text: str) -> bool:
        ws = text.split()
        if not ws or not text[:1].isupper() or ws[0].casefold() in _PRONOUNS:
            return False
        return ws[0].casefold() != "the" or any(w[:1].isupper() for w in ws[1:])
    return {actor.name} | {m.text for m in actor.mentions if name_like(m.text)}


def name_rank(name: str, count: int) -> tuple:
    """Sort key of the names an entity goes by, best first: a full name (not a surname or an
    acronym), the most frequent, untitled, the longest, then alphabetical."""
    full = len(person_tokens(name)) > 1 and not acronym(name)
    return (not full, -count, starts_with_title(name), -len(name), name)


def best_name(names: Counter) -> Optional[str]:
    return min(names, key=lambda n: name_rank(n, names[n])) if names else None


# -- organisations -------------------------------------------------------------------
# Organisation words that name an institution, not which one ("the High Court").
GENERIC = frozenset("""
parliament senate house congress cabinet council commission court supreme high constitutional
appeals appeal federal district national assembly ministry foreign interior defense defence justice
party communist government police army military air force navy department state central command
mission office presidency administration treasury of the and for security intelligence agency
general statistics public representatives people people's
""".split())
# How a name refers to its own country where the gazetteer's names do not cover it.
_SELF = MappingProxyType({
    "USA": frozenset({"us", "u s", "united states"}),
    "IGO": frozenset({"un", "u n", "united nations"}),
    "GBR": frozenset({"uk", "u k", "britain", "great britain", "united kingdom"}),
})


def _country_prefix(ws: list[str], country: Optional[str]) -> int:
    """How many leading words name the actor's own country ('U.S.', "Kenya's")."""
    if not country or len(ws) < 2:
        return 0
    low = [w.casefold() for w in ws]
    for n in (3, 2, 1):
        if len(low) <= n:
            continue
        if country in _SELF:
            if " ".join(low[:n]) in _SELF[country]:
                return n
            continue
        from entente.ontology import gazetteer

        p = gazetteer.place(" ".join(ws[:n]))
        if p is not None and p.kind == "country" and p.country == country:
            return n
    return 0


def org_words(name: str, country: Optional[str]) -> list[str]:
    """An organisation's words without a leading 'the' or reference to its own country."""
    ws = words(name)
    if ws and ws[0].casefold() == "the":
        ws = ws[1:]
    ws = ws[_country_prefix(ws, country):]
    return [w.casefold() for w in ws]


_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z&])+\.?|[A-Z][A-Z]+[a-z]?[A-Z]*")
_STOP = frozenset({"of", "the", "and", "for", "de", "la", "du", "des", "on", "in", "to", "a", "et", "d"})


def acronym(text: str) -> Optional[str]:
    """'U.N.' -> 'UN', 'ICJ' -> 'ICJ'; None unless the text looks like an acronym."""
    text = text.strip()
    if not _ACRONYM.fullmatch(text) or len(text.replace(".", "")) < 2:
        return None
    return text.replace(".", "").upper()


def _parts(name: str) -> list[str]:
    return [p for w in words(name) for p in re.split(r"[-']", w) if p]


def initials(name: str) -> set[str]:
    """The name's initials, with and without its stop words ('Court of Justice': CJ, COJ)."""
    parts = _parts(name)
    if len(parts) < 2:
        return set()
    full = "".join(p[0] for p in parts).upper()
    short = "".join(p[0] for p in parts if p.casefold() not in _STOP).upper()
    return {full, short}


def _spells(acr: str, parts: list[str]) -> bool:
    """Every word but a stop word gives the next letter(s) from its start on, in order:
    ASEAN = ASsociation of South East Asian Nations, OECD, UNICEF."""
    if not parts:
        return not acr
    word, rest = parts[0].casefold(), parts[1:]
    if word in _STOP and _spells(acr, rest):
        return True
    if not acr or acr[0].casefold() != word[0]:
        return False

    def inside(a: str, w: str) -> bool:  # the initial taken, maybe more letters from later in the word
        if _spells(a, rest):
            return True
        return any(a and w[i] == a[0].casefold() and inside(a[1:], w[i + 1:]) for i in range(len(w)))
    return inside(acr[1:], word[1:])


def acronym_of(acr: str, name: str, text: str = "") -> bool:
    """Does the story tie the acronym to the name: 'Name (ACR)', or the name's letters?"""
    if acr in initials(name):
        return True
    parts = _parts(name)
    if 2 <= len(parts) <= 8 and len(acr) <= 8 and _spells(acr, parts):
        return True
    return bool(text) and re.search(re.escape(name) + r"\s*\(\s*" + re.escape(acr) + r"\s*\)", text) is not None


def spelled_by(acr: str, names: Iterable[str], text: str = "") -> bool:
    """Does one of these names (not itself an acronym) spell the acronym out?"""
    return any(not acronym(n) and acronym_of(acr, n, text) for n in names)


def org_acronyms(actor: Actor, text: str) -> set[str]:
    """Acronyms the story ties to this organisation's full name."""
    names = [n for n in aliases(actor) if not acronym(n)]
    out = set()
    for m in aliases(actor):
        acr = acronym(m)
        if acr and any(acronym_of(acr, n, text) for n in names):
            out.add(acr)
    for n in names:  # 'Organization for Economic Cooperation and Development (OECD)'
        for found in re.finditer(re.escape(n) + r"\s*\(\s*([A-Z][A-Z.&]*[A-Z]\.?)\s*\)", text or ""):
            acr = acronym(found.group(1))
            if acr:
                out.add(acr)
    return out


def acronym_key(acr: str) -> str:
    return "org:" + acr.casefold()


def _canonical_org_name(actor: Actor, text: str = "") -> str:
    """An acronym-named organisation whose story gives the full name is keyed by the full name."""
    acr = acronym(actor.name)
    if acr:
        for m in sorted({m.text for m in actor.mentions}, key=lambda x: (-len(x), x)):
            if not acronym(m) and acronym_of(acr, m, text):
                return m
    return actor.name


# -- keys ----------------------------------------------------------------------------
def entity_key(actor: Actor, story_id: str = "", text: str = "") -> str:
    """The registry key of an actor of story `story_id` whose text is `text` (see the module doc)."""
    if actor.kind == "state" and actor.country:
        return f"state:{actor.country}"
    country = actor.country or "-"
    if actor.kind == "person":
        if is_description(actor.name):
            return f"person:{name_key(actor.name)}@{country}#{story_id}"
        toks = person_tokens(actor.name)
        if len(toks) == 1:
            return f"person:{toks[0]}@{country}"
        return "person:" + " ".join(toks)
    if actor.kind in ("organization", "igo"):
        name = _canonical_org_name(actor, text)
        acr = acronym(name)
        if acr:
            return acronym_key(acr)
        if is_description(name):
            return f"org:{name_key(name)}@{country}#{story_id}"
        ws = org_words(name, actor.country)
        norm = " ".join(ws) or name_key(name)
        if all(w in GENERIC for w in ws):
            return f"org:{norm}@{country}" + ("" if actor.country else f"#{story_id}")
        return f"org:{norm}"
    return f"{actor.kind}:{name_key(actor.name)}"


def agreement_key(agreement: Agreement) -> str:
    name = re.sub(r"\s*\([A-Z]{2,}\)\s*", " ", agreement.name)
    return name_key(name) + "|" + ",".join(sorted(agreement.parties))
