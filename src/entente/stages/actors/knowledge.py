"""General knowledge about people the story does not introduce: the bundled, dated office-holders
knowledge base (`entente.ontology.office_holders`, from Wikidata) gives a person's country, sector
and office when the text gives none. The text always wins; the story's publication date picks the
office holder.

A one-word name ("Putin", "Erdogan", "Lavrov") is looked up only at the story's date and only for
heads of state and government and foreign ministers, whom news names by surname alone; a full name
is looked up at the date, else at any date (the person's country stays theirs after they leave
office).
"""
from __future__ import annotations

from entente.ontology import language

from typing import Optional

from spacy.symbols import NOUN, PROPN

from entente import doc_cache
from entente.doc_cache import children

from entente.ontology import office_holders
from entente.sentences import sentence, window_start

from entente.entities import main_country

from .drafts import Drafts

SURNAME_OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})


def lookup(name: str, on: Optional[str]) -> Optional[office_holders.Holder]:
    words = name.replace(".", " ").split()
    if len(words) >= 2:
        return office_holders.person(name, on) or office_holders.person(name, None)
    h = office_holders.person(name, on) if on else None
    return h if h is not None and h.office in SURNAME_OFFICES else None


def _leader_of_the_day(name: str, on: Optional[str]) -> bool:
    """Is the name a head of state or government or a foreign minister in office on the date (whom
    news names without naming their state)?"""
    h = office_holders.person(name, on) if on else None
    return h is not None and h.office in SURNAME_OFFICES


def complete_people(reg: Drafts, on: Optional[str], place_countries: frozenset | set = frozenset()) -> None:
    """Country, sector and office of the people the text places nowhere, from the knowledge base.
    A leader or foreign minister in office on the story's date is that office holder; anyone else only
    when the story names the state, as a party or by a place in it (else it is someone else of the
    same name: "Michael Martin", a defendant's lawyer, is no former Speaker of the Commons)."""
    named = {d.country for d in reg.drafts.values() if d.kind != "person" and d.country and d.mentions}
    named |= set(place_countries)
    for d in reg.drafts.values():
        if d.kind != "person" or (d.country and d.sector):
            continue
        h = lookup(d.name, on)
        if h is None or h.country not in named and h.country != "IGO" and not _leader_of_the_day(d.name, on):
            continue
        d.country = d.country or h.country
        d.sector = d.sector or h.sector
        if not d.role:
            d.role = h.title


NAME_POS = frozenset({PROPN, NOUN})
NOT_PEOPLE_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})


def leaders_by_surname(doc, on: Optional[str], person_spans) -> list[tuple[int, int]]:
    """One-word names the NER missed that are the surname of a head of state or government in
    office on the story's date ("Modi said …" in 2025): person spans."""
    if not on:
        return []
    taken = {i for s, e in person_spans for i in range(s, e)}
    out = []
    from entente.ontology import codebook, gazetteer

    cb = codebook.get()
    # the cached texts and POS ids: only the few candidate words become Token objects
    toks, pos, words = doc_cache.tokens(doc), doc_cache.pos(doc), doc_cache.texts(doc)
    leader: dict[str, bool] = {}   # word -> a leader's surname on that date? (a story repeats its names)
    for i in doc_cache.upper_initial(doc):
        word = words[i]
        # the tagger reads some leaders' names as common nouns ("Trump") or places ("Modi")
        if pos[i] not in NAME_POS or i in taken or not word[1:].islower() or len(word) < 3:
            continue
        t = toks[i]
        if t.ent_type_ in NOT_PEOPLE_LABELS and (t.ent_type_ != "GPE" or cb.lookup(word) is not None
                                                 or gazetteer.place(word) is not None):
            continue
        if i + 1 < len(words) and pos[i + 1] == PROPN or i > 0 and pos[i - 1] == PROPN:
            continue   # part of a longer name
        if word not in leader:
            leader[word] = lookup(word, on) is not None
        if leader[word]:
            out.append((i, i + 1))
    return out


DESCRIPTION_DEPS = frozenset({"poss", "compound", "amod", "npadvmod", "nmod"})
AFFILIATION_PREPS = language.words("entities", "description_preps")
INSTITUTION_WORDS = language.words("entities", "institution_words")


def complete_from_descriptions(doc, reg: Drafts) -> None:
    """A person's country from the words that describe them, through the parse: "the spokesperson
    for Peru's Ministry of Foreign Affairs, Ambassador Ana Ruiz", "UN-appointed special
    rapporteur Tom Berg", "the Kenyan president's press chief, John Otieno", "the prime minister's
    special envoy, Mark Hale"."""
    for d in list(reg.drafts.values()):
        if d.kind != "person" or d.country:
            continue
        for m in d.mentions:
            if m.shared or doc[m.start].pos_ == "PRON":
                continue
            country = _described_country(doc, reg, d, doc_cache.span_root(doc, m.start, m.end))
            if country:
                d.country = country
                break
        if not d.country and d.role:
            d.country = _institution_country(doc, reg, d)
        if not d.country and (d.sector or "") in POLITICAL_SECTORS and not d.posted_to:
            d.country = _context_country(doc, reg, d)   # (a country someone is posted to is not theirs)
    for d in list(reg.drafts.values()):
        if d.kind == "group" and not d.country and (d.sector or "") in POLITICAL_SECTORS:
            d.country = _context_country(doc, reg, d)   # "opposition lawmakers", "security forces"


def _described_country(doc, reg: Drafts, d, root) -> Optional[str]:
    words = [root] + [c for c in children(root) if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.append(root.head)
    found: list[tuple[int, str]] = []   # (rank, country): states and bodies first, then IGOs, then people
    for w in words:
        toks = [t for c in children(w) if c.dep_ in DESCRIPTION_DEPS and c.i < w.i for t in c.subtree]
        toks += [t for p in children(w) if p.dep_ == "prep" and p.lower_ in AFFILIATION_PREPS
                 for g in children(p) if g.dep_ == "pobj" for t in g.subtree]
        for t in toks:
            for k in reg.keys_at(t.i):
                o = reg.drafts.get(k)
                if o is None or o.key == d.key or not o.country or o.country == d.posted_to:
                    continue   # (where they are posted is not their country)
                rank = 2 if o.kind == "person" else (1 if o.country == "IGO" else 0)
                found.append((rank, o.country))
    return min(found)[1] if found else None


POLITICAL_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "OPP"})


def _context_country(doc, reg: Drafts, d) -> Optional[str]:
    """An official or a political body the text gives no country is of the country the story is
    talking about where it appears: the nearest state, or body or person with a country, in its own
    sentence or the two before ("Ilyas Ali Hassan, a member of the upper house, urged the
    president …" in a story about Somalia); else the country the story is about."""
    first = min((m.start for m in d.mentions), default=None)
    if first is None:
        return None
    sent = sentence(doc[first])
    lo = window_start(doc[first], 2)
    best = None
    for o in reg.drafts.values():
        if o.key == d.key or not o.country or o.country == "IGO" or o.kind == "grouping" or o.sector == "MED":
            continue   # the outlet someone talks to ("told VOA") says nothing of where they are from
        for m in o.mentions:
            if lo <= m.start < sent.end and not m.shared:
                dist = abs(m.start - first) + (0 if m.start < first else 5)
                if best is None or dist < best[0]:
                    best = (dist, o.country)
    if best:
        return best[1]
    # the country the story is about, unless the title ties them to a body it cannot place
    # ("WindEurope's public affairs chief")
    if d.kind == "person" and any(doc[i].ent_type_ == "ORG" for m in d.mentions
                                  for i in range(max(0, m.link_start - 2), m.start)):
        return None
    return _main_country(reg)


def _main_country(reg: Drafts) -> Optional[str]:
    return main_country((d.country, len(d.mentions), d.first) for d in reg.drafts.values() if d.kind != "grouping")


def _institution_country(doc, reg: Drafts, d) -> Optional[str]:
    words = {w.strip(".,").lower() for w in d.role.split()} & INSTITUTION_WORDS
    if not words:
        return None
    first = min((m.start for m in d.mentions), default=0)
    best = None
    for o in reg.drafts.values():
        if o.kind not in ("organization", "group") or not o.country:
            continue
        name = {w.strip(".,").lower() for w in o.name.replace("’s", " ").replace("'s", " ").split()}
        if words & name:
            pos = [m.start for m in o.mentions if m.start < first]
            if pos and (best is None or max(pos) > best[0]):
                best = (max(pos), o.country)
    return best[1] if best else None


def owners_missions(doc, reg: Drafts) -> None:
    """"his U.N. mission", "its delegation": a state's body abroad is of the state of the one who
    owns it (coreference has resolved the possessive by now)."""
    for d in reg.drafts.values():
        if d.kind != "group" or d.country or not d.mentions:
            continue
        head = doc[d.mentions[0].end - 1]
        for c in children(head):
            if c.dep_ == "poss" and c.pos_ == "PRON":
                owners = [reg.drafts[k] for k in reg.keys_at(c.i) if k in reg.drafts and k != d.key]
                countries = {o.country for o in owners if o.country and o.country != "IGO"}
                if len(countries) == 1:
                    d.country, d.sector = countries.pop(), d.sector or "GOV"
