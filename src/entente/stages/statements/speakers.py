"""Who is speaking: the subject of a cue, its noun phrase, its actor.

General rules:
- the subject of the cue verb, or of the verb it hangs from when it has none
  (“…, saying …”, “Describing X as …, he …”, “… and added …”);
- a relative pronoun subject (“Smith, who said …”) is the noun it refers to;
- a document as subject (“the readout said”, “a statement from the ministry”)
  is replaced by its issuer when the phrase names one (“issued by …”, “the
  ministry's statement”, “a State Department statement”);
- the actor is the one the actors stage linked to the phrase's head token, else
  to any token of the phrase;
- a definite description of a person with no named actor ("the president said",
  "the Chilean minister told reporters") is the most recent person of the last few
  sentences whose title has that head noun (country adjective agreeing).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from entente import doc_cache
from entente.doc_cache import children
from entente.ontology import language
from entente.stages.statements import lexicon

SUBJ = {"nsubj", "csubj", "expl"}
RELPRON = language.words("statements", "relative_pronouns")
PRON_SPEAKERS = language.words("statements", "speaker_pronouns")
PLURAL_PRON = language.words("statements", "plural_speakers")
PASSIVE_SOURCE_CUES = language.words("statements", "passive_source_cues")
TITLE_HEAD_ENDS = language.words("statements", "title_head_ends")
ISSUER_PREPS = language.words("roles", "agent_preps")  # "a statement from the ministry", "issued by …"
# entity labels of a person or a body (a name that can speak)
AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
CUT_DEPS = {"relcl", "acl"}


@dataclass
class Speaker:
    head: object  # spaCy Token
    start: int    # token range
    end: int
    text: str
    actor: Optional[str] = None
    document: Optional[str] = None  # channel label when the subject was a document
    is_pronoun: bool = False
    actors: list = field(default_factory=list)  # all speaker actors (a joint statement has several)


def subject_token(verb, depth: int = 0):
    """The token naming who performs `verb` (a speech act), or None."""
    if depth > 6:
        return None
    # the subject nearest the verb: a quotation parsed into the sentence may give the verb a
    # second subject from inside it ('"Two items … are no big deal," he said')
    subjects = [c for c in children(verb) if c.dep_ in SUBJ and c.dep_ != "expl"]
    if subjects:
        c = min(subjects, key=lambda c: abs(c.i - verb.i))
        if c.lower_ in RELPRON and verb.dep_ == "relcl":
            return verb.head
        return c
    for c in children(verb):
        if c.dep_ == "nsubjpass":
            for a in children(verb):
                if a.dep_ == "agent":
                    for p in children(a):
                        if p.dep_ == "pobj":
                            return p
            if verb.lemma_ in PASSIVE_SOURCE_CUES:
                return c
            return None
    for c in children(verb):
        if c.dep_ == "agent":
            for p in children(c):
                if p.dep_ == "pobj":
                    return p
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and verb.head is not verb:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "officials saying …"; a finite past tense read as a modifier ("Jo Roe, head of X,
            # called …") is a parse slip: the noun is its subject
            return verb.head if verb.tag_ in ("VBG", "VBD") else None
        if verb.dep_ == "pcomp" and verb.head.pos_ in ("ADP", "SCONJ") and verb.head.head is not verb.head:
            # "While noting …, Okafor expressed …": past the subordinator to its verb
            return subject_token(verb.head.head, depth + 1)
        return subject_token(verb.head, depth + 1)
    if verb.dep_ == "pobj" or (verb.dep_ == "pcomp"):
        return subject_token(verb.head.head, depth + 1) if verb.head.head is not verb.head else None
    return _inverted_subject(verb) or _name_before(verb)


NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT", "ADP", "NUM"})


def _name_before(verb):
    """'“…,” Guterres’ spokesman, Jo Roe, told reporters': the parse left the verb without a
    subject (it hung the description inside the quotation); the name between the quotation and
    the verb is the speaker."""
    doc = verb.doc
    for k in range(verb.i - 1, max(-1, verb.i - 12), -1):
        t = doc[k]
        if t.text in QUOTE_MARKS and k < verb.i - 1:
            name = next((x for x in reversed(doc[k + 1:verb.i]) if x.pos_ in ("PROPN", "NOUN")), None)
            return name
        if t.pos_ not in NAME_POS:
            return None
    return None


def _inverted_subject(verb):
    """'"…," said lecturer Jo Roe of …': after a quotation, the name that follows the speech verb
    (the parse may hang it elsewhere)."""
    doc = verb.doc
    if verb.i < 1 or not any(doc[verb.i - k].text in QUOTE_MARKS or doc[verb.i - k].text == ","
                             for k in (1, 2) if verb.i - k >= 0):
        return None
    for t in doc[verb.i + 1:min(len(doc), verb.i + 9)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return None
        if t.pos_ == "PROPN" and (t.i + 1 >= len(doc) or doc[t.i + 1].pos_ != "PROPN"):
            return t   # the end of the first name after the verb
    return None


QUOTE_MARKS = {'"', "“", "”", "''", "``", "‘", "’", "«", "»"}


def phrase_range(head, in_quote=None) -> tuple[int, int]:
    """Token range of the noun phrase headed by `head`, relative clauses cut off,
    never reaching into a quotation."""
    left = head.left_edge.i
    right = head.right_edge.i
    for c in children(head):
        if c.dep_ in CUT_DEPS and c.i > head.i:
            right = min(right, c.left_edge.i - 1)
    doc = head.doc
    # the Doc's cached Tokens, offsets and texts: no new Token per word looked at
    toks, starts, words = doc_cache.tokens(doc), doc_cache.token_starts(doc), doc_cache.texts(doc)
    if in_quote is not None:
        for j in range(head.i - 1, left - 1, -1):
            if in_quote(starts[j]) or words[j] in QUOTE_MARKS:
                left = j + 1
                break
        for j in range(head.i + 1, right + 1):
            if in_quote(starts[j]) or words[j] in QUOTE_MARKS:
                right = j - 1
                break
    def _drop_right(t):
        if t.text == ")" and any(words[k] == "(" for k in range(left, t.i)):
            return False
        return t.is_punct or t.is_space or t.lower_ in RELPRON
    while right > head.i and _drop_right(toks[right]):
        right -= 1
    while left < head.i and (toks[left].is_punct or toks[left].is_space):
        left += 1
    return left, right + 1


def _issuer(head):
    """For a document noun, the token naming who issued it, or None."""
    for c in children(head):
        if c.dep_ == "poss":
            return c
    for c in children(head):
        if c.dep_ in ("acl", "relcl"):
            for a in children(c):
                if a.dep_ == "agent":
                    for p in children(a):
                        if p.dep_ == "pobj":
                            return p
        if c.dep_ == "prep" and c.lower_ in ISSUER_PREPS:
            for p in children(c):
                if p.dep_ == "pobj":
                    return p
    comps = [c for c in children(head) if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if comps:
        return comps[-1]
    return None


def document_label(head) -> Optional[str]:
    ch = lexicon.channels()
    lem = head.lemma_.lower()
    if lem not in ch["issuer_documents"] and head.lower_ not in ch["issuer_documents"]:
        return None
    for c in children(head):
        if c.dep_ in ("amod", "compound") and (c.lower_, head.lower_) in ch["phrases"]:
            return ch["phrases"][(c.lower_, head.lower_)][1]
    got = ch["phrases"].get((head.lower_,)) or ch["phrases"].get((lem,))
    return got[1] if got else lem


CORE_DEPS = {"compound", "flat", "appos", "punct", "amod", "nmod", "nn"}
KIND_RANK_CORE = {"person": 0, "organization": 1, "igo": 1, "group": 1, "grouping": 2, "state": 3, "other": 4}
KIND_RANK_OUTER = {"organization": 0, "igo": 0, "group": 0, "person": 1, "grouping": 2, "state": 3, "other": 4}


def _members(head) -> list:
    """The heads of a coordinated subject ("Okafor and Lindqvist", "the US, Japan
    and India"): the head and its conjuncts."""
    out = [head]
    todo = [head]
    while todo:
        h = todo.pop()
        for c in children(h):
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON") and c not in out:
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _core(head, lo: int, hi: int) -> set[int]:
    """The head's own words: the head and its compound/flat/apposition chain
    ("Central Bank Governor Ana Duarte", "Lai Ching-te"), not
    a possessor or a prepositional phrase ("Taiwan's", "for the ministry")."""
    core = {head.i}
    todo = [head]
    while todo:
        h = todo.pop()
        for c in children(h):
            if c.dep_ in CORE_DEPS and lo <= c.i < hi and c.i not in core:
                core.add(c.i)
                todo.append(c)
    return core


def _plural(head) -> bool:
    if head.lower_ in PLURAL_PRON:
        return True
    return head.tag_ in ("NNS", "NNPS") and head.pos_ != "PROPN"


def _pick(analysis, tokens, rank) -> Optional[str]:
    best = None
    for pos, t in enumerate(tokens):
        for a in analysis.token_actors.get(t.i, []):
            kind = analysis.actor(a).kind
            key = (rank.get(kind, 5), -pos)  # the preferred kind; nearest the head
            if best is None or key < best[0]:
                best = (key, a)
    return best[1] if best else None


def _member_actors(analysis, head, lo: int, hi: int) -> list[str]:
    ids = analysis.token_actors.get(head.i) or []
    if len(ids) > 1 and _plural(head):
        return list(ids)  # "they", "the two leaders": the actors stage linked the group
    core = _core(head, lo, hi)
    # the head's own words, nearest the head first
    toks = doc_cache.tokens(head.doc)
    core_toks = sorted((toks[i] for i in core), key=lambda t: abs(t.i - head.i))
    got = _pick(analysis, core_toks, KIND_RANK_CORE)
    if got:
        return [got]
    outer = [toks[i] for i in range(lo, hi) if i not in core]
    got = _pick(analysis, outer, KIND_RANK_OUTER)
    return [got] if got else []


def _role_heads(act) -> set[str]:
    """The head nouns of an actor's titles: "Foreign Minister" -> minister,
    "Secretary of State" -> secretary, "Principal Deputy Spokesperson" -> spokesperson."""
    out = set()
    titles = [act.role] + [r.title for r in (act.roles or [])]
    for t in titles:
        if not t:
            continue
        core = t.lower()
        for sep in [f" {w} " for w in sorted(TITLE_HEAD_ENDS)] + [","]:
            core = core.split(sep)[0]
        words = core.split()
        if words:
            out.add(words[-1].rstrip("s") if len(words[-1]) > 3 else words[-1])
    return out


def _role_words(act) -> set[str]:
    titles = [act.role] + [r.title for r in (act.roles or [])]
    return {w.lower().strip(",.") for t in titles if t for w in t.replace("-", " ").split()}


def resolve(analysis, token, in_quote=None) -> Optional[Speaker]:
    if token is None:
        return None
    doc = analysis.doc
    document = document_label(token)
    if document is not None:
        issuer = _issuer(token)
        if issuer is not None:
            sp = resolve(analysis, issuer, in_quote)
            if sp is not None:
                sp.document = document
                return sp
    s, e = phrase_range(token, in_quote)
    members = _members(token)
    actors: list[str] = []
    if len(members) > 1:
        # each conjunct's own words: from the end of the previous one to its right edge
        bounds = []
        for k, m in enumerate(members):
            lo = s if k == 0 else members[k - 1].i + 1
            hi = members[k + 1].i if k + 1 < len(members) else e
            # stop a conjunct at the next conjunction or comma
            for j in range(m.i + 1, hi):
                if doc[j].dep_ == "cc" or doc[j].text == ",":
                    hi = j
                    break
            bounds.append((m, lo, hi))
        for m, lo, hi in bounds:
            for a in _member_actors(analysis, m, lo, hi):
                if a not in actors:
                    actors.append(a)
    else:
        actors = _member_actors(analysis, token, s, e)
    actor = actors[0] if actors else None
    return Speaker(head=token, start=s, end=e, text=doc_cache.span_text(doc, s, e), actor=actor, document=document,
                   is_pronoun=token.pos_ == "PRON" or token.lower_ in PRON_SPEAKERS, actors=actors)
