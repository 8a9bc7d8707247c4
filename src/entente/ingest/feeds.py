"""RSS/Atom feed files: one story per entry, with its own publication date."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Optional

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


def iter_feed(data: bytes, where: str, *, published: Optional[str] = None) -> Iterator[Story]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        raise InputError(f"{where}: not an RSS/Atom feed, or a feed without entries")
    source = (feed.feed.get("title") or None) if hasattr(feed, "feed") else None
    for entry in feed.entries:
        text = _entry_text(entry)
        title = entry.get("title")
        body = text
        if not body:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        date = dt.date(*when[:3]).isoformat() if when else published
        yield make_story(body, id=entry.get("id") or None, title=title, published=date,
                         url=entry.get("link"), source=source)
