"""Text normalisation and content ids: one place, so ids and offsets agree everywhere."""
from __future__ import annotations

import hashlib
import unicodedata


def normalise(text: str) -> str:
    """The text as entente reads it: NFC, Unix newlines, no BOM, no trailing blanks.

    All offsets in the output point into this string.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def content_id(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable id from content (events, statements): same input, same id."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]
