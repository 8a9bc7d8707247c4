"""How a time expression and an event trigger sit in the parse: clause heads, finite clauses between
them, tense and aspect of the event's clause. The words read are `time.yaml` and `speech.yaml`.
"""
from __future__ import annotations

from entente import doc_cache
from entente.analysis import Analysis
from entente.ontology import language
from entente.sentences import sentence

VERBAL = frozenset({"VERB", "AUX"})
_NP_MOD_DEPS = frozenset({"compound", "nummod", "amod", "poss", "nmod", "det", "quantmod"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"})

# How strongly a time expression is tied to an event (`relate`), strongest first.
ATTACHED, SAME_CLAUSE, NONFINITE, SENTENCE, OTHER_CLAUSE = 5, 4, 3, 2, 1


def _words(key: str) -> frozenset[str]:
    return language.words("time", key)


def clause_head(tok):
    """The nearest verb at or above a token (the head of its clause)."""
    t = tok
    for _ in range(12):
        if t.pos_ in VERBAL:
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def ancestors(tok, limit: int = 16):
    t = tok
    for _ in range(limit):
        if t.head.i == t.i:
            return
        t = t.head
        yield t


def is_finite(verb) -> bool:
    if verb.tag_ in _FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)


def finite_clause_between(low, high, allow_present: bool = False) -> bool:
    """Does the path from `low` up to its ancestor `high` enter a finite clause of its own? With
    `allow_present`, simple-present clauses do not count ("said on Friday it *rejects* …": the saying
    is the event's time)."""
    t = low
    for _ in range(16):
        if t.i == high.i or t.head.i == t.i:
            return False
        if t.pos_ in VERBAL and t.dep_ in _CLAUSE_DEPS and is_finite(t):
            if not (allow_present and simple_present(t)):
                return True
        t = t.head
    return False


def simple_present(verb) -> bool:
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def order_word_between(low, high) -> bool:
    """Does the path from the event up to the dated clause pass through 'after', 'before', …?"""
    order = _words("order_words")
    t = low
    for _ in range(16):
        if t.i == high.i or t.head.i == t.i:
            return False
        if t.lower_ in order or any(c.dep_ in ("mark", "prep") and c.lower_ in order
                                    for c in t.children if c.i < t.i and c.head.i == t.i and t.pos_ in VERBAL):
            return True
        t = t.head
    return False


def timex_tokens(analysis: Analysis, sent) -> dict[int, list[int]]:
    """Index of each time expression in the sentence -> its token indices."""
    out: dict[int, list[int]] = {}
    for i in range(sent.start, sent.end):   # indices only: no Token object per word
        k = analysis.token_timex.get(i)
        if k is not None:
            out.setdefault(k, []).append(i)
    return out


def relate(doc, trigger, toks: list[int]) -> tuple[int, str]:
    """How strongly the time expression on tokens `toks` is tied to the trigger, and how (for the reason)."""
    span = doc[min(toks):max(toks) + 1]
    if span.start <= trigger.i < span.end:
        return ATTACHED, "contains the trigger"
    root = span.root
    # 1. hangs from the trigger, through prepositions and noun modifiers only
    t = root
    for _ in range(6):
        if t.head.i == t.i:
            break
        t = t.head
        if t.i == trigger.i:
            return ATTACHED, "attached to the trigger"
        if t.pos_ in VERBAL or t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("pobj",):
            break
    # a modifier of some other noun ("the 2025 agreement"): not the event's date -- unless that noun is
    # the occasion of a clause ("responded in a Jan. 23 press briefing"): then it dates that clause
    occasion = ""
    if root.dep_ in _NP_MOD_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != trigger.i:
        occ = root.head
        if occ.lemma_.lower() in _words("occasion_nouns") and occ.dep_ == "pobj" \
                and occ.head.lower_ in ("in", "at", "during") and occ.head.head.pos_ in VERBAL:
            root, occasion = occ.head, f" (the date of the {occ.lemma_.lower()})"
        else:
            return 0, "modifies another noun"
    timex_clause = clause_head(root.head if root.head.i != root.i else root)
    trigger_clause = clause_head(trigger)
    if timex_clause.i == trigger_clause.i:
        return SAME_CLAUSE, f"in the clause of '{trigger_clause.text}'{occasion}"
    if timex_clause.i in {t.i for t in ancestors(trigger)}:
        if order_word_between(trigger, timex_clause):
            return OTHER_CLAUSE, f"in the clause of '{timex_clause.text}', ordered against the event ('after', 'before')"
        if finite_clause_between(trigger, timex_clause):
            if timex_clause.lemma_ in language.words("speech", "speech") and is_past(timex_clause) \
                    and not finite_clause_between(trigger, timex_clause, allow_present=True):
                return NONFINITE, (f"in the clause of '{timex_clause.text}'{occasion}, whose simple-present "
                                   f"complement the saying dates")
            return OTHER_CLAUSE, f"in the clause of '{timex_clause.text}', above the event's own finite clause"
        return NONFINITE, f"in the clause of '{timex_clause.text}'{occasion}, which governs the event"
    if trigger_clause.i in {t.i for t in ancestors(timex_clause)}:
        return OTHER_CLAUSE, f"in a clause below the event's ('{timex_clause.text}')"
    return SENTENCE, "elsewhere in the sentence"


def future_event(trigger) -> bool:
    """The event's own clause looks ahead: "will withdraw", "are likely to be seized on", "is expected to
    meet" -- the future marked on the event's own verb, not a governing verb with a subject of its own
    ("Pakistan expects the government to deny …" is a demand made when it was said)."""
    head = clause_head(trigger)
    if head.pos_ not in VERBAL:
        return False
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _words("future_auxiliaries"):
        return True
    if "to" in auxes and head.dep_ == "xcomp" and head.head.lower_ in _words("looking_ahead"):
        gov = head.head
        return gov.pos_ == "ADJ" or gov.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in gov.children)
    return False


def is_past(verb) -> bool:
    """Simple past or past perfect (not the present perfect: "have repeatedly called for")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not any(a.lower_ in ("has", "have", "'ve") for a in auxes)
    return verb.tag_ in ("VBN", "VBG") and any(a.tag_ == "VBD" for a in auxes) and \
        not any(a.lower_ in ("has", "have", "'ve") for a in auxes)


def aspect(trigger) -> str:
    """'' or why the event's own clause is not the story's time: past perfect, future or intended."""
    verb = clause_head(trigger)
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes or "'d" in auxes and verb.tag_ == "VBN":
        return "past perfect: earlier than the story's own time"
    if auxes & _words("future_auxiliaries") or any(c.lower_ == "to" for c in verb.children) and verb.tag_ == "VB" \
            or future_event(trigger):
        return "future or intended"
    return ""


_QUOTES = "\"“”"


def in_quote(trigger) -> bool:
    """Is the trigger inside quotation marks (the quoted speaker's time, not the story's)?"""
    sent = sentence(trigger)
    before = doc_cache.text(trigger.doc)[sent.start_char:trigger.idx]
    return sum(before.count(q) for q in _QUOTES) % 2 == 1 or before.lstrip().startswith(tuple(_QUOTES))
