"""People and their titles: "India's Ambassador to China, Pradeep Kumar Rawat",
"US Secretary of State Marco Rubio", "Spokesperson Tommy Pigott", "Ambassador
Perdue", "Mr. Smith". Titles never become part of a name or an organisation;
the title gives the role and sector, the words before it the country."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.symbols import NOUN, PROPN

from entente import doc_cache
from entente.ontology import language
from entente.ontology.codebook import Codebook, norm
from entente.sentences import sentence

from .detect import Match
from .places import place_before
from .titles import Title, posting_after, strip_name, title_ending_at


@dataclass
class PersonMention:
    start: int
    end: int
    link_start: int
    link_end: int
    name: str
    title: Optional[Title] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    source: str = ""     # where the country came from
    unnamed: bool = False  # a title with a country and no name ("the British minister")
    extra_links: list = field(default_factory=list)   # title tokens apart from the name


def country_before(doc, start: int, matches_by_end: dict[int, Match]) -> Optional[Match]:
    """The state/adjective/capital/organisation just before token `start` ("US", "India's", "US State Department")."""
    m = matches_by_end.get(start)
    if m is None and start >= 1 and doc[start - 1].lower_ in ("'s", "’s", "'"):
        m = matches_by_end.get(start - 1)
    if m is None and start >= 1 and doc[start - 1].text == "-":  # "US-based"
        return None
    return m


PARTY_KINDS = ("state", "adjective", "capital", "organization", "igo")


@dataclass
class Context:
    doc: object
    cb: Codebook
    by_start: dict
    by_end: dict
    on: Optional[str]     # the story's reference date, ISO
    claimed_country: set = field(default_factory=set)
    toks: list = field(default_factory=list)


def _sent_bounds(tok) -> tuple[int, int]:
    s = sentence(tok)
    return s.start, s.end


DIPLOMATIC_HEADS = language.words("entities", "diplomatic_heads")


def _party_country(ctx: Context, p: PersonMention, start: int) -> None:
    """"Republican Representative Michael McCaul": a party name before a legislator's title."""
    k = start - 1
    if k >= 0 and p.title is not None and p.title.head in ctx.cb.legislative_heads:
        c = ctx.cb.party_countries.get(norm(ctx.doc[k].text))
        if c:
            p.country, p.source = c, "party"


# Occupations whose sector holds whatever organisation employs them ("VOA White House correspondent").
OWN_SECTOR = frozenset({"MED", "EDU", "HLH", "JUD"})


def country_back(ctx: Context, start: int) -> tuple[Optional[Match], bool]:
    """The party whose official a title before `start` names, walking back over title modifiers,
    organisation names without a country and an IGO ("British Deputy U.N. Ambassador", "China's
    U.N. ambassador", "Taliban Foreign Ministry spokesman"); and whether an IGO was passed."""
    doc, k, igo = ctx.doc, start, False
    first = None
    for _ in range(8):
        m = country_before(doc, k, ctx.by_end)
        if m is not None:
            first = first or m
            if m.entry.kind == "igo":
                igo, k = True, m.start
                continue
            if m.entry.kind == "organization" and not m.entry.country:
                k = m.start
                continue
            return (m if m.entry.kind in PARTY_KINDS and m.entry.country else first), igo
        if k - 1 >= 0 and (norm(doc[k - 1].text) in ctx.cb.title_modifiers or
                           (doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ in ("PROPN", "NOUN")
                            and doc[k - 1].ent_type_ not in ("PERSON", "DATE"))):
            k -= 1
            continue
        break
    return first, igo


def _apply_country(ctx: Context, p: PersonMention, start: int) -> None:
    m, igo = country_back(ctx, start)
    if m is not None and m.entry.kind not in ("igo", "organization") and m.entry.country and igo:
        # an official of a state serving at an IGO: the state's, posted to the IGO
        if p.title is not None and p.title.head in DIPLOMATIC_HEADS:
            p.title.posted_to = p.title.posted_to or "IGO"
        p.country, p.source = m.entry.country, "title"
        if p.sector in (None, "IGO"):
            p.sector = "GOV"
        return
    if m is None:
        _party_country(ctx, p, start)
        return
    if m.entry.kind not in PARTY_KINDS or not m.entry.country:
        return
    p.country = m.entry.country
    p.source = "title"
    if p.sector in OWN_SECTOR:
        return
    if m.entry.kind in ("organization", "igo") and m.entry.sector:
        p.sector = m.entry.sector if m.entry.kind == "organization" else "IGO"


def _title_after(ctx: Context, e: int, sent_end: int) -> Optional[Title]:
    """"Pradeep Kumar Rawat, India's ambassador to China," -> the title after the name."""
    doc, cb = ctx.doc, ctx.cb
    best = None
    k = e + 1
    while k < min(sent_end, e + 9):
        t = doc[k]
        if t.text in (",", ";", "(", ")") or t.pos_ in ("VERB", "AUX"):
            break
        cand = title_ending_at(doc, cb, k + 1, e + 1, ctx.claimed_country)
        if cand is not None:
            lead = doc[e + 1:cand.start]
            ok = all(x.lower_ in ("the", "a", "an", "'s", "’s", "then", "former") or x.i in ctx.claimed_country
                     or x.ent_type_ in ("GPE", "LOC") for x in lead)   # "Ontario's provincial leader"
            if ok:
                best = cand
        k += 1
    return best


PARTICLES = language.words("entities", "name_particles")


def _extend_name(doc, e: int) -> int:
    """"Mohammed Shia" + "al-Sudani": the NER often stops at a name particle."""
    n = len(doc)
    if e + 1 < n and doc[e].text in ("-", "‑") and not doc[e - 1].whitespace_ and not doc[e].whitespace_ \
            and doc[e + 1].is_alpha and doc[e + 1].is_lower:
        e += 2   # "Tsai Ing" + "-wen"
    while e + 1 < n and doc[e].lower_ in PARTICLES:
        k = e + 1
        if doc[k].text in ("-", "‑") and k + 1 < n:
            k += 1
        if doc[k].text[:1].isupper():
            e = k + 1
        else:
            break
    return e


def _is_place(name: str) -> bool:
    from entente.ontology import gazetteer

    p = gazetteer.place(name)
    return p is not None and p.kind == "city" and len(name.split()) > 1


def _appositive_title(ctx: Context, title, s: int, e: int, sent_start: int, sent_end: int, used_titles: set, links: list):
    """A title set off by commas before the name (or its title), or after the name."""
    doc, cb = ctx.doc, ctx.cb
    # "India's Ambassador to China, Pradeep Kumar Rawat"; "Pakistan's army chief, General Asim Munir"
    complement = None
    c = (title.start if title is not None else s) - 1
    if c > sent_start and doc[c].text == ",":
        t = title_ending_at(doc, cb, c, sent_start, ctx.claimed_country)
        if t is None:
            cm = ctx.by_end.get(c)
            if cm is not None and cm.entry.country:
                k2 = cm.start - 1
                if k2 >= 0 and doc[k2].lower_ == "the":
                    k2 -= 1
                if k2 >= 0 and doc[k2].lower_ in language.words("entities", "title_complement_preps"):
                    # "India's Ambassador to China, …", "the spokesperson for Pakistan's Ministry of …, …"
                    t = title_ending_at(doc, cb, k2, sent_start, ctx.claimed_country)
                    if t is not None and doc[k2].lower_ in language.words("entities", "title_body_preps") and cm.entry.kind in PARTY_KINDS:
                        complement = cm
        if t is not None and t.start not in used_titles:
            title = t
            links.append((t.start, t.end))
            if complement is not None and complement.entry.country:
                title.of_country = complement.entry.country
    if title is None and e < sent_end and doc[e].text == ",":
        t = _title_after(ctx, e, sent_end)
        if t is not None:
            title = t
            links.append((t.start, t.end))
    return title


def _title_serving_country(ctx: Context, k: int, sent_start: int) -> Optional[Title]:
    """A title whose complement is a country just before the name ("U.N. Resident Coordinator for
    Peru Lena Berg", "Special Envoy to Sudan Tom Hale"): the country is where they serve, not theirs."""
    m = ctx.by_end.get(k)
    if m is None or m.entry.kind not in ("state", "capital") or not m.entry.country:
        return None
    p = m.start - 1
    if p - 1 < sent_start or ctx.doc[p].lower_ not in COMPLEMENT_PREPS:
        return None
    t = title_ending_at(ctx.doc, ctx.cb, p, sent_start, ctx.claimed_country)
    if t is None:
        return None
    t.posted_to, t.post_start, t.post_end = m.entry.country, m.start, k
    return t


COMPLEMENT_PREPS = language.words("entities", "title_complement_preps")


def _posting_inside(ctx: Context, title: Title) -> None:
    """"Special Envoy for Syria", "Resident Coordinator for Peru": a title ending in "for <country>"
    serves that country ("President of France" is France's own)."""
    for i in range(title.start + 1, title.end - 1):
        if ctx.doc[i].lower_ == "for":
            m = ctx.by_start.get(i + 1)
            if m is not None and m.end == title.end and m.entry.kind in ("state", "capital") and m.entry.country:
                title.posted_to, title.post_start, title.post_end = m.entry.country, m.start, m.end
            return


def named_by_who(ctx: Context, person_spans) -> list[tuple[int, int]]:
    """Names the NER called organisations that a "who" clause shows are people ("Lena Berg, who
    heads a local rights group"), and their other mentions under the same name or surname."""
    doc, cb = ctx.doc, ctx.cb
    ents = [e for e in doc_cache.ents(doc) if e.label_ == "ORG"]
    names: set[str] = set()
    for e in ents:
        if not 2 <= len(e) <= 3 or e.end + 1 >= len(doc) or doc[e.end].text != "," \
                or doc[e.end + 1].lower_ != "who" or e.start in ctx.by_start:
            continue
        if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() and norm(t.text) not in cb.agents
               for t in e):
            names.update((e.text, e[-1].text))
    if not names:
        return []
    taken = {i for s, e in person_spans for i in range(s, e)}
    return [(e.start, e.end) for e in ents if e.text in names and e.start not in taken]


def find_people(ctx: Context, persons: list[tuple[int, int]]) -> list[PersonMention]:
    """Person mentions with title, country and sector. `persons`: PERSON entity spans."""
    doc, cb = ctx.doc, ctx.cb
    ctx.claimed_country = {i for m in ctx.by_start.values() if m.entry.kind in PARTY_KINDS for i in range(m.start, m.end)}
    out: list[PersonMention] = []
    used_titles: set[int] = set()
    seen: set[int] = set()
    spans = list(persons)
    # A capitalised title followed by capitalised proper nouns the NER missed ("Ambassador Rawat").
    ent_tokens = {i for s, e in spans for i in range(s, e)}
    toks, words = ctx.toks or doc_cache.tokens(doc), doc_cache.texts(doc)
    for i in doc_cache.upper_initial(doc):
        if i in ent_tokens or norm(words[i]) not in cb.title_heads:
            continue
        tok = toks[i]
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and j not in ctx.claimed_country and norm(doc[j].text) not in cb.title_heads \
                and norm(doc[j].text) not in cb.title_modifiers and doc[j].ent_type_ not in ("DATE", "ORG", "NORP", "EVENT", "LAW"):
            j += 1
        if j > tok.i + 1:
            spans.append((tok.i + 1, j))
            ent_tokens.update(range(tok.i + 1, j))
    for s0, e0 in sorted(spans):
        s, e, inner = strip_name(doc, cb, s0, e0)
        e = _extend_name(doc, e)
        if e <= s or s in seen:
            continue
        if e - s == 1 and inner is None and (doc[s].tag_ in ("NNPS", "NNS") or (doc[s].is_upper and len(doc[s]) > 1)) \
                and not (s > 0 and norm(doc[s - 1].text) in cb.title_heads):
            continue  # "Alawites" is a people, "NISA" an acronym: not persons
        if inner is None and not (s > 0 and norm(doc[s - 1].text) in cb.title_heads) and _is_place(doc_cache.span_text(doc, s, e)):
            continue  # "Bandar Abbas"
        if inner is None and _not_a_person(doc, cb, s, e, ent_tokens):
            continue
        m = ctx.by_start.get(s)
        if m is not None and m.end >= e and m.entry.kind in PARTY_KINDS:
            continue  # the NER called a country or an organisation a person
        if all(norm(w) in cb.title_heads or norm(w) in cb.title_modifiers for w in words[s:e]):
            continue
        seen.add(s)
        sent_start, sent_end = _sent_bounds(doc[s])
        name = doc_cache.span_text(doc, s, e)
        p = PersonMention(s, e, s, e, name)
        title = inner
        k = s
        while k - 1 >= sent_start and norm(doc[k - 1].text) in cb.honorifics:
            k -= 1
        if title is None:
            title = title_ending_at(doc, cb, k, sent_start, ctx.claimed_country)
        if title is None:
            title = _title_serving_country(ctx, k, sent_start)
        elif title.posted_to is None:
            _posting_inside(ctx, title)
        links = []
        adjacent = title
        if title is not None:
            p.start = p.link_start = min(title.start, s)
        # "India's Ambassador to China, Pradeep Kumar Rawat"; "Pakistan's army chief, General Asim Munir"
        title = _appositive_title(ctx, title, s, e, sent_start, sent_end, used_titles, links)
        if title is not None:
            used_titles.add(title.start)
            posting_after(doc, title, ctx.by_start)
            p.title = title
            p.sector = title.sector
            _apply_country(ctx, p, title.start)
            if adjacent is not None and adjacent is not title:
                # the appositive gave the country; the title before the name stays the role
                used_titles.add(adjacent.start)
                posting_after(doc, adjacent, ctx.by_start)
                p.title = adjacent
                if p.country is None:
                    _apply_country(ctx, p, adjacent.start)
            if p.country is None and title.of_country:
                p.country, p.source = title.of_country, "title"
            if p.country is None:
                # "President of the European Commission", "Minister of State for India"
                for i in range(title.start, title.post_start or title.end):
                    m = ctx.by_start.get(i)
                    if m is not None and m.entry.country and m.entry.kind in PARTY_KINDS:
                        p.country, p.source = m.entry.country, "title"
                        if m.entry.kind == "igo":
                            p.sector = "IGO"
                        break
        if p.country is None and e + 1 < len(doc) and doc[e].lower_ in language.words("entities", "origin_preps"):
            m = ctx.by_start.get(e + 1)
            if m is None and doc[e + 1].lower_ == "the":
                m = ctx.by_start.get(e + 2)   # "Maria Ressa from the Philippines"
            if m is not None and m.entry.kind in ("state", "capital") and m.entry.country:
                p.country, p.source = m.entry.country, "of"
        if p.country is None and title is None:
            _apply_country(ctx, p, s)
            if p.country is None:
                # "Israeli right-winger Ariel Sharon": a country word a few common words before
                for back in range(1, 4):
                    b = s - back
                    if b <= sent_start or doc[b].pos_ not in ("NOUN", "ADJ") or doc[b].text[:1].isupper():
                        break
                    m = ctx.by_end.get(b)
                    if m is not None and m.entry.kind in ("state", "adjective") and m.entry.country:
                        p.country, p.source = m.entry.country, "modifier"
                        break
        if p.country is None and title is not None:
            # "Central Java Governor Ganjar Pranowo", "Texas Governor": a place of the gazetteer before the title
            iso = place_before(doc, title.start, ctx.claimed_country)
            if iso:
                p.country, p.source = iso, "place"
        if p.country is None and title is not None:
            tc = cb.title_countries.get(norm(title.text))
            if tc:
                p.country, p.source = tc, "title-default"
        known = cb.named_actor(name, ctx.on) if (e - s > 1 or title is not None) else None
        if known is not None:
            if p.country is None and known[0]:
                p.country, p.source = known[0], "dictionary"
            if p.sector is None and known[1] and p.country == known[0]:
                p.sector = known[1]
        p.extra_links = links
        out.append(p)
    return out


def unnamed_officials(ctx: Context, taken: set[int]) -> list[PersonMention]:
    """Titles with a country but no name: "the British minister", "Qatar's emir"."""
    doc, cb = ctx.doc, ctx.cb
    out = []
    words = doc_cache.texts(doc)
    for tok in doc_cache.tokens_with_pos(doc, NOUN, PROPN):
        if tok.i in taken or norm(words[tok.i]) not in cb.title_heads:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper():
            continue
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].text == "-" or norm(doc[tok.i + 1].text) in cb.title_heads):
            continue  # "secretary-general", "prime minister": the longer title ends later
        sent_start = sentence(tok).start
        t = title_ending_at(doc, cb, tok.i + 1, sent_start, ctx.claimed_country)
        if t is None:
            continue
        m, igo = country_back(ctx, t.start)
        if m is None or not m.entry.country or m.entry.kind not in PARTY_KINDS:
            continue
        posting_after(doc, t, ctx.by_start)
        if igo and m.entry.kind != "igo" and t.head in DIPLOMATIC_HEADS:
            t.posted_to = t.posted_to or "IGO"
        sector = "IGO" if m.entry.kind == "igo" else (m.entry.sector if m.entry.kind == "organization" and m.entry.sector else t.sector)
        p = PersonMention(m.start, t.end, t.start, t.end, doc_cache.span_text(doc, m.start, t.end), t, m.entry.country,
                          sector, "title", unnamed=True)
        p.extra_links = []
        out.append(p)
        taken.update(range(t.start, t.end))
    return out


# Common nouns after a name that make it a place ("the Dasht-e-Barchi neighborhood").
PLACE_NOUNS = language.words("entities", "place_nouns")


# Names of social platforms ("on Twitter and Instagram"): the NER may read them as people.
PLATFORMS = frozenset(p for p in language.table("channels")["platforms"] if len(p) > 1)


def _not_a_person(doc, cb: Codebook, s: int, e: int, ent_tokens) -> bool:
    """PERSON spans of the NER that are not people: a place ("Beledweyne District", "Kabul's western
    Dasht-e-Barchi neighborhood"), an affiliation before a person ("Cornell's Casanova"), an ethnic
    modifier ("Baloch separatist groups"), a social platform ("posted on Instagram")."""
    last = doc[e - 1]
    if doc_cache.span_text(doc, s, e).lower() in PLATFORMS:
        return True
    if e - s > 1 and last.lower_ in PLACE_NOUNS and last.text[:1].isupper():
        return True
    for a in (s - 1, s):   # "DR Congo" read as "Dr. Congo": the codebook names a state
        entry = cb.lookup(doc_cache.span_text(doc, a, e)) if a >= 0 else None
        if entry is not None and entry.kind in ("state", "capital", "adjective"):
            return True
    if any(t.is_alpha and t.is_lower and t.lower_ not in PARTICLES
           and not (t.i > s and doc[t.i - 1].text in ("-", "‑") and not doc[t.i - 1].whitespace_)
           for t in doc_cache.tokens(doc)[s:e]):
        return True   # "wan-wan": a name is capitalised
    if e - s == 1 and s > 0 and doc[s - 1].lower_ == "the" and doc[s - 1].ent_type_ != "PERSON" \
            and doc[s].dep_ not in ("compound", "poss", "nmod", "amod"):
        return True   # "The Charter calls on" (but "the Biden administration")
    root = doc_cache.span_root(doc, s, e)
    if root.dep_ == "pobj" and root.head.lower_ in language.words("entities", "located_preps") and not _named_in_full(doc, doc[e - 1]) \
            and not (s > 0 and doc[s - 1].lower_ in ("'s", "’s")):
        return True   # "a jetty in Agalega": people are not "in" somewhere named like this
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and nxt.lower_ in PLACE_NOUNS and nxt.pos_ == "NOUN" and last.head.i == nxt.i:
        return True
    if _place_of(root):
        return True   # "the towns of Bocaranga and Bazoum": places, whoever else bears the name
    if nxt is not None and nxt.lower_ in ("'s", "’s") and e + 1 < len(doc) and (e + 1) in ent_tokens \
            and doc[e + 1].ent_type_ == "PERSON":
        return True
    if e - s == 1 and last.dep_ in ("compound", "amod", "nmod") and norm(last.text) not in cb.surnames:
        h = last.head
        while h.dep_ in ("compound", "amod") and h.head.i > h.i and h.head.i - last.i < 4:
            h = h.head
        if h.tag_ == "NNS" and h.i > last.i and h.i - last.i < 4 and not _named_in_full(doc, last):
            return True   # ... unless the story names that person in full ("Donald Trump" ... "Trump officials")
    return False


def _place_of(root) -> bool:
    """Is the name the object of "of" after a place noun, or joined to one that is ("the town of X",
    "the towns of X and Y"; not "the camp of X", a political camp)?"""
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    owner = root.head.head
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in PLACE_NOUNS and owner.lemma_.lower() != "camp"


def _named_in_full(doc, tok) -> bool:
    """Does the story name a person in full whose surname is this token ("Donald Trump" ... "Trump")?"""
    return any(x.label_ == "PERSON" and len(x) > 1 and x[-1].lower_ == tok.lower_ for x in doc_cache.ents(doc))
