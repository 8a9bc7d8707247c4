"""Reporters the story credits ("Jane Roe contributed to this report", "Jane Roe has more from
Paris"): journalists of the outlet that published it, with the outlet's country (the codebook's
entry for the story's `source`; else the outlet people in the story talk to, "told VOA"; else the
one news outlet the story names)."""
from __future__ import annotations

from typing import Optional

from entente import doc_cache
from entente.doc_cache import children
from entente.ontology import language
from entente.ontology.codebook import Codebook

from .drafts import Drafts

CREDIT_VERBS = language.words("entities", "credit_verbs")
CREDIT_OBJECTS = language.words("entities", "credit_objects")


def _credit(tok) -> Optional[str]:
    """The verb of the credit line the name is the subject of ("contributed to this report", "has
    more from …", "reported from …"), or None."""
    x = tok
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if x.dep_ != "nsubj":
        return None
    v = x.head
    lem = v.lemma_.lower()
    if lem not in CREDIT_VERBS:
        return None
    if lem == "have":
        ok = any(c.dep_ == "dobj" and c.lower_ == "more" for c in children(v))
    elif lem == "report":
        ok = any(c.dep_ == "prep" and c.lower_ == "from" for c in children(v))
    else:
        ok = any(g.lemma_.lower() in CREDIT_OBJECTS for c in children(v) if c.dep_ == "prep" for g in children(c))
    return lem if ok else None


INTERVIEW_VERBS = frozenset({"tell", "speak", "say", "talk", "explain"})


def _interviewer(doc, m) -> bool:
    """Is the outlet mention the one people talk to ("told VOA", "said to Reuters")? That outlet
    is the story's own."""
    root = doc_cache.span_root(doc, m.start, m.end)
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head   # "told VOA Mandarin": the outlet's service
    head = root.head
    if head.pos_ == "ADP" and head.lower_ in ("to", "with"):
        head = head.head
    return head.lemma_.lower() in INTERVIEW_VERBS and root.dep_ in ("dobj", "dative", "pobj", "iobj")


def _outlet_country(doc, cb: Codebook, reg: Drafts, source: Optional[str]) -> Optional[str]:
    if source:
        e = cb.lookup(source)
        if e is not None and e.country:
            return e.country
    outlets = [d for d in reg.drafts.values() if d.kind == "organization" and d.sector == "MED" and d.country]
    told = {d.country for d in outlets if any(_interviewer(doc, m) for m in d.mentions)}
    if len(told) == 1:
        return told.pop()
    named = {d.country for d in outlets}
    return named.pop() if len(named) == 1 else None


def credit_reporters(doc, cb: Codebook, reg: Drafts, source: Optional[str]) -> None:
    country = None
    for d in reg.drafts.values():
        if d.kind != "person" or d.country:
            continue
        lem = next((v for m in d.mentions if not m.shared for v in [_credit(doc_cache.span_root(doc, m.start, m.end))] if v), None)
        if lem:
            country = country or _outlet_country(doc, cb, reg, source)
            if country is None:
                return
            d.country, d.sector = country, d.sector or "MED"
            d.role = d.role or ("contributor" if lem == "contribute" else "reporter")
