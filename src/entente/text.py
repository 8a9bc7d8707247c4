"""Text normalisation and content ids: one place, so ids and offsets agree everywhere."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Optional

_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Text any database and JSON encoder accepts: no NUL characters, and no lone UTF-16
    surrogates (a valid pair written as two code points becomes its one character; a lone
    one becomes U+FFFD)."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def clean_optional(value: Optional[str]) -> Optional[str]:
    return None if value is None else clean(value)


def normalise(text: str) -> str:
    """The text as entente reads it: NFC, Unix newlines, no BOM, no NUL or lone
    surrogate, no leading or trailing blanks.

    All offsets in the output point into this string.
    """
    text = clean(text).lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def content_id(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable id from content (events, statements): same input, same id."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]
