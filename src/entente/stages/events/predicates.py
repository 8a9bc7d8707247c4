"""Event predicates: which words of a parsed sentence name an event, with its CAMEO code and the
rule that found it.

The rules are families over the tables of `ontology/data/en/events.yaml`; a predicate's `rule`
names the family and the entry (`verb_object:impose+sanction`), and the event's `reason` records it:

  particle      a verb with its particle or preposition ("called on", "pulled out")
  verb_object   a verb whose object decides ("imposed tariffs", "reached an agreement")
  needs_object  a verb that is an event only with an object of a kind ("delivered aid")
  light         a light verb reporting the event its object noun names ("held talks")
  verb          the verb alone ("accused", "met", "attacked")
  noun          an event noun ("the offensive", "peace talks", "a travel ban")
  adjective     a predicative adjective with a party ("concerned about China's build-up")
  naming        a name that condemns ("called the closure a violation of the treaty")
  movement      forces on the move ("warships sailed into Philippine waters")
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from spacy import symbols

from entente import doc_cache
from entente.doc_cache import children, subtree_ids
from entente.entities import is_crowd
from entente.ontology import language
from entente.ontology.plover import HOSTILE
from entente.sentences import sentence

from .coding import ptype

OBJ_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
ADVERB_PARTICLES = language.words("events", "adverb_particles")
OBJECTLESS_PARTICLES = language.words("events", "objectless_particles")
QUANTITY_HEADS = language.words("events", "quantity_heads")


@dataclass
class Predicate:
    head: object                 # the token that carries the event: a verb, a noun or an adjective
    code: str                    # CAMEO code (may carry a PLOVER override "057/AGREE")
    rule: str                    # rule family and entry, for the event's reason
    tokens: list = field(default_factory=list)   # trigger tokens, head first
    nominal: bool = False
    obj: Optional[object] = None  # the object noun that decided the code (verb_object, light)
    experienced: bool = False     # the noun's act is done to the verb's subject ("faced criticism")


class NounCode(NamedTuple):
    """How an event noun is coded: its code, trigger tokens and rule, and for a nominalised verb
    the object that decided its code ("the pause in aid": aid)."""
    code: str
    tokens: list
    rule: str
    obj: Optional[object] = None


@dataclass(frozen=True)
class Tables:
    verbs: dict
    particles: dict
    verb_objects: dict
    object_required: dict
    object_block: dict
    light_verbs: frozenset
    nouns: dict
    compound_nouns: dict
    generic_heads: frozenset
    adjectives: dict
    nominalizations: dict

    @functools.cached_property
    def verb_lemmas(self) -> frozenset:
        out = set(self.verbs) | set(self.object_required) | set(self.light_verbs)
        out |= {k.split()[0] for k in self.particles} | {k.split()[0] for k in self.verb_objects}
        return frozenset(out)

    @functools.cached_property
    def compound_heads(self) -> frozenset:
        """Every word a `compound_nouns` key ends with after one of its spaces: a noun whose lemma
        is none of these heads no compound, and its modifiers need not be looked at."""
        return frozenset(k[i + 1:] for k in self.compound_nouns for i, ch in enumerate(k) if ch == " ")

    @functools.cached_property
    def noun_lemmas(self) -> frozenset:
        """Every lemma `noun_code` may code (a compound's head, an event noun, a generic head, a
        nominalised verb): a noun whose lemma is none of these is no event noun."""
        return self.compound_heads | frozenset(self.nouns) | self.generic_heads | frozenset(self.nominalizations)

    @functools.cached_property
    def verb_heads(self) -> frozenset:
        """Every (repaired) lemma `verb_predicate` may make an event of: a table's verb, or a verb
        its own rules read (conditional reactions, refusals, stopping, movement)."""
        return self.verb_lemmas | REACTION_VERBS | DECLINING | STOP_VERBS | MOVEMENT_VERBS | CROWD_VERBS


STATE_VERBS = language.words("governors", "state_verbs")   # "soldiers remain accused of …": a passive
DOING_PARTICIPLES = language.codes("governors", "doing_participles")   # "were engaged in"
# Adjectives that name an event only over certain words ("committed to peace").
ADJECTIVE_OBJECTS = {k: frozenset(v) for k, v in (language.table("events").get("adjective_objects") or {}).items()}
# Participles of a feeling ("is disappointed with X", "was alarmed by"): the passive subject feels it.
FEELING_PARTICIPLES = frozenset(language.codes("events", "adjectives")) - frozenset(ADJECTIVE_OBJECTS)


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    t = language.table("events")
    req = {str(k): (str(v["code"]), frozenset(v["objects"])) for k, v in (t.get("object_required") or {}).items()}
    return Tables(
        verbs=language.codes("events", "verbs"),
        particles=language.codes("events", "particles"),
        verb_objects=language.codes("events", "verb_objects"),
        object_required=req,
        object_block={str(k): frozenset(v) for k, v in (t.get("object_block") or {}).items()},
        light_verbs=language.words("events", "light_verbs"),
        nouns=language.codes("events", "nouns"),
        compound_nouns=language.codes("events", "compound_nouns"),
        generic_heads=language.words("events", "generic_heads"),
        adjectives=language.codes("events", "adjectives"),
        nominalizations=language.codes("events", "nominalizations"),
    )


def lemma(t) -> str:
    return t.lemma_.lower()


def verb_lemma(t, known: frozenset) -> str:
    """The verb's lemma, repaired when the lemmatiser slipped ("staged" -> "stag")."""
    return repaired_lemma(lemma(t), t.lower_, known)


def repaired_lemma(lem: str, w: str, known: frozenset) -> str:
    """`verb_lemma` of a token whose lemma (lower-cased) is `lem` and whose lower-case text is `w`."""
    if lem in known:
        return lem
    for cand in ((w[:-1], w[:-2], w[:-3] + "y") if w.endswith("ed") else
                 (w[:-1], w[:-2]) if w.endswith("s") else
                 (w[:-3] + "e", w[:-3]) if w.endswith("ing") else ()):
        if cand in known:
            return cand
    return lem


def objects(verb) -> list:
    """The verb's objects: direct objects, passive subjects ("tariffs were imposed"), the noun a
    passive participle modifies ("sanctions imposed on Iran"), their conjuncts, and the real
    object behind a quantity ("$5 million worth of aid")."""
    out = [c for c in children(verb) if c.dep_ in OBJ_DEPS or c.dep_ in ("nsubjpass", "nsubj:pass")]
    if lemma(verb) in language.words("events", "participation_verbs"):
        # "were engaged in ethnic cleansing", "took part in the talks"
        out += [g for p in children(verb) if p.dep_ == "prep" and p.lower_ == "in" for g in children(p) if g.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        out.append(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in children(verb)):
        # "the leader is dead, killed in a joint operation": the main clause's subject
        out += [c for c in children(verb.head) if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("acomp", "xcomp") and verb.tag_ == "VBN" and lemma(verb.head) in STATE_VERBS:
        out += [c for c in children(verb.head) if c.dep_ == "nsubj"]   # "soldiers remain accused of …"
    if verb.dep_ == "amod" and verb.head.pos_ == "NOUN" and verb.tag_ in ("VBN", "VBG"):
        out.append(verb.head)   # "increased tariffs": the participle modifies its object
    if not out and (patient := borrowed_patient(verb)) is not None:
        out.append(patient)   # "thanked them after being freed": the subject was freed
    if verb.dep_ == "relcl" and not out and verb.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in children(verb)):
        out.append(verb.head)   # "charges which Washington dismissed": the gap is the antecedent
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and all(o.pos_ == "PRON" for o in out) and out:
        # "imposed tariffs on Mexico and later suspended them": the pronoun is the first verb's object
        out = [k for k in children(verb.head) if k.dep_ in OBJ_DEPS] or out
    if not out:
        # "first imposing and then delaying a tariff": coordinated verbs share the object
        for c in children(verb):
            if c.dep_ == "conj" and c.pos_ == "VERB":
                out += [k for k in children(c) if k.dep_ in OBJ_DEPS]
    out += [k for o in list(out) for k in children(o) if k.dep_ == "conj" and k.pos_ in ("NOUN", "PROPN")]
    if not out and verb.pos_ == "VERB":
        # a parse slip ("will raise, on May 3rd, the Duties on Steel" read as an apposition):
        # the first noun after the verb, before the next verb, outside a prepositional phrase
        for t in verb.doc[verb.i + 1:min(verb.i + 9, sentence(verb).end)]:
            if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", "“", "”", '"'):
                break
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("pobj", "compound", "nummod", "npadvmod", "poss", "nsubj"):
                out.append(t)
                break
    out += _behind_quantities(out)
    return out


def borrowed_patient(v) -> Optional[object]:
    """The patient of a passive with no subject of its own, borrowed from the clause it hangs on
    ("X thanked them after being freed", "Y wants to be released"): the governing clause's subject."""
    if v.dep_ not in ("pcomp", "advcl", "xcomp") or not any(c.dep_ in ("auxpass", "aux:pass") for c in children(v)) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "agent", "csubj") for c in children(v)):
        return None
    g = v.head.head if v.dep_ == "pcomp" else v.head
    if g.pos_ == "NOUN":   # "his release from being detained": the noun's owner
        return next((c for c in children(g) if c.dep_ == "poss"), None)
    return next((c for c in children(g) if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")), None)


def _behind_quantities(objs: list) -> list:
    """The real objects behind quantities ("$5 million worth of aid", "$2 billion in loans")."""
    return [g for o in objs if lemma(o) in QUANTITY_HEADS or o.pos_ == "NUM"
            for p in children(o) if p.dep_ == "prep" and p.lower_ in ("of", "in") for g in children(p) if g.dep_ == "pobj"]


def _when(prep) -> bool:
    """Does the preposition only say when ("called a strike on Monday")?"""
    objs = [g for g in children(prep) if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def particles(verb) -> list:
    return [c for c in children(verb) if c.dep_ in ("prt", "compound:prt")] + \
           [c for c in children(verb) if c.dep_ in ("prep", "agent") and c.i > verb.i and not _when(c)] + \
           [m for c in children(verb) if c.dep_ in ("advcl", "oprd") and c.i > verb.i
            for m in children(c) if m.dep_ == "mark" and m.lower_ == "as"] + \
           [p for o in children(verb) if o.dep_ == "dobj" for p in children(o) if p.dep_ == "prep" and (
               p.lower_ == "as" or p.lower_ in SLIPPED_PARTICLES and o.pos_ == "PROPN")] + \
           [c for c in children(verb) if c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES and verb.i < c.i <= verb.i + 4]


def antecedent(o):
    """The noun a relative pronoun stands for ("charges which Washington dismissed"), else o."""
    if o.tag_ not in ("WDT", "WP") or o.head.dep_ != "relcl":
        return o
    a = o.head.head
    if a.dep_ == "pobj" and a.head.lower_ == "of" and lemma(a.head.head) in ALLEGATION_NOUNS:
        return a.head.head   # "allegations of spying, which Kabul denied": the allegations are denied
    return a


def object_words(o) -> list[str]:
    """The lemmas an object is known by: itself (a capitalised plural the lemmatiser kept whole,
    "Tariffs", singular too) and its compound modifiers ("freeze" in "aid freeze")."""
    o = antecedent(o)
    own = [lemma(o)]
    if own[0].endswith("s") and o.tag_ in ("NNPS", "NNS", "NNP"):
        own.append(own[0][:-1])
    return own + [lemma(c) for c in children(o) if c.dep_ in ("compound", "amod") and c.i < o.i]


def noun_code(tab: Tables, noun) -> Optional[NounCode]:
    """(code, trigger tokens, rule) of an event noun, compounds first ("phone call", "hunger strike")."""
    lem = lemma(noun)
    # the noun's own modifiers, and those of the compound before it ("joint coast guard patrols":
    # the parse hangs "joint" on "guard")
    mods = [c for c in children(noun) if c.i < noun.i] + \
        [c for k in children(noun) if k.dep_ == "compound" and k.i < noun.i for c in k.subtree if c.i < k.i]
    for c in mods if lem in tab.compound_heads else ():
        if c.dep_ in ("compound", "amod") and c.i < noun.i:
            key = f"{lemma(c)} {lem}"
            if key in tab.compound_nouns:
                code = tab.compound_nouns[key]
                return NounCode(code, [noun, c], f"noun:{key.replace(' ', '+')}") if code else None
    code = tab.nouns.get(lem)
    if code:
        return NounCode(code, [noun], f"noun:{lem}")
    if lem in tab.generic_heads:
        for c in children(noun):
            if c.dep_ in ("compound", "amod") and tab.nouns.get(lemma(c)):
                return NounCode(tab.nouns[lemma(c)], [noun, c], f"noun:{lemma(c)}+{lem}")
    if lem in tab.nominalizations:
        return nominal_verb_code(tab, noun, tab.nominalizations[lem])
    return None


def noun_objects(noun) -> list:
    """What a nominalised verb acts on: its of-, on-, in- or to-phrase ("delivery of missiles",
    "a freeze on aid", "a pause in aid") or its compound modifier ("an arms transfer")."""
    out = [c for c in children(noun) if c.dep_ == "compound" and c.i < noun.i]
    preps = [p for p in children(noun) if p.dep_ == "prep" and p.lower_ in NOUN_OBJECT_PREPS and p.i > noun.i]
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.dep_ == "prep" and nxt.lower_ in ("of", "in", "on") and nxt.head.i == noun.head.i \
            and noun.dep_ == "dobj":
        preps.append(nxt)   # "to resolve the pause in aid": the parse hung the noun's "in" on the verb
    for p in preps:
        out += [g for g in children(p) if g.dep_ == "pobj"]
    out += _behind_quantities(out)
    return out + [k for o in list(out) for k in children(o) if k.dep_ == "conj" and k.pos_ in ("NOUN", "PROPN")]


def deciding_object(tab: Tables, verb: str, objs: list) -> Optional[tuple[str, object, str]]:
    """(code, object, object word) of the first object the `verb_objects` table codes with this
    verb ("impose tariff"); the code is "" when that pair is never an event."""
    for o in objs:
        for ow in object_words(o):
            key = f"{verb} {ow}"
            if key in tab.verb_objects:
                return tab.verb_objects[key], o, ow
    return None


def required_object(tab: Tables, verb: str, objs: list) -> Optional[tuple[object, str]]:
    """(object, object word) of the first object of the kinds an `object_required` verb needs
    ("deliver aid"), or None."""
    kinds = tab.object_required[verb][1]
    for o in objs:
        for ow in object_words(o):
            if ow in kinds:
                return antecedent(o), ow
    return None


def nominal_verb_code(tab: Tables, noun, verb: str) -> Optional[NounCode]:
    """A nominalised verb ("the delivery of missiles", "Ankara's backing of the rebels") is coded
    by its verb's rules over the noun's objects: the object tables first, then the verb alone."""
    objs = noun_objects(noun)
    rule = f"nominal:{lemma(noun)}"
    hit = deciding_object(tab, verb, objs)
    if hit is not None:
        code, o, ow = hit
        # "the pause in aid": the object is this event's, not an event of its own
        return NounCode(code, [noun, o], f"{rule}+{ow}", o) if code else None
    if verb in tab.object_block and any(lemma(o) in tab.object_block[verb] for o in objs):
        return None
    if verb in tab.object_required:
        hit = required_object(tab, verb, objs)
        return NounCode(tab.object_required[verb][0], [noun], f"{rule}+{hit[1]}") if hit is not None else None
    code = tab.verbs.get(verb)
    return NounCode(code, [noun], rule) if code else None


def verb_predicate(tab: Tables, verb) -> Optional[Predicate]:
    if verb.tag_ not in VERB_TAGS or verb.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return None
    lem = verb_lemma(verb, tab.verb_lemmas)
    if verb.i >= 2 and verb.doc[verb.i - 1].text == "-" and f"{verb.doc[verb.i - 2].lower_}-{lem}" in tab.verb_lemmas:
        lem = f"{verb.doc[verb.i - 2].lower_}-{lem}"   # "test-fired missiles": a test, not fire at someone
    if lem in REACTION_VERBS and _answers_a_condition(verb):
        # "if they attack, we will respond": a reply held over another's act is a threat (the
        # frame codes it); "responded to questions" is no event
        return Predicate(verb, tab.verbs.get("retaliate", "160"), f"verb:{lem}", [verb])
    if lem in DECLINING and any(c.dep_ == "xcomp" and c.tag_ == "VB" and c.lemma_.lower() not in REFUSAL_BLIND
                                for c in children(verb)):
        return Predicate(verb, tab.verbs.get("refuse", "120"), f"verb:{lem}", [verb])   # "declined to join the plan"
    if lem not in tab.verb_lemmas and lem not in STOP_VERBS and lem not in MOVEMENT_VERBS and lem not in CROWD_VERBS:
        return None
    if verb.lower_ in ADJECTIVE_OBJECTS and any(c.dep_ == "auxpass" for c in children(verb)):
        return adjective_predicate(tab, verb)   # "is committed to peace": a state, named as its adjective is
    objs = objects(verb)
    names = [c for c in children(verb) if c.dep_ == "oprd"]
    if lem in NAMING_VERBS and not names:
        # "called Ford's comments egregious": the parse hangs the name on the object, after it
        names = [a for o in children(verb) if o.dep_ == "dobj" for a in children(o) if a.dep_ == "amod" and a.i > o.i]
    if lem in NAMING_VERBS and names and (any(c.dep_ == "dobj" for c in children(verb)) or len(names) >= 2):
        # "what he called a wonderful meeting": a name given ("called a strike" has no dobj); a name
        # that condemns condemns ("called the closure a violation of the treaty"; the parse may read
        # both nouns as predicates)
        word = next((w for w in [names[-1]] + list(children(names[-1]))
                     if (lemma(w),) in NEGATIVE_WORDS and (w.i == names[-1].i or w.dep_ == "amod")), None)
        named = ([c for c in children(verb) if c.dep_ == "dobj"] or names[:1])[0]
        if word is None or (lemma(named) in ALLEGATION_NOUNS and (lemma(word),) in FALSITY_WORDS):
            return None   # "called the allegations baseless": a denial, no event
        return Predicate(verb, "111", f"naming:{lem}+{lemma(word)}", [verb, word])
    if lem in INTRANSITIVE_ONLY and any(c.dep_ in ("dobj", "ccomp") for c in children(verb)):
        return None   # "to demonstrate the Quad's resolve": shown, not a protest
    hit = deciding_object(tab, lem, objs)
    if hit is not None and lem in tab.object_block and set(object_words(hit[1])) & tab.object_block[lem]:
        return None   # "signed a constitutional declaration": the blocked word wins over the pair
    if hit is not None:
        code, o, ow = hit
        return Predicate(verb, code, f"verb_object:{lem}+{ow}", [verb, o], obj=o) if code else None
    if lem in language.words("governors", "experience"):
        # "met with opposition from China's mission", "faced criticism", "came under attack"
        for o in objs + [g for p in children(verb) if p.dep_ == "prep" and p.lower_ in language.words("events", "experience_preps")
                         for g in children(p) if g.dep_ == "pobj"]:
            nc = noun_code(tab, o)
            if nc and lem in language.words("governors", "experience_needs_doer") and not any(
                    c.dep_ == "prep" and c.lower_ in DOER_PREPS for c in children(o)):
                continue
            if nc:
                return Predicate(o, nc[0], f"experience:{lem}+{nc[2].split(':', 1)[1]}", [o, verb], nominal=True,
                                 experienced=True)
    for p in particles(verb):
        if p.lower_ == "as" and lem in tab.object_block and _false(p):
            return None   # "dismissed the charges as baseless": a denial ("dismissed the report as biased" accuses)
        key = f"{lem} {p.lower_}"
        if key in OBJECTLESS_PARTICLES and any(g.dep_ == "pobj" for g in children(p)):
            continue   # "gave $2 billion in aid": a preposition, no phrasal verb
        nxt = [g for g in children(p) if g.dep_ == "prep"]
        # "took to the streets", "went on strike": the preposition's object makes the phrase
        told = [f"{key} {lemma(g)}" for g in children(p) if g.dep_ == "pobj"]
        for k in told + ([f"{key} {nxt[0].lower_}"] if nxt else []) + [key]:
            if k in tab.particles:
                code = tab.particles[k]
                if not code:
                    return None
                return Predicate(verb, code, f"particle:{k.replace(' ', '+')}", [verb, p])
    if lem in tab.object_block and (any(set(object_words(o)) & tab.object_block[lem] for o in objs) or any(
            c.dep_ in ("xcomp", "acomp", "oprd", "advmod") and lemma(c) in tab.object_block[lem] for c in children(verb))):
        return None   # "refused comment", and "refused to comment" by its complement
    if lem in CCOMP_BLOCK and any(c.dep_ == "ccomp" for c in children(verb)):
        return None   # "denied that it was involved": a denial, said, not done
    if lem in tab.object_block and not objs and any(
            t.dep_ == "nmod" and t.i < s.i and lemma(t) in tab.object_block[lem]
            for s in children(verb) if s.dep_ == "nsubj" for t in s.subtree):
        return None   # "…, a charge the spokesman rejected": the parse reads the fronted object into the subject
    if lem in BARE_DENIALS and not objs and not any(c.dep_ in ("dative", "xcomp", "prep") for c in children(verb)):
        return None   # "…, charges the commission denied": what was said is denied
    if lem in STOP_VERBS:
        for c in children(verb):
            if c.dep_ in ("xcomp", "dobj") and lemma(c) in COMPLIANCE_VERBS:
                # "stopped implementing its commitments": defying an agreement (CAMEO 128)
                return Predicate(verb, "128", f"stop_complying:{lem}+{lemma(c)}", [verb, c])
    if lem in tab.object_required:
        hit = required_object(tab, lem, objs)
        if hit is not None:
            o, ow = hit
            return Predicate(verb, tab.object_required[lem][0], f"needs_object:{lem}+{ow}", [verb, o], obj=o)
    if lem in tab.light_verbs:
        for o in objs:
            nc = noun_code(tab, o)
            if nc:
                return Predicate(verb, nc[0], f"light:{lem}+{nc[2].split(':', 1)[1]}", [verb] + nc[1], obj=o)
    if lem in CROWD_VERBS and (crowd := _crowd_subject(verb)) is not None and not _in_support(verb):
        return Predicate(verb, "141", f"crowd:{lem}+{lemma(crowd)}", [verb])
    if lem in MOVEMENT_VERBS and (mover := _moving_force(verb)) is not None:
        return Predicate(verb, "154", f"movement:{lem}+{lemma(mover)}", [verb])
    if verb.dep_ == "conj" and verb.head.pos_ == "ADJ" and verb.tag_ == "VBG" and not objs:
        return None   # "they are friendly and accepting": a quality, like the adjective it is joined to
    code = tab.verbs.get(lem)
    if code:
        return Predicate(verb, code, f"verb:{lem}", [verb])
    return None


REACTION_VERBS = language.words("events", "conditional_reactions")
# Verbs that refuse only with an infinitive ("declined to join"; "exports declined" is no refusal)
DECLINING = language.words("events", "declining_verbs")
REFUSAL_BLIND = language.words("governors", "refusal_blind")
CONDITION_MARKS = language.words("governors", "conditional")


def _answers_a_condition(verb) -> bool:
    """Does the verb's own clause answer a hostile act held as its condition ("if they attack, we
    will respond"; "if Washington approaches us positively, we will react positively" is none)?"""
    tab = tables()
    conditions = [c for c in children(verb) if c.dep_ == "advcl"
                  and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in children(c))]
    for t in (t for c in conditions for t in c.subtree):
        p = verb_predicate(tab, t) if t.pos_ == "VERB" else noun_predicate(tab, t)
        if p is not None and ptype(p.code) in HOSTILE:
            return True
    return False


MOVEMENT_VERBS = language.words("events", "movement_verbs")
MOVING_FORCES = language.words("events", "moving_forces")
MOVEMENT_PREPS = language.words("events", "movement_preps")
CROWD_VERBS = language.words("events", "crowd_verbs")
BACKING_NOUNS = language.words("events", "backing_nouns")


def _own_subject(verb):
    """The verb's subject, or that of the verb it is coordinated with ("… and sailed into")."""
    subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in children(verb.head) if c.dep_ == "nsubj"), None)
    return subj


def _in_support(verb) -> bool:
    """Does the crowd gather "in support of" or "in solidarity with" someone? Then it backs them
    (the support noun is the event), it does not protest against them."""
    return any(p.dep_ == "prep" and p.lower_ == "in" and lemma(g) in BACKING_NOUNS
               for p in children(verb) for g in children(p) if g.dep_ == "pobj")


def _crowd_subject(verb):
    """The verb's subject if it is a crowd ("protesters", "thousands of people"), else None."""
    subj = _own_subject(verb)
    return subj if subj is not None and is_crowd(subj) else None


def _moving_force(verb):
    """The forces a verb of movement moves somewhere ("warships sailed into …", "troops entered
    Somalia"), if its subject is one; forces moving on in an operation at home go nowhere told."""
    if not any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in MOVEMENT_PREPS for c in children(verb)):
        return None
    subj = _own_subject(verb)
    return subj if subj is not None and lemma(subj) in MOVING_FORCES else None


def _false(as_word) -> bool:
    """Does the "as" phrase call something false ("as baseless", "as a fabrication")?"""
    words = {lemma(t) for t in as_word.subtree} | {t.lower_ for t in as_word.subtree}
    return any(len(ph) == 1 and ph[0] in words for ph in language.phrases("evaluation", "falsity"))


CCOMP_BLOCK = language.words("events", "ccomp_block")
BARE_DENIALS = language.words("events", "bare_denials")
INTRANSITIVE_ONLY = language.words("events", "intransitive_only")
NAMING_VERBS = language.words("events", "naming_verbs")
# Single words of criticism (`evaluation.yaml`), for a name that condemns.
NEGATIVE_WORDS = frozenset(p for p in language.phrases("evaluation", "negative") if len(p) == 1)
FALSITY_WORDS = frozenset(p for p in language.phrases("evaluation", "falsity") if len(p) == 1)
ALLEGATION_NOUNS = language.words("governors", "allegation_nouns")
DANGER_NOUNS = language.words("events", "danger_nouns")
# A verb's particle the parse hung on its named object ("asked Trump for relief", "accused Iran of").
SLIPPED_PARTICLES = frozenset({"for", "of"})
NAME_LABELS = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"})
PREDICATE_POS = frozenset({symbols.VERB, symbols.AUX, symbols.NOUN, symbols.PROPN, symbols.ADJ})
VERB_PREDICATE_POS = frozenset({symbols.VERB, symbols.AUX, symbols.NOUN, symbols.ADJ})   # as verb_predicate's test
NOUN_OBJECT_PREPS = language.words("events", "noun_object_preps")
# Prepositions naming who does an act done to a verb's subject ("the backing of India", "criticism from").
DOER_PREPS = language.words("roles", "experienced_agent_preps")
STOP_VERBS = language.words("events", "stop_verbs")
COMPLIANCE_VERBS = language.words("events", "compliance_verbs")


def noun_predicate(tab: Tables, noun) -> Optional[Predicate]:
    if noun.pos_ not in ("NOUN", "PROPN") and not (noun.pos_ == "VERB" and noun.tag_ in ("NN", "NNS")):
        return None
    if noun.ent_type_ in NAME_LABELS and noun.text[:1].isupper():
        return None   # a word of a name ("the African Union Support and Stabilization Mission")
    nc = noun_code(tab, noun)
    if nc is None:
        return None
    if lemma(noun) in DANGER_NOUNS and not any(
            c.dep_ == "acl" and c.tag_ == "VB" or c.dep_ == "prep" and c.lower_ == "of" for c in children(noun)):
        return None   # "a growing threat from the north", "the pirate threat": a danger, not a threat made
    blocked = tab.object_block.get(lemma(noun))
    if blocked and any(set(object_words(o)) & blocked for o in noun_objects(noun)):
        return None   # "an attack on press freedom": the verb's other sense, as a noun
    return Predicate(noun, nc.code, nc.rule, nc.tokens, nominal=True, obj=nc.obj)


def adjective_predicate(tab: Tables, adj) -> Optional[Predicate]:
    if adj.pos_ not in ("ADJ", "VERB") or adj.dep_ not in ("acomp", "amod", "ROOT", "conj", "xcomp", "oprd") and not (
            adj.dep_ == "ccomp" and any(c.dep_ == "auxpass" for c in children(adj))):
        return None   # (a participle with its own "was" may be a said clause: "said it was disappointed by …")
    code = tab.adjectives.get(adj.lower_) or tab.adjectives.get(lemma(adj))
    if not code:
        return None
    preps = [c for c in children(adj) if c.dep_ in ("prep", "agent") and c.lower_ in language.words("roles", "adjective_preps")]
    if not preps:
        return None
    wanted = ADJECTIVE_OBJECTS.get(adj.lower_)
    if wanted is not None and not any(lemma(t) in wanted for p in preps for t in p.subtree):
        return None
    return Predicate(adj, code, f"adjective:{adj.lower_}", [adj])


def find(sent) -> list[Predicate]:
    """The event predicates of a sentence, in token order; a noun a verb's rule used is not
    a predicate of its own."""
    tab = tables()
    found: list[Predicate] = []
    used: set[int] = set()
    doc = sent.doc
    toks, pos, tags = doc_cache.tokens(doc), doc_cache.pos(doc), doc_cache.tags(doc)
    lemmas, words = doc_cache.lemma_lowers(doc), doc_cache.lowers(doc)
    # only verbs, nouns and adjectives can name an event (skip the other tokens cheaply)
    cands = [toks[i] for i in range(sent.start, sent.end) if pos[i] in PREDICATE_POS]
    for t in cands:
        if tags[t.i] not in VERB_TAGS or pos[t.i] not in VERB_PREDICATE_POS:
            continue   # verb_predicate's own first test, read from the cached arrays (most candidates fail it)
        if repaired_lemma(lemmas[t.i], words[t.i], tab.verb_lemmas) not in tab.verb_heads:
            continue   # ... and its lemma gate (most verbs are in no table)
        p = verb_predicate(tab, t)
        if p is not None:
            found.append(p)
            used.update(x.i for x in p.tokens[1:])
            if p.obj is not None:   # "provide 70 million dollars of aid": the object's words are this event's
                used.update(subtree_ids(p.obj))
    heads = {p.head.i for p in found}
    for t in cands:
        if lemmas[t.i] not in tab.noun_lemmas and lemmas[t.i] not in tab.adjectives and words[t.i] not in tab.adjectives:
            continue   # neither predicate's table has the word (most nouns and adjectives): read from the cached arrays
        if t.i in used or t.i in heads:
            continue
        if t.dep_ in ("dobj", "nsubjpass") and t.head.i in heads:
            continue   # "convened a meeting": the verb's event is the noun's
        if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and lemma(t.head) not in QUANTITY_HEADS:
            continue   # "a ceasefire proposal", "sanctions relief": the head names what it is
        p = noun_predicate(tab, t) or adjective_predicate(tab, t)
        if p is not None:
            found.append(p)
            if p.obj is not None:
                used.add(p.obj.i)
    found.sort(key=lambda p: p.head.i)
    return found
