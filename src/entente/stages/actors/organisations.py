"""Organisations the NER finds that the codebook does not list ("Kadir Has University", "Inter
Services Public Relations"): their country from the codebook, a place in or around the name, or
the body they are a unit of; their sector from the words of the name."""
from __future__ import annotations

from typing import Optional

from entente import doc_cache
from entente.doc_cache import children
from entente.ontology import gazetteer, language
from entente.ontology.codebook import norm

from .detect import agent_sector, done_by
from .people import Context
from .places import place_before
from .drafts import Drafts


LEGISLATIVE = language.words("entities", "legislative_words")
DESCRIPTION_HEADS = language.words("entities", "description_heads")


GENERIC = language.words("entities", "generic_org_words")


def after_plain_word(doc, i: int, by_end) -> bool:
    """Does a capitalised word that names nothing itself come just before token i ("National"
    in "African National Congress"; not "Taliban" in "Taliban Foreign Ministry")?"""
    before = doc[i - 1] if i > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and before.is_alpha \
        and i not in by_end


def ner_org(ctx: Context, reg: Drafts, ent, by_start) -> None:
    cb = ctx.cb
    s = ent.start
    if ctx.doc[s].lower_ == "the":
        s += 1
    lead = by_start.get(s)
    if lead is not None and lead.end < ent.end and done_by(ctx.doc, lead):
        s = lead.end + (ctx.doc[lead.end].text in ("-", "‑")) * 2   # "U.S.-backed Syrian Democratic Forces": the backer is no part of it
    span = ctx.doc[s:ent.end]
    if not len(span):
        return
    if len(span) == 1 and s > 0 and ctx.doc[s - 1].lower_ == "the" and span[0].lower_ in DESCRIPTION_HEADS:
        return   # "the Council", "the Commission": a description of a body named before (descriptions.py)
    country = None
    key_start = span.start
    for i in range(span.start, span.end):
        m = by_start.get(i)
        if m is not None and m.entry.kind in ("organization", "igo") and m.end < span.end \
                and ctx.doc[m.end].lower_ in ("on", "for", "of"):
            continue   # "European Council on Foreign Relations": another body than the one it starts with
        if m is not None and i > span.start and after_plain_word(ctx.doc, i, ctx.by_end):
            continue   # "African National Congress": "Congress" here is a word of this name
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
    key = "o:" + norm(doc_cache.span_text(ctx.doc, key_start, span.end))
    reg.get_or_add(key, name=span.text, kind="organization", country=country, sector=sector)
    reg.mention(key, span.start, span.end)


def _owner_country(reg: Drafts, span) -> Optional[str]:
    """An organisation named in apposition to a unit of a known body ("the Pakistani military's media
    wing Inter Services Public Relations") is that body's."""
    root = span.root
    owners = [c for c in children(root) if c.i < span.start and c.dep_ in ("poss", "compound", "amod")]
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


POSTED_HEADS = language.words("entities", "posted_heads")
ORGANISATION_NOUNS = language.words("entities", "organisation_nouns")


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
    # "the Policy Institute, a think tank in Ankara": where its description puts it (the parse may
    # hang the description on the person before "of the Policy Institute")
    root = span.root
    descs = [a for a in children(root) if a.dep_ == "appos"]
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        descs += [a for a in children(root.head.head) if a.dep_ == "appos" and a.lemma_ in ORGANISATION_NOUNS]
    for a in descs:
        if a.i < span.end:
            continue
        for p in children(a):
            if p.dep_ == "prep" and p.lower_ == "in":
                for g in children(p):
                    m = by_start.get(g.left_edge.i + (g.left_edge.lower_ == "the"))
                    if g.dep_ == "pobj" and m is not None and m.entry.kind in ("state", "capital") and m.entry.country:
                        return m.entry.country
                    place = gazetteer.place(g.text) if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC") else None
                    if place is not None and place.country:
                        return place.country
    return None
