"""Stage: actors — every person, state, organisation and grouping in the story,
with country (ISO 3166 alpha-3 or IGO), sector, role, and all its mentions.

Submodules, one job each:
  detect   — codebook names in the text (states, adjectives, capitals, organisations, groupings)
  people   — people and their titles ("US Secretary of State Marco Rubio")
  coref    — one actor per referent: surnames, pronouns, "the two envoys"
  blocs    — "the European side" is the EU when the story names it
  drafts   — the story's draft actors -> the contract's `Actor`s, ids in first-mention order, token links

Writes `analysis.result.actors`, `analysis.result.groupings`, the token index
(`analysis.link_mention`), `analysis.places` (places named, with their country; the entity model
gives the state a place lies in when an event needs it as a party), and `analysis.not_actors`:
country names and demonyms the stage
decided are *not* mentions of a state — part of a longer proper name ("Indian" of "Indian
Ocean") or an attitude ("anti-Pakistan") — so later stages do not make them state actors again.
"""
from __future__ import annotations

from entente import doc_cache
from entente.doc_cache import children
from entente.analysis import Analysis, Place
from entente.model import Role
from entente.ontology import codebook, gazetteer, language
from entente.ontology.codebook import norm
from entente.entities import held_no_more, main_country, nearest_country
from entente.sentences import sentence, window_start

from . import affiliation, blocs, bylines, coref, descriptions, initials, knowledge, organisations, seats
from .detect import DOCUMENT_HEADS, VENUE_HEADS, agent_sector, city_before, codebook_matches, done_by, head_noun, inside_place_name, is_attitude, is_place_use
from .organisations import POSTED_HEADS, after_plain_word
from .people import Context, find_people, named_by_who, unnamed_officials
from .drafts import Drafts

# Heads that make "X government" the state itself rather than a separate body.
STATE_HEADS = language.words("entities", "government_heads")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Heads that are facilities or vehicles, never actors, whatever sector the agents table gives them.
THINGS = language.words("entities", "thing_heads")


def run(analysis: Analysis) -> None:
    doc = analysis.doc
    cb = codebook.get()
    on = analysis.reference.isoformat() if analysis.reference else None
    reg = Drafts(analysis)
    places: list[dict] = []
    not_actors: list[dict] = []

    matches = codebook_matches(doc, cb, reg.toks)
    named_igos = {norm(m.entry.name) for m in matches if m.entry.kind == "igo"}
    # "an anti-Chile editor": an attitude names no one's nationality, so people and
    # organisations never take their country from it
    nameable = [m for m in matches if not is_attitude(doc, m)]
    by_start = {m.start: m for m in nameable}
    by_end = {m.end: m for m in nameable}
    ctx = Context(doc, cb, by_start, by_end, on)
    ctx.toks = reg.toks

    # -- people ------------------------------------------------------------
    person_spans = [(e.start, e.end) for e in doc_cache.ents(doc) if e.label_ == "PERSON"]
    person_spans += knowledge.leaders_by_surname(doc, on, person_spans)
    person_spans += named_by_who(ctx, person_spans)
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
        if p.title is not None and p.title.post_start is not None and p.start <= p.title.post_start:
            reg.release(key, p.title.post_start, p.title.post_end)   # the country they are posted to
        for a, b in p.extra_links:
            reg.link(key, a, b)
        if p.title is not None:
            title_tokens.update(range(p.title.start, p.title.end))

    # -- states, organisations, groupings ------------------------------------
    for m in sorted(matches + seats.unlisted(doc, cb, matches) + initials.states(doc, cb, matches),
                   key=lambda m: m.start):
        if any(i in title_tokens for i in range(m.start, m.end)) and m.entry.kind in ("organization", "igo"):
            continue
        e = m.entry
        if reg.is_claimed(m.start, m.end):
            continue
        end = m.end
        if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
            end += 1
        if e.kind == "capital" and (seated := seats.body(doc, cb, m, named_igos)) is not None:
            key = "o:" + norm(seated.name) + ":IGO"
            reg.get_or_add(key, name=seated.name, kind="igo", country="IGO", sector=seated.sector, code=seated.code)
            reg.mention(key, m.start, end)
            continue
        if e.kind == "capital" and e.country is None:
            continue   # a seat of no body the story names: a place only
        if e.kind in ("state", "adjective", "capital"):
            if is_attitude(doc, m):
                not_actors.append({"start": m.start, "end": m.end, "name": doc_cache.span_text(doc, m.start, m.end), "why": "attitude"})
                continue   # "anti-Pakistan fighters": an attitude to the state, not the state
            if done_by(doc, m):
                # "Iran-backed militias", "a U.S.-designated terrorist group": the state acted on the
                # body, it is neither the body's country nor a party to what the body does
                not_actors.append({"start": m.start, "end": m.end, "name": doc_cache.span_text(doc, m.start, m.end), "why": "third party"})
                head = head_noun(doc, m.start, m.end)
                if head is not None and head.i not in reg.claimed and not any(i in by_start for i in range(m.end, head.i + 1)):
                    sector = agent_sector(cb, doc[m.end:head.i + 1])
                    if sector and norm(head.lemma_) not in THINGS and norm(head.lemma_) not in STATE_HEADS:
                        _body(doc, reg, m.start, head, None, sector)
                continue
            inside = inside_place_name(doc, m)
            if inside is not None:
                not_actors.append({"start": m.start, "end": m.end, "name": inside, "why": "part of a name"})
                # "Indian Ocean", "Khyber Pakhtunkhwa": no mention of the state; a place in it if the gazetteer says so
                p = gazetteer.place(inside)
                if p is not None and p.country == e.country:
                    places.append({"start": m.start, "end": m.end, "name": inside, "country": e.country})
                continue
            if city_before(doc, m, DOCUMENT_HEADS):
                # "the Minsk agreements", "the Copenhagen Charter": a name, no party, no place
                not_actors.append({"start": m.start, "end": m.end, "name": doc_cache.span_text(doc, m.start, m.end), "why": "part of a name"})
                continue
            if is_place_use(doc, m):
                places.append({"start": m.start, "end": m.end, "name": doc_cache.span_text(doc, m.start, m.end), "country": e.country})
                if e.kind == "capital" or city_before(doc, m, VENUE_HEADS):
                    continue  # "met in Beijing", "the Singapore summit"; a country in "curfew in Montenegro" stays a party too
            head = head_noun(doc, m.start, m.end)
            if head is not None and head.i not in reg.claimed and head.i not in title_tokens \
                    and not _describes_name(head):
                sector = agent_sector(cb, doc[m.end:head.i + 1])
                if norm(head.lemma_) in THINGS:
                    sector = None   # "U.S. naval base", "Iranian cargo ship": the state's, not an actor
                if sector and norm(head.lemma_) not in STATE_HEADS:
                    # "American and British troops": a body of each state, sharing one head
                    _body(doc, reg, m.start, head, e.country, sector,
                          each=(m.start, m.end) if _coordinated_nationality(doc, m, head, by_start) else None)
                    continue
                if sector and norm(head.lemma_) in STATE_HEADS:
                    end = head.i + 1
                    if e.kind == "adjective" and head.lemma_ == "government":
                        # "the Thai government": the government, an organisation of that state
                        name = doc_cache.span_text(doc, m.start, head.i + 1)
                        key = "g:" + norm(name)
                        reg.get_or_add(key, name=name, kind="organization", country=e.country, sector="GOV")
                        reg.mention(key, m.start, head.i + 1)
                        continue
            key = reg.state(e.country, cb.country_name(e.country))
            if e.kind == "adjective" and doc[m.start].lower_.endswith("s") and m.end == end and \
                    doc_cache.span_root(doc, m.start, m.end).tag_ in ("NNPS", "NNS"):
                # "Palestinians", "Israelis": the people, coded with their country
                gkey = "g:" + norm(doc_cache.span_text(doc, m.start, m.end))
                reg.get_or_add(gkey, name=doc_cache.span_text(doc, m.start, m.end), kind="group", country=e.country)
                reg.mention(gkey, m.start, m.end)
                continue
            reg.mention(key, m.start, end)
        elif e.kind in ("organization", "igo"):
            if done_by(doc, m):
                continue   # "the U.N.-recognized government": the U.N. recognised it, it is not the U.N.'s
            if _inside_longer_org(doc, m) or _amid_longer_name(doc, m, by_end):
                continue   # "the European Council on Foreign Relations" is not the European Council
            start, country = m.start, e.country
            head = head_noun(doc, m.start, m.end) if e.kind == "igo" else None
            if head is not None and not head.text[:1].isupper() and head.i not in reg.claimed:
                sector = agent_sector(cb, doc[m.end:head.i + 1])
                if sector and _coordinated_nationality(doc, m, head, by_start):
                    _body(doc, reg, m.start, head, "IGO", sector, each=(m.start, m.end))   # "U.N. and U.S. officials"
                    continue
                if sector:   # "UN peacekeepers", "United Nations military personnel"
                    start, country = m.start, "IGO"
                    prev = by_end.get(m.start)
                    if head.lemma_ in POSTED_HEADS:
                        # "Iran's U.N. mission" is Iran's; "his U.N. mission" its envoy's (after coref)
                        if prev is not None and prev.entry.kind in ("state", "adjective") and prev.entry.country:
                            start, country = prev.start, prev.entry.country
                        elif any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(head)):
                            country = None
                    name = doc_cache.span_text(doc, start, head.i + 1)
                    key = "g:" + norm(name)
                    reg.get_or_add(key, name=name, kind="group", country=country, sector="GOV" if country != "IGO" else sector)
                    reg.mention(key, start, head.i + 1)
                    continue
            prev = by_end.get(m.start)
            if prev is not None and prev.entry.kind in ("state", "adjective") and not reg.is_claimed(prev.start, prev.end) \
                    and not done_by(doc, prev):   # "the U.S.-backed Syrian Democratic Forces" are not the backer's
                start = prev.start
                country = country or prev.entry.country
            name = doc_cache.span_text(doc, start, m.end)
            key = "o:" + norm(e.name) + ":" + (country or "")
            reg.get_or_add(key, name=name, kind=e.kind, country=country, sector=e.sector,
                           code=e.code if e.kind == "igo" else None)
            reg.mention(key, start, m.end)
        elif e.kind == "grouping":
            key = "q:" + norm(e.name)
            reg.get_or_add(key, name=e.name, kind="grouping", members=e.members)
            reg.mention(key, m.start, end)

    _surnames(doc, reg)
    blocs.adjectives(doc, reg)
    # -- organisations and places the NER found that the codebook does not know --
    for ent in doc_cache.ents(doc):
        if reg.is_claimed(ent.start, ent.end) or any(i in title_tokens for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in PLACE_LABELS and any(x["start"] == ent.start and x["why"] in ("part of a name", "third party")
                                              for x in not_actors):
            continue   # the city of "the Minsk agreements", the backer of "Iran-backed rebels": no place of the story's
        if ent.label_ == "ORG" and (p := _misread_place(ent)) is not None:
            places.append({"start": ent.start, "end": ent.end, "name": ent.text, "country": p.country})
        elif ent.label_ == "ORG":
            organisations.ner_org(ctx, reg, ent, by_start)
        elif ent.label_ in PLACE_LABELS:
            p = gazetteer.place(ent.text)
            iso = p.country if p else cb.region_places.get(norm(ent.text))
            if iso and all(p["start"] != ent.start for p in places):
                places.append({"start": ent.start, "end": ent.end, "name": ent.text, "country": iso})

    affiliation.person_context(doc, cb, reg)
    knowledge.complete_people(reg, on, {p["country"] for p in places})
    descriptions.merge_officials(doc, reg)
    descriptions.party_groups(doc, cb, reg)
    descriptions.acronyms(doc, reg)
    descriptions.person_descriptions(doc, cb, reg)
    descriptions.named_descriptions(doc, reg)
    descriptions.resolve(doc, cb, reg)
    coref.resolve(doc, cb, reg)
    knowledge.complete_from_descriptions(doc, reg)
    descriptions.camp_groups(doc, reg)
    knowledge.owners_missions(doc, reg)
    bylines.credit_reporters(doc, cb, reg, analysis.result.source)
    affiliation.appositive_roles(doc, cb, reg)
    places.sort(key=lambda p: p["start"])
    _local_groups(doc, cb, reg, places)
    _unplaced_people(doc, reg)
    reg.finish()
    analysis.places = [Place(p["start"], p["end"], p["name"], p["country"]) for p in places]
    analysis.not_actors = [(x["start"], x["end"], x["name"]) for x in not_actors]


# Sectors of organisations that act across borders and keep no country (codebook: transnational
# NGOs drop out of country sets); others take the country they act in.
TRANSNATIONAL = frozenset({"NGO", "IGO", "MED", "BUS", "EDU", "REL"})
DOMESTIC_SECTORS = frozenset(s.upper() for s in language.words("entities", "domestic_sectors"))


def _coordinated_nationality(doc, m, head, by_start) -> bool:
    """Is this state word one of several joined by "and" before one head ("U.S. and French
    diplomats", "American and British troops")? Then each state has its own body."""
    root = doc_cache.span_root(doc, m.start, m.end)
    others = [c for c in children(root) if c.dep_ == "conj"]
    if root.dep_ == "conj":
        others.append(root.head)
    return any(o.i < head.i and by_start.get(o.left_edge.i) is not None
               and by_start[o.left_edge.i].entry.kind in ("state", "adjective", "igo") for o in others)


def _body(doc, reg: Drafts, start: int, head, country, sector, each: tuple[int, int] | None = None) -> None:
    """The body of people a name before a head noun makes ("Kenyan troops", "U.N. peacekeepers"). One
    of several names joined before one head (`each`, the name's span) gets a body of its own ("U.S.
    troops" of "U.S. and French troops"), linked by the name only, so the shared head stays each one's."""
    kind = "organization" if head.text[:1].isupper() else "group"
    name = doc_cache.span_text(doc, *each) + " " + head.text if each else doc_cache.span_text(doc, start, head.i + 1)
    key = "g:" + norm(name)
    reg.get_or_add(key, name=name, kind=kind, country=country, sector=sector)
    if each:
        reg.mention(key, start, head.i + 1, each[0], each[1], shared=True)
    else:
        reg.mention(key, start, head.i + 1)


def _misread_place(ent):
    """A lone name the NER read as an organisation that the gazetteer knows as a city or region
    ("shelled Kharkiv"), else None."""
    if len(ent) != 1 or not ent.text[:1].isupper():
        return None
    p = gazetteer.place(ent.text)
    return p if p is not None and p.kind in ("city", "region") else None


def _describes_name(head) -> bool:
    """Is the noun a description put before a person's name ("British politician Nigel Farage")? Then
    it describes that person, no body of people of its own."""
    return head.dep_ in ("compound", "nmod") and head.tag_ == "NN" and head.head.ent_type_ == "PERSON"


def _inside_longer_org(doc, m) -> bool:
    """Is the codebook name the start of a longer organisation name the NER found, continued
    by "on/for/of …" ("European Council on Foreign Relations")?"""
    ent = next((x for x in doc_cache.ents(doc) if x.start <= m.start < x.end), None)
    return ent is not None and ent.label_ == "ORG" and ent.end > m.end \
        and doc[m.end].lower_ in ("on", "for", "of") and doc[ent.end - 1].text[:1].isupper()


def _amid_longer_name(doc, m, by_end) -> bool:
    """Is the codebook name inside a longer organisation name the NER found ("African National
    Congress", "his National Congress Party" are not the U.S. Congress)?"""
    ent = next((x for x in doc_cache.ents(doc) if x.start < m.start < x.end), None)
    return ent is not None and ent.label_ == "ORG" and m.end <= ent.end and after_plain_word(doc, m.start, by_end)


def _local_groups(doc, cb, reg: Drafts, places: list[dict]) -> None:
    """An armed or political group the codebook gives no country is of the place it acts in
    ("militants linked with the Baloch Liberation Army attacked a train near Sibi, Balochistan"); a
    body only a state has at home (its opposition, parties, legislature, courts, police) is that
    state's."""
    for d in list(reg.drafts.values()):
        if d.kind not in ("organization", "group") or d.country or (d.sector or "") in TRANSNATIONAL:
            continue
        for m in sorted(d.mentions, key=lambda m: m.start):
            sent = sentence(doc[m.start])
            here = [p for p in places if sent.start <= p["start"] < sent.end and p["country"] and p["country"] != "IGO"]
            if here:
                d.country = min(here, key=lambda p: abs(p["start"] - m.start))["country"]
                break
    for d in list(reg.drafts.values()):
        if d.kind not in ("organization", "group") or d.country or not d.mentions:
            continue
        m = min(d.mentions, key=lambda m: m.start)
        if (d.sector or agent_sector(cb, doc[m.start:m.end])) not in DOMESTIC_SECTORS:
            continue
        # "the High Court blocked the order", "his party": a body only a state has at home is of who
        # owns it, else of the country the story names around it, else of the one it is about
        d.country = _owner_country(doc, reg, m) or _country_near(doc, reg, m.start) or _story_country(reg)


def _story_country(reg: Drafts) -> str | None:
    """The country the story is about (`entities.main_country` over the drafts; an outlet's home
    says nothing of it)."""
    return main_country((x.country, len(x.mentions), min(k.start for k in x.mentions))
                        for x in reg.drafts.values() if x.kind != "grouping" and x.sector != "MED" and x.mentions)


def _owner_country(doc, reg: Drafts, m) -> str | None:
    """The country of who owns the body ("his party" after "Berisha, Albania's former leader")."""
    for c in children(doc_cache.span_root(doc, m.start, m.end)):
        if c.dep_ == "poss":
            found = [reg.drafts[k].country for k in reg.keys_at(c.i) if reg.drafts[k].country not in (None, "IGO")]
            if found:
                return found[0]
    return None


def _country_near(doc, reg: Drafts, i: int, skip: frozenset | set = frozenset()) -> str | None:
    """The country of the actor named nearest token i in its sentence or the two before
    (`entities.nearest_country`; an outlet's home says nothing of where its story happens)."""
    lo, hi = window_start(doc[i], 2), sentence(doc[i]).end
    return nearest_country(i, ((m.start, d.country) for d in reg.drafts.values()
                               if d.country and d.country != "IGO" and d.sector != "MED" and d.kind != "grouping"
                               for m in d.mentions if lo <= m.start < hi and m.start not in skip))


def _unplaced_people(doc, reg: Drafts) -> None:
    """A person the text gives no country is of the country named nearest their first mention, else
    of the one the story is about ("a Guatemalan judge ordered journalist Jose Zamora back to prison")."""
    people = [d for d in reg.drafts.values() if d.kind == "person" and not d.country and d.mentions]
    if not people:
        return
    main = _story_country(reg)
    for d in people:
        if d.posted_to:
            continue   # "Special Envoy for Sudan Tom Hale": where one serves says nothing of one's own
        if d.sector == "IGO":
            continue   # "Secretary General Christopher Lockyear": an international post is of no country near it
        first = min(d.mentions, key=lambda m: m.start)
        # what the person's own clauses tell ("who worked for decades in Hong Kong") is where they
        # were, not whose they are
        own = doc_cache.subtree_ids(doc_cache.span_root(doc, first.start, first.end))
        d.country = _country_near(doc, reg, first.start, own) or main


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
    was, now_was = t.former or held_no_more(t.text), d.role_former or held_no_more(d.role or "")
    if d.role is None or now_was and not was or (len(t.text) > len(d.role) and p.country and not (was and not now_was)):
        # the office held now says who they are ("the new prime minister, a former defense minister")
        d.role, d.role_former = t.text, was
        d.posted_to = t.posted_to or d.posted_to
    d.posted_to = d.posted_to or t.posted_to


def _surnames(doc, reg: Drafts) -> None:
    """A known person's surname the NER missed or mislabelled ("Rawat" as a place)."""
    last = {}
    for d in reg.drafts.values():
        if d.kind == "person" and len(d.name.split()) >= 2:
            last.setdefault(d.name.split()[-1].casefold(), d.key)
    if not last:
        return
    lowers = doc_cache.lowers(doc)
    for i in doc_cache.upper_initial(doc):
        if i in reg.claimed:
            continue
        k = last.get(lowers[i])
        if k is not None and reg.drafts[k].first < i:
            reg.mention(k, i, i + 1)


