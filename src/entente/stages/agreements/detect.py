"""Agreement mentions: named agreements and frameworks ("Interim Agreement",
"US-India Bilateral Trade Agreement (BTA)", "Paris Agreement", "Iran nuclear
deal"), their acronyms, and a normalised key that is the same across stories.

A mention is named when its head noun is an agreement noun written with a
capital ("… Trade Agreement"), or a common agreement noun ("deal", "treaty")
modified by a proper name ("the Iran nuclear deal"). A lone capitalised head
("Agreement" opening a sentence) or a lower-case framework/partnership is not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.symbols import NOUN, PROPN

from entente import doc_cache
from entente.stages.agreements import lexicon

CONNECT = {"of", "on", "for", "between", "to", "and"}
DASHES = {"-", "–", "—"}


@dataclass
class AgreementMention:
    start_tok: int
    end_tok: int          # exclusive
    head: int             # token index of the agreement noun
    text: str
    start: int
    end: int
    acronym: Optional[str] = None
    key: str = ""
    refs: list = field(default_factory=list)  # acronym mentions (token ranges)


def _cap(t) -> bool:
    s = t.text
    return bool(s) and (s[0].isupper() or (s[0].isdigit() and t.like_num is False)) and t.pos_ != "DET"


def normalise_key(name: str) -> str:
    s = name.replace("’", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"\bU\.S\.(A\.)?", "US", s)
    s = re.sub(r"\bU\.K\.", "UK", s)
    s = s.lower()
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip()
    words = s.split(" ")
    # country pairs in either order are one name: "india-us" == "us-india"
    if words and "-" in words[0]:
        parts = words[0].split("-")
        aliases = lexicon.data()["country_aliases"]
        if all(p in aliases for p in parts):
            words[0] = "-".join(sorted(parts))
    if words and words[-1] in ("accords", "agreements", "treaties", "pacts"):
        words[-1] = words[-1][:-1] if words[-1] != "treaties" else "treaty"
        if words[-1] == "accord":
            words[-1] = "accords"  # "the Abraham Accords" keeps its plural
    return " ".join(words)


def find(doc) -> list[AgreementMention]:
    lx = lexicon.data()
    out: list[AgreementMention] = []
    taken: set[int] = set()
    n = len(doc)
    lowers, lemmas = doc_cache.lowers(doc), doc_cache.lemma_lowers(doc)   # (most nouns stop at the first test)
    for t in doc_cache.tokens_with_pos(doc, NOUN, PROPN):  # only a noun heads an agreement's name
        low = lowers[t.i]
        lem = lemmas[t.i]
        if t.i in taken or t.pos_ not in ("NOUN", "PROPN") or (low not in lx["named_heads"] and lem not in lx["named_heads"]):
            continue
        # the head of a compound run: "Partnership Agreement" -> Agreement is the name's head
        nxt = doc[t.i + 1] if t.i + 1 < n else None
        if nxt is not None and nxt.text[:1].isupper() and (nxt.lower_ in lx["named_heads"] or nxt.lemma_.lower() in lx["named_heads"]):
            continue
        left = t.i
        capital_head = t.text[:1].isupper() and not t.is_sent_start
        j = t.i - 1
        while j >= 0:
            w = doc[j]
            if w.text in DASHES and j - 1 >= 0 and _cap(doc[j - 1]) and _cap(doc[j + 1]):
                j -= 1
                continue
            if _cap(w) and w.pos_ in ("PROPN", "NOUN", "ADJ", "NUM", "VERB") and not w.is_sent_start or (
                    _cap(w) and w.is_sent_start and w.pos_ == "PROPN"):
                left = j
                j -= 1
                continue
            break
        # dates are not part of a name: "the September 17 agreement", "the February 2020 pact"
        while left < t.i and (doc[left].ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or doc[left].like_num):
            left += 1
        # the tail of an organisation's name: "Government of National Accord"
        if left >= 2 and doc[left - 1].lower_ == "of" and doc[left - 2].lower_ in lx["org_heads_before_of"]:
            continue
        named = False
        if capital_head and left < t.i:
            named = True
        elif capital_head and t.ent_type_ in ("LAW", "ORG", "EVENT") and not (low in lx["weak_named_heads"] or lem in lx["weak_named_heads"]):
            named = True
        elif not capital_head and t.dep_ != "compound" and (lem in lx["common_heads"] or low in lx["common_heads"]):
            # "the Iran nuclear deal", "the Minsk agreements", "a US-China trade deal"
            mods = [c for c in t.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
            propn = [c for c in mods for x in c.subtree if (x.pos_ == "PROPN" or x.ent_type_ in ("GPE", "NORP")) and x.ent_type_ not in ("DATE", "TIME")]
            if propn:
                left = min(x.i for c in mods for x in c.subtree if x.ent_type_ not in ("DATE", "TIME", "CARDINAL") and not x.like_num)
                named = True
        if not named:
            continue
        right = t.i + 1
        # "Treaty on the Non-Proliferation of Nuclear Weapons", "Agreement on Trade"
        if capital_head:
            k = right
            while k < n - 1 and doc[k].lower_ in CONNECT and (_cap(doc[k + 1]) or (doc[k + 1].lower_ == "the" and k + 2 < n and _cap(doc[k + 2]))):
                k2 = k + 1 + (1 if doc[k + 1].lower_ == "the" else 0)
                while k2 < n and (_cap(doc[k2]) and doc[k2].pos_ in ("PROPN", "NOUN", "ADJ", "NUM") or (doc[k2].text in DASHES and k2 + 1 < n and _cap(doc[k2 + 1]))):
                    k2 += 1
                if k2 == k + 1:
                    break
                right = k2
                k = k2
        if (low in lx["heads_needing_continuation"] or lem in lx["heads_needing_continuation"]) and right == t.i + 1:
            continue  # "Plan" only as "… Plan of Action", never a bare plan
        acronym = None
        if right + 2 < n and doc[right].text == "(" and doc[right + 2].text == ")" and doc[right + 1].is_upper and 2 <= len(doc[right + 1].text) <= 8:
            acronym = doc[right + 1].text
            right += 3
        while left < t.i and doc[left].text in DASHES:
            left += 1
        span = doc[left:right]
        m = AgreementMention(left, right, t.i, span.text, span.start_char, span.end_char, acronym)
        m.key = normalise_key(span.text)
        taken.update(range(left, right))
        out.append(m)
    # bare acronyms ("the BTA") refer to the name they were introduced with
    acr = {m.acronym: m for m in out if m.acronym}
    if acr:
        for t in doc:
            if t.text in acr and t.i not in taken:
                acr[t.text].refs.append((t.i, t.i + 1))
    return out
