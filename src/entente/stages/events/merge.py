"""One real event, one record, per story.

News tells an event several times: the lead's "met", paragraph five's "the meeting", the quote
that restates the accusation. Two records of the same type are one event when their sides agree
(the same countries on each side, or one side unknown in the later telling) and nothing sets them
apart: no different date in their sentences, no different speaker. The kept record takes the
richer participants, place and date; its confidence rises a little with each restatement.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from entente.doc_cache import children
from entente.entities import STATE_SECTORS

if TYPE_CHECKING:  # pragma: no cover
    from entente.entities import Entities

from .draft import Draft


def _side(ent: "Entities", ids: list[str]) -> frozenset:
    return frozenset(ent.countries(ids))


def _signature(ent: "Entities", d: Draft) -> tuple:
    a, r = _side(ent, d.actors), _side(ent, d.recipients)
    if d.reciprocal:
        a = r = a | r
    return a, r


def same_event(ent: "Entities", x: Draft, y: Draft) -> bool:
    if x.type != y.type or x.factual != y.factual:
        return False
    if x.timex_values and y.timex_values and not (x.timex_values & y.timex_values):
        return False
    ax, rx = _signature(ent, x)
    ay, ry = _signature(ent, y)
    if not (ax or rx) or not (ay or ry):
        return x.sentence == y.sentence and x.head_i == y.head_i
    sides_agree = (ax == ay or not ay or not ax) and (rx == ry or not ry or not rx)
    if x.sentence == y.sentence and ax == ay and ax and rx and ry and (rx <= ry or ry <= rx) and not (rx | ry) & ax:
        sides_agree = True   # "warned that ties between A and B are dangerous": the quote's A is one of them
    if x.reciprocal or y.reciprocal:
        # a mutual act told again from one side ("met" … "to discuss" with one party named)
        ux, uy = ax | rx, ay | ry
        open_x = not x.reciprocal and bool(ax) and not rx   # its doer named, its partner not
        open_y = not y.reciprocal and bool(ay) and not ry
        # at home one country is every side: a one-way act is not the mutual one
        domestic_pair = len(ux) == 1 and x.reciprocal != y.reciprocal and not (open_x or open_y)
        sides_agree = ux == uy and not domestic_pair or (open_y and uy <= ux) or (open_x and ux <= uy)
    if not sides_agree:
        return False
    if _other_camps(ent, x, y, ax, rx):
        return False   # at home, countries tell the camps apart no more: the rebels' attack and the army's reply
    if x.sentence == y.sentence:
        if x.lemma != y.lemma and not (x.nominal or y.nominal) and _conjoined(x, y) and (
                x.type in SEPARATE_MEASURES or _own_subjects(x, y)):
            # "exempted the duties … and later delayed the tariffs", "A honoured B, and the two signed
            # pacts": two acts told in a row ("met and discussed", "ambushed and killed": one)
            return False
        # a verb and its nominal echo ("killed … in a bombing"): one governs the other
        return x.lemma == y.lemma or _linked(x, y) or (ax == ay and bool(ax))
    same_doer = bool(x.actors) and set(x.actors) == set(y.actors)   # one entity, even of no known country
    if not (ax and ay) and not same_doer and not (x.nominal or y.nominal) and not (x.reciprocal or y.reciprocal):
        return False   # "Canada retaliated …", "Europe (unknown) retaliated …": a doer unknown is no match
    if not (ax and ay) or not (rx and ry) and (rx or ry):
        # one telling leaves a side open: only the same act told again ("imposed … the tariffs"),
        # or a meeting of parties the other telling has all named
        return x.lemma == y.lemma or _echo(x) or _echo(y) or \
            x.type == "CONSULT" and (x.reciprocal or y.reciprocal) and _near(x, y)
    if x.type in SEPARATE_MEASURES and not (x.nominal or y.nominal) and (wx := _what(x)) and (wy := _what(y)) \
            and not wx & wy:
        return False   # "barred girls from school" … "barred from visiting parks": two bans
    px, py = x.person_actors(ent), y.person_actors(ent)
    if px and py and not (px & py):
        return False   # two speakers' acts are two acts
    # told again in another sentence: the same word, a noun that names the act ("the warning"), a
    # meeting of the same parties, or criticism by the same speaker close by (codebook: several
    # criticisms in one statement are one ACCUSE)
    return x.lemma == y.lemma or x.nominal or y.nominal or _echo(x) or _echo(y) or (x.type == "CONSULT" and bool(ax | rx)) \
        or x.type in ONE_STATEMENT_TYPES and _same_speaker(ent, x, y) and _near(x, y)


# Types a statement makes once, however many of its sentences tell it.
ONE_STATEMENT_TYPES = frozenset({"ACCUSE"})


def _same_speaker(ent: "Entities", x: Draft, y: Draft) -> bool:
    px, py = x.person_actors(ent), y.person_actors(ent)
    return bool(px & py) if px and py else bool(x.actors) and set(x.actors) == set(y.actors)


# Owners before an event noun that point back to an act told before ("issued his appeal").
ECHO_WORDS = frozenset({"his", "her", "its", "their"})


def _echo(d: Draft) -> bool:
    """Is the draft a light verb whose noun points back to its act ("issued his appeal Friday")?"""
    return any(r.startswith("light:") for r in d.rules) and any(t.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in ECHO_WORDS for c in children(t))
               for t in d.trigger)


NEAR_CHARS = 600   # a restatement close by: the same paragraph or the next


def _near(x: Draft, y: Draft) -> bool:
    a, b = sorted((x.sentence, y.sentence), key=lambda s: s.start_char)
    return b.start_char - a.end_char <= NEAR_CHARS


# Measures taken one by one: two verbs joined in one sentence are two measures.
SEPARATE_MEASURES = frozenset({"SANCTION", "RETREAT", "CONCEDE", "COERCE"})


def _other_camps(ent: "Entities", x: Draft, y: Draft, ax: frozenset, rx: frozenset) -> bool:
    """Two domestic acts (one country on both sides), one by the state's bodies and one by others
    ("militants stormed a hotel" … "security forces killed the attackers")?"""
    if not (ax and ax == rx) or not x.actors or not y.actors or set(x.actors) & set(y.actors):
        return False
    cx = {ent.actor(a).sector in STATE_SECTORS for a in x.actors if ent.actor(a).sector}
    cy = {ent.actor(a).sector in STATE_SECTORS for a in y.actors if ent.actor(a).sector}
    return len(cx) == 1 and len(cy) == 1 and cx != cy




MEASURE_PREPS = frozenset({"from", "on", "against"})


def _what(d: Draft) -> set[str]:
    """The nouns a measure's verb acts on or keeps from ("barred girls from school": girl, school)."""
    v = d.sentence.doc[d.head_i]
    heads = [c for c in children(v) if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    heads += [g for p in children(v) if p.dep_ == "prep" and p.lower_ in MEASURE_PREPS for g in children(p)
              if g.dep_ in ("pobj", "pcomp")]
    out = set()
    for h in heads:
        out.add(h.lemma_.lower())
        out.update(c.lemma_.lower() for c in children(h) if c.dep_ == "dobj")   # "from visiting parks"
    return out


def _own_subjects(x: Draft, y: Draft) -> bool:
    """Does each of the two verbs have a subject of its own (two clauses)?"""
    doc = x.sentence.doc
    return all(any(c.dep_ in ("nsubj", "nsubjpass") for c in children(doc[d.head_i])) for d in (x, y))


def _conjoined(x: Draft, y: Draft) -> bool:
    """Are the two triggers verbs joined by coordination ("exempted … and delayed …")?"""
    doc = x.sentence.doc
    a, b = doc[x.head_i], doc[y.head_i]
    if a.pos_ != "VERB" or b.pos_ != "VERB":
        return False
    return b.i in _coordinated(a) or a.i in _coordinated(b)


def _coordinated(t) -> set[int]:
    """The token and the verbs coordination joins it to directly."""
    return {t.i} | ({t.head.i} if t.dep_ == "conj" else set()) | {c.i for c in children(t) if c.dep_ == "conj"}


def _linked(x: Draft, y: Draft) -> bool:
    doc = x.sentence.doc
    a, b = doc[x.head_i], doc[y.head_i]
    return a in b.ancestors or b in a.ancestors


def merge(ent: "Entities", drafts: list[Draft]) -> list[Draft]:
    kept: list[Draft] = []
    for d in drafts:
        target = next((k for k in kept if same_event(ent, k, d)), None)
        if target is None:
            kept.append(d)
            continue
        if _side(ent, target.recipients) < _side(ent, d.recipients) and not _side(ent, d.recipients) & _side(ent, target.actors):
            target.recipients = list(d.recipients)   # the telling that names more of the same parties
        target.absorb(d)
    return kept
