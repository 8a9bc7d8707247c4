"""Assemble Event records from the drafts of each sentence."""
from __future__ import annotations

from entente.analysis import Analysis
from entente.model import Event, Evidence
from entente.ontology import topics as topic_lexicon
from entente.ontology.cameo import Lexicon
from entente.text import short_hash

from . import coding
from .merge import confidence, merge_events
from .place import Places
from .roles import SYMMETRIC, Roles
from .structure import analyse_sentence
from .triggers import noun_candidate, verb_candidate, verb_lemma


INTENTIONAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "AID", "SANCTION"}
AGENT_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def _inanimate_subject(v, agents) -> bool:
    """Has the clause an explicit subject that cannot act (no name, pronoun or agent noun)?"""
    for c in v.children:
        if c.dep_ in ("nsubj",):
            for x in [c] + [k for k in c.children if k.dep_ == "conj"]:
                if x.pos_ in ("PRON", "PROPN") or x.lemma_.lower() in agents:
                    return False
                toks = [x] + [k for k in x.children if k.dep_ in ("compound", "amod", "poss", "prep", "nmod")]
                toks += [g for k in x.children if k.dep_ == "prep" for g in k.children]
                if any(t.ent_type_ in AGENT_ENTS or t.pos_ == "PRON" or t.lemma_.lower() in agents for t in toks):
                    return False
            return True
    return False


def _governing_verb(t):
    x = t
    for _ in range(8):
        if x.pos_ in ("VERB", "AUX") and x is not t and not (x.dep_ in ("acl", "relcl") and x.head.i == t.i):
            return x
        if x.head is x:
            return None
        x = x.head
    return None


def build_events(analysis: Analysis, lex: Lexicon):
    doc = analysis.doc
    roles = Roles(analysis)
    places = Places(analysis)
    found = []   # (event, head token index, features)
    text = analysis.story.text  # the string spaCy parsed (offsets agree)
    vl, nl = lex.verb_lemmas, lex.noun_lemmas
    # One pass over the tokens: lemmas, words and candidate triggers by sentence.
    lemmas: list[str] = []
    words: list[str] = []
    by_sent: dict[int, dict] = {}
    sent_start = 0
    for t in doc:
        if t.is_sent_start:
            sent_start = t.i
        lem = t.lemma_.lower()
        lemmas.append(lem)
        words.append(t.lower_)
        c = None
        if lem not in vl and t.tag_.startswith("VB"):
            lem = verb_lemma(t, vl)
        if lem in vl:
            c = verb_candidate(lex, t)
        if c is None and lem in nl:
            c = noun_candidate(lex, t)
        if c is not None:
            by_sent.setdefault(sent_start, {})[t.i] = c
    for start in sorted(by_sent):
        cands = by_sent[start]
        sent = doc[start].sent
        drafts = analyse_sentence(sent, cands, lex, roles.is_actor, text)
        if not drafts:
            continue
        sent_topics = topic_lexicon.topics_of(lemmas[sent.start:sent.end], words[sent.start:sent.end])
        for d in drafts:
            coded = coding.code(d.code)
            if coded is None:
                continue
            c = d.cand
            h = c.head
            reciprocal = False
            passive = False
            if c.nominal:
                actors, recips, reciprocal = roles.nominal_roles(h)
                if not actors:
                    gv = _governing_verb(h)
                    if gv is not None:
                        actors, passive = roles.subject_of(gv)
                heads = [h]
            else:
                if d.subject_token is not None:
                    actors = roles.actors_of(d.subject_token)
                else:
                    actors, passive = roles.subject_of(d.clause_head)
                heads = list(d.embedded_heads) + [h]
                first: list[str] = []
                if d.speech_verb is not None:
                    # "X said that Y must …": X demands of Y
                    req = roles.subject_of(d.speech_verb)[0]
                    if req:
                        first = [a for a in actors if a not in req]
                        actors = req
                for e in d.embedded_heads:
                    if e.dep_ == "ccomp":
                        # "demanded that Hamas renounce …": the embedded subject is the recipient
                        first += [a for a in roles.clause_subject(e) if a not in actors]
                recips, _src = roles.recipients_of(heads, set(actors))
                recips = list(dict.fromkeys(first + recips))
            recips = [r for r in recips if r not in actors]
            if not c.nominal and coded.type in INTENTIONAL and not actors and _inanimate_subject(d.clause_head, lex.agent_nouns):
                # "the agreement could threaten …", "this approach allows …": acts need agents
                continue
            if coded.type in SYMMETRIC:
                if len(actors) >= 2 and not recips:
                    recips = list(actors)
                    reciprocal = True
                elif coded.type == "CONSULT" and recips and any(
                        p.lower_ in ("with", "between") for x in heads for p in x.children if p.dep_ == "prep"):
                    reciprocal = True
            if reciprocal and not recips and len(actors) >= 2:
                recips = list(actors)
            loc = places.location_of(heads + ([c.obj] if c.obj is not None else []))
            toks = sorted({t.i: t for t in c.tokens}.values(), key=lambda t: t.i)
            trigger = " ".join(t.text for t in toks)
            if coded.type == "CONSULT" and loc is not None and loc.country and coded.cameo[:3] in ("040", "046"):
                # where they met decides the CONSULT mode: a visit to a participant's
                # country, or a meeting on third ground
                home = {analysis.actor(x).country for x in actors + recips if analysis.actor(x).country}
                if home and loc.country not in home and coded.cameo == "040":
                    coded = coding.code("044") or coded
                elif home and recips and not reciprocal and loc.country in {analysis.actor(x).country for x in recips} \
                        and loc.country not in {analysis.actor(x).country for x in actors} and coded.cameo == "040":
                    coded = coding.code("042") or coded
            obj_lemma = c.obj.lemma_.lower() if c.obj is not None else ""
            feats = {
                "key": (h.lemma_.lower(), obj_lemma),
                "curated": c.curated, "nominal": c.nominal, "source": c.source,
                "actors": bool(actors), "recipients": bool(recips), "depth": d.depth,
                "finite_sub": d.finite_sub, "factuality": d.factuality,
                "generated": c.source == "pattern" or not c.curated,
                "promoted": d.promoted,
            }
            eid = short_hash(analysis.result.id, coded.type, coded.cameo, h.idx, sent.start_char)
            ev = Event(
                id=eid, type=coded.type, mode=coded.mode, contexts=list(coded.contexts),
                cameo=coded.cameo, goldstein=coded.goldstein, quad_class=coded.quad_class,
                actors=actors, recipients=recips, reciprocal=reciprocal, location=loc,
                factuality=d.factuality, topics=sent_topics, confidence=confidence(feats),
                evidence=Evidence(sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                  trigger=trigger, trigger_start=h.idx, trigger_end=h.idx + len(h.text)),
            )
            anchor = h.i
            if c.nominal:
                # "negotiations launched … on February 13, 2025", "talks held ahead of …":
                # the participle that reports the occurrence carries its time
                for k in h.children:
                    if k.dep_ == "acl" and k.lemma_.lower() in lex.light_verbs:
                        anchor = k.i
                        break
            found.append((ev, anchor, feats))
    events, merged = merge_events(analysis, found)
    trigger_tokens = {ev.id: i for ev, i, _f in found if ev.id in {e.id for e in events}}
    return events, trigger_tokens, merged
