"""What the story around an act tells of it: the proposal an answer answers ("Greece also
supported the call"), the protest a demand is made in ("staged demonstrations to demand reforms"),
the attack a toll belongs to ("Militants stormed the base. Three soldiers were killed.")."""
from __future__ import annotations

from entente.doc_cache import children
from entente.ontology import language
from entente.sentences import sentences

from .draft import Draft
from .frames import Frame
from .syntax import shares_passive

ANSWER_TYPES = frozenset(t.upper() for t in language.words("events", "answer_types"))
PROPOSAL_NOUNS = {t: frozenset(ws) for t, ws in language.table("events")["proposal_nouns"].items()}
ANSWER_LOOKBACK = 3   # sentences
REFUSING = language.words("governors", "refusal")
TOLL_VERBS = language.words("events", "toll_verbs")
TOLL_LOOKBACK = 1   # sentences


def answers(doc, drafts: list[Draft]) -> None:
    """An answer with no party of its own ("Greece also supported the call", "Ethiopia refused")
    answers whoever made the latest proposal or request it can refer to."""
    order = {sent.start: k for k, sent in enumerate(sentences(doc))}
    for d in drafts:
        guessed = "recipient:story-country" in d.rules   # the last resort gives way to what it answers
        if d.type not in ANSWER_TYPES or d.recipients and not guessed or d.reciprocal or not d.actors:
            continue
        head = doc[d.head_i]
        objs = [c for c in children(head) if c.dep_ in ("dobj", "nsubjpass")] + \
               [g for p in children(head) if p.dep_ == "prep" for g in children(p) if g.dep_ == "pobj"]
        if objs:
            o = objs[0]
            kinds = [t for t, ws in PROPOSAL_NOUNS.items() if o.lemma_.lower() in ws]
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children(o))
            if not kinds or not definite or any(c.dep_ in ("poss", "prep", "compound", "amod") for c in children(o)):
                continue   # "supported the U.S. call": its own party; "the idea of talks": a topic
        elif d.type != "REJECT" or d.lemma not in REFUSING:
            continue   # "charges the commission denied": a denial, not an answer
        else:
            kinds = list(PROPOSAL_NOUNS)   # "the European side refused": whatever was just put to it
        earlier = [e for e in drafts if e.head_i < d.head_i and e.type in kinds and e.factual and e.actors
                   and order[d.sentence.start] - order[e.sentence.start] <= ANSWER_LOOKBACK]
        if not earlier:
            continue
        asker = max(earlier, key=lambda e: e.head_i)
        answered = [a for a in asker.actors if a not in d.actors]
        if answered:
            d.recipients = answered
            if guessed:
                d.rules.remove("recipient:story-country")
            d.rules.insert(len(d.rules) - 1, "recipient:answered")


# How far up the parse a demand may hang below its protest ("rioted …, joining … in demanding").
PURPOSE_HOPS = 4
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "pcomp", "prep", "dobj", "acl"})


def without_protest_demands(frames: list[Frame]) -> list[Frame]:
    """A demand a protest is held for ("staged demonstrations to demand reforms", "blocked roads to
    press their demands") is what the protest is about (CAMEO 141x), not a second event."""
    protest = {t.i for f in frames if f.type == "PROTEST" for t in [f.head] + list(f.pred.tokens)}
    if not protest:
        return frames

    def under_protest(t) -> bool:
        for _ in range(PURPOSE_HOPS):
            if t.dep_ not in PURPOSE_DEPS or t.head.i == t.i:
                return False
            t = t.head
            if t.i in protest:
                return True
        return False

    return [f for f in frames if not (f.type == "REQUEST" and f.governor is None and under_protest(f.pred.head))]


def attack_tolls(doc, drafts: list[Draft]) -> list[Draft]:
    """A toll told without its doer just after an attack whose doer is told ("… launched an assault on
    the base. Three Americans were killed.") is that attack's, not an attack of its own: one event."""
    tolls = [d for d in drafts if d.type == "ASSAULT" and not d.actors and d.factual and _doerless_toll(doc[d.head_i])]
    if not tolls:
        return drafts
    order = {sent.start: k for k, sent in enumerate(sentences(doc))}
    out = []
    for d in drafts:
        if any(d is t for t in tolls):
            told = [e for e in drafts if e is not d and e.type == "ASSAULT" and e.actors and e.factual
                    and e.head_i < d.head_i and 0 <= order[d.sentence.start] - order[e.sentence.start] <= TOLL_LOOKBACK]
            if told:
                max(told, key=lambda e: e.head_i).restated += 1
                continue
        out.append(d)
    return out


def _doerless_toll(head) -> bool:
    """"Three soldiers were killed": a toll verb in the passive with no by-phrase."""
    return head.lemma_.lower() in TOLL_VERBS and shares_passive(head) and not any(c.dep_ == "agent" for c in children(head))
