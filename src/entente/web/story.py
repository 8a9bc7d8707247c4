"""A story's text as paragraphs of marked segments, for the story template: the evidence of
every event, the chosen event's evidence and trigger, statements and actor mentions, by
character offsets. Overlapping spans are cut at every boundary, so the markup always nests."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


@dataclass
class Span:
    start: int
    end: int
    css: str
    title: str = ""
    anchor: str = ""   # id for the first segment (the target of #ev-… links)


@dataclass
class Segment:
    text: str
    css: list[str] = field(default_factory=list)
    title: str = ""
    anchors: list[str] = field(default_factory=list)  # ids of the spans that start here
    line_break: bool = False


def spans(doc: dict, event_id: Optional[str], statement_id: Optional[str]) -> list[Span]:
    names = {a["id"]: a.get("name") or a["id"] for a in doc.get("actors", [])}
    out: list[Span] = []
    for a in doc.get("actors", []):
        for m in a.get("mentions", []):
            out.append(Span(m["start"], m["end"], "mention", f"{a.get('name')} ({a.get('country') or '?'})"))
    for s in doc.get("statements", []):
        sid = s.get("id") or f"s{s['start']}"
        chosen = sid == statement_id
        who = names.get(s.get("speaker"), s.get("speaker_text") or "unknown speaker")
        out.append(Span(s["start"], s["end"], "statement chosen" if chosen else "statement",
                        f"statement by {who}", f"st-{sid}"))
    for e in doc.get("events", []):
        ev = e["evidence"]
        chosen = e["id"] == event_id
        parties = lambda ids: ", ".join(names.get(i, i) for i in ids) or "?"  # noqa: E731
        out.append(Span(ev["start"], ev["end"], "evidence chosen" if chosen else "evidence",
                        f"{e['type']}: {parties(e.get('actors', []))} → {parties(e.get('recipients', []))}",
                        f"ev-{e['id']}"))
        if chosen and ev.get("trigger_start") is not None and ev.get("trigger_end") is not None:
            out.append(Span(ev["trigger_start"], ev["trigger_end"], "trigger", f"trigger: {ev.get('trigger')}"))
        elif chosen and ev.get("trigger"):
            at = _find(ev["sentence"], ev["trigger"])
            if at is not None:
                out.append(Span(ev["start"] + at, ev["start"] + at + len(ev["trigger"]), "trigger",
                                f"trigger: {ev['trigger']}"))
    return out


def _find(sentence: str, word: str) -> Optional[int]:
    m = re.search(r"\b" + re.escape(word) + r"\b", sentence or "")
    return m.start() if m else None


def paragraphs(text: str, doc: dict, event_id: Optional[str] = None,
               statement_id: Optional[str] = None) -> list[list[Segment]]:
    """The text split at blank lines into paragraphs; each a list of segments carrying the CSS
    classes of every span over it. A single newline inside a paragraph becomes a line break."""
    n = len(text)
    marks = [s for s in spans(doc, event_id, statement_id) if 0 <= s.start < s.end <= n]
    cuts = {0, n}
    for s in marks:
        cuts.update((s.start, s.end))
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    for a, b in breaks:
        cuts.update((a, b))
    for m in re.finditer(r"\n", text):
        cuts.update((m.start(), m.start() + 1))
    order = sorted(cuts)
    paras: list[list[Segment]] = [[]]
    bi = 0
    for a, b in zip(order, order[1:]):
        while bi < len(breaks) and breaks[bi][1] <= a:
            bi += 1
        if bi < len(breaks) and breaks[bi][0] <= a < breaks[bi][1]:
            if paras[-1]:
                paras.append([])
            continue
        chunk = text[a:b]
        if chunk == "\n":
            paras[-1].append(Segment("", line_break=True))
            continue
        over = [s for s in marks if s.start <= a and b <= s.end]
        paras[-1].append(Segment(chunk, sorted({c for s in over for c in s.css.split()}),
                                 " · ".join(dict.fromkeys(s.title for s in over if s.title)),
                                 [s.anchor for s in over if s.anchor and s.start == a]))
    return [p for p in paras if p]
