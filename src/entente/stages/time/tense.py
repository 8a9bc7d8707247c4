"""The tense of the verb that governs a time expression ("met on Tuesday" -> past)."""
from __future__ import annotations

from typing import Optional

from entente.ontology import language

_VERBAL = {"VERB", "AUX"}


def _words(key: str) -> frozenset[str]:
    return language.words("time", key)


def governing_verb(span) -> Optional[object]:
    """The nearest verb above the expression in the parse (the expression's own head chain)."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in _VERBAL and not (span.start <= tok.i < span.end):
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok if tok.pos_ in _VERBAL and not (span.start <= tok.i < span.end) else None


def verb_tense(verb, depth: int = 0) -> Optional[str]:
    """past | future | present | later (after a past main clause) | None for a verb token."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _words("future_auxiliaries"):
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (verb.lemma_ == "go" and verb.tag_ == "VBG"
                                                    and any(c.dep_ == "xcomp" for c in verb.children)):
        return "future"
    if words & _words("modals") and (
            verb.tag_ == "VB" or verb.tag_ in ("VBN", "VBG") and words & {"be", "been", "have"}):
        if any(a.lower_ == "have" for a in auxes):
            return "past"
        if words & _words("conditional_modals"):
            # reported future ("said … would be shut down in the autumn"): after the saying, which is recent
            if verb.dep_ == "ccomp" and verb.head.lemma_ in language.words("speech", "speech") \
                    and verb.head.pos_ in _VERBAL:
                return "later"
            return None  # future in the past, or hypothetical: no direction against publication
        return "future"
    infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) and (
        verb.tag_ == "VB" or verb.tag_ in ("VBN", "VBG") and words & {"be", "being"} and not words & {"have"})
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and infinitive:
        head = verb.head
        if any(a.lower_ == "have" for a in auxes):
            return "past"  # "is believed to have met in May"
        future_heads = _words("future_heads")
        if head.lemma_ in future_heads or head.lower_ in future_heads or head.lemma_ == "be" and head.tag_ in (
                "VBZ", "VBP"):
            return "future"  # "plans to", "is to be shut down"
        if depth < 3 and head.pos_ in _VERBAL:
            t = verb_tense(head, depth + 1)
            if t in ("present", "future"):
                return "future"
            if t == "past" and head.lemma_ not in _words("same_time_heads") and verb.dep_ == "xcomp":
                return "later"  # "agreed to hold talks on Feb. 24": after the (recent, past) agreement
            return t
        return None
    if verb.lemma_ in _words("scheduling_verbs") and verb.tag_ == "VBN" \
            and not words & {"was", "were", "had", "has", "have"}:
        if words & {"is", "are", "'s", "'re", "be", "been"} or verb.dep_ in ("acl", "amod"):
            return "future"
    tag = verb.tag_
    if tag == "VBD":
        return "past"
    if tag == "VBN":
        if words & {"is", "are", "am", "'re"} and not words & _words("past_auxiliaries"):
            return "present"
        return "past"
    if tag == "VBG":
        if words & {"was", "were"}:
            return "past"
        if words & {"is", "are", "am", "'s", "'re"}:
            return "future"
        return None
    if tag in ("VBZ", "VBP"):
        if verb.lemma_ == "have" and any(c.dep_ == "xcomp" for c in verb.children):
            return "present"
        return "present"
    if tag == "VB" and depth < 3 and verb.head.i != verb.i and verb.head.pos_ in _VERBAL:
        return verb_tense(verb.head, depth + 1)
    return None
