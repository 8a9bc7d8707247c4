"""The story's entity model, as the stages that name participants ask it.

The actors stage decides who the story's entities are and which tokens mention them
(`Analysis.token_actors`); the statements stage says who speaks each quotation
(`Analysis.speaker_at`). This module answers the one question the events, statements and
agreements stages ask: *which entities does this noun phrase name?* — "Canada and Mexico",
"Pakistan's foreign ministry", "militants linked with the Baloch Liberation Army", "officials
in Beijing", "we" inside a minister's quotation. No stage decides a participant any other way.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from entente import doc_cache
from entente.doc_cache import children
from entente.ontology import language
from entente.sentences import sentence, window_start

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from entente.analysis import Analysis
    from entente.model import Actor

# A document acts for the speaker quoted at most this many characters before it.
ISSUER_GAP = 400
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
AFFILIATION_PREPS = language.words("entities", "affiliation_preps")
PLACE_PREPS = language.words("entities", "place_preps")
LINKING_PARTICIPLES = language.words("entities", "linking_participles")
BACKER_PARTICIPLES = language.words("entities", "backer_participles")
FIRST_PERSON = language.words("entities", "first_person")
AGENT_NOUNS = language.words("entities", "agent_nouns")


def add_actor(analysis: "Analysis", name: str, kind: str, span=None, **fields) -> str:
    """A new entity after the actors stage (a state a place lies in, a speaker the story only
    describes: "a Western diplomatic source", "the report"), with its mention when it has one;
    returns its id (the next of a1, a2, …)."""
    from entente.model import Actor, Mention

    mentions = [Mention(text=span.text, start=span.start_char, end=span.end_char)] if span is not None else []
    new = Actor(id=f"a{len(analysis.result.actors) + 1}", name=name, kind=kind, mentions=mentions, **fields)
    analysis.result.actors.append(new)
    if span is not None:
        analysis.link_mention([new.id], span.start, span.end)
    return new.id


# Sectors of bodies outside the state that fight or oppose it (entities.yaml outsider_sectors).
OUTSIDER_SECTORS = frozenset(language.table("entities")["outsider_sectors"])
NONSTATE_SECTORS = frozenset(language.table("entities")["nonstate_sectors"])   # "the group said …"
STATE_SECTORS = frozenset(language.table("entities")["state_sectors"])
PRIVATE_SECTORS = frozenset(language.table("entities")["private_sectors"])
STATE_ARMS = frozenset(language.table("entities")["state_arms"])
SECURITY_SECTORS = frozenset(language.table("entities")["security_sectors"])
# The dashes that join two names into one word ("Kenya-Uganda", "U.S.–China").
HYPHENS = frozenset({"-", "–"})
FORMER_WORDS = language.words("entities", "former_words")
BODY_NOUNS = language.words("entities", "nonstate_body_nouns")   # "rights groups", "aid organisations"
CROWD_NOUNS = language.words("entities", "crowd_nouns")
INSURGENCY_VERBS = language.words("entities", "insurgency_verbs")   # "rebels fighting the army"
PEOPLE_WORDS = language.words("entities", "agent_nouns") | language.words("entities", "group_nouns") | \
    language.words("entities", "crowd_nouns") | language.words("entities", "commentator_roles") | \
    language.words("roles", "people_nouns") | language.words("entities", "adversary_nouns") | \
    language.words("entities", "people_plurals") | language.words("entities", "organisation_nouns")
# Endings of nouns for people ("observers", "activists", "civilians", "residents").
AGENTIVE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men", "woman", "women")


def is_crowd(tok) -> bool:
    """A collective of people named by a common noun ("hundreds of people", "protesters")."""
    return tok.lemma_.lower() in CROWD_NOUNS or (
        tok.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in children(tok)))


def _people_word(head) -> bool:
    word = head.lemma_.lower()
    return word in PEOPLE_WORDS or word.endswith(AGENTIVE_ENDINGS)


def described_speaker(analysis: "Analysis", span, head) -> Optional[str]:
    """An entity for a speaker the story describes without naming ("a senior official", "critics",
    "the report"): the same description told again is the same entity."""
    words = [t for t in span if t.dep_ not in ("det", "punct") and not (t.i == span.start and t.lower_ in ("the", "a", "an"))]
    if not words or head.pos_ == "PRON" or head.lemma_.lower() in language.words("entities", "document_nouns"):
        return None   # a document speaks for its issuer, found by the statements stage
    name = " ".join(t.text for t in words).strip(" ,")
    key = name.casefold()
    same = []
    if len(words) == 1 and span[0].lower_ == "the":
        # "The diplomat added …" after "a senior Chilean diplomat told reporters": the latest one
        # described with that head before
        kind = "group" if head.tag_ in ("NNS", "NNPS") else "person"
        told = [(max(m.start for m in a.mentions if m.start < span.start_char), a) for a in analysis.result.actors
                if a.kind == kind and a.name.casefold() != key and a.name.casefold().split()[-1:] == [key]
                and any(m.start < span.start_char for m in a.mentions)]
        same = [max(told, key=lambda x: x[0])[1]] if told else []
        if not same and head.tag_ == "NNS" and head.lemma_.lower() in AGENT_NOUNS:
            same = _collective_before(analysis, span)
    same = same or [a for a in analysis.result.actors
                    if a.name.casefold() == key and a.kind in ("person", "group", "organization", "other")]
    if same:
        from entente.model import Mention

        analysis.link_mention([same[0].id], span.start, span.end)
        same[0].mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char))
        return same[0].id
    if head.tag_ in ("NNS", "NNPS"):
        # "critics", "officials", "protesters": people; "the suits", "warnings", "clips": things
        kind = "group" if head.tag_ == "NNPS" or _people_word(head) else "other"
    elif head.ent_type_ == "PERSON" or head.lemma_.lower() in language.words("entities", "agent_nouns"):
        kind = "person" if head.ent_type_ == "PERSON" or head.tag_ == "NN" else "group"
    elif head.ent_type_ == "ORG":
        kind = "organization"
    else:
        kind = "other"
    return add_actor(analysis, name, kind, span)


def _collective_before(analysis: "Analysis", span) -> list:
    """"G7 foreign ministers met … “…,” the diplomats said": the grouping or international body
    that named a plural of officials ("G7 ministers", "diplomats from the G7") in its sentence or
    the two before (the latest one)."""
    doc = span.doc
    for t in reversed(doc[window_start(span[0], 2):span.start]):
        if t.tag_ == "NNS" and t.lemma_.lower() in AGENT_NOUNS:
            owners = [a for c in children(t) if c.i < t.i and c.dep_ in ("compound", "amod", "nmod", "poss")
                      for a in analysis.token_actors.get(c.i, ())]
            owners += [a for p in children(t) if p.dep_ == "prep" and p.lower_ in ("from", "of")   # "diplomats from the G7"
                       for g in children(p) if g.dep_ == "pobj" for x in g.subtree
                       for a in analysis.token_actors.get(x.i, ())]
            found = [analysis.actor(a) for a in dict.fromkeys(owners)]
            found = [a for a in found if a.kind in ("grouping", "igo")]
            if found:
                return found[:1]
    return []


def told_plural(tok):
    """The plural noun a clause's "they" refers to when the clause is what that noun was told or
    urged ("told national governments that they should not …"), or None."""
    v = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or v.dep_ not in ("ccomp", "xcomp") or v.head.i == v.i:
        return None
    g = v.head
    return next((c for c in children(g) if c.dep_ in ("dobj", "dative") and c.tag_ in ("NNS", "NNPS")
                 and c.i < tok.i), None)


def nearest_country(i: int, named: Iterable[tuple[int, str]]) -> Optional[str]:
    """Of (token position, country) pairs, the country named nearest token i; a name after it counts
    five tokens farther (what was said before is what the sentence talks about), the first wins a tie."""
    best = None
    for pos, country in named:
        dist = abs(pos - i) + (0 if pos < i else 5)
        if best is None or dist < best[0]:
            best = (dist, country)
    return best[1] if best else None


def main_country(actors) -> Optional[str]:
    """The country a story is about: the one whose actors (states, people, bodies) it mentions most,
    at least three times, the first mentioned on a tie; from (country, mentions, first position)."""
    count: dict[str, list[int]] = {}
    for country, n, first in actors:
        if country and country != "IGO" and n:
            c = count.setdefault(country, [0, first])
            c[0], c[1] = c[0] + n, min(c[1], first)
    best = max(count.items(), key=lambda kv: (kv[1][0], -kv[1][1]), default=None)
    return best[0] if best is not None and best[1][0] >= 3 else None


def held_no_more(title: str) -> bool:
    """Does the title say the office is held no more ("former deputy secretary of state", "then-president")?"""
    words = title.casefold().replace("-", " ").split()
    return bool(words) and words[0] in FORMER_WORDS


UNRESOLVED_THEY = frozenset({"they", "them"})


def _people_subject(v) -> Optional["Token"]:
    """The verb's subject when it is a plural common noun for a body of people ("officials", "rebels")."""
    subj = next((c for c in children(v) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ != "NNS" or subj.pos_ != "NOUN" \
            or subj.lemma_.lower() not in language.words("entities", "group_nouns"):
        return None
    return subj


def _plural_subject_before(tok) -> Optional["Token"]:
    """The body of people that says what the pronoun did ("Somali officials said they …": officials;
    the pronoun's clause is what their verb says), else None."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return None
    subj = _people_subject(tok.head.head)
    return subj if subj is not None and subj.i < tok.i else None


def _last_sentence_subject(tok) -> Optional["Token"]:
    """For a "they" that opens its sentence as its subject, the body of people the sentence before
    has as its subject ("Rebels attacked a village. They killed ten soldiers."), else None."""
    sent = sentence(tok)
    if tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT" or tok.i - sent.start > 1 or sent.start == 0:
        return None
    return _people_subject(sentence(tok.doc[sent.start - 1]).root)


class Entities:
    """Read-only view of one story's entities for the stages after actors."""

    def __init__(self, analysis: "Analysis"):
        self.analysis = analysis
        self.by_id: dict[str, "Actor"] = {a.id: a for a in analysis.result.actors}
        # each token's lower form and tag, for `at` (asked of every token of the sentences with an event)
        self.lowers, self.tags = doc_cache.lowers(analysis.doc), doc_cache.tags(analysis.doc)
        self.place_at: dict[int, str] = {}
        for p in analysis.places:
            if p.country and p.country != "IGO":
                for i in range(p.start, p.end):
                    self.place_at[i] = p.country

    def place_state(self, tok: "Token") -> list[str]:
        """The state a place named by the token lies in ("a train near Sibi, Balochistan" ->
        Pakistan), as an entity: the story's own actor for it, or a new one with no mention."""
        iso = self.place_at.get(tok.i)
        return [self.state(iso)] if iso else []

    def state(self, iso: str) -> str:
        for a in self.analysis.result.actors:
            if a.kind == "state" and a.country == iso:
                return a.id
        from entente.ontology import codebook

        new = add_actor(self.analysis, codebook.get().country_name(iso), "state", country=iso, sector="GOV", code=iso)
        self.by_id[new] = self.analysis.actor(new)
        return new

    # -- single tokens ------------------------------------------------------------------------
    def at(self, tok: "Token") -> list[str]:
        """Entities the token itself mentions (a name, a title, a resolved pronoun)."""
        ids = self.analysis.token_actors.get(tok.i)
        if ids:
            return list(ids)
        if self.lowers[tok.i] in FIRST_PERSON and (tok.pos_ in ("PRON", "X") or tok.text == "We") \
                and not (tok.text.isupper() and len(tok.text) > 1):   # not "US"
            sp = self.analysis.speaker_at.get(tok.i)
            if sp:
                return [sp]
        if self.tags[tok.i] in ("WDT", "WP") and tok.head.dep_ == "relcl":
            # "Mexico, which he also hit with a levy": the relative pronoun is its antecedent
            return self.phrase(tok.head.head, depth=0)
        return []

    def group(self, tok: "Token", nouns: Optional[frozenset] = None) -> list[str]:
        """An entity for a body of people the story names by a common noun ("opposition lawmakers",
        "security forces", "3R rebels"; or one of `nouns`), made when an event needs it: of the
        country the story talks about where it appears (the nearest country in its sentence or the
        two before, else the country the story is about)."""
        if tok.pos_ == "PRON" and tok.lower_ in UNRESOLVED_THEY and not self.at(tok):
            # "security forces in Somalia say they killed …": the body of people who say it
            noun = _plural_subject_before(tok) or _last_sentence_subject(tok)
            return (self.phrase(noun, depth=0) or self.group(noun, nouns)) if noun is not None else []
        if not (tok.pos_ == "NOUN" or tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "ADJ"):
            return []   # an ADJ subject is a tagger slip ("The junta imposed …")
        from entente.ontology import codebook

        left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.is_alpha
                and c.lemma_.lower() not in BACKER_PARTICIPLES]   # "Iran-backed militias": militias
        if tok.lemma_.lower() in (nouns or language.words("entities", "group_nouns")):
            sector = codebook.get().agents.get(tok.lemma_.lower())
        elif nouns is None and tok.pos_ == "NOUN" and (sector := self._body_sector(tok, left)):
            pass   # "rights groups", "an aid organisation": a body outside the state its modifier names
        else:
            return []
        name = " ".join([c.text for c in left] + [tok.text])
        for a in self.analysis.result.actors:
            if a.kind == "group" and a.name.casefold() == name.casefold():
                return [a.id]
        country = (self._fought_country(tok) if sector in OUTSIDER_SECTORS else None) or \
            (self._crowd_place(tok) if tok.lemma_.lower() in CROWD_NOUNS else None) or self._context_country(tok)
        new = add_actor(self.analysis, name, "group", country=country, sector=sector)
        self.by_id[new] = self.analysis.actor(new)
        return [new]

    @staticmethod
    def _body_sector(tok: "Token", left: list) -> Optional[str]:
        """The sector outside the state of a body named by a word for an organisation and the modifier
        before it ("rights group" HRI, "aid group" NGO), else None ("the group": told before)."""
        if tok.lemma_.lower() not in BODY_NOUNS or not left:
            return None
        from entente.ontology import codebook

        agents = codebook.get().agents
        for k in (2, 1):
            for words in ([c.lower_ for c in left[-k:]], [c.lemma_.lower() for c in left[-k:]]):   # "rights"
                if len(words) == k and (sector := agents.get(" ".join(words + [tok.lemma_.lower()]))):
                    return sector if sector in NONSTATE_SECTORS else None
        return None

    def private(self, actor_id: str) -> bool:
        """Is the entity a body of private people or a private person (tourists, traders, a company's
        staff), whose trips and meetings are no party's?"""
        a = self.actor(actor_id)
        return a.kind in ("group", "person") and (a.sector or "") in PRIVATE_SECTORS

    def _fought_country(self, tok: "Token") -> Optional[str]:
        """The country of the state rebels are told fighting ("rebels fighting the Bolivian army",
        "insurgents who attacked Chilean troops"): theirs, whatever capital is named nearer."""
        for v in children(tok):
            if v.dep_ not in ("acl", "relcl") or v.lemma_.lower() not in INSURGENCY_VERBS:
                continue
            targets = [o for o in children(v) if o.dep_ == "dobj"] + [
                g for p in children(v) if p.dep_ == "prep" and p.lower_ in ("against", "with") for g in children(p)
                if g.dep_ == "pobj"]
            for o in targets:
                for a in self.phrase(o, depth=1):
                    if self.by_id[a].country and self.by_id[a].country != "IGO":
                        return self.by_id[a].country
        return None

    def unknown_attackers(self, iso: str) -> str:
        """The unidentified armed force behind an attack told only by its weapon ("killed by a
        roadside bomb"): PLOVER's unknown attackers, of the country where it struck."""
        for a in self.analysis.result.actors:
            if a.kind == "group" and a.sector == "UAF" and a.country == iso and not a.mentions:
                return a.id
        new = add_actor(self.analysis, "unidentified attackers", "group", country=iso, sector="UAF")
        self.by_id[new] = self.analysis.actor(new)
        return new

    def context_state(self, tok: "Token") -> list[str]:
        """The state of the country the story talks about where the token appears (as `group`)."""
        iso = self._context_country(tok)
        return [self.state(iso)] if iso and iso != "IGO" else []

    def _crowd_place(self, tok: "Token") -> Optional[str]:
        """A crowd is of the place it gathers in ("protesters marched on the Chinese embassy in
        Manila": Filipinos), the place its sentence names nearest to it."""
        sent = sentence(tok)
        return nearest_country(tok.i, [(i, self.place_at[i]) for i in range(sent.start, sent.end) if i in self.place_at])

    def _context_country(self, tok: "Token") -> Optional[str]:
        sent = sentence(tok)
        lo = window_start(tok, 2)
        named: list[tuple[int, str]] = []
        for i in range(lo, sent.end):
            found = [self.place_at[i]] if i in self.place_at else []   # "police in Lima": the place's state
            for a in self.analysis.token_actors.get(i, ()):
                act = self.by_id.get(a)
                if act is None or not act.country or act.country == "IGO" or act.sector == "MED":
                    continue   # an outlet's home says nothing of where its story happens
                found.append(act.country)
            named += [(i, country) for country in found]
        best = nearest_country(tok.i, named)
        if best:
            return best
        return self.story_country(outlets=True)

    def story_country(self, outlets: bool = False) -> Optional[str]:
        """The country the story is about (`main_country` over its entities; an outlet's home counts
        only with `outlets`)."""
        return main_country((a.country, len(a.mentions), a.mentions[0].start if a.mentions else 10**9)
                            for a in self.analysis.result.actors
                            if a.kind != "grouping" and (outlets or a.sector != "MED"))

    def issuer(self, tok: "Token") -> list[str]:
        """Who issued the document a noun names ("The statement threatened sanctions" after "Blinken
        issued a statement saying …"): the speaker of the latest statement just before it."""
        if tok.lemma_.lower() not in language.words("entities", "document_nouns"):
            return []
        best = None
        for st in self.analysis.result.statements:
            if st.speaker and st.start < tok.idx and tok.idx - st.end < ISSUER_GAP:
                if best is None or st.start > best.start:
                    best = st
        if best is not None:
            return [best.speaker]
        return self._issued_before(tok)

    def _issued_before(self, tok: "Token") -> list[str]:
        """"The State Department issued a statement on Tuesday. The statement threatened …": who
        issued the same kind of document just before (the subject of the verb it is the object of)."""
        lem = tok.lemma_.lower()
        for t in reversed(tok.doc[:tok.i]):
            if tok.idx - t.idx > ISSUER_GAP:
                break
            if t.lemma_.lower() == lem and t.dep_ == "dobj":
                subj = next((c for c in children(t.head) if c.dep_ == "nsubj"), None)
                return self.phrase(subj, depth=0) if subj is not None else []
        return []

    def actor(self, actor_id: str) -> "Actor":
        return self.by_id[actor_id]

    # -- noun phrases ---------------------------------------------------------------------------
    def phrase(self, tok: "Token", depth: int = 2) -> list[str]:
        """Entities a noun phrase headed by `tok` names, first-mention order, no repeats: its own
        mention, else its modifiers' ("Canadian exports", "Pakistan's military"), else what it is
        affiliated with ("officials in Beijing"); coordinated phrases add theirs."""
        out: list[str] = []
        for t in self._conjuncts(tok):
            for a in self._one(t, depth):
                if a not in out:
                    out.append(a)
        return out

    def _conjuncts(self, tok: "Token") -> list["Token"]:
        out, stack = [], [tok]
        while stack:
            t = stack.pop(0)
            out.append(t)
            stack.extend(c for c in children(t) if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"))
            # "Chile, along with Peru and Bolivia, called …": the companions act too
            stack.extend(g for c in children(t) if c.dep_ == "prep" and c.lower_ in ("along", "together")
                         for w in children(c) if w.dep_ == "prep" and w.lower_ == "with"
                         for g in children(w) if g.dep_ == "pobj")
        return out

    def _one(self, tok: "Token", depth: int) -> list[str]:
        own = self.at(tok)
        if own and depth > 0 and all(not self.by_id[a].country and self.by_id[a].kind in ("group", "other")
                                     for a in own if a in self.by_id):
            # "militants linked with the Baloch Liberation Army": a body of no known country takes
            # the one of what it is tied to
            linked = [a for c in children(tok) if c.dep_ == "acl" and c.lemma_.lower() in LINKING_PARTICIPLES
                      for a in self._linked(c, depth)]
            return own + [a for a in dict.fromkeys(linked) if a not in own]
        if own:
            return own
        out: list[str] = []
        if depth > 0:
            # "Council members Greece, Panama and South Korea": the named members, not the body
            for c in children(tok):
                if c.dep_ == "appos":
                    out += [a for a in self.phrase(c, depth - 1) if a not in out]
            if out:
                return out
        adversary = tok.lemma_.lower() in language.words("entities", "adversary_nouns")
        for c in children(tok):
            if c.dep_ == "amod" and c.lemma_.lower() in BACKER_PARTICIPLES:
                continue   # "the US-brokered agreement", "Iran-backed militias": a third party, not them
            if c.i < tok.i and c.dep_ in MODIFIER_DEPS and not (adversary and c.dep_ == "poss"):
                # every name inside the modifier: "the US-Australia-India-Japan partnership",
                # "Mexican- and Canadian-made vehicles", "the U.S. Senate committee"
                for t in c.subtree:
                    for a in self.at(t):
                        if a not in out:
                            out.append(a)
        if out or depth <= 0:
            return out
        for c in children(tok):
            if c.dep_ == "appos":
                out += [a for a in self.phrase(c, depth - 1) if a not in out]
            elif c.dep_ == "prep" and (c.lower_ in AFFILIATION_PREPS or c.lower_ in PLACE_PREPS
                                       and tok.lemma_.lower() in language.words("entities", "agent_nouns")):
                for g in children(c):
                    if g.dep_ == "pobj":
                        out += [a for a in self.phrase(g, depth - 1) if a not in out]
            elif c.dep_ == "acl" and c.lemma_.lower() in LINKING_PARTICIPLES:
                out += [a for a in self._linked(c, depth) if a not in out]
        return out

    def _linked(self, acl: "Token", depth: int) -> list[str]:
        """What a linking participle ties its noun to ("linked with X", "backed by Y")."""
        out: list[str] = []
        for p in children(acl):
            if p.dep_ in ("prep", "agent"):
                for g in children(p):
                    if g.dep_ == "pobj":
                        out += [a for a in self.phrase(g, depth - 1) if a not in out]
        return out

    # -- countries ------------------------------------------------------------------------------
    def countries(self, ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for i in ids:
            a = self.by_id.get(i)
            if a is None:
                continue
            if a.country:
                out.add(a.country)
            out.update(a.members)
        return out

    def country(self, actor_id: str) -> Optional[str]:
        a = self.by_id.get(actor_id)
        return a.country if a is not None else None
