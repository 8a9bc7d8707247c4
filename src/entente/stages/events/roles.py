"""Who did it to whom: actors and recipients from the parse.

Actor: the clause subject (inherited up xcomp/conj chains: "Iran threatened to cut off …"),
or the "by" agent of a passive. Recipient: the object, an indirect object, a
with/to/against/on/… phrase, a passive subject; for a nominal trigger its possessor or
modifier ("Palestinian riots") is the actor. Coordinated participants of a symmetric
event ("India and the United States agreed", "talks between A and B") make it reciprocal.

Actor ids come from the actors stage (`analysis.token_actors`). When it has nothing for a
phrase, the NER entity of the phrase with `gazetteer.place()` gives a country actor.
"""
from __future__ import annotations

from typing import Optional

from entente.analysis import Analysis
from entente.model import Actor, Mention
from entente.ontology import codebook, gazetteer

PRUNE = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc"}
RECIPIENT_PREPS = ("to", "with", "against", "on", "upon", "from", "for", "into", "toward", "towards",
                   "at", "over", "between", "among", "of", "around")


def pobjs(prep) -> list:
    """Objects of a preposition, with those of coordinated prepositions ("flights to and from Benin")."""
    out = [g for g in prep.children if g.dep_ == "pobj"]
    for c in prep.children:
        if c.dep_ == "conj" and c.pos_ == "ADP":
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
# Verbs whose direct object is what was talked about, not who was talked to.
TOPIC_OBJECT_VERBS = {"discuss", "negotiate", "debate", "review", "consider", "address", "raise",
                      "explore", "examine", "study", "agree", "reach", "sign", "commit"}
SUBJ = ("nsubj", "nsubjpass", "csubj")
# Pronoun subjects of a reported clause that may be the speaker ("Uganda said it had paid",
# "the rebels said they had captured …"); but "they" inside a direct quote is someone else
# ("they shot them," Ajmal said).
SPEAKER_PRONOUNS = {"it", "we", "i", "he", "she"}
QUOTE_MARKS = {'"', "“", "”", "''", "``", "‘", "’"}


def _quoted(clause) -> bool:
    """Is a reported clause a direct quotation (a quote mark between it and its speech verb)?"""
    v = clause.head
    lo, hi = sorted((clause.i, v.i))
    return any(clause.doc[k].text in QUOTE_MARKS for k in range(lo, hi + 1))
# People named by what they do or where they are, whose place says their country
# ("Dockworkers in Piraeus", "residents of Gaza", "protesters in Tbilisi").
GROUP_HEADS = {"dockworker", "worker", "resident", "protester", "demonstrator", "student", "farmer", "villager",
               "activist", "doctor", "nurse", "teacher", "miner", "driver", "trader", "employee", "citizen",
               "people", "crowd", "thousand", "hundred", "dozen", "official", "authority", "police", "lawmaker",
               "union", "unionist", "striker", "mourner", "supporter", "opponent", "youth", "inhabitant", "local",
               "civilian", "refugee", "journalist", "reporter", "lawyer", "merchant", "shopkeeper", "fisherman"}
# Heads whose possessor is the one they stand against ("Berisha's opponents" are not Berisha).
OPPONENT_HEADS = {"opponent", "critic", "rival", "enemy", "foe", "detractor", "adversary", "challenger", "accuser"}
# Nouns in a phrase that name a conflict, not a participant ("a ceasefire in the Russia-Ukraine war").
CONFLICT_NOUNS = {"war", "conflict", "crisis", "dispute", "fighting", "standoff", "row", "tension", "invasion"}


def phrase_tokens(t) -> list:
    """A noun phrase's tokens without its clauses (relative clauses name other people)."""
    out = [t]
    for c in t.children:
        if c.dep_ in PRUNE:
            continue
        out.extend(phrase_tokens(c))
    return out


def conjuncts(t) -> list:
    out = [t]
    for c in t.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


CORE_DEPS = {"compound", "poss", "amod", "appos", "flat", "nmod", "det", "case", "nummod", "quantmod"}


def _anti(x) -> bool:
    """"an anti-Syria journalist", "pro-Russian rebels": the name says whom they oppose or
    back, not whose they are."""
    d = x.doc
    if x.lower_ in ("anti", "pro") and x.i + 1 < len(d) and d[x.i + 1].text == "-":
        return True
    if x.text == "-" and x.i >= 1 and d[x.i - 1].lower_ in ("anti", "pro"):
        return True
    if x.i >= 2 and d[x.i - 1].text == "-" and d[x.i - 2].lower_ in ("anti", "pro"):
        return True
    return x.i >= 1 and d[x.i - 1].lower_ in ("anti-", "pro-")


# Prepositions of an object's own phrase naming whose it is or whom it concerns
# ("calls by Kofi Annan", "aid to Mozambique", "demands from the rebels").
OBJECT_PREPS = RECIPIENT_PREPS + ("by", "into")
# Clauses under a trigger that carry its purpose or manner ("blocked a road to show their
# disapproval for X", "demonstrated calling for independence from Iraq").
PURPOSE_DEPS = ("advcl", "xcomp", "acl")


def core_tokens(t) -> list:
    """The name part of a noun phrase: head, compounds, possessor, adjectives, apposition."""
    out = [t]
    for c in t.children:
        if c.dep_ in CORE_DEPS:
            out.extend(core_tokens(c) if c.dep_ != "appos" else [x for x in core_tokens(c)])
    return out


class Roles:
    def __init__(self, analysis: Analysis):
        self.a = analysis
        self._fallback: dict[tuple[int, int], Optional[str]] = {}
        self._ent_start = {e.start: e for e in analysis.doc.ents if e.label_ in ("GPE", "NORP", "ORG", "LOC")}
        self._places: Optional[dict] = None

    # -- actors of a phrase -----------------------------------------------
    def actors_of(self, t) -> list[str]:
        """Actors a noun phrase names: each conjunct's own name first ("India's Ambassador
        to China, Pradeep Kumar Rawat" -> Rawat, not China); members of a group phrase
        ("Doctors from two American aid groups") only when the head names nobody."""
        out: list[str] = []
        for conj in conjuncts(t):
            ids = self._core_actors(conj)
            if not ids:
                ids = self._deep_actors(conj)
            ids = ids + [a for a in self._coordinated_adjectives(conj, ids) if a not in ids]
            for a in ids:
                if a not in out:
                    out.append(a)
        return out

    def _coordinated_adjectives(self, t, ids) -> list[str]:
        """"Pakistani and Afghan forces", "Russian and Ukrainian delegations": each coordinated
        nationality adjective is a country actor (the actors stage keeps only the first)."""
        out: list[str] = []
        for c in t.children:
            if c.dep_ not in ("amod", "compound") or not any(k.dep_ == "conj" for k in c.children):
                continue
            have = {self.a.actor(x).country for x in ids + out}
            for adj in conjuncts(c):
                aid = self._adjective_actor(adj, have)
                if aid and aid not in out:
                    out.append(aid)
                    have.add(self.a.actor(aid).country)
        return out

    def _adjective_actor(self, adj, have) -> Optional[str]:
        e = codebook.get().lookup(adj.text)
        if e is None or e.kind != "adjective" or not e.country or e.country in have:
            return None
        return self._country_actor(e.country, adj.doc[adj.i:adj.i + 1])

    def _country_actor(self, iso3: str, span) -> Optional[str]:
        """The story's state actor for a country (created if none), with span as a mention."""
        for act in self.a.result.actors:
            if act.kind == "state" and act.country == iso3:
                aid = act.id
                break
        else:
            if not iso3 or not codebook.get().country_name(iso3):
                return None   # a region or an unknown code: no state to name
            aid = f"a{len(self.a.result.actors) + 1}"
            while any(x.id == aid for x in self.a.result.actors):
                aid = aid + "x"
            self.a.result.actors.append(Actor(id=aid, name=codebook.get().country_name(iso3), kind="state",
                                              country=iso3, code=iso3))
        act = self.a.actor(aid)
        if not any(m.start == span.start_char for m in act.mentions):
            act.mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char))
        return aid

    def place_country(self, t) -> Optional[str]:
        """A state actor for the country of a place name at t ("in Odesa" -> Ukraine), or None."""
        if self._places is None:
            self._places = {}
            for p in (self.a.notes.get("actors", {}) or {}).get("places", []) or []:
                try:
                    for i in range(int(p["start"]), int(p["end"])):
                        self._places[i] = p
                except (KeyError, TypeError, ValueError):
                    continue
        p = self._places.get(t.i)
        iso = p.get("country") if p else None
        if not iso and t.ent_type_ in ("GPE", "LOC"):
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            g = gazetteer.place(ent.text) if ent is not None else None
            iso = g.country if g is not None else None
            if ent is None:
                return None
            span = ent
        elif not iso:
            return None
        else:
            span = t.doc[int(p["start"]):int(p["end"])]
        return self._country_actor(iso, span)

    def _ids_at(self, toks) -> list[str]:
        ids = [a.id for a in self.a.actors_in(sorted(toks, key=lambda x: x.i))]
        return ids or self._fallback_actors(toks)

    def _core_actors(self, t) -> list[str]:
        if t.lemma_.lower() in OPPONENT_HEADS and not self.a.token_actors.get(t.i):
            return []
        core_all = core_tokens(t)
        core = [x for x in core_all if not _anti(x)]
        if not core:
            return []
        ids = self._ids_at(core)
        if len(core) < len(core_all):
            # the actors stage may link the whole "anti-Syria journalist" to Syria
            starts = {x.idx for x in core_all if _anti(x)}
            anti = {a for x in core_all if _anti(x) for a in self.a.token_actors.get(x.i, [])}
            anti |= {a for a in ids if any(m.start in starts for m in self.a.actor(a).mentions)}
            ids = [a for a in ids if a not in anti]
        if len(ids) > 1:
            # the actor the head itself (or its apposition) mentions is the one meant
            heads = [t] + [c for c in t.children if c.dep_ == "appos"]
            direct = [a for h in heads for a in self.a.token_actors.get(h.i, [])]
            if direct:
                return list(dict.fromkeys(direct))
        return ids

    def _deep_actors(self, t) -> list[str]:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "within", "inside"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() not in CONFLICT_NOUNS:
                        ids = self.actors_of(g)
                        if not ids and c.lower_ in ("in", "from") and t.pos_ == "NOUN" and \
                                t.lemma_.lower() in GROUP_HEADS:
                            # "Dockworkers in Piraeus", "protesters from Kharkiv": the place's country
                            a = self.place_country(g)
                            ids = [a] if a else []
                        if ids:
                            return ids
        return []

    def is_actor(self, t) -> bool:
        return bool(self.a.token_actors.get(t.i)) or bool(self._fallback_actors([t]))

    def _fallback_actors(self, toks) -> list[str]:
        out: list[str] = []
        for x in sorted(toks, key=lambda x: x.i):
            ent = self._ent_start.get(x.i)
            if ent is None and x.dep_ == "amod" and x.is_title and not x.ent_type_:
                ent = x.doc[x.i:x.i + 1]   # "two Swedish aid groups" missed by the NER
            if ent is None:
                continue
            aid = self._fallback_actor(ent)
            if aid and aid not in out:
                out.append(aid)
        return out

    def _rejected(self, ent) -> bool:
        """The actors stage looked at this span and decided it names no actor ("Indian Ocean")."""
        spans = self.a.notes.get("actors", {}).get("not_actors", [])
        return any(r["start"] < ent.end and ent.start < r["end"] for r in spans)

    def _fallback_actor(self, ent) -> Optional[str]:
        key = (ent.start, ent.end)
        if key in self._fallback:
            return self._fallback[key]
        if any(self.a.token_actors.get(i) for i in range(ent.start, ent.end)) or self._rejected(ent):
            self._fallback[key] = None
            return None
        p = gazetteer.place(ent.text)
        if (p is None or p.kind != "country") and getattr(ent, "label_", "") in ("NORP", ""):
            # "two American aid groups", "Iraqi officials": a nationality adjective
            e = codebook.get().lookup(ent.text)
            if e is not None and e.kind == "adjective" and e.country:
                p = gazetteer.Place(codebook.get().country_name(e.country), e.country, "country")
        if p is None or p.kind != "country":
            self._fallback[key] = None
            return None
        # reuse an actor of the same country created earlier in the story
        for act in self.a.result.actors:
            if act.kind == "state" and act.country == p.country:
                aid = act.id
                break
        else:
            aid = f"a{len(self.a.result.actors) + 1}"
            while any(x.id == aid for x in self.a.result.actors):
                aid = aid + "x"
            self.a.result.actors.append(Actor(id=aid, name=p.name, kind="state", country=p.country, code=p.country))
        act = self.a.actor(aid)
        act.mentions.append(Mention(text=ent.text, start=ent.start_char, end=ent.end_char))
        self.a.link_mention([aid], ent.start, ent.end)
        self._fallback[key] = aid
        return aid

    # -- roles of an event ----------------------------------------------------
    def subject_of(self, v) -> tuple[list[str], bool]:
        """(actor ids, passive?) of the clause headed by v, climbing xcomp/conj/aux chains."""
        t = v
        for _ in range(6):
            subs = [c for c in t.children if c.dep_ in SUBJ]
            agent = [c for c in t.children if c.dep_ == "agent"]
            if agent:
                objs = [g for g in agent[0].children if g.dep_ == "pobj"]
                ids = self._ids(objs)
                if ids:
                    return ids, True
            if subs:
                s = subs[0]
                if s.dep_ == "nsubjpass":
                    return [], True
                ids = self.actors_of(s)
                if not ids and s.pos_ == "PRON" and t.dep_ == "ccomp" and t.head is not t and \
                        (s.lower_ in SPEAKER_PRONOUNS or not _quoted(t)):
                    # "Uganda said it had paid …": an unresolved pronoun subject of a
                    # reported clause is taken to be the speaker
                    t = t.head
                    continue
                return ids, False
            if t.dep_ in ("xcomp", "conj", "acomp", "advcl", "ccomp") and t.head is not t:
                t = t.head
                continue
            if t.dep_ == "pcomp" and t.head.head is not t.head:
                t = t.head.head
                continue
            break
        return [], False

    def _pronoun(self, s) -> list[str]:
        # the actors stage resolves pronouns into token_actors; nothing else to do here
        return []

    def _ids(self, toks) -> list[str]:
        out: list[str] = []
        for t in toks:
            for a in self.actors_of(t):
                if a not in out:
                    out.append(a)
        return out

    def _side_clauses(self, heads) -> list:
        """Clauses of the heads that may name the recipient: a to-infinitive of purpose, a
        participle of manner, a coordinated verb sharing the subject, "in protest of/against"."""
        out = []
        hs = {h.i for h in heads}
        for h in heads:
            for c in h.children:
                if c.i in hs or c.pos_ not in ("VERB", "AUX"):
                    continue
                own_subj = any(k.dep_ in SUBJ for k in c.children)
                if c.dep_ == "conj" and not own_subj and h.pos_ in ("VERB", "AUX"):
                    out.append(c)
                elif c.dep_ == "xcomp" and any(k.dep_ in ("dobj", "obj") for k in h.children):
                    continue   # "encourage AI companies to compete with X": the object is addressed
                elif c.dep_ in PURPOSE_DEPS and not own_subj and (
                        any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children) or c.tag_ == "VBG"):
                    out.append(c)
        return out

    def recipients_of(self, heads, exclude: set[str], located: bool = True,
                      place_target: bool = False, depth: int = 0,
                      capital_ok: bool = True) -> tuple[list[str], list]:
        """Recipient ids from the objects and prepositional phrases of the given heads."""
        rec: list[str] = []
        sources: list = []
        for h in heads:
            cands = []
            topic_obj = h.lemma_.lower() in TOPIC_OBJECT_VERBS
            for c in h.children:
                if c.dep_ in ("dobj", "obj", "attr", "oprd") and topic_obj:
                    continue
                if c.dep_ in ("dobj", "obj", "iobj", "dative", "attr", "nsubjpass", "oprd"):
                    cands.append(c)
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS:
                    cands.extend(pobjs(c))
            for c in cands:
                ids = [a for a in self.actors_of(c) if a not in exclude]
                if not ids and c.dep_ != "pobj":
                    # "continued military aid to Mozambique", "set fire to the offices of X"
                    ids = [a for a in self._object_pp_actors(c) if a not in exclude]
                if not ids and c.dep_ != "pobj":
                    # "rejected the allegations made by Pakistan": the one who made them
                    ids = [a for a in self._object_agent_actors(c) if a not in exclude]
                for a in ids:
                    if a not in rec:
                        rec.append(a)
                        sources.append(c)
            if not rec:
                for c in cands:
                    if c.dep_ == "pobj":
                        for a in self._object_pp_actors(c):
                            if a not in exclude and a not in rec:
                                rec.append(a)
            if rec:
                break
        clauses = self._side_clauses(heads) if not rec and depth < 2 else []
        if not rec:
            # the purpose or manner clause, or the second conjunct, names the one acted on:
            # "blocked a road to show their disapproval for the United States' policies",
            # "demonstrated calling for independence from Iraq", "established ties with and
            # opened an embassy in Tehran"
            for k in clauses:
                for a in self.recipients_of([k], exclude, False, depth=depth + 1)[0]:
                    if a not in rec:
                        rec.append(a)
                if rec:
                    break
        if not rec and located:
            # "lifted a curfew in Montenegro": the country sits in an "in X" phrase
            for h in heads:
                for c in phrase_tokens(h):
                    if c.dep_ == "pobj" and c.head.lower_ in ("in", "inside", "within") and c.i != h.i:
                        ids = [a for a in self.actors_of(c) if a not in exclude]
                        if not ids and capital_ok and c.head.head.pos_ in ("NOUN", "PROPN") and \
                                c.head.head.dep_ in ("dobj", "obj") and self._capital(c):
                            # "opened an embassy in Tehran": a capital stands for the state that
                            # hosts what was placed there (not "met in Beijing": only a venue)
                            a = self.place_country(c)
                            ids = [a] if a and a not in exclude else []
                        for a in ids:
                            if a not in rec:
                                rec.append(a)
                if rec:
                    break
        if not rec and located:
            # "agreed to set up a research center in Tokyo": the purpose clause's place
            for k in clauses:
                for a in self.recipients_of([k], exclude, True, depth=depth + 1, capital_ok=capital_ok)[0]:
                    if a not in rec:
                        rec.append(a)
                if rec:
                    break
        if not rec and depth == 0:
            # an earlier clause of the sentence: "sent personnel to Bosnia to investigate …"
            for h in heads:
                g = h.head
                if h.dep_ in ("advcl", "xcomp") and g is not h and g.i not in {x.i for x in heads} and \
                        any(k.dep_ == "aux" and k.lower_ == "to" for k in h.children):
                    for p in g.children:
                        if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "into", "against", "toward", "towards"):
                            for a in self._ids(pobjs(p)):
                                if a not in exclude and a not in rec:
                                    rec.append(a)
                            if not rec:
                                for o in pobjs(p):
                                    a = self.place_country(o)
                                    if a and a not in exclude:
                                        rec.append(a)
                if rec:
                    break
        if not rec and located and place_target:
            # "struck energy facilities in Odesa": the target is a place -> that country
            excl = {self.a.actor(x).country for x in exclude}
            for h in heads:
                # "killed 23 people when they blew themselves up in Tel Aviv": the clause
                # of the same act says where it struck
                when = [t for k in h.children if k.dep_ == "advcl" and
                        any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "while") for m in k.children)
                        for t in phrase_tokens(k)]
                for c in phrase_tokens(h) + when:
                    if c.dep_ == "pobj" and c.head.lower_ in ("in", "inside", "within", "on", "at", "near") and c.i != h.i:
                        for t in [c] + [k for k in c.children if k.dep_ in ("appos", "compound")] + \
                                 [g for k in c.children if k.dep_ == "prep" and k.lower_ == "of" for g in k.children if g.dep_ == "pobj"]:
                            a = self.place_country(t)
                            if a and a not in exclude and self.a.actor(a).country not in excl:
                                rec.append(a)
                                break
                        if rec:
                            break
                if rec:
                    break
        return rec, sources

    @staticmethod
    def _capital(t) -> bool:
        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end and e.label_ in ("GPE", "LOC")), None)
        if ent is None:
            return False
        g = gazetteer.place(ent.text)
        return g is not None and (g.kind == "country" or bool(g.capital_of))

    def _object_agent_actors(self, o) -> list[str]:
        for c in o.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for ag in c.children:
                    if ag.dep_ == "agent":
                        return self._ids([g for g in ag.children if g.dep_ == "pobj"])
        return []

    def _object_pp_actors(self, o, depth: int = 0) -> list[str]:
        """Actors in the phrases of an object: "aid to Mozambique", "calls by Kofi Annan",
        "an investigation into crimes committed by Croat forces", "a formula for ending its
        dispute with its partners"."""
        if depth > 4:
            return []
        for c in o.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in OBJECT_PREPS:
                for g in pobjs(c):
                    if g.lemma_.lower() not in CONFLICT_NOUNS:
                        ids = self.actors_of(g) or self._object_pp_actors(g, depth + 1) or \
                            self._object_agent_actors(g)
                        if ids:
                            return ids
                for g in c.children:
                    if g.dep_ == "pcomp":
                        # "for ending its dispute with …": the gerund's object and phrases
                        for x in [g] + [k for k in g.children if k.dep_ in ("dobj", "obj")]:
                            ids = self._object_pp_actors(x, depth + 1) if x is g else \
                                (self.actors_of(x) or self._object_pp_actors(x, depth + 1))
                            if ids:
                                return ids
        return []

    def clause_subject(self, v) -> list[str]:
        """Actors of the clause's own subject only (no climbing)."""
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return self.actors_of(c)
        return []

    def nominal_roles(self, n, patient_nouns=frozenset()) -> tuple[list[str], list[str], bool]:
        """(actors, recipients, reciprocal) of a nominal trigger."""
        actors: list[str] = []
        recips: list[str] = []
        reciprocal = False
        # "Mech Dara's arrest" (but "Nigeria's arrest of the activist": the possessor acts)
        patient = n.lemma_.lower() in patient_nouns and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in n.children)
        for c in n.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                # "Mech Dara's arrest": the possessor of a patient noun is the one arrested
                into = recips if patient and c.dep_ == "poss" else actors
                for a in self.actors_of(c):
                    if a not in into:
                        into.append(a)
        for c in n.children:
            if c.dep_ == "acl":
                ag = [g for g in c.children if g.dep_ == "agent"]
                for x in ag:
                    for a in self._ids([g for g in x.children if g.dep_ == "pobj"]):
                        if a not in actors:
                            actors.append(a)
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                ids = self._ids([g for g in c.children if g.dep_ == "pobj"])
                for a in ids:
                    if a not in actors:
                        actors.append(a)
                reciprocal = len(ids) > 1
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                # "condemnation from Washington", "aid from Japan": the source acts
                for a in self._ids([g for g in c.children if g.dep_ == "pobj"]):
                    if a not in actors:
                        actors.append(a)
            elif c.dep_ in ("prep", "dative") and c.lower_ in ("with", "against", "on", "to", "over", "for", "of"):
                for a in self._ids([g for g in c.children if g.dep_ == "pobj"]):
                    if a not in recips and a not in actors:
                        recips.append(a)
        return actors, recips, reciprocal
