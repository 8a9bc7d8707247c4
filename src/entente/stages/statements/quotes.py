"""Quotation marks -> quote groups (text only, no parse).

A group is one quotation: one or more segments (content offsets without the
marks). A quotation that runs over several paragraphs is one group when the
paragraph ends with the quotation still open and the next paragraph reopens it
(the newspaper convention). Straight quotes alternate within a paragraph;
curly quotes pair “…”; single quotes ‘…’ and '…' count at word boundaries only
and only outside a double quotation (a straight one only when it closes within
the paragraph, after two words or more).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from entente import doc_cache

OPEN_D = "“„«"
CLOSE_D = "”»"
# Every character the scan acts on: the others never change its state, so it jumps from mark to mark.
_MARKS = re.compile("[" + re.escape(OPEN_D + CLOSE_D + "\"‘'’") + "]")


@dataclass
class QuoteGroup:
    segments: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text(self, doc_text: str) -> str:
        return " ".join(doc_text[s:e] for s, e in self.segments)

    def contains(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.segments)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e



def _segment(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted span without surrounding blanks and the trailing ",;:" or dash before the mark."""
    s_, e_ = _trim(text, start, end)
    while e_ > s_ and text[e_ - 1] in ",;:—–":
        e_ -= 1
    return _trim(text, s_, e_)

def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _straight_close(text: str, start: int, pe: int):
    """Offset of the straight single mark closing a quotation opened at `start`:
    one at a word end ("…sale,' he said") whose content holds at least two words;
    an apostrophe inside a word (Greenland's), a plural possessive (leaders')
    and a one-word span (rock 'n' roll, the '90s) do not close."""
    j = text.find("'", start, pe)
    while j != -1:
        nxt = text[j + 1] if j + 1 < pe else " "
        prev = text[j - 1]
        if not nxt.isalnum() and (prev in ",.!?;:—–" or (prev.isalnum() and prev not in "sS")) and " " in text[start:j].strip() \
                and text[j - 2] != "'":
            return j
        j = text.find("'", j + 1, pe)
    return None


def quotes_of(doc) -> list[QuoteGroup]:
    """The story's quotations, found once per Doc (coreference and the statements stage both ask)."""
    return doc_cache.cached(doc, "entente.quotes", lambda: find_quotes(doc_cache.text(doc)))


def find_quotes(text: str) -> list[QuoteGroup]:
    # Typewriter doubles (''…'' and ``…'') are one straight double mark each; the
    # working copy keeps every offset of the original text.
    if "''" in text or "``" in text:
        text = text.replace("''", '" ').replace("``", '" ')
    groups: list[QuoteGroup] = []
    pending: QuoteGroup | None = None  # a group left open at a paragraph end
    for ps, pe in _paragraphs(text):
        s0 = ps
        while s0 < pe and text[s0].isspace():
            s0 += 1
        if s0 >= pe:
            continue  # blank line: keep pending for the next paragraph
        cur: QuoteGroup | None = None
        open_at: int | None = None
        kind = ""
        if pending is not None:
            if text[s0] in OPEN_D or text[s0] in CLOSE_D or text[s0] == '"':
                cur, pending = pending, None
            else:
                pending = None
        for mark in _MARKS.finditer(text, s0, pe):
            i = mark.start()
            c = text[i]
            if c in OPEN_D or c in CLOSE_D or c == '"':
                prev = text[i - 1] if i > ps else " "
                nxt = text[i + 1] if i + 1 < pe else " "
                # the side of the word a mark sits on decides, whichever way it is drawn
                opening_ctx = (prev.isspace() or prev in "([{—–-―:;/") and not nxt.isspace()
                closing_ctx = (not prev.isspace()) and (nxt.isspace() or nxt in ".,;:!?)]}—–-―'’")
                if open_at is None:
                    if opening_ctx or (c in OPEN_D and not closing_ctx) or (c == '"' and not closing_ctx):
                        open_at, kind = i + 1, "d"
                        if cur is None:
                            cur = QuoteGroup()
                elif kind == "d":
                    if closing_ctx or (c in CLOSE_D and not opening_ctx) or (c == '"' and not opening_ctx):
                        s_, e_ = _segment(text, open_at, i)
                        if e_ > s_ and cur is not None:
                            cur.segments.append((s_, e_))
                            groups.append(cur)
                        cur, open_at = None, None
                    elif i > open_at:
                        # a second opening mark inside a quotation: the first was stray
                        cur = QuoteGroup()
                        open_at = i + 1
                continue
            if open_at is None:
                if c == "‘" and (i == ps or not text[i - 1].isalnum()) and i + 1 < pe and text[i + 1].isalnum():
                    open_at, kind = i + 1, "s"
                    cur = QuoteGroup() if cur is None else cur
                elif c == "'" and (i == ps or text[i - 1].isspace() or text[i - 1] in "([{—–―:;") and i + 1 < pe \
                        and text[i + 1].isalpha() and _straight_close(text, i + 1, pe) is not None:
                    # a straight single quotation: opened only when it closes in this paragraph
                    open_at, kind = i + 1, "s'"
                    cur = QuoteGroup() if cur is None else cur
            elif kind == "s'" and i == _straight_close(text, open_at, pe):
                s_, e_ = _segment(text, open_at, i)
                if e_ > s_ and cur is not None:
                    cur.segments.append((s_, e_))
                    groups.append(cur)
                cur, open_at = None, None
            elif kind == "s" and c == "’" and (i + 1 >= pe or not text[i + 1].isalnum()) and (
                    text[i - 1] not in " s" or text[i - 1] == " " and (i + 1 >= pe or text[i + 1].isspace())):
                # a mark standing alone ("concerned ’ In …") closes: an apostrophe touches its word
                s_, e_ = _trim(text, open_at, i)
                if e_ > s_ and cur is not None:
                    cur.segments.append((s_, e_))
                    groups.append(cur)
                cur, open_at = None, None
        if open_at is not None and kind == "d" and cur is not None:
            s, e = _trim(text, open_at, pe)
            if e > s:
                cur.segments.append((s, e))
                pending = cur  # continues only if the next paragraph reopens
    return [g for g in groups if g.segments]
