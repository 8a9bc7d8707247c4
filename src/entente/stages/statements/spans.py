"""Content spans of statements: the candidate a cue finder returns and the
character span of its content, edge punctuation and quotation marks trimmed."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from entente import doc_cache

QUOTE_CHARS = "\"'“”‘’«»„"


@dataclass
class Candidate:
    cue: object                # the cue token (verb, or "according")
    subject: object            # token naming the source, or None
    start: int                 # content char offsets
    end: int
    content_tokens: frozenset  # token indices of the content
    cue_text: str
    kind: str = "clause"       # clause | object | according | colon


def doc_text(doc) -> str:
    """doc.text rebuilds the string on every call: keep it once on the doc."""
    return doc_cache.text(doc)


def trim(doc, s_tok: int, e_tok: int) -> Optional[tuple[int, int]]:
    """Char span of tokens [s_tok, e_tok] inclusive, edge punctuation dropped."""
    toks, words = doc_cache.tokens(doc), doc_cache.texts(doc)   # the Doc's cached Tokens and texts
    while s_tok <= e_tok and (toks[s_tok].is_punct or toks[s_tok].is_space) and words[s_tok] not in QUOTE_CHARS:
        s_tok += 1
    while e_tok >= s_tok and (toks[e_tok].is_punct or toks[e_tok].is_space) and words[e_tok] not in QUOTE_CHARS:
        e_tok -= 1
    if e_tok < s_tok:
        return None
    s, e = doc_cache.span_chars(doc, s_tok, e_tok + 1)   # doc[s_tok].idx, doc[e_tok].idx + len(its text)
    text = doc_text(doc)
    while s < e and (text[s] in QUOTE_CHARS or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in QUOTE_CHARS or text[e - 1].isspace()):
        e -= 1
    # keep a quotation whole when the content opens it: "… as a “steady hand,”"
    body = text[s:e]
    if body.count("“") > body.count("”") or body.count('"') % 2 == 1:
        k = e
        while k < len(text) and k - e < 3 and text[k] in ",.;:!? ":
            k += 1
        if k < len(text) and text[k] in "”\"":
            e = k + 1
    return (s, e) if e > s else None
