"""Stage: actors — every person, state, organisation and grouping in the story,
with country (ISO 3166 alpha-3 or IGO), sector, role, and all its mentions.

Submodules, one job each:
  detect   — codebook names in the text (states, adjectives, capitals, organisations, groupings)
  people   — people and their titles ("US Secretary of State Marco Rubio")
  coref    — one actor per referent: surnames, pronouns, "the two envoys"
  registry — drafts -> the contract's `Actor`s, ids in first-mention order, token links

Writes `analysis.result.actors`, `analysis.result.groupings`, the token index
(`analysis.link_mention`), `analysis.places` (places named, with their country; the entity model
gives the state a place lies in when an event needs it as a party), and `analysis.not_actors`:
country names and demonyms the stage
decided are *not* mentions of a state — part of a longer proper name ("Indian" of "Indian
Ocean") or an attitude ("anti-Pakistan") — so later stages do not make them state actors again.
"""
from __future__ import annotations

from typing import Optional

from entente.analysis import Analysis, Place
from entente.model import Role
from entente.ontology import codebook, gazetteer
from entente.ontology.codebook import norm
from entente.sentences import sentence

from . import coref, descriptions, knowledge
from .detect import agent_sector, codebook_matches, head_noun, inside_place_name, is_place_use
from .people import Context, find_people, place_before, unnamed_officials
from .registry import Registry

# Heads that make "X government" the state itself rather than a separate body.
STATE_HEADS = frozenset({"government", "authorities", "authority", "governments", "administration", "regime", "leadership", "state", "cabinet"})
LEGISLATIVE = frozenset({"house", "senate", "congress", "parliament", "parliamentary", "assembly", "duma", "knesset"})
GENERIC = frozenset({"communist", "socialist", "democratic", "national", "popular", "liberation", "people", "people's",
                     "islamic", "republican", "labour", "labor", "green", "liberal", "conservative", "union", "revolutionary",
                     "united", "federal", "central", "supreme", "high", "new", "free", "workers", "progressive", "party",
                     "council", "court", "front", "movement", "alliance", "congress", "league", "democrats", "republicans"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Heads that are facilities or vehicles, never actors, whatever sector the agents table gives them.
THINGS = frozenset({"base", "bases", "ship", "vessel", "tanker", "plane", "aircraft", "jet", "drone", "submarine",
                    "warship", "carrier", "facility", "site", "prison", "camp", "airport", "port", "station",
                    "neighborhood", "neighbourhood", "news", "media"})


def run(analysis: Analysis) -> None:
    doc = analysis.doc
    cb = codebook.get()
    on = analysis.reference.isoformat() if analysis.reference else None
    reg = Registry(analysis)
    places: list[dict] = []
    not_actors: list[dict] = []

    matches = codebook_matches(doc, cb, reg.toks)
    by_start = {m.start: m for m in matches}
    by_end = {m.end: m for m in matches}
    ctx = Context(doc, cb, by_start, by_end, on)
    ctx.toks = reg.toks

    # -- people ------------------------------------------------------------
    person_spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    people = find_people(ctx, person_spans)
    taken = set()
    for p in people:
        taken.update(range(p.link_start, p.end))
        for a, b in p.extra_links:
            taken.update(range(a, b))
    people += unnamed_officials(ctx, taken)
    people.sort(key=lambda p: p.start)
    clusters = coref.cluster_names([p.name for p in people])
    title_tokens: set[int] = set()
    for p, c in zip(people, clusters):
        lead = people[c]
        key = "p:" + norm(lead.name)
        d = reg.get_or_add(key, name=p.name, kind="person")
        if len(p.name.split()) > len(d.name.split()):
            d.name = p.name
        _merge_person(d, p, on)
        d.unnamed = p.unnamed
        reg.mention(key, p.start, p.end, p.link_start, p.end)
        for a, b in p.extra_links:
            reg.link(key, a, b)
        if p.title is not None:
            title_tokens.update(range(p.title.start, p.title.end))

    # -- states, organisations, groupings ------------------------------------
    for m in matches:
        if any(i in title_tokens for i in range(m.start, m.end)) and m.entry.kind in ("organization", "igo"):
            continue
        e = m.entry
        if reg.is_claimed(m.start, m.end):
            continue
        end = m.end
        if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
            end += 1
        if e.kind in ("state", "adjective", "capital"):
            if m.start >= 2 and doc[m.start - 1].text in ("-", "‑") and doc[m.start - 2].lower_ in ("anti", "pro", "non"):
                not_actors.append({"start": m.start, "end": m.end, "name": doc[m.start:m.end].text, "why": "attitude"})
                continue   # "anti-Pakistan fighters": an attitude to the state, not the state
            inside = inside_place_name(doc, m)
            if inside is not None:
                not_actors.append({"start": m.start, "end": m.end, "name": inside, "why": "part of a name"})
                # "Indian Ocean", "Khyber Pakhtunkhwa": no mention of the state; a place in it if the gazetteer says so
                p = gazetteer.place(inside)
                if p is not None and p.country == e.country:
                    places.append({"start": m.start, "end": m.end, "name": inside, "country": e.country})
                continue
            if is_place_use(doc, m):
                places.append({"start": m.start, "end": m.end, "name": doc[m.start:m.end].text, "country": e.country})
                if e.kind == "capital":
                    continue  # "met in Beijing"; a country in "curfew in Montenegro" stays a party too
            head = head_noun(doc, m.start, m.end)
            if head is not None and head.i not in reg.claimed and head.i not in title_tokens:
                sector = agent_sector(cb, doc[m.end:head.i + 1])
                if norm(head.lemma_) in THINGS:
                    sector = None   # "U.S. naval base", "Iranian cargo ship": the state's, not an actor
                if sector and norm(head.lemma_) not in STATE_HEADS:
                    name = doc[m.start:head.i + 1].text
                    kind = "organization" if head.text[:1].isupper() else "group"
                    key = "g:" + norm(name)
                    reg.get_or_add(key, name=name, kind=kind, country=e.country, sector=sector)
                    reg.mention(key, m.start, head.i + 1)
                    continue
                if sector and norm(head.lemma_) in STATE_HEADS:
                    end = head.i + 1
            key = "s:" + e.country
            reg.get_or_add(key, name=cb.country_name(e.country), kind="state", country=e.country, sector="GOV",
                           code=e.country)
            if e.kind == "adjective" and doc[m.start].lower_.endswith("s") and m.end == end and \
                    doc[m.start:m.end].root.tag_ in ("NNPS", "NNS"):
                # "Palestinians", "Israelis": the people, coded with their country
                gkey = "g:" + norm(doc[m.start:m.end].text)
                reg.get_or_add(gkey, name=doc[m.start:m.end].text, kind="group", country=e.country)
                reg.mention(gkey, m.start, m.end)
                continue
            reg.mention(key, m.start, end)
        elif e.kind in ("organization", "igo"):
            start, country = m.start, e.country
            head = head_noun(doc, m.start, m.end) if e.kind == "igo" else None
            if head is not None and not head.text[:1].isupper() and head.i not in reg.claimed:
                sector = agent_sector(cb, doc[m.end:head.i + 1])
                if sector:   # "UN peacekeepers", "United Nations military personnel"
                    name = doc[m.start:head.i + 1].text
                    key = "g:" + norm(name)
                    reg.get_or_add(key, name=name, kind="group", country="IGO", sector=sector)
                    reg.mention(key, m.start, head.i + 1)
                    continue
            prev = by_end.get(m.start)
            if prev is not None and prev.entry.kind in ("state", "adjective") and not reg.is_claimed(prev.start, prev.end):
                start = prev.start
                country = country or prev.entry.country
            name = doc[start:m.end].text
            key = "o:" + norm(e.name) + ":" + (country or "")
            reg.get_or_add(key, name=name, kind=e.kind, country=country, sector=e.sector,
                           code=e.code if e.kind == "igo" else None)
            reg.mention(key, start, m.end)
        elif e.kind == "grouping":
            key = "q:" + norm(e.name)
            reg.get_or_add(key, name=e.name, kind="grouping", members=e.members)
            reg.mention(key, m.start, end)

    _surnames(doc, reg)
    # -- organisations and places the NER found that the codebook does not know --
    for ent in doc.ents:
        if reg.is_claimed(ent.start, ent.end) or any(i in title_tokens for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "ORG":
            _ner_org(ctx, reg, ent, by_start)
        elif ent.label_ in PLACE_LABELS:
            p = gazetteer.place(ent.text)
            iso = p.country if p else cb.region_places.get(norm(ent.text))
            if iso and all(p["start"] != ent.start for p in places):
                places.append({"start": ent.start, "end": ent.end, "name": ent.text, "country": iso})

    _person_context(doc, cb, reg)
    knowledge.complete_people(reg, on)
    descriptions.merge_officials(doc, reg)
    descriptions.party_groups(doc, cb, reg)
    descriptions.acronyms(doc, reg)
    descriptions.person_descriptions(doc, cb, reg)
    descriptions.resolve(doc, cb, reg)
    coref.resolve(doc, cb, reg)
    knowledge.complete_from_descriptions(doc, reg)
    places.sort(key=lambda p: p["start"])
    _local_groups(doc, reg, places)
    reg.finish()
    analysis.places = [Place(p["start"], p["end"], p["name"], p["country"]) for p in places]
    analysis.not_actors = [(x["start"], x["end"], x["name"]) for x in not_actors]


# Sectors of organisations that act across borders and keep no country (codebook: transnational
# NGOs drop out of country sets); others take the country they act in.
TRANSNATIONAL = frozenset({"NGO", "IGO", "MED", "BUS", "EDU", "REL"})


def _local_groups(doc, reg: Registry, places: list[dict]) -> None:
    """An armed or political group the codebook gives no country is of the place it acts in
    ("militants linked with the Baloch Liberation Army attacked a train near Sibi, Balochistan")."""
    for d in list(reg.drafts.values()):
        if d.kind not in ("organization", "group") or d.country or (d.sector or "") in TRANSNATIONAL:
            continue
        for m in sorted(d.mentions, key=lambda m: m.start):
            sent = sentence(doc[m.start])
            here = [p for p in places if sent.start <= p["start"] < sent.end and p["country"] and p["country"] != "IGO"]
            if here:
                d.country = min(here, key=lambda p: abs(p["start"] - m.start))["country"]
                break


def _merge_person(d, p, on) -> None:
    t = p.title
    if p.country and (d.country is None or (p.source in ("title", "of") and d.roles and not d.roles[0].country)):
        d.country = p.country
    if p.sector and not d.sector:
        d.sector = p.sector
    if t is None:
        return
    words = set(t.text.casefold().split())
    for r in d.roles:
        if words <= set(r.title.casefold().split()):
            if t.posted_to and not r.posted_to:
                r.posted_to = t.posted_to
            return
    role = Role(title=t.text, country=p.country, sector=p.sector or t.sector, posted_to=t.posted_to, since=on)
    d.roles.append(role)
    if d.role is None or (len(t.text) > len(d.role) and p.country):
        d.role = t.text
        d.posted_to = t.posted_to or d.posted_to
    d.posted_to = d.posted_to or t.posted_to


def _ner_org(ctx: Context, reg: Registry, ent, by_start) -> None:
    cb = ctx.cb
    s = ent.start
    if ctx.doc[s].lower_ == "the":
        s += 1
    span = ctx.doc[s:ent.end]
    if not len(span):
        return
    country = None
    key_start = span.start
    for i in range(span.start, span.end):
        m = by_start.get(i)
        if m is not None and m.entry.country:
            country = m.entry.country
            if i == span.start and m.end < span.end:
                key_start = m.end   # "U.S. Central Command" ~ "Central Command"
            break
    if country is None:
        country = _org_place_country(ctx, span, by_start)
    generic = all(t.lower_ in GENERIC or t.is_stop or norm(t.text) in cb.agents or norm(t.lemma_) in cb.agents
                  or norm(t.text) in cb.title_modifiers for t in span)
    # "Communist Party" is in every country: the dictionary's pick would be a guess
    known = cb.named_actor(span.text, ctx.on, surname=False) if len(span) > 1 and not generic else None
    sector = agent_sector(cb, span)
    if any(t.lower_ in LEGISLATIVE for t in span) and not (known is not None and known[1]):
        sector = "LEG"   # ... but "Freedom House" is an NGO the dictionary knows
    if known is not None:
        country = country or known[0]
        sector = known[1] or sector
    if country is None:
        country = _owner_country(reg, span)
    if country is None and sector is None:
        return
    key = "o:" + norm(ctx.doc[key_start:span.end].text)
    reg.get_or_add(key, name=span.text, kind="organization", country=country, sector=sector)
    reg.mention(key, span.start, span.end)


def _owner_country(reg: Registry, span) -> Optional[str]:
    """An organisation named in apposition to a unit of a known body ("the Pakistani military's media
    wing Inter Services Public Relations") is that body's."""
    root = span.root
    owners = [c for c in root.children if c.i < span.start and c.dep_ in ("poss", "compound", "amod")]
    if root.dep_ in ("appos", "compound") and root.head.i not in range(span.start, span.end):
        owners.append(root.head)
    for o in owners:
        for c in o.subtree:
            if c.i >= span.start:
                break
            for k in reg.keys_at(c.i):
                d = reg.drafts.get(k)
                if d is not None and d.country and d.kind in ("state", "organization", "group"):
                    return d.country
    return None


def _surnames(doc, reg: Registry) -> None:
    """A known person's surname the NER missed or mislabelled ("Rawat" as a place)."""
    last = {}
    for d in reg.drafts.values():
        if d.kind == "person" and len(d.name.split()) >= 2:
            last.setdefault(d.name.split()[-1].casefold(), d.key)
    if not last:
        return
    for tok in reg.toks:
        if tok.i in reg.claimed or not tok.text[:1].isupper():
            continue
        k = last.get(tok.lower_)
        if k is not None and reg.drafts[k].first < tok.i:
            reg.mention(k, tok.i, tok.i + 1)


AFFILIATION_PREPS = frozenset({"of", "at", "with", "from", "for"})
# Titles found in every kind of organisation: their sector is only a default.
GENERIC_TITLES = frozenset({"director", "president", "chairman", "chairwoman", "chair", "head", "chief", "coordinator",
                            "fellow", "member", "manager", "officer", "founder", "leader", "executive", "analyst",
                            "expert", "economist"})


def _affiliations(h, depth: int = 2) -> list:
    """Objects of "of/at/with/from/for" under a name or its description, two prepositions deep
    ("director of the U.S.-Korea program at the Council on Foreign Relations")."""
    out = []
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    if depth > 1:
                        out += _affiliations(g, depth - 1)
    return out


def _described_by(doc, root):
    """Nouns that describe a person's name: the appositive ("Yang, a Chinese businessman") or the
    predicate ("Yang is a Chinese businessman")."""
    out = [c for c in root.children if c.dep_ == "appos" and (c.pos_ == "NOUN" or c.pos_ == "PROPN" and not c.ent_type_)]
    if root.dep_ in ("nsubj",) and root.head.lemma_ == "be":
        out += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return out


def _person_context(doc, cb, reg: Registry) -> None:
    """A person's country and sector from the sentence around the name when the title gave none:
    "Yang is a Chinese businessman", "Martin Kelly of EOS Risk Group", "an analyst at Leiden
    University", "Cornell's Casanova". Never overrides what the title gave."""
    for d in list(reg.drafts.values()):
        if d.key not in reg.drafts or d.kind != "person" or (d.country and d.sector):
            continue
        for m in list(d.mentions):
            if m.shared or doc[m.start].pos_ == "PRON":
                continue
            root = doc[m.start:m.end].root
            nouns = _described_by(doc, root)
            country = sector = None
            for noun in nouns:
                for k in list(reg.keys_at(noun.i)):
                    o = reg.drafts.get(k)
                    if o is not None and k != d.key and len(o.mentions) == 1 \
                            and o.mentions[0].start <= noun.i < o.mentions[0].end and \
                            (o.kind == "person" and o.role and norm(o.role) in norm(o.name)
                             or o.kind == "group" and noun.tag_ == "NN"):   # "Will Wang, a Chinese student"
                        reg.merge(d.key, k)   # "Yang is a Chinese businessman": the description is Yang
                        break
                for c in noun.lefts:
                    for k in reg.keys_at(c.i):
                        o = reg.drafts[k]
                        if o.kind in ("state", "group") and o.country and o.country != "IGO" and not country:
                            country = o.country
                sector = sector or agent_sector(cb, [noun])
            # affiliation: "of/at <organisation>", "<organisation>'s <name>"
            heads = [root] + nouns
            org_sector = None
            for h in heads + [c for c in root.children if c.dep_ == "appos"]:
                objs = _affiliations(h)
                objs += [c for c in h.children if c.dep_ == "poss"]
                # "director general of the Pakistani military's media wing": the owner of the unit
                objs += [c for o in list(objs) for c in o.children if c.dep_ in ("poss", "compound", "amod")]
                # "… at the National University of Singapore": the place in the organisation's name
                objs += [g for o in list(objs) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"]
                for o_tok in objs:
                    for k in reg.keys_at(o_tok.i):
                        o = reg.drafts[k]
                        if o.kind in ("organization", "igo", "group", "state") and o.key != d.key:
                            country = country or o.country
                            org_sector = org_sector or ("IGO" if o.kind == "igo" else o.sector)
            sector = sector or org_sector
            if country and not d.country:
                d.country = country
            if sector and not d.sector:
                d.sector = sector
            elif org_sector and d.role and norm(d.role).split()[-1] in GENERIC_TITLES:
                # "Scott Snyder, director of ... at the Council on Foreign Relations": the
                # organisation says more than a title found in every sector
                d.sector = org_sector
            if d.country and d.sector:
                break


POSTED_HEADS = frozenset({"embassy", "consulate", "mission", "delegation", "office", "bureau", "representation"})


def _org_place_country(ctx: Context, span, by_start) -> Optional[str]:
    """An organisation's country from a place in or around its name: "Istanbul's Kadir Has
    University", "the University of Sarajevo", "Leiden University in the Netherlands" (not for
    embassies and missions, which are in another country than their own)."""
    doc = ctx.doc
    if any(t.lower_ in POSTED_HEADS for t in span):
        return None
    iso = place_before(doc, span.start, ctx.claimed_country - set(range(span.start - 3, span.start)))
    if iso:
        return iso
    for t in span:
        if t.lower_ == "of" and t.i + 1 < span.end:
            words = [x.text for x in doc[t.i + 1:span.end] if x.lower_ != "the"]
            p = gazetteer.place(" ".join(words)) if words else None
            if p is not None:
                return p.country
    k = span.end
    if k + 1 < len(doc) and doc[k].lower_ == "in":
        k += 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        m = by_start.get(k)
        if m is not None and m.entry.kind in ("state", "capital") and m.entry.country:
            return m.entry.country
    return None
