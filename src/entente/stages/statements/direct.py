"""Direct quotes: which cue and speaker each quotation belongs to.

- a quotation that is a clause (it has a finite verb) takes the nearest cue verb
  outside quotation marks in its own sentence(s): after it ("…,” Okafor wrote"),
  before it ("He said: “…”"); split quotes `“…,” he said, “…”` are one statement;
- with no cue in its sentence, a whole-sentence quotation continues the
  previous quotation's speaker when that one is in the same or previous paragraph;
- a quoted fragment (no finite verb) is a statement only when a speech or naming
  verb governs it ("he called it a “blunder”", "Describing X as a “steady
  hand,” he …"): the speaker is that clause's subject; otherwise it is a scare
  quote and is left out.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from entente import doc_cache
from entente.ontology import language
from entente.sentences import sentence
from entente.stages.statements import lexicon
from entente.stages.statements.quotes import QuoteGroup
from entente.stages.statements.spans import doc_text
from entente.stages.statements.speakers import AGENT_ENTS, subject_token

TITLE_FUNCTION = language.words("statements", "title_function_words")


@dataclass
class DirectCandidate:
    group: QuoteGroup
    cue: object          # token or None
    subject: object      # token or None
    clause: bool
    inherit: bool = False
    mark: Optional[str] = None  # the cue text when there is no cue verb (":" after a name)
    fragment: bool = False      # a verbless whole-sentence quotation that can only continue a quote


class TokenIndex:
    """Tokens by character offset (the offsets and Token objects are the Doc's cached ones)."""

    def __init__(self, doc):
        self.doc = doc
        self.toks = doc_cache.tokens(doc)
        self.starts = doc_cache.token_starts(doc)

    def at(self, char: int):
        i = bisect.bisect_right(self.starts, char) - 1
        return self.toks[max(i, 0)] if self.toks else None

    def range(self, s: int, e: int) -> list:
        i = bisect.bisect_left(self.starts, s)
        j = bisect.bisect_left(self.starts, e, i)
        return self.toks[i:j]


def _is_clause(tokens) -> bool:
    for t in tokens:
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


def _speech_cue(t, lem_set) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lem_set and t.tag_ != "VBN" or (
        t.pos_ == "VERB" and t.tag_ == "VBN" and t.lemma_.lower() in lem_set and any(c.dep_ == "nsubjpass" for c in t.children))


DASH_MARKS = "―—–-"


def _after_quote(text: str, g: QuoteGroup) -> int:
    """Where the words after a quotation start: past its closing mark, comma and spaces (same line)."""
    j = g.end
    while j < len(text) and j - g.end < 4 and (text[j] in "”\"'’.,!?" or (text[j].isspace() and text[j] != "\n")):
        j += 1
    return j


def _dash_source(doc, idx: TokenIndex, g: QuoteGroup):
    """`“…” ― Jane Doe`: a dash after the quotation, then a name, gives the speaker."""
    text = doc_text(doc)
    j = _after_quote(text, g)
    if j >= len(text) or text[j] not in DASH_MARKS:
        return None
    j += 1
    while j < len(text) and text[j].isspace() and text[j] != "\n":
        j += 1
    # the name ends at the line's end ("― Dana Whitfield.\n\nPhoto: agency")
    stop = text.find("\n", j)
    stop = len(text) if stop == -1 else stop
    toks = [t for t in idx.range(j, min(stop, j + 60)) if not t.is_space]
    names = []
    for t in toks:
        if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha) or (names and t.text == "."):
            names.append(t)
            continue
        break
    return names[-1] if names and names[-1].text != "." else (names[-2] if len(names) > 1 else None)


def _according_source(doc, idx: TokenIndex, g: QuoteGroup):
    """`“…,” according to Jo Roe, …`: the source named right after the quotation (the parse
    hangs the phrase inside the quotation's clause)."""
    text = doc_text(doc)
    j = _after_quote(text, g)
    t = idx.at(j)
    if t is None or t.lower_ != "according" or t.idx != j:
        return None
    to = next((c for c in t.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


LABEL_VERBS = language.words("statements", "label_verbs")


def _colon_source(analysis, idx: TokenIndex, g: QuoteGroup, in_quote):
    """`Norwegian Foreign Minister Ola Berg: “…”`: a quotation right after a colon
    whose left side is a bare noun phrase naming someone (no verb between the
    clause start and the colon) gives the speaker, the phrase's head."""
    doc = analysis.doc
    text = doc_text(doc)
    j = g.start - 1
    while j >= 0 and (text[j].isspace() or text[j] in "“\"‘'«"):
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    colon = idx.at(j)
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    head = doc[colon.i - 1]
    if head.pos_ not in ("PROPN", "NOUN") or in_quote(head.idx):
        return None
    # the words before the colon back to the clause start: a noun phrase only
    k = colon.i - 1
    while k > 0 and not (doc[k - 1].is_sent_end or doc[k - 1].text in (",", ";", "\n", ".") or "\n" in doc[k - 1].text
                         or doc[k - 1].is_space):
        k -= 1
    words = doc[k:colon.i]
    if len(words) > 10 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if not (analysis.token_actors.get(head.i) or head.ent_type_ in AGENT_ENTS):
        return None
    return head


def merge_split(groups: list[QuoteGroup], doc, idx: TokenIndex, in_quote) -> list[QuoteGroup]:
    """`“…,” he said, “…”` -> one group with both segments."""
    speech = lexicon.speech_lemmas()
    out: list[QuoteGroup] = []
    for g in groups:
        if out:
            prev = out[-1]
            gap = doc_text(doc)[prev.end:g.start]
            if "\n" not in gap and len(gap) < 60 and prev.end < g.start:
                toks = [t for t in idx.range(prev.end, g.start) if not t.is_punct and not t.is_space]
                head = gap.lstrip(" ”\"’'")
                tail = gap.rstrip(" “\"‘'")
                if toks and len(toks) <= 8 and head[:1] in ",—–-" and tail[-1:] in ",:—–" and any(
                        t.lemma_.lower() in speech for t in toks):
                    prev.segments = prev.segments + g.segments
                    continue
        out.append(g)
    return out


def attribute(analysis, groups: list[QuoteGroup], in_quote) -> list[DirectCandidate]:
    doc = analysis.doc
    text = doc_text(doc)
    idx = TokenIndex(doc)
    speech = lexicon.speech_lemmas()
    naming = lexicon.naming_lemmas() - lexicon.cues()["fragment_exclude"]
    out: list[DirectCandidate] = []
    for g in groups:
        qtoks = [t for s, e in g.segments for t in idx.range(s, e)]
        if not qtoks:
            continue
        clause = _is_clause(qtoks)
        if clause:
            first = idx.at(g.start)
            last = idx.at(g.end - 1)
            s_start = sentence(first).start_char
            s_end = sentence(last).end_char
            # a short "Okafor said." sentence right after the quote belongs to it
            nxt = sentence(last).end
            if nxt < len(doc) and text[g.end:doc[nxt].idx].strip(" \n\t”\"’.,!?") == "" and "\n" not in text[g.end:doc[nxt].idx].strip(" "):
                ns = sentence(doc[nxt])
                if len(ns) <= 12:
                    s_end = ns.end_char
            # a preceding sentence ending with a colon introduces it
            prev_tok = sentence(first).start - 1
            if prev_tok >= 0 and doc[prev_tok].text == ":":
                s_start = sentence(doc[prev_tok]).start_char
            cands = []
            for t in idx.range(s_start, s_end):
                if in_quote(t.idx) or not _speech_cue(t, speech):
                    continue
                if t.idx >= g.end:
                    dist = t.idx - g.end
                elif t.idx < g.start:
                    dist = g.start - t.idx
                    if text[:g.start].rstrip(" “\"‘'«")[-1:] not in (":", ","):
                        dist += 100   # a verb that does not introduce it ('Protests continue “…,” Roe said')
                else:
                    dist = 0
                # a cue that already reports its own clausal content elsewhere is a poor match
                # (one whose clause takes the quotation in is the parse joining them)
                own = any(c.dep_ == "ccomp" and not in_quote(c.idx) and not (g.start <= c.idx < g.end)
                          and not (c.left_edge.idx < g.end and c.right_edge.idx >= g.start) for c in t.children)
                cands.append((dist + (200 if own else 0), t.i, t))
            dash = _dash_source(doc, idx, g)
            according = _according_source(doc, idx, g) if dash is None else None
            named = _colon_source(analysis, idx, g, in_quote) if dash is None and according is None else None
            if dash is not None:
                out.append(DirectCandidate(g, None, dash, True))
            elif according is not None:
                out.append(DirectCandidate(g, None, according, True, mark="according to"))
            elif named is not None:
                out.append(DirectCandidate(g, None, named, True, mark=":"))
            elif cands:
                cands.sort(key=lambda x: (x[0], x[1]))
                cue = cands[0][2]
                out.append(DirectCandidate(g, cue, None, True))
            else:
                out.append(DirectCandidate(g, None, None, True, inherit=True))
            continue
        # a fragment: attributed only through a governing speech/naming verb
        words = [t for t in qtoks if t.is_alpha]
        if words and len(words) <= 5 and all(t.text[:1].isupper() or t.lower_ in TITLE_FUNCTION for t in words) and words[0].text[:1].isupper():
            continue  # a title or a name in quotation marks ("Night Desk"), not a statement
        inside = {t.i for t in qtoks}
        roots = [t for t in qtoks if t.head.i not in inside or t.head is t]
        modifier = bool(roots) and all(r.dep_ in ("compound", "amod", "nmod", "nummod", "poss", "npadvmod") and r.head.i not in inside
                                       and r.head.pos_ in ("NOUN", "PROPN") for r in roots)
        cue = None
        for r in roots:
            a = r.head
            steps = 0
            while a is not None and steps < 8:
                if a.i in inside:
                    break
                if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in naming:
                    if subject_token(a) is not None:
                        cue = a
                        break
                if a.head is a:
                    break
                a = a.head
                steps += 1
            if cue is not None:
                break
        if cue is not None and modifier and cue.lemma_.lower() in LABEL_VERBS:
            # "calls the new law a “foreign agents” bill": the quoted words qualify the
            # label's noun; they are someone else's term (a scare quote), not the
            # subject's words. ("reiterated a “two-track” approach" stays.)
            continue
        if cue is not None:
            out.append(DirectCandidate(g, cue, None, False))
        elif _whole_sentence(text, g):
            # “We are done,” she said. “For now, at least.” — a verbless sentence in
            # quotation marks goes on with the quotation just before it
            out.append(DirectCandidate(g, None, None, True, inherit=True, fragment=True))
    return out


def _whole_sentence(text: str, g: QuoteGroup) -> bool:
    body = g.text(text).rstrip(" ”\"’'")
    if not body or body[-1] not in ".!?…":
        return False
    ls = text.rfind("\n", 0, g.start) + 1
    before = text[ls:g.start].rstrip(" “\"‘'")
    return before == "" or before[-1] in ".!?”\"’"
