"""Sentences of a parsed story, found in O(log n) per token.

spaCy's `Token.sent` walks the document's sentences on every call, which makes a stage that asks
it for many tokens quadratic in the story's length. `sentence(tok)` answers from an index built once
per `Doc` and kept in `doc.user_data` (nothing global).
"""
from __future__ import annotations

import bisect

KEY = "entente.sentences"


def _index(doc):
    idx = doc.user_data.get(KEY)
    if idx is None:
        spans = list(doc.sents)
        idx = ([s.start for s in spans], spans)
        doc.user_data[KEY] = idx
    return idx


def sentence(tok):
    """The sentence (a Span) holding the token (or a span's first token)."""
    starts, spans = _index(tok.doc)
    i = tok.i if hasattr(tok, "i") else tok.start
    return spans[bisect.bisect_right(starts, i) - 1]


def sentences(doc) -> list:
    return _index(doc)[1]


def number(tok) -> int:
    """The sentence's position in the story (0, 1, …)."""
    starts, _spans = _index(tok.doc)
    return bisect.bisect_right(starts, tok.i) - 1


def window_start(tok, back: int) -> int:
    """The first token of the sentence `back` sentences before the token's (the story's first
    sentence at most): where "its sentence or the two before" begins."""
    starts, _spans = _index(tok.doc)
    return starts[max(0, number(tok) - back)]
