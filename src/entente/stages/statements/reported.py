"""Reported speech: a cue verb with a clausal content ("X said (that) …",
"X vowed to …", "… , officials said"), "according to X, …", and the content
span of each."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from entente.stages.statements import lexicon

QUOTE_CHARS = "\"'“”‘’«»„"


@dataclass
class Candidate:
    cue: object                # the cue token (verb, or "according")
    subject: object            # token naming the source, or None
    start: int                 # content char offsets
    end: int
    content_tokens: frozenset  # token indices of the content
    cue_text: str
    kind: str = "clause"       # clause | object | according | colon


def doc_text(doc) -> str:
    """doc.text rebuilds the string on every call: keep it once on the doc."""
    t = doc.user_data.get("entente.text")
    if t is None:
        t = doc.text
        doc.user_data["entente.text"] = t
    return t


def trim(doc, s_tok: int, e_tok: int) -> Optional[tuple[int, int]]:
    """Char span of tokens [s_tok, e_tok] inclusive, edge punctuation dropped."""
    while s_tok <= e_tok and (doc[s_tok].is_punct or doc[s_tok].is_space) and doc[s_tok].text not in QUOTE_CHARS:
        s_tok += 1
    while e_tok >= s_tok and (doc[e_tok].is_punct or doc[e_tok].is_space) and doc[e_tok].text not in QUOTE_CHARS:
        e_tok -= 1
    if e_tok < s_tok:
        return None
    s = doc[s_tok].idx
    e = doc[e_tok].idx + len(doc[e_tok].text)
    text = doc_text(doc)
    while s < e and (text[s] in QUOTE_CHARS or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in QUOTE_CHARS or text[e - 1].isspace()):
        e -= 1
    # keep a quotation whole when the content opens it: "… as a “force for good,”"
    body = text[s:e]
    if body.count("“") > body.count("”") or body.count('"') % 2 == 1:
        k = e
        while k < len(text) and k - e < 3 and text[k] in ",.;:!? ":
            k += 1
        if k < len(text) and text[k] in "”\"":
            e = k + 1
    return (s, e) if e > s else None


def _cue_text(v) -> str:
    parts = [v]
    for c in v.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("for", "on") and v.lemma_ == "call"):
            parts.append(c)
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)


def _content_child(v, c: dict):
    lem = v.lemma_.lower()
    for ch in v.children:
        if ch.dep_ == "ccomp" and (lem in c["speech"] or lem in c["cognition"] or lem in c["evidence"]):
            # an interrogative or bare infinitive ccomp still counts
            return ch
    if lem in c["intent"]:
        for ch in v.children:
            if ch.dep_ == "xcomp" and any(a.lower_ == "to" for a in ch.children):
                return ch
        if lem == "call":
            for ch in v.children:
                if ch.dep_ == "prep" and ch.lower_ == "for":
                    return ch
    return None


AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
PERSONAL = {"he", "she", "they", "we", "i", "you"}


def _agentive(verb, analysis=None) -> bool:
    """Its subject is a person or a body: a personal pronoun, a name, an actor."""
    from entente.stages.statements.speakers import subject_token

    s = subject_token(verb)
    if s is None:
        return False
    if analysis is not None and analysis.token_actors.get(s.i):
        return True
    if s.lower_ in PERSONAL:
        return True
    if s.ent_type_ in AGENT_ENTS or s.pos_ == "PROPN":
        return True
    return any(x.ent_type_ in AGENT_ENTS for x in s.subtree) and s.pos_ == "NOUN" and s.dep_ != "expl"


def find(analysis, in_quote) -> list[Candidate]:
    doc = analysis.doc
    c = lexicon.cues()
    speech = lexicon.speech_lemmas() | c["intent"]
    out: list[Candidate] = []
    for t in doc:
        if in_quote(t.idx):
            continue
        lem = t.lemma_.lower()
        if t.lower_ == "according":
            to = next((x for x in t.children if x.lower_ == "to"), None)
            src = next((x for x in to.children if x.dep_ == "pobj"), None) if to is not None else None
            if src is None:
                continue
            head = t.head if t.head is not t else None
            if head is None:
                continue
            # the clause the "according to" phrase modifies, minus the phrase
            clause = head if head.pos_ in ("VERB", "AUX") else head
            while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "parataxis") and clause.head is not clause and clause.pos_ not in ("VERB", "AUX"):
                clause = clause.head
            toks = [x.i for x in clause.subtree if not (t.left_edge.i <= x.i <= t.right_edge.i)]
            if not toks:
                continue
            if t.i < min(toks):
                span = trim(doc, t.right_edge.i + 1, clause.right_edge.i)
            elif t.i > max(toks):
                span = trim(doc, clause.left_edge.i, t.left_edge.i - 1)
            else:
                span = trim(doc, clause.left_edge.i, clause.right_edge.i)
            if span:
                out.append(Candidate(t, src, span[0], span[1], frozenset(toks), "according to", kind="according"))
            continue
        if t.pos_ not in ("VERB", "AUX") or lem not in speech:
            continue
        content = _content_child(t, c)
        if content is not None:
            lo, hi = content.left_edge.i, content.right_edge.i
            if content.dep_ == "ccomp":
                # several clauses reported by one cue on the same side: "A, but B, a source said"
                for ch in t.children:
                    if ch.dep_ == "ccomp" and ch is not content and (ch.i < t.i) == (content.i < t.i):
                        lo, hi = min(lo, ch.left_edge.i), max(hi, ch.right_edge.i)
            if lo < t.i <= hi:
                continue  # the cue sits inside its own content: a bad parse
            sent = t.sent
            if content.dep_ == "ccomp":
                if hi < t.i:
                    # "X, but Y, a source said": the whole clause before the cue's own words
                    from entente.stages.statements.speakers import subject_token
                    subj = subject_token(t)
                    cue_start = min(t.i, subj.left_edge.i) if subj is not None and subj.i < t.i and subj.i > hi else t.i
                    if all(doc[j].i not in {x.i for x in t.subtree} or doc[j].is_punct for j in range(hi + 1, cue_start)):
                        hi = cue_start - 1
                        lo = min(lo, sent.start) if all(doc[j].is_punct or doc[j].i in {x.i for x in content.subtree} for j in range(sent.start, lo)) or lo - sent.start <= 0 else lo
                    # "X, he said, Y": a parenthetical cue; the content goes on after it
                    nxt = t.right_edge.i + 1
                    if nxt < sent.end - 1 and doc[nxt].text in (",", "--", "—") and any(
                            not doc[j].is_punct for j in range(nxt + 1, sent.end)):
                        hi = sent.end - 1
                else:
                    # the clause runs on where the parse left it hanging
                    other = set()
                    for ch in t.children:
                        if ch is content:
                            continue
                        if ch.dep_ == "advcl" and ch.i > hi and any(m.dep_ == "mark" for m in ch.children):
                            continue  # "…, because …" continues the reported clause
                        other.update(x.i for x in ch.subtree)
                    j = hi + 1
                    while j < sent.end and j not in other and j != t.i:
                        j += 1
                    hi = j - 1
            span = trim(doc, lo, hi)
            if span is None:
                continue
            toks = frozenset(range(lo, hi + 1)) - {t.i}
            out.append(Candidate(t, None, span[0], span[1], toks, _cue_text(t)))
            continue
        # attitudes and speech acts with a noun-phrase content: "criticized the plan",
        # "called X a 'disgrace'", "cited a report" — only for a person or body as subject
        if lem in c["object_content"]:
            dobj = next((ch for ch in t.children if ch.dep_ == "dobj"), None)
            if dobj is not None and dobj.i > t.i and _agentive(t, analysis):
                lo = dobj.left_edge.i
                hi = dobj.right_edge.i
                for ch in t.children:
                    if ch.i > hi and (ch.dep_ in ("oprd", "xcomp", "ccomp") or (ch.dep_ == "prep" and ch.lower_ in ("as", "for", "of", "to", "on", "about", "against"))
                                      or (ch.dep_ == "advcl" and any(m.dep_ == "mark" for m in ch.children))):
                        hi = max(hi, ch.right_edge.i)
                # a quoted label glued to the object ("supporters “deplorables”")
                span = trim(doc, lo, hi)
                if span is not None and dobj.pos_ != "PRON":
                    toks = frozenset(range(lo, hi + 1))
                    out.append(Candidate(t, None, span[0], span[1], toks, _cue_text(t), kind="object"))
                continue
        # "…, officials said." / "X, he said, Y" parsed as parataxis (or a trailing ccomp) of the main verb
        le, re_ = t.left_edge.i, t.right_edge.i
        before = doc[le] if doc[le].is_punct else (doc[le - 1] if le > 0 else None)
        after = doc[re_] if doc[re_].is_punct else (doc[re_ + 1] if re_ + 1 < len(doc) else None)
        parenthetical = before is not None and after is not None and before.text in (",", "--", "—") and after.text in (",", "--", "—")
        if t.dep_ in ("parataxis", "ccomp", "advcl", "conj") and t.head is not t and (t.head.i < t.i or parenthetical) and (
                lem in c["speech"] or lem in c["evidence"]) and (t.dep_ in ("parataxis", "ccomp") or parenthetical):
            if not any(ch.dep_ in ("dobj", "ccomp", "xcomp") for ch in t.children):
                head = t.head
                lo, hi = head.left_edge.i, head.right_edge.i
                tail = [j for j in range(t.right_edge.i + 1, hi + 1) if not doc[j].is_punct]
                if not tail:
                    hi = t.left_edge.i - 1
                span = trim(doc, lo, hi)
                if span is not None:
                    cue_toks = {x.i for x in t.subtree}
                    toks = frozenset(i for i in range(lo, hi + 1) if i not in cue_toks)
                    out.append(Candidate(t, None, span[0], span[1], toks, _cue_text(t)))
    return out


_LABELS = {"update", "updated", "note", "editor", "editor's note", "photo", "photos", "related", "source", "sources",
           "watch", "read", "listen", "video", "advertisement", "correction", "breaking", "exclusive", "opinion",
           "analysis", "live", "q", "a", "question", "answer", "credit", "image", "file", "caption", "tags", "share",
           "see also", "more", "also", "warning", "disclaimer", "transcript", "subscribe", "follow", "breaking news",
           "update", "updates", "key points", "background", "context", "why", "what", "how", "when", "where", "who",
           "here", "now", "today", "bottom line", "summary", "location", "date", "time", "topic", "subject", "re",
           "from", "to", "cc", "by", "author", "posted", "published", "filed under", "category", "keywords"}


def colon_lines(analysis, idx) -> list[Candidate]:
    """A line opening with a short name and a colon: a headline attribution
    ("Smith: Voters Are Worried") or a transcript turn ("PENCE: Well, …")."""
    doc = analysis.doc
    text = doc_text(doc)
    out: list[Candidate] = []
    pos = 0
    names = None
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        # a quoted transcript: the line may open with the quotation mark
        lead = len(line) - len(line.lstrip(" \t\"“'‘"))
        line = line[lead:]
        start += lead
        k = line.find(":")
        if k <= 0 or k > 45:
            continue
        prefix = line[:k].strip()
        rest_s = start + k + 1
        while rest_s < start + len(line) and text[rest_s].isspace():
            rest_s += 1
        rest_e = start + len(line.rstrip())
        if rest_e - rest_s < 8 or not prefix or prefix.lower() in _LABELS or any(ch.isdigit() for ch in prefix):
            continue
        words = prefix.split()
        if len(words) > 4 or not all(w[:1].isupper() for w in words):
            continue
        toks = [t for t in idx.range(start, start + k) if not t.is_punct]
        if not toks:
            continue
        if names is None:
            # words the story uses as names somewhere (an entity or an actor mention)
            names = {t.text for t in doc if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or analysis.token_actors.get(t.i)}
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
