"""The story's actors while they are being found: drafts keyed by a stable
internal key, their mentions as token spans; `finish` turns them into the
contract's `Actor`s (ids in first-mention order) and links every mention."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from entente import doc_cache
from entente.analysis import Analysis
from entente.model import Actor, Grouping, Mention, Role


@dataclass
class MentionSpan:
    start: int          # tokens of the mention text
    end: int
    link_start: int     # tokens linked to the actor (may include a title)
    link_end: int
    shared: bool = False  # a plural description or pronoun naming several actors


@dataclass
class Draft:
    key: str
    name: str
    kind: str
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    role_former: bool = False        # the role is one held no more ("a former defense minister")
    posted_to: Optional[str] = None
    members: tuple[str, ...] = ()
    roles: list[Role] = field(default_factory=list)
    mentions: list[MentionSpan] = field(default_factory=list)
    code: Optional[str] = None
    links: list[tuple[int, int]] = field(default_factory=list)
    unnamed: bool = False   # a person the story describes by title only ("the Pakistani envoy")

    @property
    def first(self) -> int:
        return min(m.link_start for m in self.mentions) if self.mentions else 10**9

    @property
    def role_words(self) -> set[str]:
        words: set[str] = set()
        for r in self.roles:
            words.update(r.title.casefold().split())
        if self.role:
            words.update(self.role.casefold().split())
        return words


class Drafts:
    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.toks = doc_cache.tokens(analysis.doc)   # one Token object per token, shared by the submodules
        self.drafts: dict[str, Draft] = {}
        # token -> keys of drafts it mentions, kept in step with the drafts
        self.token_keys: dict[int, list[str]] = {}
        # token spans already claimed by a mention (start -> end)
        self.claimed: set[int] = set()

    def get_or_add(self, key: str, **fields) -> Draft:
        d = self.drafts.get(key)
        if d is None:
            d = Draft(key=key, **fields)
            self.drafts[key] = d
        return d

    def state(self, iso: str, name: str) -> str:
        """The key of the state's draft, made on first use."""
        key = "s:" + iso
        self.get_or_add(key, name=name, kind="state", country=iso, sector="GOV", code=iso)
        return key

    def mention(self, key: str, start: int, end: int, link_start: Optional[int] = None,
                link_end: Optional[int] = None, shared: bool = False) -> None:
        d = self.drafts[key]
        ls = start if link_start is None else link_start
        le = end if link_end is None else link_end
        for m in d.mentions:
            if m.start == start and m.end == end:
                return
        d.mentions.append(MentionSpan(start, end, ls, le, shared))
        for i in range(ls, le):
            keys = self.token_keys.setdefault(i, [])
            if key not in keys:
                keys.append(key)
            self.claimed.add(i)

    def release(self, key: str, start: int, end: int) -> None:
        """Tokens inside a mention that name another actor ("China" in "Ambassador to China Jo Lee")."""
        for i in range(start, end):
            keys = self.token_keys.get(i)
            if keys and key in keys:
                keys.remove(key)
            self.claimed.discard(i)

    def link(self, key: str, start: int, end: int) -> None:
        """Tokens that refer to the actor without being a mention of their own (a title in apposition)."""
        self.drafts[key].links.append((start, end))
        for i in range(start, end):
            keys = self.token_keys.setdefault(i, [])
            if key not in keys:
                keys.append(key)
            self.claimed.add(i)

    def merge(self, into: str, other: str) -> None:
        """Two drafts are one referent ("Yang is a Chinese businessman"): move `other`'s mentions to `into`."""
        d, o = self.drafts[into], self.drafts.pop(other)
        d.country = d.country or o.country
        d.sector = d.sector or o.sector
        if o.roles and not d.roles:
            d.roles, d.role, d.role_former, d.posted_to = o.roles, o.role, o.role_former, o.posted_to
        for keys in self.token_keys.values():
            if other in keys:
                keys[keys.index(other)] = into
                while keys.count(into) > 1:
                    keys.reverse(); keys.remove(into); keys.reverse()
        for m in o.mentions:
            if not any(x.start == m.start and x.end == m.end for x in d.mentions):
                d.mentions.append(m)
        d.links.extend(o.links)

    def keys_at(self, i: int) -> list[str]:
        return self.token_keys.get(i, [])

    def is_claimed(self, start: int, end: int) -> bool:
        return not self.claimed.isdisjoint(range(start, end))

    # -- output -------------------------------------------------------------
    def finish(self) -> dict[str, str]:
        """Write the actors; returns draft key -> actor id."""
        analysis = self.analysis
        doc = analysis.doc
        drafts = [d for d in self.drafts.values() if d.mentions]
        drafts.sort(key=lambda d: (d.first, d.key))
        ids = {d.key: f"a{n}" for n, d in enumerate(drafts, 1)}
        actors = []
        groupings = []
        for d in drafts:
            mentions = []
            for m in sorted(d.mentions, key=lambda m: (m.start, m.end)):
                if m.end > m.start:   # the offsets and text from the Doc's cache, as the Span gives them
                    start, end = doc_cache.span_chars(doc, m.start, m.end)
                    mentions.append(Mention(text=doc_cache.text(doc)[start:end], start=start, end=end))
                    continue
                span = doc[m.start:m.end]
                mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char))
            code = d.code
            if code is None and d.country:
                code = d.country + (d.sector or "") if d.country != "IGO" else "IGO"
            actors.append(Actor(id=ids[d.key], name=d.name, kind=d.kind, country=d.country, sector=d.sector,
                                role=d.role, posted_to=d.posted_to, code=code, members=list(d.members),
                                roles=list(d.roles), mentions=mentions))
            if d.kind == "grouping" and d.members:
                groupings.append(Grouping(name=d.name, members=sorted(d.members)))
        analysis.result.actors = actors
        analysis.result.groupings = groupings
        for d in drafts:
            spans = sorted({(m.link_start, m.link_end) for m in d.mentions} | set(d.links))
            for a, b in spans:
                analysis.link_mention([ids[d.key]], a, b)
        return ids
