"""Trigger detection: which tokens of a parsed sentence name an event, and its CAMEO code.

Reads the parse, not strings: a verb with its particle ("called on"), its object
("imposed a curfew"), a light verb lending its object's event ("staged demonstrations",
"held talks"), or a nominal event standing on its own ("Palestinian riots against …").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from entente.ontology.cameo import Lexicon

VERB_POS = {"VERB"}
QUANTITY_HEADS = {"worth", "million", "billion", "ton", "tonne", "kg", "kilogram", "dollar", "amount",
                  "package", "shipment", "consignment", "batch", "load", "lot", "tranche"}
NOUN_POS = {"NOUN", "PROPN"}
OBJ_DEPS = {"dobj", "obj", "attr", "oprd"}


@dataclass
class Candidate:
    head: "object"                  # spaCy Token carrying the event (the verb, or the noun)
    code: str                       # CAMEO code
    tokens: list = field(default_factory=list)   # trigger tokens (head first)
    curated: bool = True            # from the hand-curated lexicon (vs generated)
    nominal: bool = False           # named by a noun
    obj: Optional[object] = None    # the object token whose noun decided the code
    source: str = "verb"            # verb | particle | verb_object | light | noun | pattern
    embedded: Optional["Candidate"] = None  # an action this one governs ("threatened to X")


def _lemma(t) -> str:
    return t.lemma_.lower()


def verb_lemma(t, known) -> str:
    """The verb's lemma, repaired when the lemmatiser slipped ("staged" -> "stag")."""
    lem = t.lemma_.lower()
    if lem in known or not t.tag_.startswith("VB"):
        return lem
    w = t.lower_
    for cand in ((w[:-1], w[:-2], w[:-3] + "y") if w.endswith("ed") else
                 (w[:-1], w[:-2]) if w.endswith("s") else
                 (w[:-3] + "e", w[:-3]) if w.endswith("ing") else ()):
        if cand in known:
            return cand
    return lem


def objects(verb) -> list:
    """Direct objects of a verb, with passive subjects ("sanctions were imposed") and the
    object of "engage in" / "take part in"."""
    out = [c for c in verb.children if c.dep_ in OBJ_DEPS]
    out += [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass")]
    out += [k for o in list(out) for k in o.children if k.dep_ == "conj" and k.pos_ in ("NOUN", "PROPN")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the statement released hours later", "sanctions imposed on Iran": the noun a
        # passive participle modifies is its object
        out.append(verb.head)
    if verb.lemma_.lower() in ("engage", "participate", "take", "join", "involve"):
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "in":
                out += [g for g in p.children if g.dep_ == "pobj"]
    return out


def particles(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("prt", "compound:prt")] + \
           [c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i]


def _subjunctive(v) -> bool:
    """'demanded that Israel withdraw', 'urged that talks should resume': a mandative clause."""
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"must", "should", "shall"}:
        return True
    base = v.tag_ == "VB" and not aux or any(c.tag_ == "VB" and c.lower_ == "be" for c in v.children if c.dep_ in ("aux", "auxpass"))
    return base and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


def noun_code(lex: Lexicon, noun) -> Optional[tuple[str, list]]:
    """Code of a trigger noun, with compounds ("hunger strike", "car bombing")."""
    lem = _lemma(noun)
    comp = [c for c in noun.children if c.dep_ == "compound"]
    for c in comp:
        two = f"{_lemma(c)} {lem}"
        if two in lex.nouns and lex.nouns[two]:
            return lex.nouns[two], [noun, c]
        if _lemma(c) == "hunger" and lem == "strike":
            return "142", [noun, c]
        if _lemma(c) in ("suicide",) and lem in ("bombing", "attack", "bomb"):
            return "1831", [noun, c]
        if _lemma(c) in ("car",) and lem in ("bombing", "bomb", "explosion"):
            return "1832", [noun, c]
        if _lemma(c) in ("peace", "trade", "free-trade") and lem in ("talk", "negotiation"):
            return "046", [noun, c]
    for c in noun.children:  # "hunger strike" sometimes parses as amod
        if c.dep_ == "amod" and lex.nouns.get(f"{_lemma(c)} {lem}"):
            return lex.nouns[f"{_lemma(c)} {lem}"], [noun, c]   # "military support" is aid
        if c.dep_ == "amod" and _lemma(c) == "hunger" and lem == "strike":
            return "142", [noun, c]
        if c.dep_ == "amod" and _lemma(c) == "general" and lem == "strike":
            return "143", [noun, c]
    code = lex.nouns.get(lem)
    if code:
        return code, [noun]
    if lem in lex.generic_heads:
        # "a mediation effort", "a military operation": the modifier names the event
        for c in noun.children:
            if c.dep_ in ("compound", "amod") and lex.nouns.get(_lemma(c)):
                return lex.nouns[_lemma(c)], [noun, c]
    return None


def verb_candidate(lex: Lexicon, verb) -> Optional[Candidate]:
    lem = verb_lemma(verb, lex.verb_lemmas)
    if verb.pos_ not in VERB_POS and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT" and verb.tag_.startswith("VB")):
        return None
    # 1. verb + particle / preposition ("called on", "handed over", "cut off")
    for p in particles(verb):
        key = f"{lem} {p.lower_}"
        if key in lex.particle_block:
            return None   # "hail from China": an origin, not praise
        if key in lex.particles:
            code = lex.particles[key]
            if code:
                return Candidate(verb, code, [verb, p], True, source="particle")
    objs = objects(verb)
    if lem in lex.needs_participant and not objs and any(c.dep_ == "nsubj" for c in verb.children) and not any(
            c.dep_ in ("prep", "agent") and c.lower_ in ("against", "with", "over", "by", "alongside") for c in verb.children):
        return None   # "he's still fighting": no one fought
    # 2. verb + object lemma ("imposed a curfew", "lifted sanctions")
    for o in objs:
        for ol in [_lemma(o)] + [_lemma(c) for c in o.children if c.dep_ == "compound"]:
            key = f"{lem} {ol}"
            if key in lex.verb_object:
                code = lex.verb_object[key]
                if code:
                    return Candidate(verb, code, [verb, o], True, obj=o, source="verb_object")
                return None
    # 2b. verbs that are events only with the right kind of object ("delivered aid")
    if lem in lex.object_required:
        req_code, kinds = lex.object_required[lem]
        for o in objs:
            words = {_lemma(o)} | {_lemma(c) for c in o.children if c.dep_ in ("compound", "amod", "nmod")}
            if _lemma(o) in QUANTITY_HEADS:
                # "$50,000 worth of goods", "700 kg of medicine"
                words |= {_lemma(g) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"}
            if words & kinds:
                return Candidate(verb, req_code, [verb, o], True, obj=o, source="verb_object")
    # 3. light verb + trigger noun ("staged demonstrations", "held talks", "launched an attack")
    if lem in lex.light_verbs:
        for o in objs:
            nc = noun_code(lex, o)
            if nc and lem in lex.noun_takes_over:
                return Candidate(verb, nc[0], [verb] + nc[1], True, obj=o, source="light")
    # 4. the verb on its own (curated first)
    if lem in lex.needs_xcomp:
        # "called X to do Y" is an appeal; "called the death a tragedy" is nothing
        if any(c.dep_ == "xcomp" for c in verb.children) and objs:
            return Candidate(verb, lex.needs_xcomp[lem], [verb], True, source="verb")
        return None
    if lem in lex.indicative_ccomp_block and any(c.dep_ == "ccomp" and not _subjunctive(c) for c in verb.children):
        return None   # "insists it is committed to peace", "asked whether …": a statement
    if lem in lex.object_block and any(_lemma(o) in lex.object_block[lem] for o in objs):
        return None   # "released a report", "warned that …" (a statement, not a threat)
    if lem in lex.transitive and (objs or any(c.dep_ == "agent" for c in verb.children)):
        return Candidate(verb, lex.transitive[lem], [verb], True, source="verb")
    if lem in lex.not_with_ccomp and any(c.dep_ == "ccomp" for c in verb.children):
        return None
    code, curated = lex.verb_code(lem)
    if code is None and lem not in lex.verbs:
        # Phoenix object patterns (generated): "verb|object"
        for o in objs:
            g = lex.gen_object.get(f"{lem}|{_lemma(o)}")
            if g and g[:2] not in ("01",):
                return Candidate(verb, g, [verb, o], False, obj=o, source="pattern")
        return None
    if code is None:
        return None
    # Generated object patterns may refine a curated verb's code
    for o in objs:
        g = lex.gen_object.get(f"{lem}|{_lemma(o)}")
        if g and g[:2] == code[:2] and len(g) >= len(code):
            return Candidate(verb, g, [verb, o], curated, obj=o, source="verb")
    return Candidate(verb, code, [verb], curated, source="verb")


def noun_candidate(lex: Lexicon, noun) -> Optional[Candidate]:
    if noun.pos_ not in NOUN_POS and not (noun.pos_ == "VERB" and noun.tag_ in ("NN", "NNS")):
        return None
    nc = noun_code(lex, noun)
    if not nc:
        return None
    return Candidate(noun, nc[0], nc[1], True, nominal=True, source="noun")
