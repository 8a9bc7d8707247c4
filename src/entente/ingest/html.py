"""HTML pages: main text and metadata (title, date, url) by trafilatura."""
from __future__ import annotations

import re
from typing import Optional

from entente.errors import InputError
from entente.model import Story
from entente.pipeline import make_story


def story_from_html(html: str, where: str, *, published: Optional[str] = None) -> Story:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise InputError(f"{where}: no main text found in the HTML page")
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    text = get("text") or ""
    if not text.strip():
        raise InputError(f"{where}: no main text found in the HTML page")
    if not _prose(text):
        shown = " ".join(text.split())[:60]
        raise InputError(f"{where}: no main text found in the HTML page (only {shown!r}: navigation or a caption?)")
    return make_story(text, published=published or _date_or_none(get("date")), title=get("title"),
                      url=get("url"), source=get("sitename") or get("hostname"))


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(\s|$)")


def _prose(text: str) -> bool:
    """Main text reads as prose: a sentence of three words or more, or ten words anyway.
    Menus ('Home About') and lone captions are not a story."""
    words = text.split()
    return len(words) >= 10 or (len(words) >= 3 and _SENTENCE_END.search(text) is not None)


def _date_or_none(value) -> Optional[str]:
    from entente.pipeline import parse_date

    try:
        d = parse_date(value)
    except InputError:
        return None
    return d.isoformat() if d else None
