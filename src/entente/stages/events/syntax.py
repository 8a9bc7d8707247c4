"""Where the parse puts an event's participants: the subject of a clause (climbing coordination,
control and participles, and mending a few parse slips), the patient of a passive, the tokens of a
noun phrase, and the distance between two tokens in the tree."""
from __future__ import annotations

from typing import Optional

from entente.doc_cache import children
from entente.ontology import language
from entente.sentences import sentence

from .frames import clause_verb, noun_complement, ranked_doer
from .predicates import DOING_PARTICIPLES, FEELING_PARTICIPLES, STATE_VERBS, borrowed_patient, lemma

# Verbs whose object is the subject of their infinitive ("urged Russia to accept"); with others the
# subject is ("great to see Rawat to discuss": the speaker discusses).
# Verbs that judge their object for an act ("condemned X for expelling", "thanked Y for sending"):
# the object did it.
JUDGED_FOR = language.words("governors", "judged_for")
ATTEMPT_NOUNS = language.words("governors", "attempt_nouns")   # "made an attempt to kill": who made it
AGENT_NOUNS = language.words("entities", "agent_nouns")
OBJECT_CONTROL = language.words("governors", "request") | language.words("governors", "causative") | language.words(
    "events", "object_control_verbs")


def _passive_participle(v) -> bool:
    """"(leaders) killed in an airstrike", "(girls) kidnapped last week": a past participle standing
    for a passive, whose noun is acted on."""
    if v.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "dobj") for c in children(v)):
        return False
    # "(soldiers) stand / remain accused of …": a participle after a verb of state is passive too
    return v.dep_ in ("acl", "advcl") or v.dep_ in ("acomp", "xcomp") and lemma(v.head) in STATE_VERBS


def _verbless_root(v) -> Optional[object]:
    """A parse slip on a long subject: the sentence's root is its subject noun ("Chile, along with
    Peru, which …, called a meeting") and the main verb hangs below as a participle with an object."""
    root = sentence(v).root
    if v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and any(c.dep_ in ("dobj", "oprd") for c in children(v)) \
            and root.pos_ in ("NOUN", "PROPN") and root.i < v.i:
        return root
    return None


def _slipped_agent(v) -> Optional[object]:
    """A passive's agent the parse hung on the noun of a prepositional phrase ("was accused of
    spying by Peru"), or on the gerund it names or that gerund's object ("of stealing funds by
    Kenyan officials"): a name or agent noun after "by", not inside a clause of its own."""
    nouns = [g for p in children(v) if p.dep_ == "prep" and p.lower_ != "by" for g in children(p)
             if g.dep_ in ("pobj", "pcomp")]
    nouns += [o for g in nouns if g.dep_ == "pcomp" for o in children(g) if o.dep_ == "dobj"]
    agents = [x for g in nouns for b in children(g) if b.dep_ == "prep" and b.lower_ == "by"
              for x in children(b) if x.dep_ == "pobj"]
    return next((a for a in agents if a.pos_ == "PROPN" or lemma(a) in AGENT_NOUNS), None)


def subject_token(v) -> Optional[object]:
    """The subject of v's clause, climbing coordination, control and participles."""
    if (root := _verbless_root(v)) is not None:
        return root
    if _passive_participle(v):
        for c in children(v):
            if c.dep_ == "agent":
                return next((g for g in children(c) if g.dep_ == "pobj"), None)
        return None
    if borrowed_patient(v) is not None:
        return None   # "thanked his supporters after being freed": the one freed is no doer
    if v.lower_ in FEELING_PARTICIPLES and (felt := next((c for c in children(v) if c.dep_ == "nsubjpass"), None)) is not None:
        return felt   # "Chile is disappointed with / by Peru": Chile feels it, whatever the parse's agent
    t, hops, controlled = v, 0, False
    while hops < 6:
        hops += 1
        for c in children(t):
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "agent":
                objs = [g for g in children(c) if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        passive_subj = next((c for c in children(t) if c.dep_ in ("nsubjpass", "nsubj:pass")), None)
        if passive_subj is not None:
            # "Suga is expected to visit", "Iran was asked to stop": the passive's subject does the
            # infinitive's act; otherwise a passive without its agent names no doer
            if t is v and any(c.dep_ == "prep" and c.lower_ == DOING_PARTICIPLES.get(lemma(v)) for c in children(v)):
                return passive_subj   # "forces were engaged in ethnic cleansing": they did it
            return passive_subj if controlled else (_slipped_agent(t) if t is v else None)
        controlled = False
        if t.dep_ in ("appos", "dep") and t.head.i < t.i and t.head.pos_ in ("PRON", "PROPN", "NOUN", "X"):
            return t.head   # a parse slip: "[We] urge …" read as an apposition to "We"
        if t.dep_ == "ccomp":
            # a parse slip: "said Lima over the past decade built …" hangs the subject on "said"
            g = t.head
            slipped = [c for c in children(g) if c.dep_ in ("npadvmod", "dobj") and g.i < c.i < t.i
                       and c.pos_ in ("PROPN", "NOUN")]
            return slipped[-1] if slipped else None
        if t.dep_ == "conj" and t.head.i != t.i:
            # a parse slip: "determined that the detention is arbitrary and called for his release"
            # joins a past act to the present clause said; it is the sayer's own
            tense_slip = t.tag_ == "VBD" and t.head.tag_ in ("VBZ", "VBP") and t.head.dep_ == "ccomp"
            # "we consider the pullout a good step and strongly urge …": a verb joined to a noun
            # complement belongs to the verb that noun completes
            noun_slip = t.pos_ == "VERB" and noun_complement(t.head)
            t = t.head.head if tense_slip or noun_slip else t.head
            continue
        if t.dep_ == "xcomp" and t.head.i != t.i:
            g = t.head
            objs = [c for c in children(g) if c.dep_ in ("dobj", "obj")]
            if objs and g.pos_ == "VERB" and lemma(g) in OBJECT_CONTROL:
                return objs[0]   # object control: "asked Iran to stop" -> Iran stops
            t, controlled = g, t.tag_ == "VB"
            continue
        if t.dep_ == "pcomp" and t.head.lower_ == "for" and lemma(t.head.head) in JUDGED_FOR:
            judge = t.head.head
            # "condemned Quito for expelling …", "hit out at Quito for expelling …"
            objs = [c for c in children(judge) if c.dep_ in ("dobj", "obj")] + [
                g for p in children(judge) if p.dep_ == "prep" and p.lower_ == "at" for g in children(p) if g.dep_ == "pobj"]
            if objs:
                return objs[0]   # "condemned Quito for expelling …": Quito expelled
        if t.dep_ in ("advcl", "pcomp", "acomp") and t.head.i != t.i and t.tag_ in ("VBG", "VB", "VBN", "JJ"):
            t = t.head if t.dep_ != "pcomp" else t.head.head
            continue
        if t.dep_ in ("acl", "relcl") and t.tag_ == "VBG":
            return t.head
        if t.dep_ == "acl" and t.tag_ == "VB" and lemma(t.head) in ATTEMPT_NOUNS:
            owner = next((c for c in children(t.head) if c.dep_ == "poss"), None)
            if owner is not None:
                return owner   # "Ukraine's bid to join": Ukraine's
            if t.head.dep_ == "dobj":
                t = t.head.head   # "gunmen made an attempt to kill …": who made the attempt
                continue
        if ranked_doer(t):
            t = t.head.head   # "Kenya was the first (country) to recognize it": the copula's subject did it
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj", "attr"):
            # "reiterated the Quad's role in maintaining …": up through the noun to its verb
            v = clause_verb(t)
            if v is not None:
                t = v
                continue
        return None
    return None


def noun_phrase(n) -> list:
    """The tokens of a noun's phrase, not descending into clauses."""
    out, stack = [], list(children(n))
    while stack:
        t = stack.pop()
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
            continue
        out.append(t)
        stack.extend(children(t))
    return sorted(out, key=lambda t: t.i)


def tree_distance(a, b) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up: dict[int, int] = {}
    x, d = a, 0
    while True:
        up[x.i] = d
        if x.head.i == x.i:
            break
        x, d = x.head, d + 1
    x, d = b, 0
    while x.i not in up:
        if x.head.i == x.i:
            return 99
        x, d = x.head, d + 1
    return d + up[x.i]


def shares_passive(v) -> bool:
    """Is the verb passive, or a conjunct of one that shares its subject ("can be attacked or kidnapped")?"""
    while True:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in children(v)):
            return True
        if v.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in children(v)):
            return False
        v = v.head


def passive_patient(v) -> Optional[object]:
    for c in children(v):
        if c.dep_ in ("nsubjpass", "nsubj:pass"):
            return c
    return None
