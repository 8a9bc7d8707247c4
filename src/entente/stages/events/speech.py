"""Events that officials perform by what they say: a statement that condemns a named party is an
ACCUSE, one that tells a named party what it must do a REQUEST, one that praises a SUPPORT
(codebook: "concern or criticism aimed at a named party", "demands, appeals").

Only statements whose speaker is an entity with a political role make events (states, governments,
legislators, militaries, international organisations and their officials); analysts, academics,
former officials and the press get quotes, not events. The words are the lists of
`ontology/data/en/evaluation.yaml`: `negative` (criticism), `positive` (praise), `deontic` (demands).
"""
from __future__ import annotations

import bisect
import functools

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from entente import doc_cache
from entente.doc_cache import children
from entente.ontology import language
from entente.sentences import sentence, window_start
from entente.entities import FORMER_WORDS, PRIVATE_SECTORS, held_no_more, told_plural

from .syntax import subject_token

if TYPE_CHECKING:  # pragma: no cover
    from entente.analysis import Analysis
    from entente.entities import Entities
    from entente.model import Statement

POLITICAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "IGO", "COP", "SPY", "REB", "OPP", "PTY"})
POLITICAL_KINDS = frozenset({"state", "igo", "grouping"})


@dataclass
class SpokenAct:
    type: str            # ACCUSE, REQUEST or SUPPORT
    code: str
    speaker: str         # actor id
    recipients: list[str]
    trigger: object      # the token that decided it
    rule: str
    statement: "Statement"


ALLEGATION_NOUNS = language.words("governors", "allegation_nouns")   # "accusations that …": others' words
DENYING = language.words("governors", "denial")   # "rejected accusations that …"

def political(ent: "Entities", actor_id: Optional[str]) -> bool:
    if not actor_id:
        return False
    a = ent.actor(actor_id)
    if a.kind in POLITICAL_KINDS:
        return True
    if commentator(ent, actor_id):
        return False
    return (a.sector or "") in POLITICAL_SECTORS and bool(a.country)


# Sectors and role words of people whose words are commentary, not acts of state.
COMMENTATOR_SECTORS = PRIVATE_SECTORS | {"NGO", "ELI"}   # private people, NGOs, former officials
COMMENTATOR_ROLES = language.words("entities", "commentator_roles")


def commentator(ent: "Entities", actor_id: str) -> bool:
    """A person whose statements are commentary: analysts, academics, former officials, the press;
    or a countryless body of them ("experts", "analysts")."""
    a = ent.actor(actor_id)
    if a.kind == "group" and not a.country:
        # "experts", "analysts", "critics": a body of commentators of no country
        return bool({w.rstrip("s") for w in a.name.lower().replace("-", " ").split()} & COMMENTATOR_ROLES)
    if a.kind != "person":
        return False
    if (a.sector or "") in COMMENTATOR_SECTORS:
        return True
    return _titled_commentator(a)


# Sectors whose people speak for a state or a body of states, whatever their title's words.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "IGO"})


def _titled_commentator(a, also: frozenset = frozenset()) -> bool:
    """Does the person's title call them an analyst, a professor, an expert … (not an official's,
    nor one of the `also` sectors)?"""
    words = set((a.role or "").lower().replace("-", " ").split())
    return bool(words & COMMENTATOR_ROLES) and (a.sector or "") not in OFFICE_SECTORS | also


def speaker_of(analysis: "Analysis", ent: "Entities", frame) -> tuple[list[str], str]:
    """Who says the words an event frame is in (the subject of its speech verb, else the
    quotation's speaker), and the cue: the speech verb's lemma or "quote"."""
    if frame.speech is not None:
        subj = subject_token(frame.speech)
        return (ent.phrase(subj) if subj is not None else []), frame.speech.lemma_.lower()
    sp = analysis.quoted_by.get(frame.pred.head.i)
    return ([sp] if sp else []), "quote"


# Sectors of people whose account of events is commentary (academics, former officials).
ANALYST_SECTORS = frozenset({"EDU", "ELI"})


def analyst(ent: "Entities", actor_id: Optional[str]) -> bool:
    """A speaker whose words are analysis, not a report of what happened: an academic, a former
    official, an analyst or expert, or a countryless body of them (codebook: quotes, not events)."""
    if not actor_id:
        return False
    a = ent.actor(actor_id)
    if a.kind == "group":
        return commentator(ent, actor_id)
    if a.kind != "person":
        return False
    words = (a.role or "").lower().replace("-", " ").split()
    if (a.sector or "") in ANALYST_SECTORS or words and words[0] in FORMER_WORDS:
        return True   # "a former defense minister": the story's own title for them says so
    return _titled_commentator(a, also=REPORTING_SECTORS)


# ... whose accounts are reports, not analysis, whatever their title ("NGO director", "bureau chief").
REPORTING_SECTORS = frozenset({"NGO", "MED"})


def former(ent: "Entities", actor_id: Optional[str]) -> bool:
    """Does every role the story gives the person say the office was held ("former deputy
    secretary of state"; a prime minister who is a former defence minister holds an office)?"""
    a = ent.actor(actor_id) if actor_id else None
    if a is None or a.kind != "person":
        return False
    titles = [a.role or ""] + [r.title or "" for r in a.roles]
    return held_no_more(titles[0]) and all(held_no_more(t) for t in titles if t)


NAMING_CUES = language.words("evaluation", "judging_cues")


def _named_object(doc, st: "Statement"):
    """The object of a naming cue ("called Ford's comments 'egregious'"): what the quote judges."""
    if not st.cue:
        return None
    i = max(0, min(len(doc) - 1, _token_at(doc, st.start)))
    sent = sentence(doc[i])
    words, lemmas = doc_cache.texts(doc), doc_cache.lemma_lowers(doc)   # cached: no Token per word
    for j in range(sent.start, sent.end):
        if words[j] == st.cue and lemmas[j] in NAMING_CUES:
            objs = [c for c in doc_cache.tokens(doc)[j].children if c.dep_ in ("dobj", "obj")]
            return objs[0] if objs else None
    return None


def _token_at(doc, char: int) -> int:
    """The first token starting at or after `char` (len(doc) if none), by the cached offsets."""
    return bisect.bisect_left(doc_cache.token_starts(doc), char)


def _own_state(ent: "Entities", a: str, mine: set) -> bool:
    """The speaker's own state (a statement does not criticise or praise its own country); people
    and bodies of the same country stay parties ("President Trump is right")."""
    act = ent.actor(a)
    cs = ent.countries([a])
    if act.kind in ("person", "organization", "group"):
        return False
    return bool(cs) and cs <= mine


def _lemmas(tokens) -> list[str]:
    """The tokens' lower-case lemmas, from the per-Doc array (no string look-up per token)."""
    if not tokens:
        return []
    lemmas = doc_cache.lemma_lowers(tokens[0].doc)
    return [lemmas[t.i] for t in tokens]


def _find(seq: list[str], phrases) -> Optional[int]:
    """Where the first of the phrases (lemma tuples, longest first) starts in seq, or None."""
    by_first = _by_first(phrases)
    for i, w in enumerate(seq):
        for p in by_first.get(w, ()):
            if tuple(seq[i:i + len(p)]) == p:
                return i
    return None


@functools.lru_cache(maxsize=None)
def _by_first(phrases: tuple) -> dict:
    out: dict = {}
    for p in phrases:
        if p:
            out.setdefault(p[0], []).append(p)
    return out


def acts(analysis: "Analysis", ent: "Entities", statements: list["Statement"],
         content: dict[str, list[int]]) -> list[SpokenAct]:
    """ACCUSE / REQUEST / SUPPORT acts of the story's statements."""
    doc = analysis.doc
    neg, pos = language.phrases("evaluation", "negative"), language.phrases("evaluation", "positive")
    deon = language.phrases("evaluation", "deontic")
    out: list[SpokenAct] = []
    all_toks = doc_cache.tokens(doc)   # the statements' words by index, without a new Token each
    for st in statements:
        if not political(ent, st.speaker) or former(ent, st.speaker):
            continue   # a former official's words are commentary (codebook); what they do is still told
        toks = [all_toks[i] for i in content.get(st.id or "", [])]
        if not toks:
            continue
        mine = ent.countries([st.speaker])
        parties = []
        named = _named_object(doc, st)
        if named is not None:
            if named.lemma_.lower() in language.words("governors", "allegation_nouns") and \
                    _find(_lemmas(toks), language.phrases("evaluation", "falsity")) is not None:
                continue   # "called Pakistan's assertions 'baseless'": a denial, no event (but calling
                # someone's comments "insulting" is criticism of them)
            parties += [a for a in ent.phrase(named) if a != st.speaker]
        domestic = []
        for t in toks:
            for a in ent.at(t):
                if a == st.speaker or a in parties or a in domestic:
                    continue
                cs = ent.countries([a])
                if cs and cs <= mine:
                    if ent.actor(a).kind in ("person", "organization", "group"):
                        domestic.append(a)   # "President Trump is right": praise at home
                else:
                    parties.append(a)
        seq = _lemmas(toks)
        k = _find(seq, deon)
        they = _unresolved_they(ent, toks[k]) if k is not None else None
        told = _told_before(ent, doc, toks, mine) if they is not None and not (parties or domestic) else []
        parties = parties or domestic or told
        if not parties:
            continue
        if k is not None and _minded(toks[k]):
            k = None   # "Lima must understand that …": a warning about what to think, no act asked
        if k is not None:
            target = _subject_party(ent, toks[k], parties) or told or (
                _acting_state(ent, toks, they) if they is not None else [])
            if target:
                out.append(SpokenAct("REQUEST", "100", st.speaker, target, toks[k],
                                     f"speech:deontic+{toks[k].lemma_.lower()}", st))
        k = _find(seq, neg)
        if k is not None and (_unreal(toks[k]) or _denied(toks[k]) or _others(toks[k]) or _label(toks[k])
                              or _alleged(toks[k])):
            k = None   # "a trade war would do us more harm": a prediction, not a charge; "no reason to
            # be concerned": no charge
        if k is not None:
            out.append(SpokenAct("ACCUSE", "111", st.speaker, _target(ent, toks[k], parties), toks[k],
                                 f"speech:negative+{toks[k].lemma_.lower()}", st))
        elif (k := _find(seq, pos)) is not None and (judged := _praised(ent, toks[k], parties)):
            # praise names whom it praises: "it is a positive step" judges a step, no party
            out.append(SpokenAct("SUPPORT", "051", st.speaker, judged, toks[k],
                                 f"speech:positive+{toks[k].lemma_.lower()}", st))
    return out


def _unresolved_they(ent: "Entities", tok):
    """The "they" a deontic word binds when coreference left it unresolved ("they need to …"), else None."""
    v = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    subj = next((c for c in children(v) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and told_plural(subj) is not None:
        return None   # "told national governments that they should …": the ones told, no state
    return subj if subj is not None and subj.lower_ == "they" and not ent.at(subj) else None


def _told_before(ent: "Entities", doc, toks, mine: set) -> list[str]:
    """The state of another country the story told last before the statement (two sentences back),
    preferring one told as doing something ("Bolivia seized two trucks": Bolivia)."""
    earliest = window_start(toks[0], 2)
    found = [(t, a) for t in reversed(doc[earliest:toks[0].i]) for a in ent.at(t)
             if ent.actor(a).kind == "state" and not ent.countries([a]) & mine]
    subjects = [a for t, a in found if t.dep_ in ("nsubj", "nsubjpass")]
    return subjects[:1] or [a for _t, a in found][:1]


def _acting_state(ent: "Entities", toks, they) -> list[str]:
    """'There is room for Peru to return to the talks … they need to drop the tariffs': the one state the
    statement makes the subject of an act before its "they"."""
    states = {a for t in toks if t.dep_ in ("nsubj", "nsubjpass") and t.i < they.i
              for a in ent.at(t) if ent.actor(a).kind == "state"}
    return sorted(states) if len(states) == 1 else []


FIRST_PERSON_OWNERS = frozenset({"my", "our"})
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})


def _minded(tok) -> bool:
    """Does the deontic word bind a verb of the mind ("must understand", "should know")?"""
    v = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    return v.lemma_.lower() in language.words("speech", "cognition")


def _others(tok) -> bool:
    """Is the word a noun owned by someone other than the speaker ("Trump's concerns remain", "their
    fears")? It tells their state of mind, not the speaker's judgement ("our concerns" is the speaker's)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in language.words("speech", "mental_state_nouns") and any(
        c.dep_ == "poss" and c.lower_ not in FIRST_PERSON_OWNERS for c in children(tok))



def _alleged(tok) -> bool:
    """Is the word inside what an allegation the speaker denies says ("rejected accusations that the
    trial is unfair")? Those are the accusers' words ("reiterated the claim that …" stays theirs)."""
    x = tok
    for _ in range(6):
        n = x.head
        if x.dep_ in ("acl", "ccomp", "relcl") and n.pos_ == "NOUN" and n.lemma_.lower() in ALLEGATION_NOUNS:
            return n.head.lemma_.lower() in DENYING
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def _label(tok) -> bool:
    """Is the word a label on a name ("suspected smuggler Jon Ruiz", "the militant group
    Al-Shabab", "killed 33 BLA terrorists")? It describes whom the story means; it is no
    judgement of the speaker's."""
    if tok.pos_ != "NOUN":
        return False
    return tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "PROPN" or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" or c.dep_ == "compound" and c.text[:1].isupper() for c in children(tok))


def _denied(tok) -> bool:
    """Is the word under a negation ("not concerned", "no reason to be concerned")?"""
    x = tok
    for _ in range(4):
        if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in children(x)):
            return True
        if x.head.i == x.i:
            break
        x = x.head
    return False


def _unreal(tok) -> bool:
    """Is the word in a would/could/might clause or a condition?"""
    x, hops = tok, 0
    while hops < 4:
        if any(c.dep_ == "aux" and c.lower_ in language.words("speech", "unreal_modals") for c in children(x)):
            return True
        if any(c.dep_ == "mark" and c.lower_ in language.words("speech", "unreal_marks") for c in children(x)):
            return True
        if x.head.i == x.i or x.pos_ == "VERB" and x.dep_ in ("ROOT", "ccomp"):
            break
        x, hops = x.head, hops + 1
    return False


def _praised(ent: "Entities", tok, parties: list[str]) -> list[str]:
    """The party a word of praise is said of, by the parse alone ("Japan has been a great friend",
    "the strength of the Kenya-Uganda partnership"); none when it judges a thing ("a positive step
    for Kenya", "this is a positive thing"): praise names whom it praises. "Great to see my friend
    X", "good to work with Japan": the one the praised act is done with."""
    holders = [tok] + ([tok.head] if tok.dep_ == "acomp" else [])
    for v in [c for h in holders for c in children(h) if c.dep_ == "xcomp"]:
        if found := _named_in(ent, v, parties):
            return found
    found = _judged(ent, tok, parties, depth=0)
    if found or tok.dep_ != "acomp":
        return found
    # "our partnership with Japan has been fruitful": a party anywhere in the subject praised
    subjects = [c for c in children(tok.head) if c.dep_ in ("nsubj", "nsubjpass")]
    return next((found for c in subjects if (found := _named_in(ent, c, parties))), [])


def _named_in(ent: "Entities", head, parties: list[str]) -> list[str]:
    """The parties the phrase under `head` mentions, in order, once each."""
    return list(dict.fromkeys(a for t in head.subtree for a in ent.at(t) if a in parties))


def _target(ent: "Entities", tok, parties: list[str]) -> list[str]:
    """Whom an evaluative word judges (`_judged`), else the first party the statement names."""
    return _judged(ent, tok, parties, depth=1) or parties[:1]


def _judged(ent: "Entities", tok, parties: list[str], depth: int) -> list[str]:
    """The party nearest to an evaluative word in the parse: the noun it describes and what that
    noun is "of", or the subject of its clause ("Putin is the aggressor", "Israel's heinous
    attacks"); `depth` says how far into a noun's own phrase to look."""
    for p in children(tok):   # "the strength of the US-Australia-India-Japan partnership"
        if p.dep_ == "prep" and p.lower_ == "of":
            found = [a for g in children(p) if g.dep_ == "pobj" for a in ent.phrase(g, depth=1) if a in parties]
            if found:
                return found
    x, hops = tok, 0
    while hops < 4:
        for c in [x] + list(children(x)):
            if c.dep_ in ("nsubj", "nsubjpass", "poss", "attr") or c.i == x.i:
                found = [a for a in ent.phrase(c, depth=depth) if a in parties]
                if found:
                    return found
        if x.head.i == x.i:
            break
        x, hops = x.head, hops + 1
    return []


def _subject_party(ent: "Entities", tok, parties: list[str]) -> list[str]:
    """The party a deontic word binds: the subject of its clause ("Islamabad must address"), or
    the party after "for"/"on" ("it is now for Russia to accept")."""
    v = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    for c in children(v):
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON_SUBJECTS:
            return []   # "we must stay united", "I should say": the speaker binds itself, asks no one
        if c.dep_ in ("nsubj", "nsubjpass"):
            found = [a for a in ent.phrase(c, depth=0) if a in parties]
            if found:
                return found
    if tok.dep_ in ("nsubj", "expl") and tok.head.i != tok.i:
        v = tok.head   # "It is now for Russia to …": the clause the phrase opens
    for t in list(v.subtree)[:12]:
        of_prep = t.dep_ == "pobj" and t.head.lower_ in language.words("speech", "deontic_party_preps")
        # the parse may read "for Russia to accept" as a subordinate clause with Russia its subject
        for_clause = t.dep_ == "nsubj" and any(m.dep_ == "mark" and m.lower_ == "for" for m in children(t.head))
        if of_prep or for_clause:
            found = [a for a in ent.phrase(t) if a in parties]
            if found:
                return found
    return []
