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


# Praise with an evaluative complement: a speech verb whose object is a positive quality of
# something ("highlighted the continued strength of the partnership") expresses support;
# "highlighted the risks" stays a statement.
EVALUATIVE_VERBS = {"highlight", "underline", "underscore", "stress", "emphasize", "emphasise", "tout",
                    "celebrate", "cite", "note", "hail", "praise", "commend", "laud", "applaud"}
POSITIVE_QUALITIES = {"strength", "success", "achievement", "progress", "resilience", "vitality", "depth",
                      "robustness", "durability", "solidity", "breadth", "contribution",
                      "benefit", "accomplishment", "dynamism", "momentum"}
# "the partnership continues to deliver tangible outcomes": a relation said to bear fruit.
RELATION_NOUNS = {"partnership", "relationship", "relation", "tie", "alliance", "cooperation", "friendship",
                  "bond", "collaboration", "association"}
DELIVERY_VERBS = {"deliver", "yield", "produce", "bring", "bear", "generate", "achieve"}
POSITIVE_RESULTS = {"outcome", "result", "benefit", "dividend", "fruit", "gain", "progress", "success",
                    "prosperity", "value", "growth"}
FLOURISH_VERBS = {"thrive", "flourish", "deepen", "strengthen", "grow", "prosper"}


def _relation_subject(verb):
    """The relation noun subject of verb, climbing "continues to …" (xcomp) chains."""
    t = verb
    for _ in range(3):
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            return subs[0] if subs[0].lemma_.lower() in RELATION_NOUNS else None
        if t.dep_ != "xcomp" or t.head is t:
            return None
        t = t.head
    return None


def evaluative_candidate(verb) -> Optional["Candidate"]:
    """SUPPORT (051) from praise of a positive quality or a relation said to deliver."""
    if verb.pos_ not in VERB_POS or any(c.dep_ == "neg" for c in verb.children):
        return None
    lem = verb.lemma_.lower()
    objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
    if lem in EVALUATIVE_VERBS:
        for o in objs:
            if o.lemma_.lower() in POSITIVE_QUALITIES and any(
                    p.dep_ == "prep" and p.lower_ == "of" for p in o.children):
                return Candidate(verb, "051", [verb, o], True, obj=o, source="evaluative")
        return None
    subj = _relation_subject(verb)
    if subj is None:
        return None
    if lem in DELIVERY_VERBS and any(o.lemma_.lower() in POSITIVE_RESULTS for o in objs):
        return Candidate(verb, "051", [verb] + [o for o in objs if o.lemma_.lower() in POSITIVE_RESULTS][:1],
                         True, obj=subj, source="evaluative")
    if lem in FLOURISH_VERBS and not objs:
        return Candidate(verb, "051", [verb], True, obj=subj, source="evaluative")
    return None


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
    if verb.lemma_.lower() == "go":
        # "dockworkers went on strike"
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "on":
                out += [g for g in p.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() in ("allow", "permit", "let", "enable") and not out:
        # "allowed aid convoys to enter Gaza": the parser makes the convoys the clause's subject
        out += [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return out


# Particles the parser often reads as adverbs ("pulled back", "turned down"): an advmod of
# this form right after the verb (or after its object) is tried as a particle too.
ADVERB_PARTICLES = {"back", "down", "in", "over", "out", "off", "up", "away"}


def particles(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("prt", "compound:prt")] + \
           [c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i] + \
           [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES and verb.i < c.i <= verb.i + 4]


# Particle verbs whose object decides the code ("handed over hostages" is a release,
# "handed over the city" a retreat, "handed over aid" aid; "called up reservists").
MILITARY_NOUNS = {"troop", "soldier", "force", "reservist", "reserve", "unit", "battalion", "brigade", "division",
                  "conscript", "recruit", "army", "marine", "personnel", "guard", "militia", "serviceman"}
PERSON_HELD = {"hostage", "prisoner", "detainee", "captive", "body", "remains", "pow", "national", "citizen", "child"}
TERRITORY = {"city", "town", "territory", "control", "area", "region", "base", "village", "land", "district",
             "province", "airport", "port", "position", "island", "enclave", "corridor"}
SUSPECTS = {"suspect", "fugitive", "militant", "accused"}
COUNT_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "scores", "score", "number", "group"}


def _object_words(objs) -> set:
    out = set()
    for o in objs:
        out.add(_lemma(o))
        out |= {_lemma(c) for c in o.children if c.dep_ in ("compound", "amod")}
        if _lemma(o) in COUNT_HEADS or o.pos_ == "NUM":
            # "thousands of reservists"
            out |= {_lemma(g) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"}
    return out


# Phrasal verbs that are events only with a true particle (prt, or an adverb read as one).
PARTICLE_ONLY = {"give in", "give up", "turn down", "pull back", "back down", "step down", "hand over", "call up"}


def particle_object_code(key: str, objs) -> Optional[str]:
    """(None = no refinement; "" = no event) The code of a particle verb decided by its object."""
    words = _object_words(objs)
    if key == "hand over":
        if words & PERSON_HELD:
            return "0841"
        if words & SUSPECTS:
            return "063"
        if "power" in words:
            return "0831/RETREAT/resign"
        if words & TERRITORY:
            return "0874"
        return None
    if key == "call up":
        return "154" if words & MILITARY_NOUNS else ""
    if key == "turn down":
        if words & {"offer", "proposal", "plan", "invitation", "request", "bid", "demand", "appeal"}:
            return None
        return None
    return None


# "joint exercises / drills / patrols / production": a joint military activity is COOPERATE
# (PLOVER manual: "joint military operations are coded as COOPERATE but single-country
# exercises as MOBILIZE").
JOINT_MILITARY = {"exercise", "drill", "patrol", "maneuver", "manoeuvre", "operation", "training", "production",
                  "development", "manufacturing", "mission", "war-game", "wargame", "game", "deployment", "naval"}
JOINT_ECONOMIC = {"venture", "project", "investment", "research", "exploration"}
JOINT_WORDS = {"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational"}


def joint_code(noun) -> Optional[str]:
    lem = _lemma(noun)
    if lem not in JOINT_MILITARY and lem not in JOINT_ECONOMIC:
        return None
    if not any(c.dep_ in ("amod", "compound") and c.lower_ in JOINT_WORDS for c in noun.children):
        return None
    return "062" if lem in JOINT_MILITARY else "061"


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
    jc = joint_code(noun)
    if jc:
        return jc, [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound") and c.lower_ in JOINT_WORDS]
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


def _object_keys(o) -> list:
    """Phrase keys of an object beyond its lemma: "a state of emergency" -> emergency,
    "martial law" -> martial law."""
    out = []
    lem = _lemma(o)
    if lem == "state":
        out += [f"state-of-{_lemma(g)}" for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    for c in o.children:
        if c.dep_ in ("amod", "compound") and _lemma(c) == "martial":
            out.append(f"martial {lem}")
    return out


def _test_fired(verb) -> bool:
    """"test-fired", "test-launched": the parser splits off "test" as a modifier."""
    return any(c.lower_ in ("test", "test-") and c.dep_ in ("npadvmod", "compound", "advmod", "amod") and c.i < verb.i
               for c in verb.children) or verb.lower_.startswith("test-")


NONVIOLENT_TARGETERS = {"sanction", "measure", "tariff", "policy", "law", "rule", "program", "programme", "campaign",
                        "ad", "advert", "effort", "plan", "legislation", "bill", "order", "restriction", "regulation",
                        "investigation", "probe", "initiative", "reform", "scheme", "message", "propaganda", "app"}
ALERT_VERBS = {"put", "place", "keep", "go", "be", "remain"}


def _on_alert(verb) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "on" and any(_lemma(g) in ("alert", "standby", "footing")
                                                              for g in p.children if g.dep_ == "pobj")
               for p in verb.children)


HOST_VERBS = {"host", "organize", "organise", "convene", "facilitate", "broker", "sponsor", "arrange", "mediate"}
REMOTE_NOUNS = {"phone", "telephone", "call", "videoconference", "video", "teleconference", "videolink", "zoom"}


def _remote(verb) -> bool:
    """"spoke by phone", "discussed … during a phone call", "talked over the phone"."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("by", "over", "during", "via", "in", "on"):
            for g in p.children:
                if g.dep_ == "pobj" and (_lemma(g) in REMOTE_NOUNS and (_lemma(g) != "call" or any(
                        _lemma(k) in REMOTE_NOUNS for k in g.children if k.dep_ in ("compound", "amod")))):
                    return True
    return False


def verb_candidate(lex: Lexicon, verb) -> Optional[Candidate]:
    c = _verb_candidate(lex, verb)
    if c is None:
        return None
    if c.code in ("040", "046") and _remote(verb):
        c.code = "041"
    if c.code[:2] in ("18", "19") and _lemma(verb) in ("fire", "launch") and _test_fired(verb):
        c.code = "150"   # "test-fired two missiles": a show of force, not an attack
    elif c.code[:2] == "15" and any(k.dep_ == "advmod" and k.lower_ in ("jointly", "together") for k in verb.children):
        c.code = "062"   # "the navies jointly patrolled the strait"
    return c


def _verb_candidate(lex: Lexicon, verb) -> Optional[Candidate]:
    lem = verb_lemma(verb, lex.verb_lemmas)
    if verb.pos_ not in VERB_POS and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT" and verb.tag_.startswith("VB")):
        return None
    objs = objects(verb)
    if lem == "meet" and any(c.dep_ == "auxpass" for c in verb.children) and \
            any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return None   # "any attack would be met with force", "was met with criticism": a response
    # 1. verb + particle / preposition ("called on", "handed over", "cut off")
    for p in particles(verb):
        key = f"{lem} {p.lower_}"
        if key in lex.particle_block:
            return None   # "hail from China": an origin, not praise
        if key in PARTICLE_ONLY and p.dep_ in ("prep", "agent"):
            continue   # "given the changes in the city", "give up … in return": a preposition, not a particle
        oc = particle_object_code(key, objs)
        if oc == "":
            return None
        if oc:
            return Candidate(verb, oc, [verb, p], True, source="particle")
        if key in lex.particles:
            code = lex.particles[key]
            if code:
                return Candidate(verb, code, [verb, p], True, source="particle")
    if lem in lex.needs_participant and not objs and any(c.dep_ == "nsubj" for c in verb.children) and not any(
            c.dep_ in ("prep", "agent") and c.lower_ in ("against", "with", "over", "by", "alongside") for c in verb.children):
        return None   # "he's still fighting": no one fought
    # 2. verb + object lemma ("imposed a curfew", "lifted sanctions")
    for o in objs:
        for ol in _object_keys(o) + [_lemma(o)] + [_lemma(c) for c in o.children if c.dep_ == "compound"]:
            key = f"{lem} {ol}"
            if key in lex.verb_object:
                code = lex.verb_object[key]
                if code:
                    return Candidate(verb, code, [verb, o], True, obj=o, source="verb_object")
                return None
    if lem == "target" and any(c.dep_ == "nsubj" and _lemma(c) in NONVIOLENT_TARGETERS for c in verb.children):
        return None   # "sanctions targeting Russian banks", "a campaign targeting voters"
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
    # 2b'. "put its forces on high alert", "troops went on alert": a raised military alert
    if lem in ALERT_VERBS and _on_alert(verb):
        movers = objs if lem in ("put", "place", "keep") else [c for c in verb.children if c.dep_ == "nsubj"]
        if _object_words(movers) & MILITARY_NOUNS | ({"military", "navy", "air"} & _object_words(movers)):
            return Candidate(verb, "152", [verb], True, source="verb_object")
    # 2c. a host of other parties' talks ("Saudi Arabia hosted talks between Russian and
    # Ukrainian delegations"): a third-party meeting of those named in the talks
    if lem in HOST_VERBS:
        for o in objs:
            nc = noun_code(lex, o)
            if nc and nc[0][:2] == "04" and any(p.dep_ == "prep" and p.lower_ in ("between", "among")
                                                for p in o.children):
                return Candidate(verb, "044", [verb] + nc[1], True, obj=o, source="host")
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
