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
from .triggers import RELATION_NOUNS, evaluative_candidate, noun_candidate, verb_candidate, verb_lemma


# Types whose bare trigger word ("offer", "support", "aid", "threat", "share", "allow") is in
# news prose mostly a weak sense or a non-political act unless a political participant
# (a state, an IGO, a person or body with a country) takes part -- VOA audit, samples 1-2.
PARTICIPANT_GATED = {"AGREE", "SUPPORT", "AID", "THREATEN", "PROTEST", "COOPERATE", "RETREAT", "SANCTION"}
INTENTIONAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "AID", "SANCTION"}
AGENT_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


RECIPROCAL_VERBS = {"clash", "fight", "battle", "skirmish", "exchange"}
DEMONSTRATIVES = {"this", "that", "these", "those", "which", "what", "something", "nothing", "everything"}


POLITICAL_NOUNS = {"country", "nation", "state", "government", "official", "minister", "leader", "president",
                   "parliament", "lawmaker", "legislator", "authority", "ministry", "army", "military", "force",
                   "troop", "rebel", "militant", "insurgent", "party", "diplomat", "envoy", "ambassador",
                   "delegation", "side", "council", "police", "regime", "administration", "opposition",
                   "coalition", "ally", "junta", "negotiator", "mediator", "premier", "chancellor", "cabinet",
                   "spokesman", "spokesperson", "spokeswoman", "commander", "general", "group", "faction", "militia"}


def _political_subject(v) -> bool:
    """Is the clause's subject (climbing xcomp/conj) a political body named by a common noun
    ("the two countries agreed", "officials pledged")?"""
    t = v
    for _ in range(4):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "agent":
                x = c if c.dep_ != "agent" else next((g for g in c.children if g.dep_ == "pobj"), c)
                if x.lemma_.lower() in POLITICAL_NOUNS:
                    return True
                return False
        if t.dep_ in ("xcomp", "conj", "ccomp", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        break
    return False


# Measures and quantities: as the subject of an event verb they report a figure, not an act
# ("turnout reached a record, beating …", "inflation struck a 10-year high", "sales fell, cutting …").
METRIC_NOUNS = {"turnout", "inflation", "price", "rate", "toll", "figure", "percent", "percentage", "index",
                "growth", "unemployment", "gdp", "output", "export", "import", "deficit", "debt", "sale", "revenue",
                "temperature", "tally", "count", "total", "stock", "share", "currency", "yield", "rating", "approval",
                "poll", "turnover", "production", "demand", "supply", "volume", "cost", "spending", "budget",
                "value", "level", "number", "amount", "average", "score", "margin", "majority", "record", "trade"}


def _metric_subject(v) -> bool:
    t = v
    for _ in range(4):
        for c in t.children:
            if c.dep_ == "nsubj":
                return c.lemma_.lower() in METRIC_NOUNS and \
                    not any(k.dep_ == "compound" and k.ent_type_ in AGENT_ENTS for k in c.children)
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        break
    return False


def _disaster_subject(v, disasters) -> bool:
    """Is the clause's doer a disaster or accident ("collapsing buildings injured 15")?"""
    for c in v.children:
        doers = [c] if c.dep_ == "nsubj" else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "agent" else []
        for x in doers:
            if x.lemma_.lower() in disasters or any(k.dep_ == "compound" and k.lemma_.lower() in disasters for k in x.children):
                return True
    return False


def _inanimate_subject(v, agents) -> bool:
    """Has the clause an explicit subject that cannot act (no name, pronoun or agent noun)?"""
    for c in v.children:
        if c.dep_ in ("nsubj",):
            if c.lower_ in DEMONSTRATIVES:
                return True   # "this will allow …": a thing, not an agent
            for x in [c] + [k for k in c.children if k.dep_ == "conj"]:
                if x.pos_ in ("PRON", "PROPN") or x.lemma_.lower() in agents:
                    return False
                toks = [x] + [k for k in x.children if k.dep_ in ("compound", "amod", "poss", "prep", "nmod")]
                toks += [g for k in x.children if k.dep_ == "prep" for g in k.children]
                if any(t.ent_type_ in AGENT_ENTS or t.pos_ == "PRON" or t.lemma_.lower() in agents for t in toks):
                    return False
            return True
    return False


def heading_end(sent) -> int:
    """Token index where a sentence starts when a verbless subhead was glued to it
    ("Limited popular domestic appeal U.S.-based FilterLabs analyzes …",
    "The ‘Quad’ and regional security Since Biden took office …"); sent.start if none."""
    prev = None
    for t in sent:
        if prev is not None and t.i > sent.start + 1 and t.is_title and t.is_stop and t.lower_ != "i" \
                and not prev.is_punct and not prev.is_title and not prev.like_num and prev.ent_iob_ in ("O", ""):
            head = sent.doc[sent.start:t.i]
            # a subhead has no clause of its own: no verb with a subject before the cut
            if not any(x.pos_ in ("VERB", "AUX") and any(k.dep_ in ("nsubj", "nsubjpass") and k.i < t.i for k in x.children)
                       for x in head):
                return t.i
        prev = t
        if t.i > sent.start + 12:
            break
    return sent.start


def _experienced(n, gv, verbs) -> bool:
    """Is the nominal trigger n the object of a verb whose subject undergoes it?"""
    lem = gv.lemma_.lower()
    if n.dep_ in ("dobj", "obj") and n.head.i == gv.i and lem in verbs and lem not in ("come", "be"):
        return True
    p = n.head
    return n.dep_ == "pobj" and p.lower_ == "under" and p.head.i == gv.i and lem in verbs


def _governing_verb(t):
    x = t
    for _ in range(8):
        if x.pos_ in ("VERB", "AUX") and x is not t and not (x.dep_ in ("acl", "relcl") and x.head.i == t.i):
            return x
        if x.head is x:
            return None
        x = x.head
    return None


def _lem(t) -> str:
    return t.lemma_.lower()


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
        if c is None and t.tag_.startswith("VB"):
            c = evaluative_candidate(t)   # "highlighted the strength of …", "the partnership delivers results"
        if c is None and lem in nl:
            c = noun_candidate(lex, t)
        if c is not None:
            by_sent.setdefault(sent_start, {})[t.i] = c
    for start in sorted(by_sent):
        cands = by_sent[start]
        sent = doc[start].sent
        cut = heading_end(sent)
        if cut > sent.start:
            cands = {i: c for i, c in cands.items() if i >= cut}
            if not cands:
                continue
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
                actors, recips, reciprocal = roles.nominal_roles(h, lex.patient_nouns)
                gv = _governing_verb(h)
                if gv is not None and _experienced(h, gv, lex.experiencer_verbs):
                    # "the constitution is facing criticism from experts", "the convoy came
                    # under attack": the subject receives the act
                    for a in roles.subject_of(gv)[0]:
                        if a not in recips and a not in actors:
                            recips.append(a)
                elif not actors and gv is not None and not (h.dep_ in ("nsubj", "nsubjpass") and h.head.i == gv.i):
                    # "X's arrest drew condemnation": the trigger is the subject itself
                    actors, passive = roles.subject_of(gv)
                heads = [h]
            elif c.source == "host" and c.obj is not None and len(roles.nominal_roles(c.obj)[0]) >= 2:
                # the host is a third party: the delegations meeting are the participants
                actors = roles.nominal_roles(c.obj)[0]
                recips, reciprocal, heads = list(actors), True, [h, c.obj]
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
                # an "in X" phrase is where a joint act happened, not its recipient
                located = not (len(actors) >= 2 and coded.type in SYMMETRIC)
                recips, _src = roles.recipients_of(heads, set(actors), located,
                                                   place_target=coded.type in ("ASSAULT", "COERCE"),
                                                   capital_ok=coded.type != "CONSULT")   # "talks in Madrid": a venue
                recips = list(dict.fromkeys(first + recips))
            if c.source == "evaluative" and c.obj is not None and c.obj.lemma_.lower() in RELATION_NOUNS \
                    and c.obj.dep_ in ("nsubj", "nsubjpass"):
                # "Perdue said the US-India partnership continues to deliver": the speaker
                # backs the partner; without a speaker no one is said to express support
                parties = roles.actors_of(c.obj)
                g = h
                while g.dep_ == "xcomp" and g.head is not g:
                    g = g.head
                speaker = roles.subject_of(g.head)[0] if g.dep_ == "ccomp" and _lem(g.head) in lex.speech else []
                if speaker:
                    mine = {analysis.actor(x).country for x in speaker} - {None, ""}
                    actors, recips = speaker, [a for a in parties if a not in speaker
                                               and analysis.actor(a).country not in mine]
                else:
                    continue
            recips = [r for r in recips if r not in actors]
            if c.source == "evaluative" and not actors:
                continue   # "a meeting seen as emphasizing the strength of …": no one praises
            if coded.type == "MOBILIZE" and not actors and not c.nominal:
                # "Iran's troops were placed on high alert": the forces moved are the actor's own
                movers = [a for x in h.children if x.dep_ in ("nsubjpass", "nsubj:pass") for a in roles.actors_of(x)]
                if movers:
                    actors = movers
                    recips = [r for r in recips if r not in movers]
            if c.source == "host" and not reciprocal:
                coded = coding.code("043") or coded   # no two parties named: plain hosting
            if coded.type == "ASSAULT" and len(actors) >= 2 and not recips and h.lemma_.lower() in RECIPROCAL_VERBS:
                # "Pakistani and Afghan forces clashed": each side is the other's recipient
                recips, reciprocal = list(actors), True
            if coded.type in PARTICIPANT_GATED and len({t.i for t in c.tokens}) == 1 and not actors and not recips \
                    and not _political_subject(d.clause_head):
                continue   # "the only way out is agreement", "providing food for her children"
            if d.modal_threat and not actors:
                continue   # "they may be arrested": a generic possibility, nobody threatens
            if not c.nominal and d.subject_token is None and _metric_subject(d.clause_head):
                continue   # "turnout reached a record, beating …": a figure, not an act
            if not c.nominal and coded.type in ("ASSAULT", "COERCE") and not actors and \
                    _disaster_subject(d.clause_head, lex.disaster_nouns):
                continue   # "the earthquake killed 40": no one did it
            if coded.type == "CONSULT" and any((analysis.actor(x).sector == "MED") for x in actors + recips):
                continue   # "VOA spoke with Armitage": a press interview, not a consultation
            if not c.nominal and (coded.type in INTENTIONAL or coded.type == "PROTEST") and not actors and _inanimate_subject(d.clause_head, lex.agent_nouns):
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
                "promoted": d.promoted, "type": coded.type,
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
