"""A person's country and sector from the words around the name when the title gave none: "Yang is
a Chinese businessman", "Martin Kelly of EOS Risk Group", "an analyst at Leiden University",
"head of the Chilean navy's press office". Never overrides what the title gave."""
from __future__ import annotations

from entente import doc_cache
from entente.doc_cache import children
from entente.ontology import language
from entente.ontology.codebook import norm

from .detect import agent_sector
from .drafts import Drafts
from .organisations import ORGANISATION_NOUNS, POSTED_HEADS


AFFILIATION_PREPS = language.words("entities", "membership_preps")
MEMBERSHIP_VERBS = language.words("entities", "membership_verbs")


# Titles found in every kind of organisation: their sector is only a default.
GENERIC_TITLES = language.words("entities", "generic_titles")


def _generic_title(role) -> bool:
    """Is the title's own word, before any "of/at …", one found in every sector ("senior director of
    the … Initiative at the X Foundation": director)?"""
    words = norm(role or "").split()
    cut = next((i for i, w in enumerate(words) if w in AFFILIATION_PREPS or w == "in"), len(words))
    return bool(words[:cut]) and words[cut - 1] in GENERIC_TITLES


def _affiliations(h, depth: int = 2) -> list:
    """Objects of "of/at/with/from/for" under a name or its description, two prepositions deep
    ("director of the U.S.-Korea program at the Council on Foreign Relations")."""
    out = []
    for c in children(h):
        if c.dep_ == "relcl" and c.lemma_ in MEMBERSHIP_VERBS and any(w.lower_ == "who" for w in children(c)):
            # "Lena Berg, who heads a rights group": the clause's object, or "who works for/at X" (not
            # "worked with Lai", a colleague; not "headed the agency's mission in Peru", a posting)
            out += [g for g in children(c) if g.dep_ == "dobj" and g.lemma_ not in POSTED_HEADS]
            out += [g for p in children(c) if p.dep_ == "prep" and p.lower_ in ("for", "at")
                    for g in children(p) if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.lemma_ in ORGANISATION_NOUNS)]
        if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS:
            for g in children(c):
                if g.dep_ == "pobj":
                    out.append(g)
                    if depth > 1:
                        out += _affiliations(g, depth - 1)
    return out


def _described_by(doc, root):
    """Nouns that describe a person's name: the appositive ("Yang, a Chinese businessman") or the
    predicate ("Yang is a Chinese businessman")."""
    out = [c for c in children(root) if c.dep_ == "appos" and (c.pos_ == "NOUN" or c.pos_ == "PROPN" and not c.ent_type_)]
    if root.dep_ in ("nsubj",) and root.head.lemma_ == "be":
        out += [c for c in children(root.head) if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return out


def person_context(doc, cb, reg: Drafts) -> None:
    """A person's country and sector from the sentence around the name when the title gave none:
    "Yang is a Chinese businessman", "Martin Kelly of EOS Risk Group", "an analyst at Leiden
    University", "Cornell's Casanova". Never overrides what the title gave."""
    for d in list(reg.drafts.values()):
        if d.key not in reg.drafts or d.kind != "person" or (d.country and d.sector and not _generic_title(d.role)):
            continue
        for m in list(d.mentions):
            if m.shared or doc[m.start].pos_ == "PRON":
                continue
            root = doc_cache.span_root(doc, m.start, m.end)
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
            org_sector = state_sector = None
            for h in heads + [c for c in children(root) if c.dep_ == "appos"]:
                objs = _affiliations(h)
                objs += [c for c in children(h) if c.dep_ == "poss"]
                # "head of the Chilean navy's press office": the owner of the unit (of a body, not of
                # "the most prominent dissenter from this China consensus")
                objs += [c for o in list(objs) if _body(reg, o) for c in children(o)
                         if c.dep_ in ("poss", "compound", "amod")]
                # "… at the Harbour Relief Trust, a Kenyan aid group": the organisation's description
                objs += [c for o in list(objs) for a in children(o) if a.dep_ == "appos"
                         for c in children(a) if c.dep_ in ("poss", "compound", "amod")]
                # "… at the National University of Singapore": the place in the organisation's name
                objs += [g for o in list(objs) for p in children(o) if p.dep_ == "prep" and p.lower_ == "of"
                         for g in children(p) if g.dep_ == "pobj"]
                for o_tok in objs:
                    for k in reg.keys_at(o_tok.i):
                        o = reg.drafts[k]
                        if o.kind in ("organization", "igo", "group", "state") and o.key != d.key \
                                and not (o.country and o.country == d.posted_to):   # where they serve is not theirs
                            country = country or o.country
                            if o.kind == "state":   # "the U.S.-Japan Initiative at the X Foundation": the foundation's
                                state_sector = state_sector or o.sector
                            else:
                                org_sector = org_sector or ("IGO" if o.kind == "igo" else o.sector)
            sector = sector or org_sector or state_sector
            if not country:
                # "senior fellow at the East-West Center in Honolulu": where the employer is
                country = _employer_place(doc, cb, [o for h in heads for o in _affiliations(h)])
            if country and not d.country:
                d.country = country
            if sector and not d.sector:
                d.sector = sector
            elif org_sector and _generic_title(d.role):
                # "Scott Snyder, director of ... at the Council on Foreign Relations": the
                # organisation says more than a title found in every sector
                d.sector = org_sector
            if d.country and d.sector:
                break


BODY_WORDS = language.words("entities", "organisation_nouns") | language.words("entities", "institution_words") | \
    language.words("entities", "posted_heads") | language.words("entities", "kind_heads") | \
    language.words("entities", "body_heads") | language.words("entities", "media_heads") | \
    language.words("entities", "agent_nouns")


def _body(reg: Drafts, tok) -> bool:
    """Is the token a body a person can belong to: a name, a known actor, or a word for one?"""
    return tok.pos_ == "PROPN" or bool(reg.keys_at(tok.i)) or tok.lemma_.lower() in BODY_WORDS


def _employer_place(doc, cb, orgs) -> str | None:
    """The country of the place an employer is said to be in ("… Center in Honolulu")."""
    from entente.ontology import gazetteer

    for o in orgs:
        for p in children(o):
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            for g in children(p):
                if g.dep_ != "pobj" or g.ent_type_ not in ("GPE", "LOC"):
                    continue
                ent = next((e for e in doc_cache.ents(doc) if e.start <= g.i < e.end), None)
                if ent is None:
                    continue
                e = cb.lookup(ent.text)
                if e is not None and e.kind in ("state", "capital") and e.country:
                    return e.country
                place = gazetteer.place(ent.text)
                if place is not None and place.country and place.country != "IGO":
                    return place.country
    return None


ROLE_MAX_TOKENS = 24


def appositive_roles(doc, cb, reg: Drafts) -> None:
    """A person's role in full from the description set beside the name: "Kevin Hale, director of
    the National Economic Council," is "director of the National Economic Council", not "director".
    Taken when it names an office or trade (a title or agent word) and extends the role found so far."""
    for d in reg.drafts.values():
        if d.kind != "person":
            continue
        for m in d.mentions:
            if m.shared or doc[m.start].pos_ == "PRON":
                continue
            root = doc_cache.span_root(doc, m.start, m.end)
            for ap in (c for c in children(root) if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")):
                # up to a clause that describes more than the office ("…, who served …", "living in")
                cut = min([t.left_edge.i for t in ap.subtree if t.dep_ in ("relcl", "acl") and t.i != ap.i]
                          + [ap.right_edge.i + 1])
                lo, hi = ap.left_edge.i, max(cut, ap.i + 1)
                while lo < hi and doc[lo].dep_ in ("det", "punct", "predet"):
                    lo += 1
                while hi > lo and doc[hi - 1].is_punct:
                    hi -= 1
                span = doc[lo:hi]
                if not 0 < len(span) <= ROLE_MAX_TOKENS or root.i in range(lo, hi):
                    continue
                words = {norm(t.text) for t in span}
                if not any(norm(t.lemma_) in cb.title_heads or norm(t.lemma_) in cb.agents for t in span if t.pos_ == "NOUN"):
                    continue
                old = set(norm(d.role or "").split())
                if old <= words:
                    d.role = span.text
                    break
