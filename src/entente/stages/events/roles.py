"""Who acts and who is acted on: the event's sides, asked of the entity model only.

The actor is the subject of the clause the frame's head stands in (climbing coordination and
control: "vowed to enforce" -> the one who vowed; "urged Russia to accept" -> Russia accepts), the
agent of a passive, or, for a nominal event, its possessor or national modifier ("Israel's
crackdown", "a Turkish offensive", "protests by Palestinians"). Recipients are the parties the
predicate's arguments name: its object, the prepositional objects that point at a party
("against", "on", "with", "to"…), a request's addressee, the place of an attack or a crackdown
when no party is named. Each side records the rule that filled it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from spacy import symbols

from entente import doc_cache
from entente.doc_cache import children
from entente.entities import HYPHENS, NONSTATE_SECTORS, OUTSIDER_SECTORS, SECURITY_SECTORS, is_crowd
from entente.ontology import language
from entente.ontology.plover import MATERIAL_CONFLICT, SYMMETRIC
from entente.sentences import sentence, window_start

from . import coding
from .frames import Frame, clause_verb
from .predicates import OBJ_DEPS, borrowed_patient, lemma, noun_code, objects, tables
from .speech import speaker_of
from .syntax import noun_phrase, subject_token, tree_distance

if TYPE_CHECKING:  # pragma: no cover
    from entente.analysis import Analysis
    from entente.entities import Entities

RECIPIENT_PREPS = language.words("roles", "recipient_preps")
ADJECTIVE_PREPS = language.words("roles", "adjective_preps")
MOBILIZE_PREPS = language.words("roles", "mobilize_preps")
AGENT_PREPS = language.words("roles", "agent_preps")
RECIPROCAL_DETERMINERS = language.words("roles", "reciprocal_determiners")
PATIENT_NOUNS = language.words("roles", "patient_nouns")
RELEASE_NOUNS = language.words("roles", "release_nouns")   # "called for Zamora's release": who holds him is asked
# Types that are mutual when several parties of different countries do them and none is acted on
# ("Jaishankar and Rubio committed to deepening cooperation").
MUTUAL_WHEN_JOINT = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Signing an agreement (CAMEO 057, SUPPORT in PLOVER) by two parties is signed with each other.
SIGNING_CODE = "057"
# Hosting a visit (CAMEO 043): the guest is the one who visits.
HOSTING_CODE = "043"
# Types whose object's national modifier, with no subject, is the one who acts ("U.S. tariffs").
OWNED_OBJECT_TYPES = frozenset({"SANCTION", "RETREAT", "AID", "MOBILIZE", "ASSAULT"})
CLAIMING = language.words("roles", "claiming_verbs")
SETTING_NOUNS = language.words("roles", "setting_nouns")
MEETING_NOUNS = language.words("roles", "meeting_nouns")
REPORT_NOUNS = language.words("roles", "report_nouns")
RECIPROCAL_VERBS = language.words("roles", "reciprocal_verbs")
TOPIC_OBJECT_VERBS = language.words("roles", "topic_object_verbs")
PARTNER_PREPS = language.words("roles", "partner_preps")   # "talks with X", "ties between X and Y"
AIMING_PARTICIPLES = language.words("roles", "aiming_participles")
PLACE_NOUNS = language.words("entities", "place_nouns")
# Types aimed at someone: with no party among their arguments, the sentence's other party is it.
DIRECTED = frozenset({"SANCTION", "RETREAT", "ACCUSE", "REQUEST", "THREATEN", "REJECT", "CONCEDE", "SUPPORT",
                      "AID", "COERCE", "ASSAULT", "AGREE", "CONSULT", "PROTEST"})
# Types whose target may be the place it happens in when no party is named ("attacked a train
# near Sibi" -> Pakistan).
# Types whose recipient may be who the act is for, deeper in its phrase ("help in building a
# hospital for Bolivia").
BENEFIT_TYPES = frozenset({"AGREE", "AID", "COOPERATE", "SUPPORT"})
PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID"})
# Types whose unnamed target is the actor's own population ("barred girls from school").
DOMESTIC_DEFAULT = frozenset({"COERCE"})
# Acts aimed at the actor's own state when they name no other party: a request to people named
# by a common noun ("police urged residents to stay indoors"), a protest by people ("students
# staged demonstrations"), a threat of a domestic measure ("threatened to impose a curfew").
APPEAL_PREPS = language.words("events", "appeal_preps")
PEOPLE_NOUNS = language.words("entities", "crowd_nouns") | language.words("roles", "people_nouns")
OUTSIDERS = language.words("roles", "outsider_nouns")
RULING = language.words("roles", "ruling_words")
OPPOSED_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})   # what outsiders do at their own state
STORY_AIMED = OPPOSED_TYPES   # ... and what anyone does at no named party: at the story's country
BLAMING_VERBS = language.words("roles", "blaming_verbs")   # "blamed the attack on X": X is blamed
HOSTILE_ACT_NOUNS = language.words("roles", "hostile_act_nouns")   # "condemned violence against X"
STATE_POWER_NOUNS = language.words("roles", "state_power_nouns")   # "condemned the arrest of X"
TRADE_FLOW_NOUNS = language.words("roles", "trade_flow_nouns")   # "tariffs on exports to X"
WEAPON_NOUNS = language.words("roles", "weapon_nouns")   # "killed by a roadside bomb": no one named
REFERRING_DETS = frozenset({"the", "this", "that", "these", "those"})   # "delayed the tariffs"
ANTECEDENT_SENTENCES = 3   # how far back a definite object's earlier mention may be
TARGET_PREPS = frozenset({"on", "against"})   # whom a hostile act is done to
CONCERN_PREPS = frozenset({"over", "about", "at"})   # "concern over the violence": what is judged
VICTIM_PREPS = TARGET_PREPS | {"of"}   # "the hijacking of a bus": what it was done to
CLAUSE_POS = frozenset({symbols.VERB, symbols.AUX})   # what heads a clause of its own
TRAVEL_VERBS = language.words("roles", "travel_verbs")   # "flew to Lome for talks"
POSTED_HEADS = language.words("entities", "posted_heads")   # "outside the Ugandan embassy"
AGENTLESS_STATE_TYPES = frozenset({"COERCE", "AID"})   # done by the state where they happen, when untold
STATE_POWERS = language.words("roles", "state_powers")
ENTERING_WORDS = language.words("events", "entering_verbs")
STRUGGLE_WORDS = language.words("events", "struggle_words")
QUARREL_WORDS = language.words("events", "quarrel_words")
FIGHT_PREPS = frozenset({"in", "during"})   # "killed in a clash with …"
FIGHT_SIDE_PREPS = frozenset({"with", "by"})   # the fight's other side
STATE_OPERATIONS = language.words("roles", "state_operation_nouns")   # "killed in an airstrike, the army said"
GROUP_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "AID"})   # done to people at home
FOREIGN_WORDS = language.words("roles", "foreign_words")
BORDER_NOUNS = language.words("roles", "border_nouns")
AGENT_NOUNS = language.words("entities", "agent_nouns") | language.words("entities", "state_nouns")
ADDRESSED_NOUNS = AGENT_NOUNS | PEOPLE_NOUNS   # "urged nations to …", "calls on parties concerned"
# Things that do act: weapons and acts themselves ("the strike that killed", "an attack that hit").
THING_DOERS = language.words("events", "harming_things") | frozenset(language.table("events")["nouns"])


def acts_as_thing(tok) -> bool:
    """Can this thing be the doer of an act ("the airstrike killed", "a car bomb destroyed")?"""
    return tok.lemma_.lower() in THING_DOERS or noun_code(tables(), tok) is not None


def _thing_antecedent(subj) -> bool:
    """Is the subject a relative pronoun whose antecedent is a thing named by a common noun
    ("a military base … that killed", "the ship that carried")? Its modifiers are not its doer."""
    if subj.tag_ not in ("WDT",) or subj.head.dep_ != "relcl":
        return False
    ante = subj.head.head
    return ante.pos_ == "NOUN" and ante.lemma_.lower() not in AGENT_NOUNS and not acts_as_thing(ante)


def aimed_at(noun) -> list:
    """What a participle says an act is aimed at ("tariffs targeting Chile", "sanctions aimed at Iran")."""
    out = []
    for v in children(noun):
        if v.dep_ == "acl" and v.tag_ in ("VBG", "VBN") and lemma(v) in AIMING_PARTICIPLES:
            out += [c for c in children(v) if c.dep_ == "dobj"]
            out += [g for p in children(v) if p.dep_ == "prep" and p.lower_ in ("at", "against")
                    for g in children(p) if g.dep_ == "pobj"]
    return out + [k for o in out for k in children(o) if k.dep_ == "conj"]


def _other_clause(t, h) -> bool:
    """Is t inside a clause of its own, with its own subject, that neither holds h nor is held by
    h's clause? (Walks the Doc's cached head indices: no Token made per step.)"""
    doc = t.doc
    up, pos, has_subject = doc_cache.heads(doc), doc_cache.pos(doc), _has_subject(doc)
    v = t.i
    while up[v] != v and not (pos[v] in CLAUSE_POS and has_subject[v]):
        v = up[v]
    if v == t.i or pos[v] not in CLAUSE_POS:
        return False
    # v's subtree holds h when v is h or above it; h's subtree (or its ancestors) holds v when v is below it
    return v != h.i and not doc_cache.is_ancestor(doc, v, h.i) and not doc_cache.is_ancestor(doc, h.i, v) \
        and doc_cache.tokens(doc)[v].dep_ in ("ccomp", "conj")


def _has_subject(doc) -> list[bool]:
    """For each token, has it a child that is its subject (nsubj, nsubjpass)? Once per Doc."""
    def make() -> list[bool]:
        up = doc_cache.heads(doc)
        subjects = {doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")}
        out = [False] * len(doc)
        for i, d in enumerate(doc.to_array("DEP").tolist() if len(doc) else []):
            if d in subjects and up[i] != i:
                out[up[i]] = True
        return out
    return doc_cache.cached(doc, "entente.events.has_subject", make)


def _agentless_patient(v):
    """The subject of a passive verb that names no doer ("were arrested"), or the noun a passive
    participle qualifies ("Palestinians injured in clashes"), else None."""
    if v.pos_ != "VERB" or any(c.dep_ == "agent" for c in children(v)):
        return None
    if v.tag_ == "VBN" and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head
    if not any(c.dep_ == "auxpass" for c in children(v)):
        return None
    return next((c for c in children(v) if c.dep_ in ("nsubjpass", "nsubj:pass")), None)


def _visitor_slip(v):
    """"Assured visiting Australian Foreign Minister X": the parse makes "visiting" the verb's
    complement with X its object, where it qualifies X. X (a person named right after it), or None."""
    if lemma(v) != "visit" or v.tag_ != "VBG" or v.dep_ != "xcomp" or v.i != v.head.i + 1 or \
            any(c.dep_ in ("dobj", "dative") for c in children(v.head)):
        return None
    obj = next((c for c in children(v) if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.ent_type_ == "PERSON" else None


def _neighbour_only(t) -> bool:
    """Does the token name only a neighbour of a place ("a town near the border with Chile", "near
    the Chilean border")? (A state a place lies in, "ports in Chile", may well be the party.)"""
    if t.dep_ in ("compound", "amod") and t.head.lemma_.lower() in BORDER_NOUNS:
        return t.head.dep_ == "pobj" and t.head.head.lower_ == "near"   # "villages near the Cameroon border"
    return t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.lemma_.lower() in BORDER_NOUNS


@dataclass
class Sides:
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    reciprocal: bool = False
    rules: list[str] = field(default_factory=list)
    inanimate: bool = False   # the clause's subject is a thing ("the framework reaffirmed …"): no act
    doerless: bool = False    # "condemned the attack on Israel": the act judged names no doer to blame


class Roles:
    def __init__(self, analysis: "Analysis", entities: "Entities"):
        self.analysis = analysis
        self.ent = entities

    def sides(self, f: Frame) -> Sides:
        s = Sides()
        p = f.pred
        if p.nominal and f.governor is None:
            self._nominal(f, s)
        elif f.governor is None and p.head.dep_ == "amod" and p.head.tag_ == "VBG" and p.head.head.pos_ in ("NOUN", "PROPN"):
            self._doing_modifier(f, s)
        elif f.governor is None and (visitor := _visitor_slip(p.head)) is not None:
            # "assured visiting Australian Foreign Minister X that …": X visits the one who assured
            s.actors = self.ent.phrase(visitor)
            host = subject_token(p.head.head)
            s.recipients = [a for a in self.ent.phrase(host) if a not in s.actors] if host is not None else []
            s.rules += ["actor:participle-noun"] + (["recipient:host"] if s.recipients else [])
        else:
            subj = subject_token(f.head)
            if subj is not None and _thing_antecedent(subj):
                subj = None   # "the bombing of a French base that killed …": a base kills no one; the doer is untold
            if subj is not None:
                s.actors = self.ent.phrase(subj)
                if s.actors and all(self.ent.actor(a).kind == "other" for a in s.actors):
                    s.actors, s.inanimate = [], True   # "one suit … alleging", "warnings demanding …"
                if s.actors:
                    s.rules.append("actor:subject")
                elif self.ent.issuer(subj):
                    s.actors = self.ent.issuer(subj)
                    s.rules.append("actor:document-issuer")
                elif self.ent.group(subj):
                    s.actors = self.ent.group(subj)
                    s.rules.append("actor:group-in-context")
                elif subj.pos_ == "NOUN" and subj.lemma_.lower() not in language.words("entities", "agent_nouns") \
                        and not is_crowd(subj):
                    s.inanimate = True
                elif is_crowd(subj):
                    s.actors = self.place_country(f) or self.sentence_places(f)
                    if s.actors:
                        s.rules.append("actor:crowd-place")
            if not s.actors and f.type == "ASSAULT" and subj is not None and lemma(subj) in WEAPON_NOUNS \
                    and not self.ent.phrase(subj, depth=0):
                self._unknown_attackers(f, s, subj)
            if not s.actors and f.pred.obj is not None and f.governor is None:
                # "the doubled U.S. tariffs", "Chinese-funded projects were frozen": the object's owner
                mods = [a for c in children(f.pred.obj) if c.i < f.pred.obj.i and c.dep_ in ("poss", "compound", "amod")
                        for a in self.ent.phrase(c, depth=0)]
                if mods and f.type in OWNED_OBJECT_TYPES:
                    s.actors = mods
                    s.rules.append("actor:object-owner")
            if not s.actors and f.type == "ASSAULT" and _agentless_patient(f.head) is not None:
                self._fight_it_happened_in(f, s)
            if not s.actors and f.type in AGENTLESS_STATE_TYPES and (
                    patient := _agentless_patient(f.head) or borrowed_patient(f.head)) is not None:
                self._done_by_the_state(f, s, patient)
            if not s.actors and (sides := self._fight_between(f)):
                s.actors, s.recipients, s.reciprocal = list(sides), list(sides), True
                s.rules += ["actor:between", "recipient:mutual"]
                self._finish(f, s)
                return s
            if f.requestee is not None:
                s.recipients = [a for a in self.ent.phrase(f.requestee) if a not in s.actors]
                if s.recipients:
                    s.rules.append("recipient:addressee")
            if not s.recipients:
                self._arguments(f, s)
        self._finish(f, s)
        return s

    def _fight_between(self, f: Frame) -> list[str]:
        """The two sides of a fight told as "between" them ("fighting between rebels and Malian forces",
        "clashes between troops and protesters"): each fights the other; else []."""
        h = f.pred.head
        if f.type != "ASSAULT" or lemma(h) not in STRUGGLE_WORDS | QUARREL_WORDS:
            return []
        sides: list[str] = []
        for p in children(h):
            if p.dep_ != "prep" or p.lower_ not in ("between", "among"):
                continue
            for g in children(p):
                if g.dep_ != "pobj":
                    continue
                for t in [g] + [c for c in g.conjuncts if c.dep_ == "conj"]:
                    # each conjunct's own words (the first one's phrase would take in the others)
                    own = self.ent.at(t) or [a for c in t.lefts for a in self.ent.at(c)] or self.ent.group(t)
                    sides += [a for a in own if a not in sides]
        return sides if len(sides) >= 2 else []

    def _unknown_attackers(self, f: Frame, s: Sides, weapon) -> None:
        """"Killed by a roadside bomb", "a mine blast near X killed …": an attack told only by its
        weapon is by unidentified attackers (PLOVER's unknown actor) of the country it struck."""
        state = self.place_country(f) or self.ent.context_state(weapon)
        iso = self.ent.country(state[0]) if state else None
        if iso and iso != "IGO":
            s.actors, s.inanimate = [self.ent.unknown_attackers(iso)], False
            s.rules.append("actor:unknown-attackers")

    def _done_by_the_state(self, f: Frame, s: Sides, patient) -> None:
        """"Two journalists were arrested in Harare", "339 passengers were rescued": an arrest or a
        rescue told without its doer is the state's where it happens (codebook: arrests and
        detentions are COERCE, rescues AID), done to the people it names."""
        if lemma(f.head) not in STATE_POWERS:
            return   # "was expelled from the party": not the state's to do
        state = self._destination(f.head) or self.place_country(f) or self.ent.context_state(patient)
        if not state:
            return   # (before naming the people: a body of people is made as an entity only for an event)
        people = self.ent.phrase(patient) or self.ent.group(patient) or self.ent.group(patient, PEOPLE_NOUNS)
        if people:
            s.actors, s.recipients = state[:1], people
            s.rules += ["actor:state-of-place", "recipient:patient"]

    def _fight_it_happened_in(self, f: Frame, s: Sides) -> None:
        """"Was killed in a gun battle with police", "wounded in a U.S. airstrike": a blow told
        without its doer is dealt by the other side of the fight it happened in, named by the
        fight's with- or by-phrase or its national modifier."""
        for p in children(f.head):
            if p.dep_ != "prep" or p.lower_ not in FIGHT_PREPS:
                continue
            for n in children(p):
                nc = noun_code(tables(), n) if n.dep_ == "pobj" else None
                if not (n.dep_ == "pobj" and (lemma(n) in STRUGGLE_WORDS or nc and coding.ptype(nc.code) == "ASSAULT")):
                    continue
                doers = [a for w in children(n) if w.dep_ == "prep" and w.lower_ in FIGHT_SIDE_PREPS
                         for o in children(w) if o.dep_ == "pobj" for a in self.ent.phrase(o) or self.ent.group(o)]
                doers = doers or [a for c in children(n) if c.i < n.i and c.dep_ in ("poss", "compound", "amod")
                                  for a in self.ent.phrase(c, depth=0)]
                if doers:
                    s.actors = list(dict.fromkeys(doers))
                    s.rules.append("actor:fight-side")
                    return
                if lemma(n) in STATE_OPERATIONS and (forces := self._reporting_forces(f)):
                    # "killed in an airstrike, Iraqi special forces said": the forces that report it
                    s.actors = forces
                    s.rules.append("actor:reporting-forces")
                    return

    def _reporting_forces(self, f: Frame) -> list[str]:
        """The state's forces or security officials who say the words a frame is in, if they are."""
        said, _cue = speaker_of(self.analysis, self.ent, f)
        return [a for a in said if self.ent.actor(a).sector in SECURITY_SECTORS and self.ent.actor(a).country
                and self.ent.actor(a).country != "IGO"][:1]

    def _destination(self, v) -> list[str]:
        """The state one is barred from entering ("barred from entering Uganda", "from travel to
        the U.S."): it bars them."""
        for p in children(v):
            if p.dep_ == "prep" and p.lower_ == "from":
                for g in children(p):
                    if lemma(g) in ENTERING_WORDS:
                        found = [a for t in g.subtree for a in self.ent.place_state(t) or
                                 [x for x in self.ent.at(t) if self.ent.actor(x).kind == "state"]]
                        if found:
                            return found[:1]
        return []

    def _hyphen_dyad(self, n) -> list[str]:
        """The parties of a modifier that joins two names by a hyphen before the noun ("Kenya-Uganda
        talks": the parse hangs "Kenya" on "Uganda")."""
        out: list[str] = []
        for c in children(n):
            if c.dep_ == "compound" and c.i < n.i and any(
                    k.dep_ == "compound" and k.i < c.i and k.nbor().text in HYPHENS for k in children(c)):
                for t in [k for k in children(c) if k.dep_ == "compound" and k.i < c.i] + [c]:
                    out += [a for a in self.ent.at(t) if a not in out]
        return out

    def _doing_modifier(self, f: Frame, s: Sides) -> None:
        """"the visiting Peruvian minister", "the invading army": the noun a present participle
        modifies does the act; a visit's host is the subject of the clause the visitor is in."""
        noun = f.pred.head.head
        if any(c.dep_ in ("nmod", "compound") and c.i < f.pred.head.i for c in children(noun)):
            return   # "the UNHCR supporting refugees": a name before the participle is the parse's slip, no doer
        s.actors = self.ent.phrase(noun)
        if s.actors:
            s.rules.append("actor:participle-noun")
        v = clause_verb(noun)
        host = subject_token(v) if v is not None and f.code.startswith("042") else None
        if host is not None and host.i != noun.i:
            s.recipients = [a for a in self.ent.phrase(host) if a not in s.actors]
            if s.recipients:
                s.rules.append("recipient:host")

    # -- nominal events -------------------------------------------------------------------------
    def _nominal(self, f: Frame, s: Sides) -> None:
        n = f.pred.head
        if f.pred.experienced:
            # "X met with opposition from Y": Y does it to X
            v = f.pred.tokens[1]
            for c in list(children(n)) + [c for c in children(v) if c.i > n.i]:   # the parse may hang "from Y" on the verb
                if c.dep_ == "prep" and c.lower_ in language.words("roles", "experienced_agent_preps") and not s.actors:
                    s.actors += [a for g in children(c) if g.dep_ == "pobj" for a in self.ent.phrase(g)]
            if not s.actors:
                s.actors = [a for c in children(n) if c.dep_ in ("poss", "amod", "compound") and c.i < n.i
                            for a in self.ent.phrase(c, depth=0)]
            subj = subject_token(v)
            if subj is not None:
                s.recipients = [a for a in self.ent.phrase(subj) if a not in s.actors]
            s.rules += ["actor:from", "recipient:experiencer"]
            return
        # "Navalny's arrest": the owner is the one arrested; "Kenya's arrest of two journalists": the
        # of-phrase names them and the owner did it
        patient = lemma(n) in PATIENT_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children(n))
        mods: list[str] = []
        for c in children(n):
            if c.i < n.i and c.dep_ in ("poss", "amod", "compound", "nmod"):
                mods += [a for a in self.ent.phrase(c, depth=0) if a not in mods]
        by: list[str] = []
        for c in noun_phrase(n):
            # "the detention of two Canadians by Chinese authorities": the by-phrase may hang on the
            # of-object, but not deeper ("a crackdown on protests by students": the protests' doers)
            lower_by = c.lower_ == "by" and c.head.dep_ == "pobj" and c.head.head.lower_ == "of" and c.head.head.head.i == n.i
            if c.dep_ == "prep" and c.lower_ in AGENT_PREPS and (c.head.i == n.i or lower_by):
                for g in children(c):
                    if g.dep_ == "pobj":
                        by += [a for a in self.ent.phrase(g) if a not in by]
        by = [a for a in by if self.ent.actor(a).kind != "other"]   # "criticism from …" as a speaker is words, no one
        if by:
            s.actors, s.rules = by, ["actor:by"]
            s.recipients = mods if patient else []
        elif patient:
            s.recipients = mods
            if mods:
                s.rules.append("recipient:possessor")
        elif mods:
            s.actors = mods
            s.rules.append("actor:modifier")
        elif f.type == "SANCTION" and (importer := self._importer(n)):
            s.actors = importer
            s.rules.append("actor:importer")
        elif f.pred.obj is not None and f.type in OWNED_OBJECT_TYPES:
            # "the pause in U.S. aid": the owner of what the act stops
            s.actors = [a for c in children(f.pred.obj) if c.i < f.pred.obj.i and c.dep_ in ("poss", "compound", "amod")
                        for a in self.ent.phrase(c, depth=0)]
            if s.actors:
                s.rules.append("actor:object-owner")
        if (f.type in SYMMETRIC or f.type == "AGREE") and len(dyad := self._hyphen_dyad(n)) >= 2:
            # "Kenya-Uganda talks", "the U.S.-Taliban deal": both are its parties
            s.actors, s.recipients, s.reciprocal = list(dyad), list(dyad), True
            s.rules = [r for r in s.rules if not r.startswith("actor:")] + ["actor:dyad", "recipient:mutual"]
            return
        if not s.actors and (fight := self._fight_between(f)):
            s.actors, s.recipients, s.reciprocal = list(fight), list(fight), True
            s.rules += ["actor:between", "recipient:mutual"]
            return
        if not s.actors and f.type in SYMMETRIC:
            # "negotiations between Britain and Mauritius": both are its parties
            between = [a for c in children(n) if c.dep_ == "prep" and c.lower_ in ("between", "among")
                       for g in children(c) if g.dep_ == "pobj" for a in self.ent.phrase(g)]
            if len(between) >= 2:
                s.actors, s.recipients, s.reciprocal = list(between), list(between), True
                s.rules += ["actor:between", "recipient:mutual"]
                return
        heads = [n]
        v = clause_verb(n) if n.dep_ == "pobj" and n.head.lower_ in language.words("roles", "circumstance_preps") else None
        travel = v is None and f.type == "CONSULT" and n.dep_ == "pobj" and n.head.lower_ == "for" \
            and lemma(n.head.head) in TRAVEL_VERBS
        if travel:
            v = n.head.head   # "flew to Kampala for talks": the traveller meets where they went
        if not s.actors and v is not None:
            # "massed … in protest of X", "told Trump in phone conversations", "reiterated … during a
            # meeting with Quad ambassadors": the clause's subject does it, to the clause's object
            heads.append(v)
            subj = subject_token(v)
            if subj is not None:
                s.actors = self.ent.phrase(subj)
                if s.actors:
                    s.rules.append("actor:clause-subject")
                elif is_crowd(subj):
                    s.actors = self.place_country(f) or self.sentence_places(f)
                    if s.actors:
                        s.rules.append("actor:crowd-place")
        if travel and not any(c.dep_ == "prep" and c.lower_ == "with" for c in children(n)):
            hosts = [a for p in children(v) if p.dep_ == "prep" and p.lower_ == "to" for t in p.subtree
                     for a in self.ent.place_state(t) if not self.ent.countries([a]) & self.ent.countries(s.actors)]
            if hosts:
                s.recipients = hosts[:1]
                s.rules.append("recipient:destination")
        if not s.actors and n.dep_ in ("dobj",) and n.head.pos_ == "VERB" and lemma(n.head) in CLAIMING:
            subj = subject_token(n.head)
            if subj is not None:
                s.actors = self.ent.phrase(subj)
                if s.actors:
                    s.rules.append("actor:verb-subject")
        self._arguments(f, s, heads=heads)

    def _importer(self, n) -> list[str]:
        """"Tariffs on Chinese exports to the U.S.": the state the goods go to imposes them."""
        doc = n.doc
        # "imports to the U.S.": the words follow the goods, wherever the parse hangs the preposition
        preps = [doc[t.i + 1] for t in noun_phrase(n) if lemma(t) in TRADE_FLOW_NOUNS and t.i + 1 < len(doc)
                 and doc[t.i + 1].lower_ in ("to", "into") and doc[t.i + 1].dep_ == "prep"]
        return [a for c in preps for g in children(c) if g.dep_ == "pobj" for a in self.ent.phrase(g)]

    # -- arguments --------------------------------------------------------------------------
    def _arguments(self, f: Frame, s: Sides, heads: Optional[list] = None) -> None:
        found: list[str] = []
        if heads is None:
            heads = list(dict.fromkeys(f.recipient_heads + [f.pred.head]))
            # "refused to attend a hearing by the U.N. court": the refused act's own arguments
            # ("discussed imposing costs on Russia": what is discussed is a topic, its parties are no partners)
            heads += [c for h in list(heads) if h.pos_ in ("VERB", "AUX") and lemma(h) not in TOPIC_OBJECT_VERBS
                      for c in children(h) if c.dep_ == "xcomp" and c.pos_ == "VERB" and c not in heads]
        if f.type == "ACCUSE":
            # "voiced concern over Ugandan attacks": what the concern is over, judged as its object is
            for t in dict.fromkeys(heads + ([f.pred.obj] if f.pred.obj is not None else [])):
                for g in (g for p in children(t) if p.dep_ == "prep" and p.lower_ in CONCERN_PREPS
                          for g in children(p) if g.dep_ == "pobj"):
                    if (doers := self._judged_act_doers(f, g)) is not None:
                        found += [a for a in doers if a not in found and a not in s.actors]
                        s.doerless = s.doerless or not doers
        preps = MOBILIZE_PREPS if f.type == "MOBILIZE" else (ADJECTIVE_PREPS | RECIPIENT_PREPS
                                                             if f.pred.head.pos_ == "ADJ" else RECIPIENT_PREPS)
        for h in heads:
            if (doers := self._judged_act_doers(f, h)) is not None:
                found += [a for a in doers if a not in found and a not in s.actors]
                s.doerless = s.doerless or not doers
                continue   # the judged act's doers only ("condemned the Israeli strikes on Gaza")
            cands = []
            if f.pred.obj is not None and h.i == f.pred.obj.i:
                cands.append(h)   # "attended a U.N.-organized meeting": the event noun's own parties
            if (h.pos_ in ("VERB", "AUX", "ADJ") and not f.pred.nominal or h.i != f.pred.head.i) \
                    and lemma(h) not in TOPIC_OBJECT_VERBS:
                cands += [c for c in children(h) if c.dep_ in OBJ_DEPS or c.dep_ in ("dative", "iobj")]
                cands += [o for o in objects(h) if o not in cands and o.i != h.i]
            if h.pos_ == "NOUN":
                cands += aimed_at(h)
            judged = any(self._judged_act_doers(f, c) is not None for c in children(h) if c.dep_ == "dobj")
            for c in children(h):
                if judged and c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                    continue   # "condemned the strikes on Gaza", the parse hanging "on Gaza" on the verb: the victim
                felt_by = c.dep_ == "agent" and f.pred.rule.startswith("adjective:")   # "disappointed by X"
                if c.dep_ in ("prep",) and (c.lower_ in preps or c.lower_ == "for" and h.pos_ == "NOUN") or felt_by:
                    # "support for Ukraine", "aid for Gaza": for a noun, "for" names who receives it
                    # "criticized at a council meeting": the meeting is where, its parties no target
                    cands += [g for g in children(c) if g.dep_ == "pobj" and lemma(g) not in SETTING_NOUNS
                              and not (c.lower_ == "at" and lemma(g) in MEETING_NOUNS)]
            for c in cands:
                if (doers := self._judged_act_doers(f, c)) is not None:
                    # "condemned Hamas's attack on Israel": blamed is who did it, not whom it hit
                    found += [a for a in doers if a not in found and a not in s.actors]
                    s.doerless = s.doerless or not doers
                    continue
                owned = f.pred.obj is not None and c.i == f.pred.obj.i and any(k.dep_ == "poss" for k in children(c))
                # a possessor owns the act, it is not its target ("expressed the administration's
                # commitment to Israel": Israel, through the noun's own phrase below)
                # "requested WTO consultations with Peru": the partner is asked, not the forum;
                # "concerned about the U.N. report on Peru's fleet": what the report tells
                partners = self._noun_parties(c, MEETING_NOUNS, ("with",)) if f.type == "REQUEST" else []
                if f.pred.head.pos_ == "ADJ" and not partners:
                    partners = self._noun_parties(c, REPORT_NOUNS, ("about", "on", "into"))
                for a in (partners or ([] if owned else self.ent.phrase(c))):
                    if a not in found and a not in s.actors:
                        found.append(a)
                if not found and f.type != "MOBILIZE":
                    # "tariffs on Canadian exports", "fired tear gas, bullets and grenades at X": the
                    # object's (or its conjuncts') own arguments
                    for o in [c] + [k for k in children(c) if k.dep_ == "conj"] + \
                             [k for k in children(c) if k.dep_ == "conj" for k in children(k) if k.dep_ == "conj"]:
                        for cc in children(o):
                            if cc.dep_ == "prep" and cc.lower_ in preps:
                                for g in children(cc):
                                    if g.dep_ == "pobj":
                                        found += [a for a in self.ent.phrase(g) if a not in found and a not in s.actors]
            if not found and f.type in GROUP_TARGET_TYPES and s.actors:
                found += self._people_targets(f, s, cands)
        if not found:
            # "to discuss upgrading ties with Mauritius": of a topic, only the partner it names
            found = [a for h in heads if h.pos_ in ("VERB", "AUX") and lemma(h) in TOPIC_OBJECT_VERBS
                     for c in children(h) if c.dep_ == "xcomp" for t in c.subtree
                     if t.dep_ == "pobj" and t.head.lower_ in PARTNER_PREPS for a in self.ent.phrase(t, depth=0)
                     if a not in s.actors]
        if found:
            s.recipients += [a for a in found if a not in s.recipients]
            s.rules.append("recipient:argument")

    def _judged_act_doers(self, f: Frame, noun) -> Optional[list[str]]:
        """When a criticism's object is a hostile act ("condemned Russia's strikes on Kyiv"), the
        doers that act's phrase names by owner, modifier or by-phrase (maybe none); None when the
        object is no such act, or the verb names the blamed apart ("blamed the attacks on militants")."""
        # the act is the criticism's object, or what its concern is over ("voiced concern over the violence")
        concern = noun.dep_ == "pobj" and noun.head.lower_ in CONCERN_PREPS and noun.head.head in f.pred.tokens
        if f.type != "ACCUSE" or not (concern or noun.dep_ == "dobj" and noun.head.i == f.pred.head.i) \
                or noun in f.pred.tokens or lemma(f.pred.head) in BLAMING_VERBS or noun.pos_ != "NOUN":
            return None
        if ((nc := noun_code(tables(), noun)) is None or coding.ptype(nc.code) not in MATERIAL_CONFLICT) \
                and lemma(noun) not in HOSTILE_ACT_NOUNS:
            return None
        doers = [a for c in children(noun) if c.i < noun.i and c.dep_ in ("poss", "amod", "compound", "nmod")
                 for a in self.ent.phrase(c, depth=0)]
        # the parse may hang the noun's by-phrase on the verb it is the object of, or on its victim
        # ("attacks against villages by X", "the hijacking of a bus by X")
        slipped = [noun.head] + [g for p in children(noun) if p.dep_ == "prep" and p.lower_ in VICTIM_PREPS
                                 for g in children(p) if g.dep_ == "pobj"]
        doers += [a for p in list(children(noun)) + [p for v in slipped for p in children(v)]
                  if p.dep_ == "prep" and p.lower_ in AGENT_PREPS
                  for g in children(p) if g.dep_ == "pobj" for a in self.ent.phrase(g)]
        if lemma(noun) in HOSTILE_ACT_NOUNS:
            # "the brutality of the military": of whom it is ("the killing of protesters" names its victims)
            doers += [a for p in children(noun) if p.dep_ == "prep" and p.lower_ == "of"
                      for g in children(p) if g.dep_ == "pobj" for a in self.ent.phrase(g)]
        if not doers and lemma(noun) in STATE_POWER_NOUNS:
            doers = self._state_of_struck(noun)
        return list(dict.fromkeys(doers))

    def _state_of_struck(self, noun) -> list[str]:
        """The state whose people an arrest or trial struck ("the arrest of Ugandan opposition leader
        X", "Besigye's detention"): its police and courts did it."""
        struck = [g for p in children(noun) if p.dep_ == "prep" and p.lower_ == "of"
                  for g in children(p) if g.dep_ == "pobj"] or [c for c in children(noun) if c.dep_ == "poss"]
        states = {c for g in struck for a in self.ent.phrase(g)
                  if self.ent.actor(a).kind != "state" for c in self.ent.countries([a]) if c != "IGO"}
        return [self.ent.state(states.pop())] if len(states) == 1 else []

    def _people_targets(self, f: Frame, s: Sides, cands: list) -> list[str]:
        """"killed 50 militants", "arrested protesters": people named by a plural common noun, of the
        country the story tells it in (not "international forces"); aid to "1 million people" goes to
        their country."""
        for c in cands:
            if c.tag_ != "NNS" or any(k.lower_ in FOREIGN_WORDS for k in children(c)):
                continue
            found = self.ent.context_state(c) if f.type == "AID" and lemma(c) in PEOPLE_NOUNS else self.ent.group(c)
            found = [a for a in found if a not in s.actors]
            if found:
                return found[:1]
        return []

    def _noun_parties(self, noun, nouns: frozenset, preps: tuple) -> list[str]:
        """The parties a noun of one of these kinds names after one of these prepositions
        ("consultations with Peru", "the report on Peru's fleet")."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            return []
        return [a for p in children(noun) if p.dep_ == "prep" and p.lower_ in preps
                for g in children(p) if g.dep_ == "pobj" for a in self.ent.phrase(g)]

    # -- the sides together ---------------------------------------------------------------------
    def _finish(self, f: Frame, s: Sides) -> None:
        t = f.type
        if f.code.startswith(HOSTING_CODE) and s.actors and s.recipients and not s.reciprocal:
            # "Trump hosted Erdogan": the visit is the guest's (codebook: the visitor acts)
            s.actors, s.recipients = s.recipients, s.actors
            s.rules.append("actor:guest")
        if not s.recipients and s.actors and self._each_other(f):
            # "Chile and Peru accused each other", "both rivals blamed the other": each to the other
            s.recipients, s.reciprocal = list(s.actors), True
            s.rules.append("recipient:each-other")
        joint = len(self.ent.countries(s.actors)) >= 2   # two states, or a grouping ("Quad leaders agreed")
        if not s.recipients and (len(s.actors) >= 2 and self._mutual(f) or (
                (f.type in MUTUAL_WHEN_JOINT or f.code.startswith(SIGNING_CODE)) and joint)):
            s.recipients, s.reciprocal = list(s.actors), True
            s.rules.append("recipient:mutual")
        if not s.recipients and t in DIRECTED and s.actors and (
                told := self._antecedent_parties(f, self.ent.countries(s.actors))):
            s.recipients = told   # "imposed tariffs on Canada … then delayed the tariffs": on Canada
            s.rules.append("recipient:antecedent")
        if not s.recipients and f.head.dep_ == "conj" and f.head.head.pos_ == "VERB" and not f.pred.nominal:
            # "imposed tariffs on Canada and Mexico, then exempted … and delayed …": the first
            # conjunct's parties
            first = Frame(f.pred, f.code, [], f.head.head, recipient_heads=[f.head.head])
            inherited = Sides(actors=list(s.actors))
            self._arguments(first, inherited)
            if inherited.recipients:
                s.recipients = inherited.recipients
                s.rules.append("recipient:conjunct")
        actor_countries = self.ent.countries(s.actors)
        # the actor's own state is not its recipient ("tariffs on Canadian exports to the U.S."), unless
        # the actors stand outside it ("rights groups sued the U.S. government")
        if not s.reciprocal:
            self._other_members(s)
            actor_countries = self.ent.countries(s.actors)
            outside = bool(s.actors) and all(self.ent.actor(a).kind != "state" and self.ent.actor(a).sector
                                             in NONSTATE_SECTORS for a in s.actors)
            s.recipients = [r for r in s.recipients if r not in s.actors and not (
                self.ent.actor(r).kind == "state" and self.ent.country(r) in actor_countries and not outside)]
        if t in SYMMETRIC:
            if len(s.actors) >= 2 and not s.recipients:
                s.recipients = list(s.actors)
                s.reciprocal = True
            elif s.recipients and self._with_partner(f):
                s.reciprocal = True
        if not s.recipients and (t in PLACE_TARGETED or f.code.startswith("042")):
            place = self.place_country(f)
            # "killed in a U.S. airstrike in Syria": the doer's own state named on the way is no place
            place = [a for a in place if self.ent.country(a) not in actor_countries] or place
            if place:
                s.recipients = place
                s.rules.append("recipient:place")
        if not s.recipients and t in DOMESTIC_DEFAULT and s.actors and self._people_object(f):
            own = [a for a in s.actors if self.ent.country(a)]
            if own:
                s.recipients = own[:1]
                s.rules.append("recipient:domestic")
        if not s.recipients and t == "REQUEST" and s.actors and self._people_addressed(f):
            self._own_state(s, actor_countries)
        if not s.recipients and t in BENEFIT_TYPES and s.actors:
            # "will cooperate in building a new hospital for Bolivia": who it is for
            found = [a for x in f.pred.head.subtree if x.dep_ == "pobj" and x.head.lower_ == "for"
                     and x.head.i > f.pred.head.i for a in self.ent.phrase(x, depth=0)
                     if self.ent.actor(a).kind == "state" and not self.ent.countries([a]) & actor_countries]
            if found:
                s.recipients = found[:1]
                s.rules.append("recipient:beneficiary")
        if not s.recipients and t == "REQUEST" and (held := self._holder(f, actor_countries)):
            s.recipients = held
            s.rules.append("recipient:holder")
        if not s.recipients and "actor:unknown-attackers" in s.rules:
            # "a roadside bomb killed 11 coal miners in the city": unnamed victims where it struck
            s.recipients = [self.ent.state(c) for c in sorted(actor_countries)][:1]
            s.rules.append("recipient:struck-place")
        if not s.recipients and t in DIRECTED and s.actors and lemma(f.pred.head) not in TOPIC_OBJECT_VERBS \
                and not s.doerless and not self.about_itself(f, s) \
                and not (t in STORY_AIMED and self._addresses_unnamed(f)):
            # (not when the act is aimed at others it leaves unnamed: "urged nations to …", "other
            # democracies have been threatened": unnamed third parties are left out, codebook)
            other = self.sentence_party(f, actor_countries)
            if other:
                s.recipients = other
                s.rules.append("recipient:sentence")
        if not s.recipients and t in STORY_AIMED and s.actors and not s.doerless and f.requestee is None \
                and not self._addresses_unnamed(f) and not self.about_itself(f, s):
            # "the U.S. is disappointed by the approval of the bill": a judgement, demand, threat or
            # refusal that names no party is aimed at the country the story is about, if not the actor's
            # (not when it addresses others it leaves unnamed: "urged nations to …")
            main = self.ent.story_country()
            if main and main not in actor_countries:
                s.recipients = [self.ent.state(main)]
                s.rules.append("recipient:story-country")
        if not s.recipients and t in DOMESTIC_DEFAULT and s.actors:
            own = [a for a in s.actors if self.ent.country(a)]
            if own:
                s.recipients = own[:1]
                s.rules.append("recipient:domestic")
        if not s.recipients and t == "PROTEST" and (owner := self._protested_post(f, actor_countries)):
            s.recipients = owner   # "protested outside Uganda's embassy": at the state it posted there
            s.rules.append("recipient:post-owner")
        if not s.recipients and s.actors and (
                t == "PROTEST" and self._people_act(f, s)
                or t == "THREATEN" and coding.ptype(f.pred.code) in DOMESTIC_DEFAULT
                or t in OPPOSED_TYPES and not s.doerless and self._outsiders(f)
                or t == "ASSAULT" and all(self.ent.actor(a).sector in OUTSIDER_SECTORS for a in s.actors)):
            # "the militants blew up tracks": armed groups naming no target strike at their own state
            self._own_state(s, actor_countries)

    def _addresses_unnamed(self, f: Frame) -> bool:
        """Does the act address people it does not name ("urged nations to …", "calls on parties
        concerned to …")?"""
        for h in {f.head.i: f.head, f.pred.head.i: f.pred.head}.values():
            for c in children(h):
                people = [c] if c.dep_ in ("dobj", "dative", "nsubjpass") else \
                    [g for g in children(c) if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("on", "upon") else []
                if any(lemma(g) in ADDRESSED_NOUNS and not self.ent.phrase(g) for g in people):
                    return True
        return False

    def _holder(self, f: Frame, mine: set) -> list[str]:
        """Who is asked to free someone ("called for Zamora's release"): the state of the one held,
        when it is not the asker's own (the story places the held where they are held)."""
        for t in f.pred.head.subtree:
            if lemma(t) not in RELEASE_NOUNS or t.pos_ != "NOUN":
                continue
            held = [a for c in children(t) if c.dep_ == "poss" for a in self.ent.phrase(c, depth=0)]
            held += [a for p in children(t) if p.dep_ == "prep" and p.lower_ == "of"
                     for g in children(p) if g.dep_ == "pobj" for a in self.ent.phrase(g, depth=0)]
            states = sorted(c for c in self.ent.countries(held) - mine if c != "IGO")
            return [self.ent.state(c) for c in states[:1]]
        return []

    def _protested_post(self, f: Frame, mine: set) -> list[str]:
        """The state whose embassy or consulate a protest is held at ("massed in front of Kenya's
        consulate", "outside the Ugandan embassy"), when it is another country's."""
        for h in (f.pred.head, f.head):
            for t in h.subtree:
                if t.lemma_.lower() not in POSTED_HEADS or t.dep_ != "pobj":
                    continue
                owners = [a for c in children(t) if c.dep_ in ("poss", "compound", "amod")
                          for a in self.ent.phrase(c, depth=0)] or self.ent.at(t)
                states = [self.ent.state(c) for c in sorted(self.ent.countries(owners) - mine) if c != "IGO"]
                if states:
                    return states[:1]
        return []

    def _other_members(self, s: Sides) -> None:
        """A grouping facing one of its own members stands for its other members ("Quad ministers agree
        with the Indian proposal", "the U.S. envoy met Quad ambassadors"): a state is not its own party."""
        for side, other in ((s.actors, s.recipients), (s.recipients, s.actors)):
            theirs = {self.ent.country(a) for a in other if self.ent.actor(a).kind != "grouping"} - {None, "IGO"}
            out: list[str] = []
            for a in side:
                act = self.ent.actor(a)
                if act.kind == "grouping" and set(act.members) & theirs:
                    out += [self.ent.state(c) for c in act.members if c not in theirs]
                    s.rules.append("side:other-members")
                else:
                    out.append(a)
            side[:] = list(dict.fromkeys(out))

    def _antecedent_parties(self, f: Frame, mine: set) -> list[str]:
        """The parties of the thing a definite object refers back to ("delayed the tariffs" after
        "imposed tariffs on Canada and Mexico"; "rejected the resolution" after "a resolution in the
        U.S. Congress"): the other country's parties its earlier mention names, a few sentences back."""
        o = f.pred.obj if f.pred.obj is not None else next(
            (c for c in children(f.pred.head) if c.dep_ == "dobj"), None)
        if o is None or o.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in REFERRING_DETS for c in children(o)) \
                or self.ent.phrase(o):
            return []
        lem, doc = lemma(o), o.doc
        told_by = {lem, tables().nominalizations.get(lem)}   # "the closure" of "closed its border"
        for t in reversed(doc[window_start(o, ANTECEDENT_SENTENCES):sentence(o).start] if f.type == "ACCUSE" else []):
            if t.pos_ == "VERB" and lemma(t) in told_by and (maker := subject_token(t)) is not None \
                    and (doers := [a for a in self.ent.phrase(maker) if not self.ent.countries([a]) & mine]):
                # "Togo closed its border … Ghana condemned the closure": who did it is judged
                return doers
        for t in reversed(doc[window_start(o, ANTECEDENT_SENTENCES):o.i]):
            if t.pos_ == "NOUN" and lemma(t) == lem:
                heads = [t] + ([t.head] if t.dep_ == "dobj" else [])   # "imposed tariffs on Canada"
                found = [a for h in heads for p in children(h) if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPS
                         for g in children(p) if g.dep_ == "pobj" for a in self.ent.phrase(g)]
                # … and who made it ("the U.S. House passed a resolution")
                maker = subject_token(t.head) if t.dep_ == "dobj" else None
                found += [a for x in noun_phrase(t) for a in self.ent.at(x)]   # "a resolution in the U.S. Congress"
                found += self.ent.phrase(maker) if maker is not None else []
                return [a for a in dict.fromkeys(found) if not self.ent.countries([a]) & mine]
        return []

    def about_itself(self, f: Frame, s: Sides) -> bool:
        """Is the act about the actor's own side only ("raised concerns about the country's ability")?
        Then no other party of the sentence is its recipient."""
        mine = self.ent.countries(s.actors)
        for h in [f.pred.head] + ([f.pred.obj] if f.pred.obj is not None else []):
            for p in children(h):
                if p.dep_ == "prep" and p.lower_ in ("about", "over"):
                    for g in children(p):
                        named = self.ent.phrase(g) if g.dep_ == "pobj" else []
                        if named and self.ent.countries(named) and self.ent.countries(named) <= mine:
                            return True
        return False

    def _own_state(self, s: Sides, actor_countries: set) -> None:
        """The actor's own state as the recipient, when the actor is of one country (not an IGO)."""
        own = sorted(c for c in actor_countries if c != "IGO")
        if len(own) == 1:
            s.recipients = [self.ent.state(own[0])]
            s.rules.append("recipient:own-state")

    def _mutual(self, f: Frame) -> bool:
        if lemma(f.pred.head) in RECIPROCAL_VERBS:
            return True   # "Chile and Peru traded accusations": each to the other
        subj = subject_token(f.head)
        if subj is None:
            return False
        return any(c.lower_ in RECIPROCAL_DETERMINERS for c in children(subj)) or lemma(subj) in language.words("roles", "reciprocal_subject_nouns")

    def _each_other(self, f: Frame) -> bool:
        """Is the act's object "each other", "one another", or "the other" after a subject of both?"""
        for h in list(children(f.head)) + [g for p in children(f.head) if p.dep_ == "prep" for g in children(p)]:
            if h.dep_ not in ("dobj", "pobj") or h.i <= f.head.i:
                continue
            pair = {c.lower_ for c in children(h)} | {h.lower_}
            if pair >= {"each", "other"} or pair >= {"one", "another"} or (
                    pair >= {"the", "other"} and h.lower_ == "other" and self._mutual(f)):
                return True
        return False

    def _with_partner(self, f: Frame) -> bool:
        for h in [f.pred.head] + f.recipient_heads:
            if any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in children(h)):
                return True
        return lemma(f.pred.head) in language.words("roles", "meeting_verbs")

    def sentence_places(self, f: Frame) -> list[str]:
        for t in sentence(f.pred.head):
            found = self.ent.place_state(t)
            if found:
                return found
        return []

    def _people_act(self, f: Frame, s: Sides) -> bool:
        """Is the act done by people rather than a government ("thousands of Kurds", "students
        throughout Indonesia", "opposition parties")?"""
        if "actor:crowd-place" in s.rules:
            return True
        subj = subject_token(f.head)
        if subj is not None and (is_crowd(subj) or subj.pos_ == "NOUN" and subj.lemma_.lower() in OUTSIDERS):
            return True
        return not any(self.ent.actor(a).kind == "state" or self.ent.actor(a).sector == "GOV" for a in s.actors)

    def _outsiders(self, f: Frame) -> bool:
        """Is the subject a group outside government named by a common noun ("opposition parties",
        "rebels")? What it rejects, criticises or demands at no named party, it asks of its own state."""
        subj = subject_token(f.head)
        if subj is None:
            return False
        named = self.ent.phrase(subj)
        if named and all(self.ent.actor(a).sector in OUTSIDER_SECTORS for a in named):
            return True   # a named rebel or opposition group ("the BLA demanded the release of …")
        if subj.pos_ != "NOUN":
            return False
        words = [w for t in subj.doc[subj.left_edge.i:subj.i + 1] for w in (t.lemma_.lower(), t.lower_)]
        return bool(OUTSIDERS.intersection(words)) and not RULING.intersection(words)

    def _people_addressed(self, f: Frame) -> bool:
        """Is a request made of people named by a common noun ("urged residents to", "pleading
        with civilians to")?"""
        h = f.head
        cands = [f.requestee] if f.requestee is not None else []
        cands += [c for c in children(h) if c.dep_ in ("dobj", "dative")]
        # "pleading with civilians to go back": the parse may hang "with" on the requested act
        near = list(children(h)) + [k for c in children(h) if c.dep_ in ("advcl", "xcomp") for k in children(c)]
        cands += [g for c in near if c.dep_ in ("prep", "mark") and c.lower_ in APPEAL_PREPS
                  for g in children(c) if g.dep_ == "pobj"]
        return any(c.lemma_.lower() in PEOPLE_NOUNS and not self.ent.phrase(c) for c in cands)

    def _people_object(self, f: Frame) -> bool:
        """Is the act done to people named by a common noun ("barred girls from school")?"""
        for h in [f.pred.head] + f.recipient_heads:
            for o in objects(h) if h.pos_ in ("VERB", "AUX") else []:
                # "barred girls ages 12 and older": the people may be a compound of the object's head
                words = [o] + [c for c in children(o) if c.dep_ in ("compound", "conj")]
                if any(w.lemma_.lower() in PEOPLE_NOUNS for w in words) and not self.ent.phrase(o):
                    return True
        return False

    def sentence_party(self, f: Frame, mine: set) -> list[str]:
        """The party of another country closest in the parse to the trigger ("Trump ignited the trade
        war with Canada … by imposing a tariff": Canada, not the Mexico of an apposition)."""
        h = f.pred.head
        best = None
        sent, toks = sentence(h), doc_cache.tokens(h.doc)
        for t in (toks[i] for i in range(sent.start, sent.end)):   # the sentence's cached Tokens
            named = self.ent.at(t)
            if not named:
                continue   # most tokens name no one: the clause checks below are for those that do
            if _neighbour_only(t):
                continue   # "a town near the border with Ethiopia": a place, not a party
            if _other_clause(t, h):
                continue   # "while condemning the shooting, argues Togo should move first": another clause's party
            for a in named:
                act = self.ent.actor(a)
                if act.kind not in ("state", "organization", "igo", "grouping") or self.ent.countries([a]) & mine:
                    continue
                if (not act.country and not act.members) or act.sector == "MED":   # "told VOA": where it is told
                    continue
                d = tree_distance(h, t)
                if best is None or d < best[0]:
                    best = (d, a)
        return [best[1]] if best else []

    def place_country(self, f: Frame) -> list[str]:
        """A state actor for the country the event happens in (the place names of its arguments)."""
        named: list[str] = []   # "a hotel in the Somali city of X": the city is the state's
        for h in [f.pred.head] + f.recipient_heads:
            ids: list[str] = []
            by_name: list[str] = []
            for t in h.subtree:
                if _neighbour_only(t):
                    continue
                ids += [a for a in self.ent.place_state(t) if a not in ids]
                if t.dep_ in ("amod", "compound", "poss") and t.head.lemma_.lower() in PLACE_NOUNS:
                    by_name += [a for a in self.ent.at(t) if self.ent.actor(a).kind == "state" and a not in by_name]
            if ids:
                return ids
            named = named or by_name
        return named
