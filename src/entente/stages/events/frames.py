"""How the sentence bends a predicate: the words that govern it ("threatened to", "urged X to",
"plans to", "refused to", "said that"), negation, modality and conditions.

`frame(pred)` climbs from the predicate through the clauses above it. A governor of a known kind
rewrites the code (a threatened sanction is a THREATEN, an urged ceasefire a REQUEST, an agreed
visit an AGREE, a refused meeting a REJECT) and becomes the event's head, so its subject is the
actor; an intention, a hope or a condition leaves the act unreal (`planned`, `hypothetical`);
a speech verb leaves it `reported`. The governor kinds are lists in
`ontology/data/en/governors.yaml`; each rewrite is recorded in the frame's `rules`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from entente.doc_cache import children
from entente.ontology import language

from . import coding
from .predicates import QUANTITY_HEADS, Predicate, lemma, noun_code, tables

CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN", "REJECT"})
# Types whose announced future act is itself the event: a measure announced is coded on the day it
# is announced (codebook: "announced measures with a later start are coded on the announcement date").
ANNOUNCED_TYPES = frozenset({"SANCTION", "RETREAT", "CONCEDE", "AID", "COERCE", "MOBILIZE"})
ANNOUNCING = language.words("governors", "announcing")
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "pcomp", "advcl", "acomp", "dobj", "pobj", "prep", "oprd", "attr"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def noun_complement(t) -> bool:
    """Is t a noun the parse made a verb's complement ("consider the pullout a good step")?"""
    return t.pos_ == "NOUN" and t.dep_ in ("ccomp", "oprd", "xcomp") and t.head.pos_ in ("VERB", "AUX")


# Acts of force whose attempt is coded as the act ("an attempt to assassinate the governor was
# thwarted": PLOVER counts attempted assassinations as ASSAULT); "a bid to open talks" holds no talks.
ATTEMPTED_TYPES = frozenset({"ASSAULT", "COERCE"})


def attempted(t) -> bool:
    """Is t the infinitive of an attempt noun ("an attempt to kill", "a bid to seize")?"""
    return t.dep_ == "acl" and t.tag_ == "VB" and t.head.i < t.i and lemma(t.head) in gov("attempt_nouns")


def gov(key: str) -> frozenset[str]:
    return language.words("governors", key)


# Governors that take an infinitive as their object, not as a purpose ("urged X … to lift").
INFINITIVE_GOVERNORS = frozenset().union(*(gov(k) for k in (
    "threat", "commitment", "refusal", "request", "intent", "causative", "aspect", "negative")))
REFUSAL_PARTICLES = language.codes("governors", "refusal_particles")


def refuses(g) -> bool:
    """Is g a refusal ("refused to", "ruled out")? Some refuse only with their particle: "the
    junta that ruled the country" rules, it refuses nothing."""
    lem = lemma(g)
    if lem not in gov("refusal"):
        return False
    need = REFUSAL_PARTICLES.get(lem)
    return not need or any(c.dep_ == "prt" and c.lower_ == need for c in children(g))


def speech_verbs() -> frozenset[str]:
    return language.words("speech", "speech")


@dataclass
class Frame:
    pred: Predicate
    code: str
    rules: list[str]
    head: object                       # token whose clause gives the actor (the governor when one took over)
    factuality: str = "asserted"
    requestee: Optional[object] = None  # for REQUEST made by a governor: who is asked to act
    denial: bool = False                # the act is an accusation being denied: no event
    content: bool = False               # the act is what an accusation or a request is about ("accused X of
                                        # allowing", "demands to free the detainees"): that one is the event
    standing: bool = False              # a present-tense state of affairs ("the U.S. opposes …"), no event
    speech: Optional[object] = None     # the speech verb the act is reported under
    governor: Optional[object] = None   # the governing word that took the act over
    recipient_heads: list = field(default_factory=list)   # tokens whose arguments may name recipients

    @property
    def type(self) -> Optional[str]:
        return coding.ptype(self.code)


def aux_words(t) -> set[str]:
    out = {c.lower_ for c in children(t) if c.dep_ in ("aux", "auxpass")}
    if t.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in children(t)):
        out |= {c.lower_ for c in children(t.head) if c.dep_ in ("aux", "auxpass")}
    if t.dep_ == "xcomp" and t.head.lower_ == "going":
        out.add("going")
    return out


def negated(t) -> bool:
    neg = gov("negation")
    for c in children(t):
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in neg):
            if c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in language.words("events", "not_only_words"):
                continue   # "not only angry with X but also …"
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in gov("negative_subjects") or
                                                 any(k.dep_ == "det" and k.lower_ == "no" for k in children(c))):
            return True
    if t.dep_ in ("acomp", "attr") and t.head.i != t.i and t.head.lemma_ == "be":
        return negated(t.head)   # "I'm not concerned about …": the copula carries the negation
    # "we didn’t ask": the parse may hang the negation on the auxiliary
    return any(c.dep_ == "aux" and any(k.dep_ in ("neg", "advmod") and k.lower_ in neg for k in children(c))
               for c in children(t))


def standing(t) -> bool:
    """A simple-present predicate of a third party states a standing situation or habit ("China
    claims 90% of the sea", "the U.S. gives military support to …"), not an event; the first
    person's present is performative ("we urge", "we reject") and is one."""
    if t.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in children(t)):
        return False
    subj = next((c for c in children(t) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in language.words("entities", "first_person"):
        return False
    return True


def modality(t) -> Optional[str]:
    aux = aux_words(t)
    if aux & gov("future_aux"):
        return "planned"
    if aux & gov("hypothetical_aux"):
        return "hypothetical"
    return None


def conditional(t) -> Optional[str]:
    """The condition on the clause of t ("if they take negative steps, we will …"): its
    subordinator, or None."""
    marks = gov("conditional")
    for c in children(t):
        if c.dep_ == "advcl":
            for m in children(c):
                if m.dep_ == "mark" and m.lower_ in marks and not _told_past(m, c):
                    return m.lower_
    return None


def _told_past(mark, clause) -> bool:
    """"Until he resigned in October": a clause such a mark opens in the past tense is told as fact."""
    return mark.lower_ in gov("past_factual_marks") and clause.tag_ == "VBD"


def in_condition(t) -> bool:
    """Is t inside a conditional clause itself ("if hit by sanctions")?"""
    marks = gov("conditional")
    x, hops = t, 0
    while x.head.i != x.i and hops < 6:
        if x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks and not _told_past(m, x) for m in children(x)):
            return True
        if x.dep_ == "advcl" and _habitual(x):
            return True
        if x.dep_ in ("ccomp", "ROOT"):
            return False
        x, hops = x.head, hops + 1
    return False


def _habitual(clause) -> bool:
    """Is the clause a "when" of what happens as a rule ("rebels flee when attacked", "cross the border
    whenever troops attack"): opened by such a word, under a verb in the simple present, not itself told
    in the past?"""
    if not any(m.dep_ in ("mark", "advmod") and m.lower_ in gov("habitual_marks") for m in children(clause)):
        return False
    main = clause.head
    if main.tag_ not in ("VBP", "VBZ") or main.lemma_.lower() == "be" or aux_words(main):
        return False
    return clause.tag_ != "VBD" and not aux_words(clause) & {"was", "were", "had"}


def clause_verb(noun):
    """The verb a nominal predicate is an argument of (through prepositions), or None."""
    x, hops = noun, 0
    while x.head.i != x.i and hops < 4:
        x, hops = x.head, hops + 1
        if x.pos_ in ("VERB", "AUX"):
            return x
        if x.pos_ in ("NOUN", "PROPN") and x.dep_ not in ("pobj", "dobj", "appos", "conj"):
            return None
    return None


def frame(pred: Predicate) -> Frame:
    """The predicate as its sentence frames it."""
    h = pred.head
    f = Frame(pred, pred.code, [pred.rule], h, recipient_heads=[h] + ([pred.obj] if pred.obj is not None else []))
    if pred.nominal:
        return _nominal(f)
    own_mod = modality(h)
    if standing(h):
        f.standing = True
    if negated(h) and not _double_negative(h):
        f.factuality = "negated"
        if own_mod == "planned" and lemma(h) in gov("forbidding") and not any(
                c.dep_ in ("ccomp", "xcomp") for c in children(h)):
            # "we will not allow unrest at the border": a warning of what the speaker's side will do
            f.code = "130"
            f.rules.insert(0, "threat:will-not-allow")
            f.factuality = "asserted"
        elif own_mod and f.type in ("AGREE", "CONCEDE"):
            # "would not meet the demands", "will not accept": a refusal
            f.code = coding.reject_code(f.code)
            f.rules.insert(0, "refusal:will-not")
            f.factuality = "asserted"
    elif in_condition(h):
        f.factuality = "hypothetical"
    elif own_mod:
        f.factuality = own_mod
        cond = conditional(h)
        if cond == "unless" or cond and f.type in CONFLICT_TYPES:
            _threaten(f, h, "conditional")
    _climb(f, h)
    if f.governor is None and f.factuality in ("asserted", "reported") and _bare_infinitive(h) \
            and not (f.type in ATTEMPTED_TYPES and attempted(h)):
        f.factuality = "planned"   # "it is up to Chile to ratify it": not said to have happened
    return f


RANKS = gov("ranks")   # "the first to", "the only country to"


def ranked_doer(t) -> bool:
    """Is t the infinitive of "the first to reject", "the only country to recognize": an act done,
    by the subject of the copula whose attribute ranks it?"""
    if t.dep_ not in ("relcl", "acl") or t.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(t)):
        return False
    n = t.head
    ranked = n.lower_ in RANKS or any(c.dep_ == "amod" and c.lower_ in RANKS for c in children(n))
    return ranked and n.dep_ == "attr" and n.head.lemma_ == "be"


def _bare_infinitive(h) -> bool:
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(h)) or ranked_doer(h):
        return False   # "was the first to reject it": done
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in children(h)):
        return True   # "it is now for Russia to accept": what someone is to do
    return h.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp") or h.head.pos_ not in ("VERB", "AUX")


def _double_negative(t) -> bool:
    return lemma(t) == "hesitate"


def _threaten(f: Frame, g, why: str) -> None:
    f.code = coding.threat_code(f.code)
    f.rules.insert(0, f"threat:{why}")
    f.factuality = "asserted"


def _object_of_object(n, v) -> bool:
    """Is n the of-object of v's object ("face the possibility of sanctions")?"""
    return n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.dep_ == "dobj" and n.head.head.head.i == v.i


def _ultimatum(v):
    """The verb that asks an act when v is the "or face …" after it ("told Uganda to withdraw or
    face sanctions", "called on Russia to accept the ceasefire or face new sanctions"), else None."""
    act = v.head
    if lemma(v) not in gov("ultimatum") or v.dep_ != "conj" or not any(
            c.dep_ == "cc" and c.lower_ == "or" for c in children(act)) or not _infinitive(act):
        return None
    asker = act.head
    return asker if act.dep_ in ("xcomp", "advcl") and (lemma(asker) in gov("request") or _directive(asker, act)) else None


def _nominal(f: Frame) -> Frame:
    n = f.pred.head
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children(n)):
        f.factuality = "negated"
        return f
    if n.dep_ == "pobj" and n.head.head.lower_ in gov("upcoming_heads"):
        f.factuality = "planned"   # "ahead of the summit", "in the run-up to the vote": not yet held
        return f
    if n.dep_ == "pobj" and n.head.lower_ in ("for", "of", "on"):
        owner = n.head.head
        if owner.pos_ == "VERB":   # "turned down an offer from Lima for talks": the parse may hang "for" on the verb
            owner = next((c for c in children(owner) if c.dep_ == "dobj" and c.i < n.head.i), owner)
        if _asked_or_planned(f, owner):
            return f
    if _awaited(n):
        f.factuality = "hypothetical"   # "fears Chinese retaliation", "braced for strikes": awaited, not done
        return f
    v = clause_verb(n)
    if v is None:
        return f
    if lemma(n) in gov("allegation_nouns") and lemma(v) in gov("denial"):
        f.denial = True
        return f
    if in_condition(v):
        f.factuality = "hypothetical"
    lem = lemma(v)
    direct = n.dep_ in ("dobj", "nsubjpass") and n.head.i == v.i
    if direct and lem in gov("threat"):
        f.head, f.governor = v, v
        _threaten(f, v, lem)
        f.recipient_heads.append(v)
    elif (direct or _object_of_object(n, v)) and (asker := _ultimatum(v)) is not None:
        # "told Uganda to withdraw or face sanctions": the one who asks threatens the measure
        f.head, f.governor = asker, asker
        f.requestee = _requestee(asker, v.head)
        _threaten(f, asker, "ultimatum")
        return f   # not asked itself: the asking verb above does not make it a request
    elif direct and refuses(v):
        f.code = coding.reject_code(f.code)
        f.rules.insert(0, f"refusal:{lem}")
        f.head, f.governor = v, v
    elif direct and lem in gov("intent") | gov("request") and lem not in gov("commitment"):
        f.factuality = "planned"
    elif negated(v) and not (n.dep_ == "nsubj" and n.head.i == v.i and lem not in gov("occurrence") | {"take", "be"}):
        # "the talks did not take place" did not happen; "Pyongyang's demand did not mesh with …" was made
        f.factuality = "negated"
    elif modality(v) and lem not in gov("threat"):
        f.factuality = modality(v)   # "could retaliate with tariffs", "could see tariffs as high as 45%"
    _climb(f, v, nominal=True)
    return f


def _awaited(n) -> bool:
    """Is the event noun what a verb or adjective of awaiting governs ("fears retaliation",
    "prepared for strikes", "expects an attack")?"""
    if n.dep_ == "dobj":
        return lemma(n.head) in gov("anticipation")
    return n.dep_ == "pobj" and n.head.lower_ in ("for", "of") and lemma(n.head.head) in gov("anticipation")


def _asked_or_planned(f: Frame, owner) -> bool:
    """An act an offer, a call or a demand asks for is its content ("calls for a ceasefire": the
    call is the event); one a plan is for is planned ("a plan for talks"). True when it decided."""
    if owner.pos_ != "NOUN":
        return False
    if lemma(owner) in gov("request_nouns"):
        f.content = True
        return True
    if lemma(owner) in gov("intent_nouns"):
        f.factuality = "planned"
        return True
    return False


def _mood(v) -> Optional[str]:
    """Negated, planned or hypothetical: the mood of v's clause, looked for up through the
    complements and modifiers it hangs on ("will take measures necessary to prevent …")."""
    for _ in range(5):
        if negated(v):
            return "negated"
        m = modality(v)
        if m:
            return m
        if v.dep_ not in ("xcomp", "amod", "acomp", "dobj", "conj", "advcl") or v.head.i == v.i:
            return None
        v = v.head
    return None


def _as_real_as(f: Frame, v) -> None:
    """An example ("will consider all options, including imposing sanctions") is as real as the verb
    whose object it exemplifies."""
    if f.factuality == "asserted":
        f.factuality = _mood(v) or f.factuality


def _leads_an_act(g) -> bool:
    """Is a causative verb's object an act, not someone made to act? "led talks to reach a deal"
    tells the purpose of the talks ("led Kenya to reach a deal" tells Kenya reaching it)."""
    if lemma(g) not in gov("causative"):
        return False
    objs = [c for c in children(g) if c.dep_ == "dobj"]
    objs += [p for o in objs if lemma(o) in QUANTITY_HEADS for c in children(o) if c.dep_ == "prep" and c.lower_ == "of"
             for p in children(c) if p.dep_ == "pobj"]   # "eight hours of talks"
    return any(noun_code(tables(), o) is not None for o in objs)


def _climb(f: Frame, start, nominal: bool = False) -> None:
    """Walk up the governors above `start`, rewriting the frame."""
    x, hops, example = start, 0, False
    while x.head.i != x.i and hops < 8:
        dep, g = x.dep_, x.head
        hops += 1
        if dep in ("relcl", "acl") and not (dep == "acl" and x.tag_ == "VB"):
            return   # a relative or adnominal clause is background: it does not take the act over
        if dep == "acl" and f.type in ATTEMPTED_TYPES and attempted(x):
            v = g.head   # "planned an attempt to kill", "will make an attempt": as real as what holds it
            if g.dep_ == "dobj" and v.pos_ in ("VERB", "AUX") and (lemma(v) in gov("intent") or modality(v)):
                f.factuality = "planned"
            return
        if dep == "advcl" and x.tag_ == "VB" and g.pos_ in ("VERB", "AUX") and not nominal and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children(x)) and f.factuality == "asserted" \
                and (lemma(g) not in INFINITIVE_GOVERNORS or _leads_an_act(g)) and lemma(x) not in gov("request"):
            # ("met ministers to press Quito to act": the meeting does the pressing)
            f.factuality = "planned"   # "stepped down to make way for a vote": the purpose, not an act done
            return
        if dep == "conj":
            # "we consider the pullout a good step and urge …": a verb the parse joined to a noun
            # complement is a conjunct of the verb that noun completes, not governed by it
            x = g.head if x.pos_ == "VERB" and noun_complement(g) else g
            continue
        if dep == "pcomp" and g.lower_ in gov("example_preps"):
            example, x = True, g   # "including" tagged as a verb
            continue
        if dep == "prep" and example and g.pos_ in ("VERB", "AUX"):
            _as_real_as(f, g)
            return
        if dep not in CLIMB_DEPS:
            return
        if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in gov("standalone_marks") for m in children(x)):
            return   # "as Tehran rejected the offer": a clause of its own
        glem = lemma(g)
        if g.pos_ == "ADJ" or (dep == "acomp"):
            if glem in gov("commitment_adjectives") and dep == "xcomp" and g.dep_ == "acomp" and \
                    aux_words(g.head) & gov("deontic_aux"):
                f.factuality = "hypothetical"   # "the U.S. must be ready to mediate": asked or supposed, no pledge
                return
            if glem in gov("commitment_adjectives") and dep == "xcomp" and f.factuality in ("asserted", "planned"):
                f.code = coding.intent_code(f.code)
                f.rules.insert(0, f"commitment:{glem}")
                f.head, f.governor, f.factuality = g, g, "asserted"
            elif glem in gov("intent_adjectives") and (dep == "xcomp" or dep == "prep" and x.lower_ == "in"):
                # "is likely to meet", "is interested in talking": not done
                f.factuality = "planned"
                return
            x = g
            continue
        if g.pos_ not in ("VERB", "AUX"):
            if dep == "prep" and x.lower_ in ("of", "for") and g.dep_ == "dobj" and lemma(g.head) in gov("charging"):
                f.content = True   # the parse hung "of killing" on the accused: "accuses the group of killing"
                return
            if dep in ("prep", "acl", "xcomp") and g.i < x.i and _asked_or_planned(f, g):
                return   # "demands to free the detainees", "a plan for arming the navy
            if dep in ("pobj", "prep", "pcomp"):
                example = example or dep == "prep" and x.lower_ in gov("example_preps")
                x = g
                continue
            return
        if dep == "prep" and x.lower_ == "to" and not nominal and (
                glem in gov("commitment") or glem in gov("commitment_adjectives")) and not negated(g):
            # "committed to deepening cooperation", "is committed to moving toward peace"
            f.code = coding.intent_code(f.code)
            f.rules.insert(0, f"commitment:{glem}")
            f.head, f.governor, f.factuality = g, g, "asserted"
            x = g
            continue
        if dep == "prep" and x.lower_ in gov("manner_preps") and not nominal:
            # "retaliated by announcing …", "should respond by committing to …": the manner of g
            if negated(g) and f.factuality == "asserted":
                f.factuality = "negated"
            mod = modality(g)
            if mod and f.factuality == "asserted":
                f.factuality = mod
            x = g
            continue
        if dep == "prep" and x.lower_ in ("of", "for") and glem in gov("charging"):
            f.content = True   # "accused Lima of allowing smuggling": the accusation is the event
            return
        if dep in ("dobj", "pobj", "prep", "attr", "oprd") and not nominal:
            if example:
                _as_real_as(f, g)
            return
        embedded = dep in ("xcomp", "ccomp") or (dep == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in children(x))) or (   # "called for the Taliban to lift"
            dep == "advcl" and glem in INFINITIVE_GOVERNORS and _infinitive(x))   # "looking to Lima to lift": the parse's slip
        if dep == "ccomp" and _infinitive(x) and any(c.dep_ == "nsubj" for c in children(x)) and f.governor is None \
                and f.factuality == "asserted" and glem not in INFINITIVE_GOVERNORS | gov("permission") \
                and glem not in speech_verbs() and not _directive(g, x):
            f.factuality = "planned"   # "was making bombs to carry out attacks": what the things are for
            return
        if embedded and glem == "hesitate" and negated(g):
            f.code = coding.intent_code(f.code)
            f.rules.insert(0, "commitment:not-hesitate")
            f.head, f.governor = g, g
            x = g
            continue
        if embedded and glem in gov("threat"):
            f.head, f.governor = g, g
            _threaten(f, g, glem)
            f.recipient_heads.append(g)
        elif embedded and dep != "ccomp" and refuses(g) and not negated(g):
            # ("rejected the idea that migration enriches": a claim denied, no act refused)
            if lemma(x) in gov("refusal_blind"):
                f.factuality = "hypothetical"   # "declined to comment on the talks": nothing refused, nothing told
                return
            f.code = coding.reject_code(f.code)
            f.rules.insert(0, f"refusal:{glem}")
            f.head, f.governor, f.factuality = g, g, "asserted"
        elif embedded and glem in gov("commitment") and not negated(g):
            f.code = coding.intent_code(f.code)
            f.rules.insert(0, f"commitment:{glem}")
            f.head, f.governor, f.factuality = g, g, "asserted"
        elif embedded and (glem in gov("request") or _directive(g, x)) and _requestee(g, x) is not None:
            f.requestee = _requestee(g, x)
            f.code = coding.request_code(f.code)
            f.rules.insert(0, f"request:{glem}")
            f.head, f.governor, f.factuality = g, g, "asserted"
        elif embedded and glem in gov("obligation") and _infinitive(x) and g.tag_ in ("VB", "VBP", "VBZ"):
            if f.factuality == "asserted":
                f.factuality = "hypothetical"   # "we have to support …": owed, not done ("had to" is done)
            return
        elif embedded and dep == "ccomp" and glem in gov("denying"):
            f.factuality = "negated"   # "denied that its troops crossed the border": said not done
            return
        elif embedded and glem in gov("negative"):
            f.factuality = "negated"
            return
        elif embedded and glem in gov("intent"):
            if f.governor is None:
                f.factuality = "planned"
                return
        elif embedded and glem in gov("permission") and _infinitive(x) and f.governor is None:
            if f.factuality == "asserted":
                f.factuality = "hypothetical"   # "the law allows the government to seize assets": may, not did
            return
        elif embedded and glem in speech_verbs() and not (glem in gov("aspect") and _infinitive(x)):
            # ("continued to support": going on doing, not words; "'…,' he continued" is speech)
            f.speech = g
            if f.factuality == "asserted":
                f.factuality = "reported"
            elif f.factuality in ("planned", "hypothetical") and glem in ANNOUNCING and f.type in ANNOUNCED_TYPES:
                f.factuality = "asserted"   # an announced measure is an event on the day it is announced
            return
        elif embedded and _leads_an_act(g) and _infinitive(x) and f.factuality == "asserted":
            f.factuality = "planned"   # "led talks to reach a deal": the talks' purpose, not an act done
            return
        elif embedded and glem in gov("causative") | gov("aspect"):
            if f.governor is None and glem in gov("causative"):
                f.head = g
        if negated(g) and f.factuality == "asserted" and g.i != f.pred.head.i:
            f.factuality = "negated"
        mod = modality(g)
        if mod and f.factuality == "asserted" and not (f.governor is not None and f.governor.i == g.i and glem in gov("threat")):
            f.factuality = mod
        if in_condition(g):
            f.factuality = "hypothetical"
        x = g


def _infinitive(x) -> bool:
    return x.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(x))


def _directive(g, x) -> bool:
    """"told Uganda to withdraw": telling someone to act asks it ("told reporters that …" reports)."""
    return lemma(g) in gov("directive") and _infinitive(x) and any(c.dep_ in ("dobj", "dative") for c in children(g))


def _requestee(g, x):
    """Who a request governor asks to act: its object ("urged Russia to accept"), or the subject of
    its that-clause ("demanded that Ottawa drop")."""
    if x.dep_ == "advcl":
        subs = [c for c in children(x) if c.dep_ in ("nsubj", "nsubjpass")]
        if subs or not _infinitive(x):
            return subs[0] if subs else None
    if x.dep_ in ("xcomp", "advcl"):
        objs = [c for c in children(g) if c.dep_ in ("dobj", "obj", "dative")]
        if objs:
            return objs[0]
        for p in children(g):   # "called on Russia to", "appealed to Iran to"
            if p.dep_ == "prep" and p.lower_ in language.words("events", "appeal_preps"):
                objs = [c for c in children(p) if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        subs = [c for c in children(x) if c.dep_ in ("nsubj", "nsubjpass")]
        return subs[0] if subs else None
    subs = [c for c in children(x) if c.dep_ in ("nsubj", "nsubjpass")]
    return subs[0] if subs else None
