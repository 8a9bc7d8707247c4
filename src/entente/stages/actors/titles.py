"""Titles of people: "Principal Deputy Spokesperson", "Secretary of State", "India's Ambassador to
China". A title gives a person's role and sector, and the words around it the country; titles
never become part of a name."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from entente import doc_cache
from entente.entities import FORMER_WORDS
from entente.ontology import language
from entente.ontology.codebook import Codebook, norm

from .detect import Match


CONNECTORS = language.words("entities", "title_connectors")


@dataclass
class Title:
    start: int
    end: int            # exclusive, without the posting
    text: str
    head: str
    sector: Optional[str]
    posted_to: Optional[str] = None
    post_start: Optional[int] = None   # start of the posted-to country's name ("China" in "to China")
    post_end: Optional[int] = None   # end of "to China"
    capitalised: bool = True
    of_country: Optional[str] = None   # the party after "for/of" ("spokesperson for Pakistan's ministry")
    former: bool = False   # a role held no more ("a former Peruvian defense minister", "then-president")


def _head_at(doc, cb: Codebook, j: int) -> Optional[tuple[int, str]]:
    """A title head ending at token j: (start token of the head, key)."""
    for k in (3, 2, 1):
        s = j - k + 1
        if s < 0:
            continue
        key = norm(doc_cache.span_text(doc, s, j + 1))  # doc[s:j + 1].text, no Span built
        if key in cb.title_heads:
            if k == 1 and doc[j].pos_ not in ("NOUN", "PROPN") and not doc[j].text[:1].isupper():
                return None
            return s, key
    return None


def title_ending_at(doc, cb: Codebook, end: int, sent_start: int = 0, blocked=frozenset()) -> Optional[Title]:
    """The title whose last token is end-1 ("Principal Deputy Spokesperson", "Secretary of State")."""
    j = end - 1
    if j < sent_start:
        return None
    head = None
    # "Secretary of State", "Minister for Foreign Affairs": a capitalised complement
    for k in range(j, max(sent_start, j - 5), -1):
        if doc[k].lower_ in language.words("entities", "title_body_preps") and k - 1 >= sent_start:
            comp = doc[k + 1:end]
            if len(comp) and comp[-1].text[:1].isupper() and all(
                    t.lower_ in CONNECTORS or (t.text[:1].isupper() and (norm(t.text) in cb.title_modifiers or t.i in blocked))
                    for t in comp):
                h = _head_at(doc, cb, k - 1)
                if h is not None and doc[k - 1].text[:1].isupper():
                    head = h
                    break
        if not (doc[k].text[:1].isupper() or doc[k].lower_ in CONNECTORS):
            break
    if head is None:
        head = _head_at(doc, cb, j)
        if head is None:
            return None
    s = head[0]
    while s - 1 >= sent_start and s - 1 not in blocked:
        w = norm(doc[s - 1].text)
        if w in cb.title_modifiers or (w in cb.title_heads and doc[s - 1].pos_ in ("NOUN", "PROPN", "ADJ")):
            s -= 1
        else:
            break
    # "Minister" alone from "State Minister": drop a leading modifier that is only a function word
    text = doc_cache.span_text(doc, s, end)
    key = norm(text)
    if s - 2 >= sent_start and doc[s - 1].text == "-" and not doc[s - 2].whitespace_ \
            and doc[s - 2].lower_ in FORMER_WORDS:
        text = doc_cache.span_text(doc, s - 2, end)   # "then-president": a role held no more
    sector = cb.title_heads.get(key) or cb.agents.get(key) or cb.title_heads.get(head[1])
    cap = doc[head[0]].text[:1].isupper()
    return Title(s, end, text, head[1], sector, capitalised=cap, former=_former_before(doc, s, sent_start))


# How far before a title a word may say the role is held no more ("a former Peruvian defense minister").
FORMER_REACH = 3


def _former_before(doc, s: int, sent_start: int) -> bool:
    for k in range(s - 1, max(sent_start, s - FORMER_REACH) - 1, -1):
        if doc[k].lower_ in FORMER_WORDS:
            return True
        if doc[k].is_punct and doc[k].text != "-" or doc[k].pos_ in ("DET", "VERB", "AUX"):
            return False
    return False


def posting_after(doc, title: Title, matches_by_start: dict[int, Match]) -> None:
    """"Ambassador to China" -> posted_to CHN (also "envoy to the UN")."""
    i = title.end
    if i < len(doc) and doc[i].lower_ in language.words("entities", "posting_preps") and title.head in language.words("entities", "posting_titles"):
        k = i + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        m = matches_by_start.get(k)
        if m is not None and m.entry.country:
            title.posted_to = m.entry.country
            title.post_start, title.post_end = m.start, m.end


def strip_name(doc, cb: Codebook, start: int, end: int) -> tuple[int, int, Optional[Title]]:
    """Remove title words and honorifics inside a PERSON entity ("Spokesperson Tommy Pigott")."""
    title = None
    s = start
    while s < end - 1:
        w = norm(doc[s].text)
        if w in cb.honorifics:
            s += 1
            continue
        if w in cb.title_heads or w in cb.title_modifiers:
            k = s
            while k < end - 1 and (norm(doc[k].text) in cb.title_heads or norm(doc[k].text) in cb.title_modifiers):
                k += 1
            t = title_ending_at(doc, cb, k, start)
            if t is not None:
                title = t
            s = k
            continue
        break
    e = end
    while e > s and doc[e - 1].lower_ in ("'s", "’s", "'", ",", "."):
        e -= 1
    return s, e, title
