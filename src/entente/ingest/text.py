"""Plain text: one file, one story."""
from __future__ import annotations

from typing import Optional

from entente.model import Story
from entente.pipeline import make_story


def story_from_text(text: str, *, published: Optional[str] = None, source: Optional[str] = None) -> Story:
    title = None
    first, _, rest = text.strip().partition("\n")
    # A short first line followed by a blank line reads as a headline.
    if rest.startswith("\n") and 0 < len(first) < 150 and not first.rstrip().endswith((".", "\u201d", '"')):
        title = first.strip()
    return make_story(text, published=published, title=title, source=source)
