"""Channel of a statement: the medium a cue names ("in a post on X", "told
reporters", "a readout said", "in an interview"), found in the cue's own
modifiers, never in the reported content."""
from __future__ import annotations

from typing import Iterable, Optional

from entente import doc_cache
from entente.doc_cache import children
from entente.stages.statements import lexicon

MOD_DEPS = {"prep", "advcl", "npadvmod", "advmod", "dative", "dobj", "agent", "obl", "nmod"}


def _words(tokens: list, keep: Optional[str] = None) -> list[str]:
    """The tokens' lower-case forms (a token written `keep` as written), from the Doc's cached lists."""
    if not tokens:
        return []
    doc = tokens[0].doc
    texts, lowers = doc_cache.texts(doc), doc_cache.lowers(doc)
    if keep is None:
        return [lowers[t.i] for t in tokens]
    return [texts[t.i] if texts[t.i] == keep else lowers[t.i] for t in tokens]


def _match(tokens: list) -> Optional[str]:
    ch = lexicon.channels()
    phrases, max_len, firsts = ch["phrases"], ch["max_len"], ch["phrase_firsts"]
    best: Optional[tuple[int, int, str]] = None  # (priority, length, label)
    words = _words(tokens, keep="X")
    for i in range(len(words)):
        if words[i] not in firsts and words[i] != "X":
            continue  # no phrase starts with this word
        for n in range(max_len, 0, -1):
            key = tuple(words[i:i + n])
            if len(key) < n:
                continue
            hit = phrases.get(key)
            if hit is None and n == 1 and key[0] == "X":
                hit = (3, "X")
            if hit is None or key == ("x",):
                continue
            if hit[0] < 3 and any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens[i:i + n]):
                continue  # a generic word inside a name ("The Evening Post", "Harbor Times")
            cand = (hit[0], n, hit[1])
            if best is None or cand[:2] > best[:2]:
                best = cand
            break
    return best[2] if best else None


def _audience(tokens: list) -> Optional[str]:
    aud, firsts = lexicon.channels()["audiences"], lexicon.channels()["audience_firsts"]
    words = _words(tokens)
    for i in range(len(words)):
        if words[i] not in firsts:
            continue  # no audience starts with this word
        for n in (2, 1):
            hit = aud.get(tuple(words[i:i + n]))
            if hit:
                return hit
    return None


def channel_of(cue, exclude: Iterable[int] = ()) -> Optional[str]:
    """Channel named around the cue verb `cue` (spaCy token); `exclude` are token
    indices of the content (never searched)."""
    if cue is None:
        return None
    skip = set(exclude)
    ch = lexicon.channels()
    found: list = []
    verbs = [cue]
    # "…, he said in a statement" and "In a post on X, he highlighted…" both hang
    # off the cue; a participle cue ("saying") also looks at its governing verb.
    if cue.dep_ in ("advcl", "xcomp", "conj") and cue.head is not cue:
        verbs.append(cue.head)
    for v in verbs:
        for c in children(v):
            if c.dep_ in MOD_DEPS and c.i not in skip:
                toks = [t for t in c.subtree if t.i not in skip]
                found.append(toks)
    for toks in found:
        label = _match(toks)
        if label:
            return label
    for toks in found:
        label = _audience(toks)
        if label:
            return label
    return ch["cue_channels"].get(cue.lemma_.lower())
