"""A state named by its initials ("the C.A.R.", "CAR" for the Central African Republic) in a story
that names it in full. Only then: "CAR" alone is as likely a word in a headline as a state."""
from __future__ import annotations

from entente import doc_cache
from entente.ontology.codebook import Codebook

from .descriptions import initials_of
from .detect import Match


def states(doc, cb: Codebook, matches: list[Match]) -> list[Match]:
    """Matches for the initials of states the codebook matched by a name of several words."""
    named = {}
    for m in matches:
        if m.entry.kind == "state" and m.end - m.start >= 2:
            ini = initials_of(doc_cache.span_text(doc, m.start, m.end))
            if len(ini) >= 2:
                named.setdefault(ini, m.entry)
    if not named:
        return []
    covered = {i for m in matches for i in range(m.start, m.end)}
    words = doc_cache.texts(doc)   # capitalised words only, by the Doc's cached texts (no Tokens)
    out = []
    for i in doc_cache.upper_initial(doc):
        bare = words[i].replace(".", "")
        if i in covered or not (bare.isupper() and bare.isalpha()):
            continue
        entry = named.get(bare)
        if entry is not None and cb.lookup(words[i]) is None:
            out.append(Match(i, i + 1, entry))
    return out
