"""Stage: events — PLOVER 2.0 / CAMEO events with actors, recipients, place, factuality,
topics, evidence, a confidence and the reason (the rules that made each fact).

One job per module:
  predicates  which words name an event, with a CAMEO code (rule families over data/en/events.yaml)
  frames      how the sentence bends them: governors, negation, modality, conditions
  roles       actor and recipients, from the entity model (`entente.entities`)
  speech      acts officials perform by what they say (criticism, demands, praise)
  place       where it happened
  merge       one event per real event in a story
  coding      CAMEO code -> PLOVER type/mode/contexts, Goldstein, quad class; code transforms
  draft       the event while it is built

Writes `analysis.result.events` and `analysis.event_anchor` (event id -> trigger token) for dating.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

from entente import doc_cache
from entente.analysis import Analysis
from entente.doc_cache import children
from entente.entities import FIRST_PERSON, Entities
from entente.ontology import language
from entente.ontology import topics as topic_lexicon
from entente.sentences import sentence, sentences

from . import coding, context, merge, predicates, speech, warnings
from .draft import Draft
from .frames import Frame, clause_verb, conditional, frame, in_condition
from .place import Places
from .roles import Roles, acts_as_thing
from .syntax import shares_passive, subject_token

# Conflict acts an official reports of another side are allegations: "the army said the rebels were
# armed by Peru" is Chile accusing Peru (codebook: ACCUSE).
ALLEGED_TYPES = frozenset({"ASSAULT", "COERCE", "REJECT", "MOBILIZE", "COOPERATE", "THREATEN", "SANCTION"})
# Conflict acts an official says their own side will do are threats ("Chile will respond with every
# means it has, including sanctions").
THREATENED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
ANNOUNCING = language.words("governors", "announcing")
CONDITION_MARKS = language.words("governors", "conditional")
# Acts an outlet is only the audience of ("spoke with VOA", "told Reuters it supports …").
OUTLET_FREE_TYPES = frozenset({"CONSULT", "SUPPORT", "AGREE", "REQUEST", "COOPERATE"})
# Cooperative acts and concessions an official says their own side will do are commitments ("India
# will help build …", "the rebels said they will release the hostages").
PROMISED_TYPES = frozenset({"COOPERATE", "AID", "RETREAT", "CONCEDE"})
# Of these, a concession is promised only by a doer the sentence names as the speaker's side.
YIELDING_TYPES = frozenset({"RETREAT", "CONCEDE"})
SETTING_NOUNS = language.words("roles", "setting_nouns")
SPOKEN_AT = language.words("roles", "spoken_at")
OCCURRENCE_VERBS = language.words("governors", "occurrence")
PHONE_CODE = "041"
QUARREL_WORDS = language.words("events", "quarrel_words")
STRUGGLE_WORDS = language.words("events", "struggle_words")
# Types an actor performs by speaking (CAMEO 01-05, 09-13).
VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})

# Types a present tense reports as a stance taken now ("Russia supports the proposal", "Beijing
# rejects the claims"), not a standing situation.
STANCE_TYPES = frozenset({"SUPPORT", "ACCUSE", "REQUEST"})
# Verbs of a quarrel: done by both sides to each other it is a dispute, not one side's act
# ("Chile and Bolivia disagree over the border"); done to a named other it stays one ("Paris disagreed with Rome").
DISPUTE_VERBS = language.words("events", "dispute_verbs")
GOVERNING_VERBS = language.words("governors", "threat") | language.words("governors", "request") | \
    language.words("governors", "commitment")

# Acts news reports without a doer because the doer is unknown ("a bomb killed five people").
UNKNOWN_DOER_TYPES = frozenset({"ASSAULT"})
# Criticism that names no one criticised ("condemned any violence", "voiced concern over the
# unrest") is no event (codebook: concern about a named party). Praise may be of a deal its own
# parties reached, so it stays.
JUDGED_PARTY_TYPES = frozenset({"ACCUSE"})

# Confidence from how the event was found: the trigger's rule family, then how each side was
# found. Set from the precision of each way on the even dev stories (verbs with a deciding object,
# requests and light verbs ~0.7; bare verbs ~0.3; a recipient found as the verb's argument ~0.65,
# taken from the sentence ~0.45, none ~0.2), so that a higher confidence is a likelier event.
FAMILY_CONFIDENCE = {"verb_object": 0.72, "needs_object": 0.72, "light": 0.7, "request": 0.7, "commitment": 0.7,
                     "stop_complying": 0.7, "allegation": 0.65, "experience": 0.6, "particle": 0.55, "nominal": 0.55,
                     "refusal": 0.5, "speech": 0.5, "noun": 0.5, "threat": 0.45, "verb": 0.45, "adjective": 0.4}
RECIPIENT_CONFIDENCE = {"argument": 0.08, "addressee": 0.08, "experiencer": 0.08, "domestic": 0.08, "conjunct": 0.05,
                        "sentence": 0.0, "named-in-statement": 0.0, "place": 0.0, "mutual": 0.0,
                        "story-country": -0.06}   # a last resort: the country the story is about
ACTOR_CONFIDENCE = {"subject": 0.05, "by": 0.05, "from": 0.05, "speaker": 0.05}


def run(analysis: Analysis) -> None:
    ent = Entities(analysis)
    roles = Roles(analysis, ent)
    places = Places(analysis)
    doc = analysis.doc
    drafts: list[Draft] = []
    blameless: set[int] = set()   # sentences whose criticism judges an act with no doer named
    lemmas = doc_cache.lemma_lowers(doc)
    words = doc_cache.lowers(doc)
    for sent in sentences(doc):
        frames = [frame(p) for p in predicates.find(sent)]
        frames = _absorb_governors(frames)
        frames = context.without_protest_demands(frames)
        sent_topics = None   # looked up for the sentences that make an event (few of them)
        for f in frames:
            if f.type is None:
                continue
            if f.denial or f.content or not _stands(f):
                continue
            if speech.analyst(ent, analysis.speaker_at.get(f.pred.head.i)):
                continue   # an analyst's or a former official's account: commentary, a quote only
            if f.speech is not None and f.speech.lemma_.lower() in ALLEGING_VERBS and not _official_speaker(analysis, ent, f):
                continue   # "the suits allege that the government denied …": alleged, not told as done
            if f.standing and (f.type not in STANCE_TYPES or f.pred.head.dep_ == "relcl"):
                continue   # a standing situation; "bloggers who praise China": a habit that describes them
            s = roles.sides(f)
            if f.pred.head.lemma_.lower() in DISPUTE_VERBS and not f.pred.nominal and (
                    len(s.actors) >= 2 and (s.reciprocal or not s.recipients) or "recipient:argument" not in s.rules):
                continue   # a quarrel between the actors, or a disagreement with no party named ("I disagree")
            if f.type == "ACCUSE" and roles.about_itself(f, s):
                continue   # "raised concerns about the country's ability": a worry about itself, no accusation
            _without_outlets(ent, f, s)
            if _quarrel(ent, f, s):
                continue
            if s.inanimate and f.type in VERBAL_TYPES:
                continue   # "the framework reaffirmed the commitment": things do not speak or commit
            if s.inanimate and not s.actors and not f.pred.nominal and not _event_subject(f):
                continue   # "bushfires continue to burn": a thing that is no event does no act
            if _natural_hazard(f):
                continue   # "Cyclone Freddy hit the town": no one's act
            if not warnings.stands(ent, f, s):
                continue
            _spoken_reading(analysis, ent, f, s)
            _entry_ban(ent, f, s)
            if not s.actors and not s.recipients:
                continue
            if f.pred.nominal and f.governor is None and not s.actors:
                continue   # "sanctions against Turkey enjoy support": a mention, not a report of the act
            if f.type in VERBAL_TYPES and s.actors and all(speech.commentator(ent, a) for a in s.actors):
                continue   # analysts' and former officials' words are quotes, not events
            if f.type == "CONSULT" and s.actors and all(ent.private(a) for a in s.actors):
                continue   # "Chinese tourists visited Vietnam": travellers, not a party's visit
            heads = [f.head, f.pred.head] + ([f.pred.obj] if f.pred.obj is not None else [])
            if sent_topics is None:
                sent_topics = topic_lexicon.topics_of(lemmas[sent.start:sent.end], words[sent.start:sent.end])
            d = Draft(code=f.code, actors=s.actors, recipients=s.recipients, reciprocal=s.reciprocal,
                      factuality=f.factuality, sentence=sent, head_i=f.pred.head.i, trigger=f.pred.tokens,
                      rules=f.rules + s.rules + [f"factuality:{f.factuality}"],
                      location=places.location_of(heads), topics=sent_topics,
                      timex_values=_timex_values(analysis, sent), lemma=_act_words(f),
                      nominal=f.pred.nominal and f.governor is None or _named_by_participle(f))
            d.confidence = _confidence(f, s, d)
            drafts += _per_caller(ent, d)
            if s.doerless:
                blameless.add(sent.start)
    drafts += _spoken(analysis, ent, drafts, blameless)
    context.answers(doc, drafts)
    drafts = context.attack_tolls(doc, drafts)
    # An act whose doer the story does not name ("was ousted", "were deported") is not a record of
    # who did what (on the dev stories 2 in 36 such events matched a real one), except an attack,
    # which news reports when no one knows who did it.
    kept = [d for d in merge.merge(ent, drafts) if (d.actors or d.type in UNKNOWN_DOER_TYPES)
            and (d.recipients or d.type not in JUDGED_PARTY_TYPES)]
    for d in kept:
        ev = d.to_event(analysis.result.id)
        analysis.result.events.append(ev)
        analysis.event_anchor[ev.id] = d.head_i


def _act_words(f: Frame) -> str:
    """The words a restatement repeats: the act's, with the governor that took it over ("urged …
    to return to talks": urge+talk)."""
    own = f.pred.head.lemma_.lower()
    if f.governor is not None:
        return f"{f.governor.lemma_.lower()}+{own}"
    if own in GOVERNING_VERBS:
        # "threatened retaliation" and, years before, "threatened to close the base": two threats
        what = [c for c in children(f.pred.head) if c.dep_ in ("dobj", "xcomp", "ccomp")]
        if what:
            return f"{own}+{what[0].lemma_.lower()[:5]}"
    return own


def _per_caller(ent: Entities, d: Draft) -> list[Draft]:
    """A phone call is between two: "the presidents of A and B told C in phone calls" are a call
    from each, one event per caller's country. Likewise each importing state sets its own tariffs
    ("tariffs on Chinese exports to the U.S. and Canada")."""
    if not (d.code.startswith(PHONE_CODE) or "actor:importer" in d.rules) or d.reciprocal or not d.recipients:
        return [d]
    by_country: dict[str, list[str]] = {}
    for a in d.actors:
        c = ent.country(a)
        if c:
            by_country.setdefault(c, []).append(a)
    if len(by_country) < 2 or by_country.keys() & ent.countries(d.recipients):
        return [d]
    each = "actor:each-caller" if d.code.startswith(PHONE_CODE) else "actor:each-importer"
    return [dataclasses.replace(d, actors=ids, part=c, rules=d.rules + [each]) for c, ids in by_country.items()]


def _grievance_content(tok, drafts: list[Draft]) -> bool:
    """Is the word inside what a protest told in its sentence is against?"""
    heads = {d.head_i for d in drafts if d.type == "PROTEST"}
    x = tok
    for _ in range(4):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.i in heads:
            return True
    return False


def _named_by_participle(f: Frame) -> bool:
    """"With the extra levy, …", "the increased tariffs": a participle on its object names the measure
    like a noun does, so it may restate an act told before."""
    h, obj = f.pred.head, f.pred.obj
    return f.governor is None and h.dep_ == "amod" and h.tag_ == "VBN" and obj is not None and h.head.i == obj.i


NATURAL_HAZARDS = language.words("events", "natural_hazards")


def _natural_hazard(f: Frame) -> bool:
    """Is the clause's subject a force of nature, or named by one ("Cyclone Freddy")?"""
    subj = subject_token(f.head)
    return subj is not None and any(t.lemma_.lower() in NATURAL_HAZARDS for t in [subj] + list(children(subj))
                                    if t.i <= subj.i)


def _event_subject(f: Frame) -> bool:
    """Is the clause's subject itself an act or a weapon ("airstrikes killed ten", "the blast destroyed")?"""
    subj = subject_token(f.head)
    return subj is not None and acts_as_thing(subj)


def _quarrel(ent: Entities, f: Frame, s) -> bool:
    """"The Oval Office clash between the two presidents": a clash of people only is a quarrel, and
    "he is still fighting" with no opponent named a lone person's struggle: no act of force."""
    parties = [ent.actor(a) for a in s.actors + s.recipients]
    if f.type != "ASSAULT" or not parties:
        return False
    word = f.pred.head.lemma_.lower()
    if word in STRUGGLE_WORDS and "recipient:argument" not in s.rules and s.actors and \
            all(ent.actor(a).kind == "person" for a in s.actors):
        return True
    return word in QUARREL_WORDS and \
        all(p.kind in ("person", "organization") for p in parties) and any(p.kind == "person" for p in parties)


def _without_outlets(ent: Entities, f: Frame, s) -> None:
    """A news outlet is where an act is told, not a party to it ("told VOA", "spoke with Reuters");
    only what is done to it (a ban, an accusation) makes it a recipient."""
    def outlet(a: str) -> bool:
        x = ent.actor(a)
        return x.kind == "organization" and x.sector == "MED"
    s.actors = [a for a in s.actors if not outlet(a)]
    if f.type in OUTLET_FREE_TYPES:
        kept = [a for a in s.recipients if not outlet(a)]
        if len(kept) < len(s.recipients) and not kept and f.type == "CONSULT":
            s.actors = []   # talking to a reporter is no meeting
        s.recipients = kept


def _spoken_reading(analysis: Analysis, ent: Entities, f: Frame, s) -> None:
    """An act inside what an official says: their side's future conflict act is a threat, their
    side's future cooperation a commitment; another side's conflict act is an allegation against it."""
    speaker, cue = speech.speaker_of(analysis, ent, f)
    if not speaker or not speech.political(ent, speaker[0]):
        return
    mine, theirs = ent.countries(speaker), ent.countries(s.actors)
    if not mine:
        return
    t = f.type
    # "we will retaliate" is the speaker's side; "the attacks" and "they need to destroy …" (whose?) are not known to be
    # (a passive without its agent, "will be deported", names no doer either)
    doer = subject_token(f.pred.head) if not f.pred.nominal else None
    # (in reported speech "they" is the speakers themselves: "leaders said they would boycott …")
    third_person = doer is not None and doer.pos_ == "PRON" and doer.lower_ not in FIRST_PERSON and f.speech is None
    passive = shares_passive(f.pred.head)
    own_act = theirs <= mine if theirs else not (f.pred.nominal or third_person or passive)
    if f.pred.nominal and not theirs and f.speech is not None and f.pred.head.dep_ in ("nsubj", "nsubjpass"):
        # "said sanctions could follow if Ankara activated the system": a measure the speaker's
        # side holds out on a condition
        v = clause_verb(f.pred.head)
        own_act = v is not None and conditional(v) is not None
    own_future = own_act and f.factuality in ("planned", "hypothetical")
    if t in THREATENED_TYPES and own_future and cue not in ANNOUNCING:
        _said_of_own_future(f, s, coding.threat_code(f.code), f"threat:spoken-{cue}", speaker)
        if not s.recipients:
            # "… if Ankara activated the system": the one the condition is put to
            s.recipients = [a for a in _condition_parties(ent, f) if not ent.countries([a]) & mine]
            if s.recipients:
                s.rules.append("recipient:condition")
    elif t in PROMISED_TYPES and own_future and not conditional(f.head) and not in_condition(f.pred.head) and (
            t not in YIELDING_TYPES or theirs and not f.pred.nominal):
        # "India will cooperate in building …", "New Delhi would invest …": a commitment (AGREE)
        _said_of_own_future(f, s, coding.promise_code(f.code), f"promise:spoken-{cue}", speaker)
    elif t in ALLEGED_TYPES and f.factuality in ("asserted", "reported") and theirs and not (theirs & mine) \
            and not f.pred.nominal and mine != {"IGO"} and not _sourced(f):
        # a reported act ("said X attacked"), not a mention ("X's retaliation"); an international
        # body's official who tells what a party did reports it rather than accuses
        accused = [a for a in s.actors if ent.countries([a]) - mine]
        f.code, f.factuality = "112", "asserted"
        f.rules.insert(0, f"allegation:{cue}")
        s.actors, s.recipients, s.reciprocal = speaker[:1], accused, False
        s.rules.append("actor:speaker")


ALLEGING_VERBS = language.words("governors", "alleging_verbs")


def _official_speaker(analysis: Analysis, ent: Entities, f: Frame) -> bool:
    """Does a political party say the words the frame is in (its allegation is an event of its own)?"""
    speaker, _cue = speech.speaker_of(analysis, ent, f)
    return bool(speaker) and speech.political(ent, speaker[0])


ENTRY_BAN_VERBS = language.words("events", "entry_ban_verbs")
ENTERING_VERBS = language.words("events", "entering_verbs")
ENTRY_BAN_CODE = "172/SANCTION"


def _entry_ban(ent: Entities, f: Frame, s) -> None:
    """Barring a foreign party from entering is an entry ban on its state (SANCTION); barring one's
    own people ("banned civilians from traveling") stays coercion."""
    h = f.pred.head
    if f.type != "COERCE" or h.lemma_.lower() not in ENTRY_BAN_VERBS or not s.recipients or not s.actors:
        return
    entering = any(p.dep_ == "prep" and p.lower_ == "from" and any(g.lemma_.lower() in ENTERING_VERBS for g in children(p))
                   for p in children(h))
    theirs, mine = ent.countries(s.recipients), ent.countries(s.actors)
    if entering and theirs and not theirs & mine and "IGO" not in theirs:   # a U.N. envoy barred: no state sanctioned
        f.code = ENTRY_BAN_CODE
        f.rules.insert(0, "entry_ban:enter")


def _sourced(f: Frame) -> bool:
    """"X attacked Y, officials said": an attribution after the act sources a report of it; "officials
    said X attacked Y" puts the charge first."""
    return f.speech is not None and f.speech.i > f.pred.head.i


def _condition_parties(ent: Entities, f: Frame) -> list[str]:
    """The parties a threat's condition names as its subject ("if Ankara activated …")."""
    v = clause_verb(f.pred.head) if f.pred.nominal else f.head
    for c in (children(v) if v is not None else ()):
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in children(c)):
            subj = subject_token(c)
            return ent.phrase(subj) if subj is not None else []
    return []


def _said_of_own_future(f: Frame, s, code: str, rule: str, speaker: list[str]) -> None:
    """What an official says their side will do is an act now (a threat, a commitment)."""
    f.code, f.factuality = code, "asserted"
    f.rules.insert(0, rule)
    if not s.actors:
        s.actors = speaker[:1]


def _absorb_governors(frames: list[Frame]) -> list[Frame]:
    """A governor that took an embedded act over ("threatened to impose") is not an event of its own."""
    governors = {f.governor.i for f in frames if f.governor is not None}
    return [f for f in frames if f.pred.head.i not in governors or f.governor is not None]


def _named(f: Frame) -> bool:
    """Is a nominal event's target named inside its own phrase ("attack on a passenger train",
    "sanctions against Turkey")? Then it reports the act even without a doer."""
    return any(c.dep_ == "prep" and c.lower_ in language.words("events", "named_target_preps") for c in children(f.pred.head)) \
        and f.pred.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and f.pred.head.tag_ == "NN"


def _stands(f: Frame) -> bool:
    """Nominal events stand when the phrase names a party or the clause reports it; a bare "the
    talks" restates an event told elsewhere, and an event noun a copula describes is a topic,
    not a report."""
    if not f.pred.nominal or f.governor is not None:
        return True
    n = f.pred.head
    # "Ankara's backing of the rebels was central to …": an act with its doer and its object
    # named is told even as the subject of a description
    told = any(c.dep_ == "poss" for c in children(n)) and any(c.dep_ == "prep" for c in children(n))
    told = told or conditional(n.head) is not None   # "sanctions could follow if …": held out, not a topic
    told = told or _held_when_or_where(n)
    if n.dep_ in ("nsubj", "nsubjpass", "attr") and n.head.lemma_.lower() not in OCCURRENCE_VERBS and not told:
        # "the purchase is a point of tension": a topic, not a report (but "negotiations between
        # X and Y have been going on", "the talks began" report it)
        return False
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in SETTING_NOUNS:
        return False   # "talked … on the margins of a regional summit": the occasion, not an event told
    if n.dep_ == "pobj" and n.head.lower_ == "at" and n.head.head.lemma_.lower() in SPOKEN_AT:
        return False   # "said at a summit", "speaking at a meeting": where words were said, no event told
    if any(c.dep_ == "det" and c.lower_ in language.words("events", "restating_determiners") for c in children(n)) \
            and not any(c.dep_ in ("poss", "amod", "compound", "prep") for c in children(n)):
        return False
    return True


# Entity labels of the date or place a copula puts an event at.
WHEN_WHERE = frozenset({"DATE", "GPE", "LOC", "FAC"})


def _held_when_or_where(n) -> bool:
    """Is the event noun the subject of "be" with only a date or place after it ("their second
    summit was in February 2019 in Hanoi")? That tells it happened, as "took place" does."""
    v = n.head
    if n.dep_ != "nsubj" or v.lemma_ != "be" or any(c.dep_ in ("attr", "acomp", "neg") for c in children(v)):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "on") and g.dep_ == "pobj" and g.ent_type_ in WHEN_WHERE
               for c in children(v) for g in children(c))


def _timex_values(analysis: Analysis, sent) -> set:
    return {tx.value for tx in analysis.result.timexes if sent.start_char <= tx.start < sent.end_char and tx.value}


def _confidence(f: Frame, s, d: Draft) -> float:
    family = f.pred.rule.split(":", 1)[0]
    c = FAMILY_CONFIDENCE.get(family, 0.5)
    how = [r.split(":", 1) for r in s.rules if ":" in r]
    got = [RECIPIENT_CONFIDENCE.get(v, 0.0) for k, v in how if k == "recipient"]
    c += max(got) if got else (-0.12 if not s.recipients else 0.0)
    got = [ACTOR_CONFIDENCE.get(v, 0.0) for k, v in how if k == "actor"]
    c += max(got) if got else (-0.2 if not s.actors else 0.0)
    if d.factuality == "reported":
        c -= 0.03
    return round(max(0.05, min(0.95, c)), 3)


def _cue_event(doc, act, drafts: list[Draft]) -> Optional[Draft]:
    """The event of the act's type, by its speaker, that the statement's own cue tells ("accused the
    bloc of failing its members": the accusation is told once, by its verb), else None."""
    start = sentence(doc[act.trigger.i]).start
    return next((d for d in drafts if d.type == act.type and d.sentence.start == start
                 and act.speaker in d.actors and doc[d.head_i].text == act.statement.cue), None)


def _spoken(analysis: Analysis, ent: Entities, drafts: list[Draft], blameless: set[int]) -> list[Draft]:
    """Drafts for the acts statements perform, unless an event of that type already stands in the
    statement's own words, or the sentence's criticism judges an act whose doer it does not name
    ("voiced concern over the violence against X": X is no one blamed)."""
    out: list[Draft] = []
    doc = analysis.doc
    for act in speech.acts(analysis, ent, analysis.result.statements, analysis.statement_tokens):
        span = set(analysis.statement_tokens.get(act.statement.id or "", []))
        if any(d.type == act.type and d.head_i in span for d in drafts):
            continue
        if act.type == "ACCUSE" and sentence(doc[act.trigger.i]).start in blameless:
            continue
        if act.type == "ACCUSE" and _grievance_content(act.trigger, drafts):
            continue   # "a hunger strike in protest against the violations": what the protest is against
        if (cue := _cue_event(doc, act, drafts)) is not None:
            if not cue.recipients and act.recipients:   # "alleged the journalist had posted …": him
                cue.recipients = list(act.recipients)
                cue.rules.insert(-1, "recipient:named-in-statement")
            continue
        sent = sentence(doc[act.trigger.i])
        d = Draft(code=act.code, actors=[act.speaker], recipients=act.recipients, reciprocal=False,
                  factuality="asserted", sentence=sent, head_i=act.trigger.i, trigger=[act.trigger],
                  rules=[act.rule, "actor:speaker", "recipient:named-in-statement", "factuality:asserted"],
                  timex_values=_timex_values(analysis, sent))
        d.confidence = FAMILY_CONFIDENCE["speech"]
        out.append(d)
    return out

