"""Descriptions that name an actor the story has named before: "the military" (the Pakistani
military of the paragraph above), "the foreign ministry", "the government", "the country", "the
Southeast Asian nation"; and groups the codebook cannot list because a party word makes them
("Republican lawmakers").

Each resolves to the most recent earlier actor that fits: the same head noun in its name (with any
modifier words of the description), or, for the state's own bodies ("the government",
"the country"), the last state mentioned. A description that fits nothing stays unlinked.
"""
from __future__ import annotations

from typing import Optional

from entente.ontology import language
from entente.ontology.codebook import Codebook, norm

from .detect import agent_sector
from .registry import Registry

LOOKBACK_SENTENCES = 6


def _last_mentions(reg: Registry, before: int) -> list[tuple[int, str]]:
    out = []
    for d in reg.drafts.values():
        for m in d.mentions:
            if not m.shared and m.end <= before:
                out.append((m.start, d.key))
    out.sort(reverse=True)
    return out


# Heads any grouping answers to ("the group" after "the G7").
GROUPING_HEADS = frozenset({"group", "bloc", "alliance", "coalition", "grouping"})
# Heads any news organisation answers to ("the media outlet" after "VOA").
MEDIA_HEADS = frozenset({"outlet", "broadcaster", "newspaper", "network"})


def _fits(reg: Registry, key: str, head: str, words: list[str]) -> bool:
    d = reg.drafts[key]
    if d.kind == "grouping" and head in GROUPING_HEADS:
        return True
    if head in MEDIA_HEADS and d.sector == "MED" and d.kind == "organization":
        return True
    if d.kind not in ("organization", "group", "igo"):
        return False
    name = {w.strip(".,").lower() for w in d.name.replace("’s", " ").replace("'s", " ").split()}
    return head in name and all(w in name for w in words)


def resolve(doc, cb: Codebook, reg: Registry) -> None:
    heads = language.words("entities", "description_heads")
    state_heads = language.words("entities", "state_heads")
    state_nouns = language.words("entities", "state_nouns")
    sent_start = {t.i: t.sent.start for t in doc} if len(doc) < 200000 else {}
    for tok in reg.toks:
        if tok.i in reg.claimed or tok.pos_ != "NOUN":
            continue
        lem = tok.lemma_.lower()
        is_state_noun = lem in state_nouns and tok.tag_ == "NN"
        if lem not in heads and not is_state_noun:
            continue
        left = [c for c in tok.children if c.i < tok.i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in left):
            continue
        if any(c.i in reg.claimed or (c.text[:1].isupper() and c.dep_ in ("compound", "amod") and not is_state_noun)
               for c in left):
            continue   # "the Pakistani military", "the U.N. mission": named by the actors stage
        words = [c.lower_ for c in left if c.dep_ in ("compound", "amod") and c.is_alpha]
        start = min(c.i for c in left)
        limit = sent_start.get(tok.i, 0)
        key = _antecedent(doc, reg, start, lem, words, is_state_noun or lem in state_heads, limit)
        if key is None and words:
            key = _antecedent(doc, reg, start, lem, [], is_state_noun or lem in state_heads, limit)
        if key is not None:
            reg.mention(key, start, tok.i + 1)


def _antecedent(doc, reg: Registry, before: int, head: str, words: list[str], state_ok: bool,
                limit: int) -> Optional[str]:
    first_sent = doc[before].sent
    sents = 0
    last_sent = None
    for pos, key in _last_mentions(reg, before):
        s = doc[pos].sent.start
        if s != last_sent:
            last_sent, sents = s, sents + 1
        if sents > LOOKBACK_SENTENCES:
            break
        if _fits(reg, key, head, words):
            return key
    if not state_ok:
        return None
    sents, last_sent = 0, None
    for pos, key in _last_mentions(reg, before):
        s = doc[pos].sent.start
        if s != last_sent:
            last_sent, sents = s, sents + 1
        if sents > 2:
            break
        if reg.drafts[key].kind == "state":
            return key
    return None


def party_groups(doc, cb: Codebook, reg: Registry) -> None:
    """"Republican lawmakers", "Democratic senators": a party word on an agent noun names a group of
    the party's country."""
    for tok in reg.toks:
        c = cb.party_countries.get(norm(tok.text)) if tok.text[:1].isupper() else None
        if not c or tok.i in reg.claimed:
            continue
        h = tok.head
        if h.i <= tok.i or h.pos_ != "NOUN" or h.i in reg.claimed:
            continue
        sector = agent_sector(cb, [h])
        if not sector:
            continue
        name = doc[tok.i:h.i + 1].text
        key = "g:" + norm(name)
        reg.get_or_add(key, name=name, kind="group", country=c, sector=sector)
        reg.mention(key, tok.i, h.i + 1)
