"""Who is speaking: the subject of a cue, its noun phrase, its actor.

General rules:
- the subject of the cue verb, or of the verb it hangs from when it has none
  (“…, saying …”, “Describing X as …, he …”, “… and added …”);
- a relative pronoun subject (“Smith, who said …”) is the noun it refers to;
- a document as subject (“the readout said”, “a statement from the ministry”)
  is replaced by its issuer when the phrase names one (“issued by …”, “the
  ministry's statement”, “a State Department statement”);
- the actor is the one the actors stage linked to the phrase's head token, else
  to any token of the phrase.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from entente.stages.statements import lexicon

SUBJ = {"nsubj", "csubj", "expl"}
RELPRON = {"who", "that", "which", "whom"}
PRON_SPEAKERS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"}
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


def subject_token(verb, depth: int = 0):
    """The token naming who performs `verb` (a speech act), or None."""
    if depth > 6:
        return None
    for c in verb.children:
        if c.dep_ in SUBJ and c.dep_ != "expl":
            if c.lower_ in RELPRON and verb.dep_ == "relcl":
                return verb.head
            return c
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            for a in verb.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            return p
            if verb.lemma_ in ("quote", "cite"):
                return c
            return None
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and verb.head is not verb:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head if verb.tag_ == "VBG" else None
        return subject_token(verb.head, depth + 1)
    if verb.dep_ == "pobj" or (verb.dep_ == "pcomp"):
        return subject_token(verb.head.head, depth + 1) if verb.head.head is not verb.head else None
    return None


QUOTE_MARKS = {'"', "“", "”", "''", "``", "‘", "’", "«", "»"}


def phrase_range(head, in_quote=None) -> tuple[int, int]:
    """Token range of the noun phrase headed by `head`, relative clauses cut off,
    never reaching into a quotation."""
    left = head.left_edge.i
    right = head.right_edge.i
    for c in head.children:
        if c.dep_ in CUT_DEPS and c.i > head.i:
            right = min(right, c.left_edge.i - 1)
    doc = head.doc
    if in_quote is not None:
        for j in range(head.i - 1, left - 1, -1):
            if in_quote(doc[j].idx) or doc[j].text in QUOTE_MARKS:
                left = j + 1
                break
        for j in range(head.i + 1, right + 1):
            if in_quote(doc[j].idx) or doc[j].text in QUOTE_MARKS:
                right = j - 1
                break
    def _drop_right(t):
        if t.text == ")" and any(doc[k].text == "(" for k in range(left, t.i)):
            return False
        return t.is_punct or t.is_space or t.lower_ in ("who", "which", "that")
    while right > head.i and _drop_right(doc[right]):
        right -= 1
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left, right + 1


def _issuer(head):
    """For a document noun, the token naming who issued it, or None."""
    for c in head.children:
        if c.dep_ == "poss":
            return c
    for c in head.children:
        if c.dep_ in ("acl", "relcl"):
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            return p
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    comps = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if comps:
        return comps[-1]
    return None


def document_label(head) -> Optional[str]:
    ch = lexicon.channels()
    lem = head.lemma_.lower()
    if lem not in ch["issuer_documents"] and head.lower_ not in ch["issuer_documents"]:
        return None
    for c in head.children:
        if c.dep_ in ("amod", "compound") and (c.lower_, head.lower_) in ch["phrases"]:
            return ch["phrases"][(c.lower_, head.lower_)][1]
    got = ch["phrases"].get((head.lower_,)) or ch["phrases"].get((lem,))
    return got[1] if got else lem


def resolve(analysis, token, in_quote=None) -> Optional[Speaker]:
    if token is None:
        return None
    if in_quote is None:
        in_quote = analysis.notes.get("statements", {}).get("_in_quote")
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
    span = doc[s:e]
    actor = None
    ids = analysis.token_actors.get(token.i) or []
    if ids:
        actor = ids[0]
    else:
        found = analysis.actors_in(span)
        if found:
            actor = found[0].id
    return Speaker(head=token, start=s, end=e, text=span.text, actor=actor, document=document,
                   is_pronoun=token.pos_ == "PRON" or token.lower_ in PRON_SPEAKERS)
