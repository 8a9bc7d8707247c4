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
LEMMAS_KEY = "entente.lemma_lowers"
POS_TOKENS_KEY = "entente.pos_tokens"
UPPER_KEY = "entente.upper_initial"
HEADS_KEY = "entente.heads"
TAGS_KEY = "entente.tags"
CHILDREN_KEY = "entente.children"


def cached(doc, key: str, make):
    """`doc.user_data[key]`, made by `make()` on first use. The helpers below look in `user_data`
    first and come here only on a miss (or an empty value): they are asked ~100k times a corpus
    pass, and a hit then costs one look-up, no closure made and no second call."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = make()
    return value


def known_text(doc, text: str) -> None:
    """Record the string `doc` was parsed from, which is `doc.text` (spaCy keeps every character),
    so `text(doc)` need not join the tokens again."""
    doc.user_data[TEXT_KEY] = text


def text(doc) -> str:
    """`doc.text`, built once."""
    return doc.user_data.get(TEXT_KEY) or cached(doc, TEXT_KEY, lambda: doc.text)


def tokens(doc) -> list:
    """`list(doc)`, built once: index it instead of `doc[i]`, iterate it instead of `doc`."""
    return doc.user_data.get(TOKENS_KEY) or cached(doc, TOKENS_KEY, lambda: list(doc))


def token_starts(doc) -> list[int]:
    """Each token's character offset (`t.idx`), in order: bisect it to find the token at a character."""
    return doc.user_data.get(STARTS_KEY) or cached(
        doc, STARTS_KEY, lambda: doc.to_array("IDX").tolist() if len(doc) else [])   # one read, no Token


def texts(doc) -> list[str]:
    """Each token's text (`t.text` builds a new string on every access), cut from the story text:
    a token runs from its offset to the next token's, less its trailing space (one or none)."""
    return doc.user_data.get(TEXTS_KEY) or cached(doc, TEXTS_KEY, lambda: _texts(doc))


def _texts(doc) -> list[str]:
    if not len(doc):
        return []
    whole, starts = text(doc), token_starts(doc)
    spaces = doc.to_array("SPACY").tolist()
    ends = [nxt - sp for nxt, sp in zip(starts[1:], spaces)] + [len(whole) - spaces[-1]]
    return [whole[a:b] for a, b in zip(starts, ends)]


def upper_initial(doc) -> list[int]:
    """Indices of the tokens whose text starts with an upper-case letter: the scans for names
    visit these instead of every token."""
    return doc.user_data.get(UPPER_KEY) or cached(
        doc, UPPER_KEY, lambda: [i for i, w in enumerate(texts(doc)) if w[:1].isupper()])


def pos(doc) -> list[int]:
    """Each token's coarse POS id (`t.pos`, a `spacy.symbols` value), read in one pass by `to_array`."""
    return doc.user_data.get(POS_KEY) or cached(
        doc, POS_KEY, lambda: doc.to_array("POS").tolist() if len(doc) else [])


def tags(doc) -> list[str]:
    """Each token's fine tag (`t.tag_`): the tag ids in one `to_array` read, each distinct tag
    (a few dozen) looked up once."""
    def make() -> list[str]:
        ids = doc.to_array("TAG").tolist() if len(doc) else []
        names = {h: doc.vocab.strings[h] for h in set(ids)}
        return [names[h] for h in ids]
    return doc.user_data.get(TAGS_KEY) or cached(doc, TAGS_KEY, make)


def heads(doc) -> list[int]:
    """Each token's head index (`t.head.i`; a root is its own head), read in one pass by `to_array`
    (which gives offsets from the token): a walk up the tree then makes no Token per step."""
    def make() -> list[int]:
        offsets = doc.to_array("HEAD").astype("int64").tolist() if len(doc) else []
        return [i + off for i, off in enumerate(offsets)]
    return doc.user_data.get(HEADS_KEY) or cached(doc, HEADS_KEY, make)


def children(tok) -> tuple:
    """`tuple(tok.children)`, from the Doc's cached Tokens. spaCy's `children` scans the token's
    whole subtree span for the tokens whose head it is and makes a new Token for each; the rule
    stages ask it of the same tokens again and again. A child always lies inside its head's edges,
    so the tokens whose head it is, in order, are exactly spaCy's lefts then rights."""
    doc = tok.doc
    kids = doc.user_data.get(CHILDREN_KEY) or cached(doc, CHILDREN_KEY, lambda: _children(doc))
    return kids[tok.i]


def _children(doc) -> list[tuple]:
    # a list and a tuple only for the tokens that have children (fewer than half): each container
    # made counts towards the next garbage collection, which walks every live Doc's Tokens
    toks, up = tokens(doc), heads(doc)
    below: dict[int, list] = {}
    for i, h in enumerate(up):
        if h != i:
            got = below.get(h)
            if got is None:
                below[h] = [toks[i]]
            else:
                got.append(toks[i])
    kids: list[tuple] = [()] * len(toks)
    for h, k in below.items():
        kids[h] = tuple(k)
    return kids


def subtree_ids(tok) -> set[int]:
    """`{t.i for t in tok.subtree}`: the token and every token below it, from the cached children.
    spaCy's `subtree` is a generator per token below, each making new Tokens; the rules that only
    ask which tokens a clause holds need no order and no Token."""
    doc = tok.doc
    kids = doc.user_data.get(CHILDREN_KEY) or cached(doc, CHILDREN_KEY, lambda: _children(doc))
    out, todo = {tok.i}, [tok.i]
    while todo:
        for c in kids[todo.pop()]:
            out.add(c.i)
            todo.append(c.i)
    return out


def span_root(doc, start: int, end: int):
    """`doc[start:end].root` without building the Span, by spaCy's rule: a sentence root inside
    the span, else, of the tokens whose head lies outside it, the first with the fewest steps up
    to a sentence root (a childless space or punctuation token counts as far). Most spans have
    one token whose head is outside: it is the root, no steps counted."""
    toks = doc.user_data.get(TOKENS_KEY) or tokens(doc)
    if end - start == 1:
        return toks[start]   # a single token is its own root
    up = doc.user_data.get(HEADS_KEY) or heads(doc)
    outside = []
    for i in range(start, end):
        if up[i] == i:
            return toks[i]   # (spaCy looks for a sentence root first: the first one wins)
        if not start <= up[i] < end:
            outside.append(i)
    if len(outside) <= 1:
        return toks[outside[0] if outside else start]
    best, root = len(toks), start
    for i in outside:
        n = _steps_to_root(doc, i)
        if n < best:
            best, root = n, i
    return toks[root]


def _steps_to_root(doc, i: int) -> int:
    """spaCy's `_count_words_to_root` (its Span.root measure), from the cached head indices."""
    t, up, n = tokens(doc)[i], heads(doc), len(doc)
    if (t.is_space or t.is_punct) and not children(t):
        return n - 1
    steps = 0
    while up[i] != i:
        i = up[i]
        steps += 1
        if steps >= n:
            raise RuntimeError("token.head forms a loop")   # spaCy's E039
    return steps


def is_ancestor(doc, a: int, b: int) -> bool:
    """`doc[a].is_ancestor(doc[b])`: is token a the head, the head's head, … of token b?"""
    up = heads(doc)
    for _ in range(len(up)):   # as spaCy guards its walk: no token has more ancestors than the doc tokens
        if up[b] == b:
            return False
        b = up[b]
        if b == a:
            return True
    return False


def tokens_with_pos(doc, *tags: int) -> tuple:
    """The tokens whose coarse POS is one of `tags` (`spacy.symbols` ids), in order: a scan for
    verbs or nouns need not touch the other tokens. Kept per tag set (several stages ask for the
    nouns); a tuple, as callers share it."""
    def make() -> tuple:
        toks = tokens(doc)
        return tuple(toks[i] for i, p in enumerate(pos(doc)) if p in tags)
    return cached(doc, (POS_TOKENS_KEY, tags), make)


def ents(doc) -> tuple:
    """`doc.ents` (each access walks the Doc and makes new Spans). The stages do not set entities."""
    return doc.user_data.get(ENTS_KEY) or cached(doc, ENTS_KEY, lambda: tuple(doc.ents))


def lemma_lowers(doc) -> list[str]:
    """Each token's `lemma_.lower()`: the lemma ids in one `to_array` read, each distinct lemma
    looked up and lower-cased once."""
    got = doc.user_data.get(LEMMAS_KEY)
    if got is not None:
        return got

    def make() -> list[str]:
        strings, memo = doc.vocab.strings, {}
        ids = doc.to_array("LEMMA").tolist() if len(doc) else []
        return [memo[h] if h in memo else memo.setdefault(h, strings[h].lower()) for h in ids]
    return cached(doc, LEMMAS_KEY, make)


def lowers(doc) -> list[str]:
    """Each token's `lower_`."""
    return doc.user_data.get(LOWERS_KEY) or cached(doc, LOWERS_KEY, lambda: [t.lower_ for t in tokens(doc)])


def span_chars(doc, start: int, end: int) -> tuple[int, int]:
    """`(span.start_char, span.end_char)` of `doc[start:end]` (start < end) without building the Span.
    (The tables are read from `user_data` here, not through their helpers: ~50k calls a corpus pass.)"""
    got = doc.user_data.get
    starts = got(STARTS_KEY) or token_starts(doc)
    return starts[start], starts[end - 1] + len((got(TEXTS_KEY) or texts(doc))[end - 1])


def span_text(doc, start: int, end: int) -> str:
    """`doc[start:end].text` without building the Span: the story text from the first token to the
    end of the last one's text (token offsets index `doc.text`)."""
    if end <= start:
        return ""
    s, e = span_chars(doc, start, end)
    return (doc.user_data.get(TEXT_KEY) or text(doc))[s:e]
