"""Attributions shaped by a line rather than a clause: a title-case headline
("Ortega Says Talks Could Resume") and a line opening with a name and a colon
("Smith: Voters Are Worried", a transcript's "HALVORSEN: Well, …")."""
from __future__ import annotations

import re

from entente import doc_cache
from entente.ontology import language
from entente.stages.statements.spans import Candidate, doc_text, trim
from entente.stages.statements.speakers import AGENT_ENTS

LINE_LABELS = language.words("statements", "line_labels")
HEADLINE_CUES = language.words("statements", "headline_cues")


def headlines(analysis, idx) -> list[Candidate]:
    """Headline-style attribution on a short title-case line: "Ortega Says Talks
    Could Resume" (source, cue, content) or "Talks Could Resume, Ortega Says"."""
    doc = analysis.doc
    text = doc_text(doc)
    out: list[Candidate] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        words = line.split()
        if not 4 <= len(words) <= 22:
            continue
        caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        if caps < 0.7 * len(words) or line.rstrip().endswith(("?",)):
            continue
        toks = [t for t in idx.range(start, start + len(line)) if not t.is_space]
        for k, t in enumerate(toks):
            if t.text.lower() not in HEADLINE_CUES or not t.text[:1].isupper() or k == 0:
                continue
            left = toks[:k]
            right = [x for x in toks[k + 1:] if not (x.is_punct and x.text in ".")]
            commas = [j for j, x in enumerate(left) if x.text == ","]
            if commas and (not right or all(x.is_punct for x in right)):
                # "…, Maria Ortega Says."
                comma = commas[-1]
                name = left[comma + 1:]
                if not name or len(name) > 5 or comma < 1:
                    continue
                span = trim(doc, toks[0].i, toks[comma - 1].i)
                src = name[-1]
            else:
                name = left
                if len(name) > 5 or len(right) < 3 or not any(x.pos_ == "PROPN" or analysis.token_actors.get(x.i) for x in name):
                    continue
                span = trim(doc, right[0].i, right[-1].i)
                src = name[-1]
            if span is None or not (analysis.token_actors.get(src.i) or src.pos_ == "PROPN" or src.ent_type_ in AGENT_ENTS):
                continue
            content = frozenset(x.i for x in idx.range(span[0], span[1]))
            out.append(Candidate(t, src, span[0], span[1], content, t.text, kind="headline"))
            break
    return out


# A turn label inside a line, after the end of the last turn's sentence: "… region? Armitage: That …"
_MID_TURN = re.compile(r"(?<=[.?!\]”\"])\s+((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s")


def _turns(line: str) -> list[tuple[int, int, int]]:
    """(label start, colon, content end) of each turn in a line: the line's own opening label, and
    labels after a sentence end when the line holds two or more of them (an interview run on in
    one paragraph: "VOA: … ? Armitage: …")."""
    marks: list[tuple[int, int]] = []
    k = line.find(":")
    if 0 < k <= 45:
        marks.append((0, k))
    mid = [(m.start(1), m.end(1)) for m in _MID_TURN.finditer(line)]
    if len(mid) >= 2 or (mid and marks):
        marks += [m for m in mid if not marks or m[0] > marks[0][1]]
    return [(a, c, marks[n + 1][0] if n + 1 < len(marks) else len(line)) for n, (a, c) in enumerate(marks)]


def colon_lines(analysis, idx) -> list[Candidate]:
    """A line opening with a short name and a colon: a headline attribution
    ("Smith: Voters Are Worried") or a transcript turn ("HALVORSEN: Well, …"), also when an
    interview's turns run on in one paragraph."""
    doc = analysis.doc
    text = doc_text(doc)
    out: list[Candidate] = []
    pos = 0
    names = None
    for whole in text.split("\n"):
        line_start = pos
        pos += len(whole) + 1
        # a quoted transcript: the line may open with the quotation mark
        lead = len(whole) - len(whole.lstrip(" \t\"“'‘"))
        for a, k, e in _turns(whole[lead:]):
            line = whole[lead + a:lead + e]
            start = line_start + lead + a
            k -= a
            prefix = line[:k].strip()
            rest_s = start + k + 1
            while rest_s < start + len(line) and text[rest_s].isspace():
                rest_s += 1
            rest_e = start + len(line.rstrip())
            if rest_e - rest_s < 8 or not prefix or prefix.lower() in LINE_LABELS or any(ch.isdigit() for ch in prefix):
                continue
            words = prefix.split()
            if len(words) > 4 or not all(w[:1].isupper() for w in words):
                continue
            toks = [t for t in idx.range(start, start + k) if not t.is_punct]
            if not toks:
                continue
            if names is None:
                # words the story uses as names somewhere (an entity or an actor mention)
                names = {t.text for t in doc_cache.tokens(doc) if t.ent_type_ in AGENT_ENTS or analysis.token_actors.get(t.i)}
            if not (all(t.is_upper for t in toks) or all(t.pos_ == "PROPN" or t.text in names for t in toks)):
                continue
            if not (all(t.is_upper for t in toks) or any(t.text in names for t in toks)):
                continue
            if len(text[rest_s:rest_e].split()) < 3:
                continue
            head = toks[-1]
            span = trim(doc, idx.at(rest_s).i, idx.at(rest_e - 1).i)
            if span is None:
                continue
            content = frozenset(t.i for t in idx.range(span[0], span[1]))
            colon_tok = idx.at(start + k)
            out.append(Candidate(colon_tok, head, span[0], span[1], content, ":", kind="colon"))
    return out
