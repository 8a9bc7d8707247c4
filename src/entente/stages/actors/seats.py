"""A place that stands for the body seated there: "Brussels" or "Europe" acting for the European
Union ("Europe hit back with duties", "urged Brussels to"), when the story names that body. Used as
a place ("in Europe", "flew to Brussels") it stays a place."""
from __future__ import annotations

from typing import Optional

from entente import doc_cache
from entente.ontology import language
from entente.ontology.codebook import Codebook, Entry, norm

from .detect import Match, is_place_use

SEATS = language.codes("entities", "igo_seats")   # seat -> the body's name in the codebook


def unlisted(doc, cb: Codebook, matches: list[Match]) -> list[Match]:
    """Seats the codebook does not name ("Europe"), outside any longer name it matched."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    # a seat is capitalised: visit those words only, by the Doc's cached texts (no Token objects)
    words = doc_cache.texts(doc)
    return [Match(i, i + 1, Entry(name=words[i], kind="capital")) for i in doc_cache.upper_initial(doc)
            if words[i].lower() in SEATS and i not in covered and cb.lookup(words[i]) is None]


def body(doc, cb: Codebook, m: Match, named: set[str]) -> Optional[Entry]:
    """The body a seat acts for here, if the story names it and the seat is not used as a place."""
    name = SEATS.get(doc_cache.span_text(doc, m.start, m.end).lower())
    if not name or norm(name) not in named or is_place_use(doc, m):
        return None
    return cb.lookup(name)
