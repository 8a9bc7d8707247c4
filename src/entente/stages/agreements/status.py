"""Where an agreement stands, from the words around each mention.

Each mention yields status cues: the verbs and nouns that govern it
("reached a framework for the X", "signed the X", "X negotiations",
"withdrew from the X") and its own modifiers ("the proposed X"). A cue that
is negated is dropped; a future, modal or planned cue ("will sign", "plans to
ratify") or a descriptive modifier ("proposed") is weak. The agreement's status
is the most advanced strong cue (a weak future step gives the stage before it) — unless a suspension or withdrawal is dated no
earlier than it, which then wins — or the most advanced weak cue when there is
no strong one. The cue's date is its event's date (events/dating stages) or a
time expression in its clause.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from entente.stages.agreements import lexicon

FUTURE_AUX = {"will", "would", "could", "may", "might", "should", "shall", "ca", "can"}
PLAN_HEADS = {"plan", "expect", "hope", "aim", "seek", "want", "intend", "propose", "prepare", "try", "push", "urge", "call"}


@dataclass
class Cue:
    status: str
    token: object
    strong: bool


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children if tok.dep_ in ("xcomp",))


def _weak(tok) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
        return True
    h = tok
    for _ in range(2):
        if h.dep_ in ("xcomp", "ccomp") and h.head.lemma_.lower() in PLAN_HEADS:
            return True
        h = h.head
    return False


def _phrase_status(doc, i: int) -> Optional[str]:
    phrases = lexicon.data()["status_phrases"]
    for n in (2, 3):
        for s in range(max(0, i - n), i + 1):
            key = " ".join(t.lower_ for t in doc[s:s + n])
            if key in phrases:
                return phrases[key]
    return None


def cues_for(doc, head_i: int, start_tok: int, end_tok: int) -> list[Cue]:
    lx = lexicon.data()
    lemmas = lx["status_lemmas"]
    out: list[Cue] = []
    head = doc[head_i]
    # own modifiers: "the proposed Interim Agreement", "the signed accord"
    for c in head.children:
        if c.i < start_tok and c.dep_ in ("amod", "compound") or (c.dep_ == "amod"):
            lem = c.lemma_.lower()
            if c.lower_ in lx["weak_status_modifiers"] or lem in lx["weak_status_modifiers"]:
                out.append(Cue("proposed", c, False))
            elif c.tag_ == "VBN" and lem in lemmas:
                out.append(Cue(lemmas[lem], c, True))
    # what the mention modifies: "X negotiations", "X talks", "X's signing"
    if head.dep_ in ("compound", "poss", "nmod") and head.head.lemma_.lower() in lemmas:
        h = head.head
        out.append(Cue(lemmas[h.lemma_.lower()], h, not _weak(h)))
        for c in h.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lemmas and not _negated(c):
                out.append(Cue(lemmas[c.lemma_.lower()], c, not _weak(c)))
    # the verbs and nouns above it: "signed the X", "reached a framework for the X"
    a = head
    for _ in range(4):
        if a.head is a:
            break
        a = a.head
        if start_tok <= a.i < end_tok:
            continue
        lem = a.lemma_.lower()
        st = lemmas.get(lem)
        ph = _phrase_status(doc, a.i)
        if ph and (st is None or lx["rank"][ph] > lx["rank"].get(st, -1)) and a.pos_ == "NOUN":
            st = ph
        if st is not None and a.pos_ in ("VERB", "NOUN", "AUX"):
            if a.pos_ == "VERB" and _negated(a):
                break
            # "framework" is a stage of its own: "reached a framework for X"
            if lem == "framework" and a.head.lemma_.lower() in lemmas:
                st = "framework reached"
            out.append(Cue(st, a, not _weak(a) if a.pos_ == "VERB" else True))
            if a.pos_ == "VERB":
                break
        if a.pos_ == "VERB" and st is None and a.dep_ not in ("xcomp", "acl", "relcl", "advcl", "pcomp"):
            break
    # "X entered into force", "X took effect", "the X collapsed"
    if head.dep_ in ("nsubj", "nsubjpass"):
        v = head.head
        lem = v.lemma_.lower()
        ph = None
        for c in v.children:
            if c.dep_ in ("prep", "dobj", "advmod") and c.i > v.i:
                ph = _phrase_status(doc, c.i + 1 if c.i + 1 < len(doc) else c.i) or _phrase_status(doc, c.i)
                if ph:
                    break
        st = ph or lemmas.get(lem)
        if st and not _negated(v) and not any(cu.token is v for cu in out):
            out.append(Cue(st, v, not _weak(v)))
    return out


def decide(cues: list[tuple[Cue, Optional[str]]]) -> Optional[tuple[Cue, Optional[str]]]:
    """Pick the cue that gives the status. `cues` pairs a cue with its ISO date (or None)."""
    if not cues:
        return None
    lx = lexicon.data()
    rank = lx["rank"]
    terminal = set(lx["terminal"])
    strong = [c for c in cues if c[0].strong]
    if strong:
        pool = strong
    else:
        # a future or planned step says where the agreement stands now: the stage
        # before it ("will be ratified" -> signed); a threatened exit says nothing
        order = lx["status_order"]
        pool = []
        for c, d in cues:
            if c.status in terminal:
                continue
            r = max(0, rank[c.status] - 1) if c.token.pos_ == "VERB" else rank[c.status]
            pool.append((Cue(order[r], c.token, False), d))
        if not pool:
            return None
    best_life = max((c for c in pool if c[0].status not in terminal), key=lambda c: (rank[c[0].status], c[1] or ""), default=None)
    best_term = max((c for c in pool if c[0].status in terminal), key=lambda c: (c[1] or "", rank[c[0].status]), default=None)
    if best_term is None:
        return best_life
    if best_life is None:
        return best_term
    if best_term[1] is None or best_life[1] is None or best_term[1] >= best_life[1]:
        return best_term
    return best_life
