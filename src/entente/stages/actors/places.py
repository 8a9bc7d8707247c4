"""A place named just before a title or a name ("Central Java Governor", "Istanbul's Kadir Has
University") and the country it lies in."""
from __future__ import annotations

from typing import Optional

from entente.ontology import language


ADMIN_WORDS = language.words("entities", "admin_words")


def place_before(doc, start: int, blocked=frozenset()) -> Optional[str]:
    """The country of a place name (GPE/LOC entity the gazetteer knows) ending just before token `start`."""
    from entente.ontology import gazetteer

    k = start - 1
    if k >= 0 and doc[k].lower_ in ("'s", "’s"):
        k -= 1
    if k < 0 or k in blocked or doc[k].ent_type_ in ("PERSON", "ORG", "NORP") or not doc[k].text[:1].isupper():
        return None
    s = k
    if doc[k].ent_type_ in ("GPE", "LOC"):
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
    else:   # the NER missed it: capitalised proper nouns ("Central Java")
        while s > 0 and k - s < 3 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].text[:1].isupper() \
                and s - 1 not in blocked:
            s -= 1
        if doc[k].pos_ != "PROPN":
            return None
    words = [t.text for t in doc[s:k + 1] if t.lower_ != "the"]
    if words and words[-1].casefold() in ADMIN_WORDS:
        words = words[:-1]
    for a in range(len(words)):     # longest name first: "Central Java", then "Java"
        p = gazetteer.place(" ".join(words[a:]))
        if p is not None:
            return p.country
    return None
