"""Per-`Doc` values that spaCy recomputes on every access, computed once and kept in `doc.user_data`.

`doc.text` joins every token's text on each call, and `for t in doc` / `doc[i]` make a new `Token`
object each time; stages that ask for these per mention or per token pay the whole story again and
again. The stages never retokenize a parsed `Doc`, so the values stay valid for its life (nothing
global: they go away with the `Doc`).
"""
from __future__ import annotations

TEXT_KEY = "entente.text"
TOKENS_KEY = "entente.tokens"
STARTS_KEY = "entente.token_starts"
TEXTS_KEY = "entente.token_texts"
LOWERS_KEY = "entente.token_lowers"
ENTS_KEY = "entente.ents"
POS_KEY = "entente.pos"


def text(doc) -> str:
    """`doc.text`, built once."""
    t = doc.user_data.get(TEXT_KEY)
    if t is None:
        t = doc.text
        doc.user_data[TEXT_KEY] = t
    return t


def tokens(doc) -> list:
    """`list(doc)`, built once: index it instead of `doc[i]`, iterate it instead of `doc`."""
    toks = doc.user_data.get(TOKENS_KEY)
    if toks is None:
        toks = list(doc)
        doc.user_data[TOKENS_KEY] = toks
    return toks


def token_starts(doc) -> list[int]:
    """Each token's character offset (`t.idx`), in order: bisect it to find the token at a character."""
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = [t.idx for t in tokens(doc)]
        doc.user_data[STARTS_KEY] = starts
    return starts


def texts(doc) -> list[str]:
    """Each token's text (`t.text` builds a new string on every access)."""
    words = doc.user_data.get(TEXTS_KEY)
    if words is None:
        words = [t.text for t in tokens(doc)]
        doc.user_data[TEXTS_KEY] = words
    return words


def pos(doc) -> list[int]:
    """Each token's coarse POS id (`t.pos`, a `spacy.symbols` value), read in one pass by `to_array`."""
    ids = doc.user_data.get(POS_KEY)
    if ids is None:
        ids = doc.to_array("POS").tolist() if len(doc) else []
        doc.user_data[POS_KEY] = ids
    return ids


def tokens_with_pos(doc, *tags: int) -> list:
    """The tokens whose coarse POS is one of `tags` (`spacy.symbols` ids), in order: a scan for
    verbs or nouns need not touch the other tokens."""
    toks = tokens(doc)
    return [toks[i] for i, p in enumerate(pos(doc)) if p in tags]


def ents(doc) -> tuple:
    """`doc.ents` (each access walks the Doc and makes new Spans). The stages do not set entities."""
    found = doc.user_data.get(ENTS_KEY)
    if found is None:
        found = tuple(doc.ents)
        doc.user_data[ENTS_KEY] = found
    return found


def lowers(doc) -> list[str]:
    """Each token's `lower_`."""
    words = doc.user_data.get(LOWERS_KEY)
    if words is None:
        words = [t.lower_ for t in tokens(doc)]
        doc.user_data[LOWERS_KEY] = words
    return words


def span_chars(doc, start: int, end: int) -> tuple[int, int]:
    """`(span.start_char, span.end_char)` of `doc[start:end]` (start < end) without building the Span."""
    starts = token_starts(doc)
    return starts[start], starts[end - 1] + len(texts(doc)[end - 1])


def span_text(doc, start: int, end: int) -> str:
    """`doc[start:end].text` without building the Span: the story text from the first token to the
    end of the last one's text (token offsets index `doc.text`)."""
    if end <= start:
        return ""
    s, e = span_chars(doc, start, end)
    return text(doc)[s:e]
