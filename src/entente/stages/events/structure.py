"""Which candidate triggers stand as events, and how the clause they sit in bends them.

A candidate embedded under another event trigger is absorbed by it ("threatened to cut
off" is one THREATEN, "staged demonstrations to demand reforms" one PROTEST). Under an
intention ("plans to impose"), an attempt ("tried to hack") or a speech verb ("said it
would") it stands, with its factuality. Relative and adnominal clauses are background,
not events; purpose infinitives under other verbs are the content of those verbs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from entente.ontology.cameo import Lexicon

from . import coding
from .triggers import OBJ_DEPS, Candidate

CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "csubj", "acomp"}
BACKGROUND_DEPS = {"relcl", "acl"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPO_AUX = {"may", "might", "could", "would", "should", "can", "ca"}
OBLIGATION = {"must", "should"}
CONDITION_MARKS = {"if", "unless", "until"}
EVENTIVE_PREPS = {"with", "between", "against", "by", "on", "over", "among", "from", "to"}
ANAPHORIC_DETS = {"the", "this", "that", "these", "those", "such"}


@dataclass
class Draft:
    cand: Candidate
    code: str
    factuality: str = "asserted"
    clause_head: object = None        # the verb whose subject is the event's actor
    embedded_heads: list = field(default_factory=list)  # absorbed heads (for recipients)
    depth: int = 0                    # clause depth below the sentence root
    finite_sub: bool = False          # in a subordinate finite clause
    requested: bool = False
    promoted: bool = False
    speech_verb: object = None        # "X said Y must …": X is the requester
    modal_threat: bool = False        # THREATEN made out of a conditional/hypothetical conflict act
    subject_token: object = None      # explicit subject when the parse lost it
    own_future: bool = False          # "will deliver": the trigger's own future auxiliary
    declared: bool = False            # under announce/declare ("announced it would withdraw")


def _lem(t) -> str:
    return t.lemma_.lower()


def _aux(t) -> set[str]:
    out = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    if not (out & (FUTURE_AUX | HYPO_AUX)) and t.dep_ == "conj" and t.head is not t and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        # "they may be arrested and detained": a conjunct shares its head's modal
        out |= {c.lower_ for c in t.head.children if c.dep_ in ("aux", "auxpass")} & (FUTURE_AUX | HYPO_AUX)
    return out


NEG_SUBJECTS = {"nobody", "none", "nothing", "neither"}


NEG_ADVS = {"not", "n't", "n’t", "never"}


def _negated(t) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEG_ADVS) for c in t.children):
        return True
    for c in t.children:
        # "no passengers were killed", "none of the hostages was freed"
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NEG_SUBJECTS or
                                                 any(k.dep_ == "det" and k.lower_ == "no" for k in c.children)):
            return True
    if t.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "no" and c.dep_ == "det" for c in t.children):
        return True
    return False


def _has_subject(t) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in t.children)


def _condition(t) -> Optional[str]:
    """The conditional subordinator on t's clause ("if", "unless", "until"), or None."""
    for c in t.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS:
                    return m.lower_
    return None


def _modal_factuality(t) -> Optional[str]:
    aux = _aux(t)
    if aux & FUTURE_AUX:
        return "planned"
    if "going" in aux or any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and t.head.lower_ == "going":
        return "planned"
    if aux & HYPO_AUX:
        return "hypothetical"
    return None


def analyse_sentence(sent, cands: dict[int, Candidate], lex: Lexicon,
                     is_actor: Callable[[object], bool], text: str = "") -> list[Draft]:
    """Drafts of the events a sentence reports, from its candidate triggers (by token index)."""
    consumed: set[int] = set()
    for c in cands.values():
        if c.obj is not None:
            consumed.add(c.obj.i)
        for t in c.tokens[1:]:
            consumed.add(t.i)

    drafts: dict[int, Draft] = {}
    absorbed: dict[int, int] = {}
    dropped: list = []

    order = sorted(cands)
    for i in order:
        c = cands[i]
        if i in consumed and c.nominal:
            continue
        h = c.head
        if c.nominal:
            d = _nominal(c, cands, lex, is_actor)
            if d is not None:
                drafts[i] = d
            continue
        d = _verbal(c, cands, lex, absorbed, dropped)
        if d is not None:
            drafts[i] = d
    if not drafts and not dropped and not in_quote(sent, text):
        # A sentence whose only trigger is a noun in a background position
        # ("died as a result of torture"): that noun is its event, at low confidence.
        for i in order:
            c = cands[i]
            n = c.head
            dets = {k.lower_ for k in n.children if k.dep_ in ("det", "poss")}
            if c.nominal and i not in consumed and n.dep_ == "pobj" \
                    and n.pos_ == "NOUN" and not n.ent_type_ and not dets & ANAPHORIC_DETS \
                    and not any(k.dep_ == "poss" and k.pos_ == "PRON" for k in n.children) \
                    and not _not_an_act(c, is_actor):
                d = Draft(c, c.code, clause_head=c.head, promoted=True)
                if _negated(c.head):
                    d.factuality = "negated"
                drafts[i] = d
                break
    dropped = [x for x in dropped if x[2]]
    if not drafts and dropped and not in_quote(sent, text):
        # Nothing stands in the main clauses: the shallowest subordinate event is the
        # sentence's event ("… sent personnel to investigate …"), at lower confidence.
        dropped.sort(key=lambda x: (x[0], x[1].cand.head.i))
        best = dropped[0][1]
        best.promoted = True
        drafts[best.cand.head.i] = best

    # Governors absorb what they govern: refine their code with the embedded action.
    for emb, gov in sorted(absorbed.items()):
        if gov in drafts and emb in cands:
            g = drafts[gov]
            e = cands[emb]
            new = coding.govern(g.code, e.code)
            if e.head.i not in [x.i for x in g.embedded_heads]:
                g.embedded_heads.append(e.head)
                if new != g.code:
                    g.code = new
                    g.cand.tokens = g.cand.tokens + [e.head]
                    g.cand.embedded = e
    return [drafts[i] for i in sorted(drafts)]


# Nouns whose infinitive names what did not (or need not) happen ("Obama's failure to sell").
UNREAL_HOSTS = {"failure", "refusal", "inability", "reluctance", "unwillingness", "lack", "need", "ability",
                "capacity", "power", "chance", "opportunity", "right", "freedom", "permission", "option",
                "way", "time", "money", "cost", "reason", "incentive", "temptation", "pressure"}
STATIVE_HOSTS = {"remain", "remains", "stay", "seem", "appear", "become", "look", "leave", "keep", "be", "get", "sound", "feel"}
TEMPORAL_PREPS = {"before", "after", "since", "without", "by", "through", "upon", "while", "despite", "following", "in"}


def _verbless_root(t) -> bool:
    r = t.sent.root
    return r.pos_ in ("NOUN", "PROPN", "PRON") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in r.children)


def in_quote(sent, text: str) -> bool:
    """Is the sentence (part of) a direct quotation?"""
    before = text[:sent.start_char]
    para = before[before.rfind("\n") + 1:]
    return sent.text[:1] in "\"“" or para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _verbal(c: Candidate, cands, lex: Lexicon, absorbed: dict[int, int], dropped: list) -> Optional[Draft]:
    h = c.head
    d = Draft(c, c.code, clause_head=h)
    fact = _modal_factuality(h)
    d.own_future = bool(_aux(h) & FUTURE_AUX)
    negated = _negated(h)
    intent = fact == "planned"
    hypothetical = fact == "hypothetical"
    reported = False
    conditional = _condition(h)
    if h.tag_ == "VBN" and h.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and _lem(h.head) in STATIVE_HOSTS and \
            not any(k.dep_ == "agent" for k in h.children):
        return None   # "sites were left blocked": a state
    if h.tag_ == "VBN" and any(k.dep_ in ("auxpass", "aux") and _lem(k) in STATIVE_HOSTS - {"be", "get"} for k in h.children) \
            and not any(k.dep_ == "agent" for k in h.children):
        return None   # "the train remains blocked": a state
    if h.tag_ == "VBN" and h.dep_ == "conj" and h.head.dep_ == "acl" and not any(k.dep_ == "agent" for k in h.children) \
            and not _has_subject(h):
        return None   # "… sites and content blocked": an adjectival participle
    t = h
    depth = 0
    # Climb the clause chain to find what governs this trigger.
    while t.dep_ != "ROOT" and t.head is not t:
        dep = t.dep_
        g = t.head
        finite = t.tag_ in ("VBD", "VBZ", "VBP") or any(k.dep_ == "conj" and k.tag_ == "VBD" for k in t.children)
        if dep == "acl" and finite and _verbless_root(t) and g.i not in cands:
            # parser slip: "Doctors … donated" read as a noun modifier -> the main clause
            d.clause_head = h
            d.subject_token = g
            break
        if dep in BACKGROUND_DEPS:
            # "the bombing that killed 11" is a background event that may stand alone;
            # "Obama's failure to sell …", "an effort to pressure …" name no event
            infinitive = any(k.dep_ == "aux" and k.lower_ == "to" for k in t.children)
            dropped.append((depth + 2, _finalize(d, negated, intent, hypothetical, reported, conditional),
                            not (dep == "acl" and infinitive and _lem(g) in UNREAL_HOSTS)))
            return None
        if dep == "conj":
            t = g
            continue
        if dep in ("aux", "auxpass", "pobj"):
            t = g
            continue
        if dep == "prep":
            t = g
            continue
        if dep == "pcomp" and g.pos_ == "ADP":
            # "committed to deepening …", "by advancing …", "before allowing …"
            gg = g.head
            if gg.i in cands and not cands[gg.i].nominal and g.lower_ not in TEMPORAL_PREPS:
                absorbed.setdefault(c.head.i, gg.i)
                return None
            if gg.i in cands and cands[gg.i].nominal:
                absorbed.setdefault(c.head.i, gg.i)
                return None
            if g.lower_ not in TEMPORAL_PREPS:
                # "quoted as saying …", "known for …": climb on
                t = gg
                depth += 1
                continue
            dropped.append((depth + 2, _finalize(d, negated, intent, hypothetical, reported, conditional), True))
            return None
        if dep not in CLAUSE_DEPS:
            # Subjects, objects, modifiers: a trigger inside a noun phrase is not a clause event.
            if dep in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "amod", "compound", "npadvmod", "oprd"):
                return None
            t = g
            depth += 1
            continue
        depth += 1
        gl = _lem(g)
        if dep == "advcl" and _subordinate(t):
            # "unless X", "until X": the condition of the governing act, not an event;
            # "as/after/while X": a background event -- kept only if nothing else stands.
            if not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in t.children):
                dropped.append((depth + 1, _finalize(d, negated, intent, hypothetical, reported, conditional), True))
            return None
        if g.i in cands and not cands[g.i].nominal:
            if dep in ("xcomp", "ccomp", "advcl", "pcomp", "acomp"):
                absorbed.setdefault(c.head.i, g.i)
                return None
            d.finite_sub = True
            break
        if g.i in cands and cands[g.i].nominal:
            # "demand that Israel ease …", "an attempt to assassinate" -> the noun governs
            absorbed.setdefault(c.head.i, g.i)
            return None
        if gl in lex.intent or (g.pos_ == "ADJ" and gl in lex.intent):
            intent = True
            t = g
            continue
        if gl in lex.threat and dep != "ccomp":
            c.code = coding.threat_code(c.code)
            d.code = c.code
            t = g
            continue
        if gl in lex.refusal:
            c.code = coding.reject_code(c.code)
            d.code = c.code
            t = g
            continue
        if gl in lex.attempt:
            t = g
            continue
        if gl in lex.speech:
            if dep == "ccomp":
                reported = True
                d.declared = d.declared or gl in ("announce", "declare")
                if hypothetical and _aux(t) & HYPO_AUX == {"would"} and g.tag_ == "VBD" and t.i == h.i:
                    # "Modi announced New Delhi would invest …": a reported future, a plan
                    hypothetical = False
                    intent = True
                if _obligation(t):
                    d.requested = True
                    d.speech_verb = g
                if _modal_factuality(g) == "planned":
                    intent = True
            t = g
            continue
        if gl == "be" and dep in ("xcomp", "acomp", "ccomp"):
            if _obligation(g):
                d.requested = d.requested or False
            t = g
            continue
        # Other governing verbs: an infinitive / purpose clause is their content.
        if dep in ("xcomp", "advcl") and not _has_subject(t):
            # the content of a negated or modal governor ("can't afford to defend") never happened;
            # that of a future one is planned ("his travels will include meeting …")
            gov_fact = _modal_factuality(g)
            real = not _negated(g) and gov_fact != "hypothetical"
            if gov_fact == "planned":
                intent = True
            dropped.append((depth + 1, _finalize(d, negated, intent, hypothetical, reported, conditional), real))
            return None
        d.finite_sub = True
        t = g
    d.depth = depth
    _finalize(d, negated, intent, hypothetical, reported, conditional)
    return d


def _finalize(d: Draft, negated: bool, intent: bool, hypothetical: bool, reported: bool, conditional: bool) -> Draft:
    """Code and factuality from what the clause chain said about the trigger."""
    code = d.code
    if d.requested:
        code = coding.request_code(code)
    if negated:
        neg = coding.negate_code(code)
        if neg:
            code = neg
        else:
            d.factuality = "negated"
    elif intent or hypothetical:
        conflict = coding.ptype(code) in ("SANCTION", "COERCE", "ASSAULT", "PROTEST")
        if conditional in ("unless", "until") or ((conditional or hypothetical) and conflict):
            # "will impose sanctions unless …", "could strike": a threat -- but "would meet
            # Kim if there is a prospect" is a conditional offer, not a threat
            if coding.ptype(code) not in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
                code = coding.threat_code(code)
                d.modal_threat = True
        elif intent:
            if code[:2] == "15" or (code[:2] == "07" and d.own_future and _specific_aid(d.cand)):
                pass   # a planned mobilisation, or a specific delivery ("will deliver Patriot systems")
            elif d.declared and coding.ptype(code) == "RETREAT":
                code = coding.declared_retreat_code(code)
            else:
                code = coding.intent_code(code)
        d.factuality = "planned" if intent else "hypothetical"
    elif reported:
        d.factuality = "reported"
    d.code = code
    return d


GENERIC_AID = {"aid", "assistance", "support", "help", "relief", "money", "fund", "funding"}


def _specific_aid(c: Candidate) -> bool:
    """A concrete delivery ("Patriot systems", "$5 million", "two tanks") rather than a broad
    promise of aid (which PLOVER codes AGREE)."""
    o = c.obj
    if o is None:
        return False
    kids = list(o.children)
    if any(k.dep_ == "nummod" or k.like_num for k in kids) or o.like_num or o.lower_ in ("million", "billion"):
        return True
    if any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in kids):
        return True
    return o.lemma_.lower() not in GENERIC_AID and o.lemma_.lower() not in ("worth",)


def _subordinate(t) -> bool:
    """A finite adverbial clause introduced by a subordinator (as, while, after, unless …)."""
    return any(m.dep_ == "mark" and m.lower_ != "to" for m in t.children) or \
        any(m.dep_ == "advmod" and m.lower_ in ("as", "when", "while") and m.i < t.i for m in t.children)


def _finite_marked(h) -> bool:
    return any(m.dep_ == "mark" and m.lower_ not in ("to",) for m in h.children)


def _obligation(t) -> bool:
    """'X said that Y must …': a demand on Y (REQUEST)."""
    return bool(_aux(t) & OBLIGATION)


def _nominal(c: Candidate, cands, lex: Lexicon, is_actor) -> Optional[Draft]:
    n = c.head
    # Inside a relative/adnominal clause or a purpose clause of another verb: background.
    t = n
    while t.dep_ != "ROOT" and t.head is not t:
        if t.dep_ in ("relcl",):
            return None
        t = t.head
    head = n.head
    if n.dep_ in ("compound", "amod", "nmod", "poss"):
        return None   # "aid convoys", "protest leaders": a modifier, not an event
    if _not_an_act(c, is_actor):
        return None
    kids = list(n.children)
    has_acl = any(k.dep_ == "acl" and k.pos_ == "VERB" and _lem(k) in lex.light_verbs for k in kids)
    has_part = any(k.dep_ == "prep" and k.lower_ in EVENTIVE_PREPS for k in kids)
    has_actor_mod = any(k.dep_ in ("poss", "amod", "compound", "nmod") and is_actor(k) for k in kids)
    subj = n.dep_ in ("nsubj", "nsubjpass") and _lem(head) not in ("be", "remain", "seem", "become", "appear")
    det = {k.lower_ for k in kids if k.dep_ == "det"}
    if any(k.dep_ == "poss" and k.pos_ == "PRON" for k in kids) and not has_part and not has_acl:
        # "concluding their meeting": a pronoun possessor points back to a told event
        det.add("the")
        has_actor_mod = False
    eventive = has_acl or has_part or has_actor_mod or subj
    # The object of an event verb is that verb's content ("rejected a plan").
    if n.dep_ in OBJ_DEPS | {"nsubjpass"} and head.i in cands and not cands[head.i].nominal:
        return None
    if n.dep_ == "pobj":
        p = head
        host = p.head
        if host.i in cands or _inside_event(host, cands):
            # "in protest", "during talks", "killed in a bombing": context of an event,
            # unless the noun brings its own participants or clause ("talks held …").
            if not has_acl:
                return None
        elif not eventive and not (n.dep_ == "pobj" and p.lower_ in ("in", "at") and False):
            if not (has_actor_mod or has_part):
                return None
    elif n.dep_ in OBJ_DEPS:
        # object of a non-event verb: only speech / light verbs lend it standing
        if _lem(head) not in lex.speech and _lem(head) not in lex.light_verbs and not eventive:
            return None
    elif not eventive:
        return None
    if det & ANAPHORIC_DETS and not (has_acl or has_actor_mod or has_part):
        return None   # "the meeting", "following the talks": a restatement
    if _condition_subject(n):
        return None   # "once a ceasefire takes hold": a condition, not a reported event
    d = Draft(c, c.code, clause_head=n)
    if _negated(n):
        d.factuality = "negated"
    elif _unrealised(n):
        d.factuality = _unrealised(n)
    else:
        fact = _governed_factuality(n, lex)
        if fact:
            d.factuality = fact
            if fact == "planned" and coding.ptype(c.code) in ("CONSULT",):
                pass   # a planned meeting keeps its CONSULT code
    return d


CONDITION_WORDS = {"once", "if", "unless", "until", "when", "whenever", "before", "as soon as"}
FUTURE_ADJ = {"planned": "planned", "upcoming": "planned", "expected": "planned", "scheduled": "planned",
              "proposed": "planned", "forthcoming": "planned", "impending": "planned", "anticipated": "planned",
              "looming": "planned", "prospective": "planned", "future": "planned", "next": "planned",
              "possible": "hypothetical", "potential": "hypothetical", "eventual": "hypothetical",
              "hypothetical": "hypothetical", "likely": "hypothetical", "feared": "hypothetical"}
AHEAD_PREPS = {"ahead", "before", "prior"}


def _condition_subject(n) -> bool:
    """Is n the subject of a present-tense clause of condition or time ("once a ceasefire
    takes hold", "if talks resume", "until the blockade ends")? Such a clause is not asserted."""
    m = n
    while m.dep_ == "conj" and m.head.i != m.i:
        m = m.head
    if m.dep_ not in ("nsubj", "nsubjpass"):
        return False
    v = m.head
    if v.tag_ not in ("VBZ", "VBP", "VB"):
        return False
    return any(k.dep_ in ("mark", "advmod") and k.lower_ in CONDITION_WORDS and k.i < v.i for k in v.children)


def _unrealised(n) -> Optional[str]:
    """"the planned offensive", "a possible attack", "ahead of the talks": not (yet) an event."""
    for k in n.children:
        if k.dep_ in ("amod", "compound") and k.lower_ in FUTURE_ADJ:
            return "hypothetical" if any(x.dep_ == "det" and x.lower_ == "any" for x in n.children) \
                else FUTURE_ADJ[k.lower_]
    if any(k.dep_ == "det" and k.lower_ == "any" for k in n.children) and n.dep_ in ("nsubj", "nsubjpass", "pobj"):
        return "hypothetical"   # "any attack on Taiwan will be met …", "ensure that any future meetings …"
    if n.dep_ == "pobj":
        p = n.head
        if p.lower_ in ("of", "to") and p.head.lower_ in AHEAD_PREPS:
            return "planned"   # "ahead of the summit", "prior to the vote"
    return None


def _not_an_act(c: Candidate, is_actor) -> bool:
    """Nominal triggers that name no act: predicates ("he is a threat to national security",
    "deemed a threat", "poses a threat"), names ("the Quadrilateral Security Dialogue") and
    threats without a maker or content ("a growing threat from China", "threats of violence")."""
    n = c.head
    kids = list(n.children)
    m = n
    while m.dep_ == "conj" and m.head.i != m.i:
        m = m.head   # "the only way out is a dialogue and agreement": the first conjunct's role
    if m.dep_ in ("attr", "oprd") or (m.dep_ in ("dobj", "obj") and _lem(m.head) in PREDICATIVE_VERBS):
        return True
    if n.dep_ == "pobj" and n.head.head.pos_ == "NOUN" and _lem(n.head.head) in REVERSAL_NOUNS:
        return True   # "the pause in aid to Ukraine", "a freeze on talks": the act is withheld
    if _is_name(n):
        return True
    if n.dep_ in ("dobj", "obj") and _lem(n.head) in REVERSAL_VERBS:
        return True   # "another court revoked house arrest": the end of an act, not the act
    if coding.ptype(c.code) == "THREATEN":
        maker = any(k.dep_ in ("poss", "amod", "compound", "nmod") and is_actor(k) for k in kids) or \
            any(k.dep_ == "prep" and k.lower_ == "by" for k in kids)
        content = any(k.dep_ in ("acl", "relcl") and any(x.dep_ == "aux" and x.lower_ == "to" for x in k.children)
                      for k in kids)
        if not (maker or content):
            return True
    return False


REVERSAL_VERBS = {"revoke", "overturn", "cancel", "annul", "rescind", "quash", "halt", "lift", "reverse",
                  "suspend", "postpone", "delay", "end", "abandon", "scrap", "drop", "avoid", "prevent", "escape"}
REVERSAL_NOUNS = {"pause", "halt", "suspension", "freeze", "end", "cut", "reduction", "ban", "lack", "absence",
                  "shortage", "failure", "refusal", "cessation", "moratorium", "delay", "postponement", "cancellation"}
PREDICATIVE_VERBS = {"pose", "represent", "constitute", "become", "remain", "seem", "deem", "consider", "call"}
NAME_ENTS = {"ORG", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT"}


def _is_name(n) -> bool:
    """Part of a multi-word name ("Quadrilateral Security Dialogue", "Paris Agreement")?"""
    if n.ent_type_ in NAME_ENTS and any(e.start <= n.i < e.end and e.end - e.start > 1 for e in n.sent.ents):
        return True
    return n.is_title and n.i > n.sent.start and n.pos_ == "PROPN"


def _governed_factuality(n, lex: Lexicon) -> Optional[str]:
    """A nominal event takes the modality of the verb it hangs from: "will join … for the
    talks", "is scheduled to travel … for meetings", "travels will include meeting X"."""
    t = n
    for _ in range(6):
        if t.dep_ not in ("pobj", "prep", "dobj", "obj", "conj", "nsubj", "nsubjpass", "appos") or t.head is t:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            break
    if t.pos_ not in ("VERB", "AUX") or t.i == n.i:
        return None
    v = t
    for _ in range(4):
        f = _modal_factuality(v)
        if f:
            return f
        if _lem(v) in lex.intent and v.i != t.i:
            return "planned"
        if v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
            v = v.head
            if _lem(v) in lex.intent:
                return "planned"
            continue
        break
    return None


def _inside_event(t, cands) -> bool:
    """Is t a noun or verb under an event trigger's clause (its object, a PP inside it)?"""
    x = t
    for _ in range(4):
        if x.i in cands:
            return True
        if x.dep_ == "ROOT" or x.head is x:
            return False
        x = x.head
    return False
