"""RSS/Atom feed files: one story per entry, with its own publication date."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Optional, Union

from entente.errors import InputError
from entente.model import Story
from entente.pipeline import make_story

_TAGS = re.compile(r"<[^>]+>")


def _entry_text(entry) -> str:
    for c in entry.get("content") or []:
        if c.get("value"):
            return _clean(c["value"], c.get("type", ""))
    return _clean(entry.get("summary") or entry.get("description") or "", "text/html")


def _clean(value: str, kind: str) -> str:
    if "html" in kind or "<" in value:
        import html as htmllib

        value = htmllib.unescape(_TAGS.sub(" ", value))
    return re.sub(r"[ \t]+", " ", value).strip()


def iter_feed(data: bytes, where: str, *, published: Optional[str] = None) -> Iterator[tuple[str, Union[Story, str]]]:
    """(place, story) per entry; a malformed or truncated feed ends with ("", message) after
    the entries that could be read, so the run reports it instead of passing it silently."""
    import xml.sax

    import feedparser

    feed = feedparser.parse(data)
    broken = feed.get("bozo") and isinstance(feed.get("bozo_exception"), xml.sax.SAXException)
    if not feed.entries:
        detail = f" ({_where(feed.bozo_exception)})" if broken else ""
        raise InputError(f"{where}: not an RSS/Atom feed, or a feed without entries{detail}")
    source = (feed.feed.get("title") or None) if hasattr(feed, "feed") else None
    for n, entry in enumerate(feed.entries, 1):
        text = _entry_text(entry)
        if not text:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*when[:3]).isoformat() if when else published
        try:
            yield f"entry {n}", make_story(text, id=entry.get("id") or None, title=entry.get("title"),
                                           published=date, url=entry.get("link"), source=source)
        except InputError as exc:
            yield f"entry {n}", str(exc)
    if broken:
        yield "", (f"malformed or truncated feed ({_where(feed.bozo_exception)}); {len(feed.entries)} "
                   "entries read, the last may be incomplete and later ones missing")


def _where(exc) -> str:
    try:
        return f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    except AttributeError:  # pragma: no cover - other SAX errors
        return str(exc)
