"""What the dashboard's views share: lenient reading of form fields into a checked EventFilter,
canonical query strings for links (drill-down, paging, export), and row presentation."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlencode

from fastapi.exceptions import RequestValidationError
from starlette.datastructures import QueryParams

from entente.api.params import MAX_LIMIT, MAX_OFFSET, Vocab, event_filter, link
from entente.store import EventFilter

PAGE_SIZES = (25, 50, 100, 200)
EVENT_FIELDS = ("country", "dyad", "directed", "type", "factuality", "since", "until", "q", "topic", "entity", "dedupe")


@dataclass
class Form:
    """The request's query parameters, blank fields dropped, with the first problem found."""
    params: QueryParams
    errors: list[str] = field(default_factory=list)

    def get(self, name: str) -> Optional[str]:
        v = self.params.get(name)
        return v.strip() if v and v.strip() else None

    def all(self, name: str) -> list[str]:
        return [v.strip() for v in self.params.getlist(name) if v.strip()]

    def flag(self, name: str) -> bool:
        return (self.get(name) or "").lower() in ("1", "true", "on", "yes")

    def number(self, name: str, default: int, lo: int, hi: int) -> int:
        raw = self.get(name)
        try:
            value = int(raw) if raw is not None else default
        except ValueError:
            self.errors.append(f"{name} {raw[:20]!r}: not a whole number")
            return default
        if not lo <= value <= hi:
            self.errors.append(f"{name} {value}: between {lo} and {hi:,}")
            return min(max(value, lo), hi)
        return value

    def paging(self, default: int = 50) -> tuple[int, int]:
        return self.number("limit", default, 1, MAX_LIMIT), self.number("offset", 0, 0, MAX_OFFSET)

    def events(self, vocab: Vocab) -> EventFilter:
        """The event filter of the form; on a bad field, the message and an empty-handed filter."""
        try:
            return event_filter(
                vocab, country=self.get("country"), dyad=self.get("dyad"), directed=self.flag("directed"),
                types=self.all("type"), factuality=self.all("factuality"), since=self.get("since"),
                until=self.get("until"), q=self.get("q"), topic=self.get("topic"), entity=self.get("entity"),
                dedupe=self.flag("dedupe"))
        except RequestValidationError as exc:
            self.errors.append(exc.errors()[0]["msg"])
            return EventFilter()

    def text(self, name: str) -> Optional[str]:
        from entente.api.params import check_text

        try:
            return check_text(self.get(name), name)
        except RequestValidationError as exc:
            self.errors.append(exc.errors()[0]["msg"])
            return None


def filter_params(f: EventFilter) -> list[tuple[str, str]]:
    """The canonical query parameters of an event filter (what the API accepts)."""
    out: list[tuple[str, str]] = []
    if f.country:
        out.append(("country", f.country))
    if f.dyad:
        out.append(("dyad", "-".join(f.dyad)))
        if f.directed:
            out.append(("directed", "true"))
    out += [("type", t) for t in f.types] + [("factuality", x) for x in f.factuality]
    for name, value in (("since", f.since), ("until", f.until), ("q", f.text), ("topic", f.topic), ("entity", f.entity)):
        if value:
            out.append((name, value))
    if f.dedupe:
        out.append(("dedupe", "true"))
    return out


def url(path: str, params: list[tuple[str, str]] | dict, **changes) -> str:
    """path?params with some replaced (None drops one)."""
    items = list(params.items()) if isinstance(params, dict) else list(params)
    items = [(k, v) for k, v in items if k not in changes]
    items += [(k, str(v)) for k, v in changes.items() if v is not None and v != ""]
    return path + ("?" + urlencode(items) if items else "")


@dataclass
class Pager:
    total: int
    limit: int
    offset: int
    base: str
    params: list

    @property
    def first(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.limit, self.total)

    def prev(self) -> Optional[str]:
        return url(self.base, self.params, offset=max(0, self.offset - self.limit) or None) if self.offset else None

    def next(self) -> Optional[str]:
        return url(self.base, self.params, offset=self.offset + self.limit) if self.offset + self.limit < self.total else None

    def size(self, n: int) -> str:
        return url(self.base, self.params, limit=n, offset=None)


def story_href(story_id: str, event_id: Optional[str] = None, statement_id: Optional[str] = None) -> str:
    from urllib.parse import quote

    base = "/stories/" + quote(story_id, safe="")
    if event_id:
        return url(base, [], event=event_id) + "#ev-" + event_id
    if statement_id:
        return url(base, [], statement=statement_id) + "#st-" + statement_id
    return base


def sentence_parts(row: dict) -> tuple[str, str, str]:
    """The evidence sentence cut around its trigger (the first whole-word match), for bolding."""
    import re

    sentence, trigger = row.get("sentence") or "", row.get("trigger") or ""
    m = re.search(r"\b" + re.escape(trigger) + r"\b", sentence) if trigger else None
    if not m:
        return sentence, "", ""
    return sentence[:m.start()], m.group(0), sentence[m.end():]


def present_event(row: dict) -> dict:
    row["link"] = link(row.get("url"))
    row["href"] = story_href(row["story_id"], row["event_id"])
    row["parts"] = sentence_parts(row)
    row["sources"] = [{**s, "href": story_href(s["story_id"], s["event_id"]), "link": link(s.get("url"))}
                      for s in row.get("sources", [])]
    return row
