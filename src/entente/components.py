"""Faster drop-ins for two spaCy components, giving the same annotations.

In the md model the attribute ruler (coarse POS and morphology from the tags, plus
exceptions) and the rule lemmatizer cost about a fifth of the parse, most of it
Python work per token: the ruler runs a general `Matcher` over ~180 patterns that
are nearly all one token with fixed values, and the lemmatizer recomputes
`is_base_form` for every token its cache does not hold. Here:

* `FastAttributeRuler` evaluates the same patterns by looking each token up in
  tables keyed on its lower-case form, dependency and tag (a pattern's other
  conditions, sets and regexes included, are then tested), and applies the
  matches in the ruler's own order (pattern, then position: a later pattern wins);
* `CachedLemmatizer` caches every lemma by (form, POS, morphology), which is all
  `rule_lemmatize` reads, and makes its word-index look-ups set look-ups.

`install(nlp)` swaps them in where the loaded pipeline has the stock components;
benchmarks/check_components.py compares every token's annotations with the stock
pipeline's over whole corpora.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.lemmatizer import Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _predicate(strings, field: str, spec):
    """A test on one token's (tag, lower, dep, is_space) values, all string hashes but is_space."""
    i = _FIELDS[field]
    if field == "IS_SPACE":
        return lambda v: bool(v[i]) == bool(spec)
    if not isinstance(spec, dict):
        h = strings.add(spec)
        return lambda v: v[i] == h
    (op, arg), = spec.items()
    if op == "IN":
        hs = {strings.add(x) for x in arg}
        return lambda v: v[i] in hs
    if op == "NOT_IN":
        hs = {strings.add(x) for x in arg}
        return lambda v: v[i] not in hs
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: bool(rx.search(strings[v[i]]))
    raise ValueError(f"unsupported attribute-ruler predicate {spec!r}")


class FastAttributeRuler(AttributeRuler):
    """AttributeRuler whose matching is table look-ups (same patterns, same result)."""

    def _compile(self) -> None:
        """Each pattern is filed under one 'anchor' on its first token: a fixed or listed
        lower-case form, dependency or tag (one table each, most selective first), or a
        space; the rest is checked at every token. A token then meets only the patterns
        its own values name, and only their other conditions are tested."""
        self._anchors: list[dict] = [{}, {}, {}]  # by TAG, LOWER, DEP hash
        self._space: list = []
        self._others: list = []
        for attr_id, entry in enumerate(self.patterns):
            for pattern in entry["patterns"]:
                if not pattern or any(k not in _FIELDS for tok in pattern for k in tok):
                    raise ValueError(f"unsupported attribute-ruler pattern {pattern!r}")
                self._file(attr_id, pattern)
        self._compiled_for = len(self.attrs)

    def _file(self, attr_id: int, pattern: list[dict]) -> None:
        strings = self.vocab.strings
        first = pattern[0]
        for field in ("LOWER", "DEP", "TAG", "IS_SPACE"):
            spec = first.get(field)
            if field == "IS_SPACE":
                values, table = ([True], None) if spec is True else (None, None)
            else:
                values = [spec] if isinstance(spec, str) else spec.get("IN") if isinstance(spec, dict) else None
                table = self._anchors[_FIELDS[field]]
            if values:
                rest = [{k: v for k, v in first.items() if k != field}, *pattern[1:]]
                item = (attr_id, len(pattern), _check(strings, rest))
                if table is None:
                    self._space.append(item)
                else:
                    for value in values:
                        table.setdefault(strings.add(value), []).append(item)
                return
        self._others.append((attr_id, len(pattern), _check(strings, pattern)))

    def __call__(self, doc: Doc) -> Doc:
        if getattr(self, "_compiled_for", None) != len(self.attrs):
            self._compile()
        values = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        by_tag, by_lower, by_dep = self._anchors
        space, others = self._space, self._others
        none: tuple = ()
        n = len(values)
        matches: set[tuple[int, int, int]] = set()
        for i, v in enumerate(values):
            for attr_id, length, check in (*by_lower.get(v[1], none), *by_dep.get(v[2], none),
                                           *by_tag.get(v[0], none), *(space if v[3] else none), *others):
                if i + length <= n and (check is None or check(values, i)):
                    matches.add((attr_id, i, i + length))
        for attr_id, start, end in sorted(matches):  # the stock ruler's order: pattern, then position
            index = self.indices[attr_id]
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[attr_id])
        return doc


def _check(strings, pattern: list[dict]):
    """One function testing the conditions of a pattern at position i; None if there are none."""
    tests = [(k, _predicate(strings, field, spec)) for k, tok in enumerate(pattern) for field, spec in tok.items()]
    if not tests:
        return None
    if len(tests) == 1:
        (k, t), = tests
        return lambda values, i: t(values[i + k])
    return lambda values, i: all(t(values[i + k]) for k, t in tests)


class _Index(list):
    """A lemma-index word list answering `in` from a set: `rule_lemmatize` asks `form in index`
    of lists of up to 57,000 words, a linear scan for every rule of every uncached token."""

    def __init__(self, words):
        super().__init__(words)
        self._words = frozenset(words)

    def __contains__(self, word) -> bool:
        return word in self._words


class CachedLemmatizer(Lemmatizer):
    """The rule lemmatizer with every result cached by (form, POS, morphology)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        cache = self.__dict__.get("_lemma_cache")
        if cache is None:
            cache = self._lemma_cache = {}
            index = self.lookups.get_table("lemma_index", {})
            for pos, words in list(index.items()):
                index[pos] = _Index(words)
        strings = self.vocab.strings
        for token in doc:
            if self.overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = strings.add(self.lemmatize(token)[0])
                token.lemma = lemma
        return doc


def install(nlp: Language) -> Language:
    """Swap the stock attribute ruler and lemmatizer of a loaded pipeline for the faster ones."""
    for name, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = FastAttributeRuler
        elif isinstance(component, Lemmatizer) and not isinstance(component, CachedLemmatizer):
            component.__class__ = _cached(type(component))
    return nlp


@functools.lru_cache(maxsize=None)
def _cached(cls: type) -> type:
    """A CachedLemmatizer over the language's own lemmatizer class (its is_base_form)."""
    if issubclass(cls, CachedLemmatizer):
        return cls
    return type(f"Cached{cls.__name__}", (CachedLemmatizer, cls), {})


def stock(nlp: Language) -> Optional[Language]:  # pragma: no cover - for comparisons
    """Undo `install` (benchmarks compare both)."""
    for _name, component in nlp.pipeline:
        if isinstance(component, FastAttributeRuler):
            component.__class__ = AttributeRuler
        elif isinstance(component, CachedLemmatizer):
            component.__class__ = next(c for c in type(component).__mro__[1:]
                                       if issubclass(c, Lemmatizer) and not issubclass(c, CachedLemmatizer))
    return nlp
