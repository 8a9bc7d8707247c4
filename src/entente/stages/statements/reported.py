"""Reported speech: a cue verb with a clausal content ("X said (that) …",
"X vowed to …", "… , officials said"), "according to X, …", and the content
span of each."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from entente.sentences import sentence
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
    comps = [ch for ch in v.children if ch.dep_ == "ccomp"] if (lem in c["speech"] or lem in c["cognition"] or lem in c["evidence"]) else []
    if comps:
        # an interrogative or bare infinitive ccomp still counts; with a clause on
        # each side, the one right after the cue is its content unless a
        # semicolon/colon-free parenthetical says otherwise ("A; X says B")
        before = [ch for ch in comps if ch.i < v.i]
        after = [ch for ch in comps if ch.i > v.i]
        if before and after and any(v.doc[j].text in (";", ":") for j in range(before[0].right_edge.i + 1, v.i)):
            return after[0]
        return comps[0]
    if lem in c["intent"]:
        for ch in v.children:
            if ch.dep_ == "xcomp" and any(a.lower_ == "to" for a in ch.children):
                return ch
        if lem == "call":
            for ch in v.children:
                if ch.dep_ == "prep" and ch.lower_ == "for":
                    return ch
    return None


ADDRESSEE_VERBS = {"tell", "inform", "assure", "reassure", "remind", "brief", "warn", "advise", "promise"}
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


GROUP_WORDS = {"some", "many", "few", "others", "most", "several", "both", "all", "everyone", "everybody", "nobody",
               "someone", "somebody", "anyone", "people"}


def _people(verb) -> bool:
    """A belief's holder named as a group: "Many of his supporters believe …",
    "few experts believe …", "Some think …" (a plural noun or a quantifier)."""
    from entente.stages.statements.speakers import subject_token

    s = subject_token(verb)
    if s is None or s.dep_ == "expl":
        return False
    return s.lower_ in GROUP_WORDS or (s.tag_ == "NNS" and s.pos_ == "NOUN")


NEG_WORDS = {"not", "n't", "never", "no"}
# "in <a poll>, …": the findings of a poll or a study are attributed to it
EVIDENCE_SUBJECTS = {"poll", "survey", "polling", "study", "analysis", "average", "data", "video", "footage", "record",
                     "document", "report", "figure", "number", "tally", "review", "audit", "research", "model", "forecast"}
EVIDENCE_ONLY = {"show"}  # "He shows dogs at fairs": a noun-phrase content only for a poll, a study, a video
EVIDENCE_NOUNS = {"poll", "survey", "polling", "study", "analysis", "forecast", "projection", "tally"}


def negated(v) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in v.children)


def not_performed(t, c: dict) -> bool:
    """A speech verb that reports no content: negated ("did not say whether"),
    under a refusal ("declined to comment", "refused to say"), or a participle
    whose subject is the addressee ("Asked whether …, she said")."""
    if negated(t):
        return True
    if t.lemma_.lower() in c.get("negative_intent", ()):
        return True
    if t.dep_ == "xcomp" and t.head is not t and (negated(t.head) or t.head.lemma_.lower() in c.get("negative_intent", ())):
        return True
    if t.tag_ == "VBN" and t.dep_ in ("advcl", "acl", "amod", "ccomp") and not any(ch.dep_ in ("agent", "nsubj") for ch in t.children):
        return True
    return False


def find(analysis, in_quote) -> list[Candidate]:
    doc = analysis.doc
    c = lexicon.cues()
    speech = lexicon.speech_lemmas() | c["intent"]
    object_only = c["object_content"] - speech  # attitudes with a noun-phrase content only ("attacked the plan")
    out: list[Candidate] = []
    for t in doc:
        if in_quote(t.idx):
            continue
        lem = t.lemma_.lower()
        src = None
        if t.lower_ == "in" and t.dep_ == "prep" and t.head is not t:
            # "In the latest poll, Smith leads by 5 points": a poll or study as the source
            src = next((x for x in t.children if x.dep_ == "pobj" and x.lemma_.lower() in EVIDENCE_NOUNS), None)
        if src is not None or t.lower_ == "according":
            if src is None:
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
                out.append(Candidate(t, src, span[0], span[1], frozenset(toks), "according to" if t.lower_ == "according" else t.text,
                                     kind="according"))
            continue
        if t.pos_ not in ("VERB", "AUX") or (lem not in speech and lem not in object_only):
            continue
        if not_performed(t, c):
            continue  # "did not say whether …", "declined to comment", "Asked whether …, he said"
        if lem not in c["speech"] and lem not in c["evidence"] and not _agentive(t, analysis) and not (
                lem in c["cognition"] and _people(t)):
            continue  # a plan or a belief is a statement only of a person or a body ("the initiative aims to …")
        content = _content_child(t, c) if lem in speech else None
        if content is not None:
            lo, hi = content.left_edge.i, content.right_edge.i
            if content.dep_ == "ccomp":
                # several clauses reported by one cue on the same side: "A, but B, a source said"
                for ch in t.children:
                    if ch.dep_ == "ccomp" and ch is not content and (ch.i < t.i) == (content.i < t.i):
                        lo, hi = min(lo, ch.left_edge.i), max(hi, ch.right_edge.i)
            if lo < t.i <= hi:
                continue  # the cue sits inside its own content: a bad parse
            sent = sentence(t)
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
            if dobj is None:
                # a gerund as the object: "proposes doing away with …", "cited improving …"
                dobj = next((ch for ch in t.children if ch.dep_ in ("xcomp", "ccomp") and ch.tag_ == "VBG"
                             and not any(a.dep_ in ("aux", "nsubj") for a in ch.children)), None)
            from entente.stages.statements.speakers import subject_token
            subj = subject_token(t)
            # "Polls show Smith with a lead", "The video shows him with his hands up"
            shown = lem in c["evidence"] and subj is not None and subj.lemma_.lower() in EVIDENCE_SUBJECTS
            if dobj is not None and dobj.i > t.i and (shown or (_agentive(t, analysis) and lem not in EVIDENCE_ONLY)):
                lo = dobj.left_edge.i
                hi = dobj.right_edge.i
                if shown:
                    for ch in t.children:
                        if ch.i > hi and not ch.is_punct and ch.dep_ not in ("cc", "conj"):
                            hi = max(hi, ch.right_edge.i)
                for ch in t.children:
                    if ch.i > hi and (ch.dep_ in ("oprd", "xcomp", "ccomp") or (ch.dep_ == "prep" and ch.lower_ in ("as", "for", "of", "to", "on", "about", "against"))
                                      or (ch.dep_ == "advcl" and any(m.dep_ == "mark" for m in ch.children))):
                        hi = max(hi, ch.right_edge.i)
                # a quoted label glued to the object ("supporters “deplorables”")
                span = trim(doc, lo, hi)
                # the content of a statement is a clause or a quotation: a bare noun
                # phrase ("denied the claim", "demanded their release") is an act, not content
                # a verbal complement is a clause: "accused the GOP of stoking the issue",
                # "criticized Ankara for failing to act", "urged them to leave"
                verbal = dobj.dep_ in ("xcomp", "ccomp") or any(ch.dep_ in ("xcomp", "ccomp") and ch.i > dobj.i and ch.pos_ in ("VERB", "AUX") for ch in t.children) or any(
                    ch.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in ch.children)
                    for h in (t, dobj) for ch in h.children if ch.i > dobj.i)
                # Only verbs whose object is an act ("demanded their release") need a clause;
                # a claim verb's noun object is its content ("denied the claim"), as PolNeAR has it.
                if lem in c.get("act_object", ()) and not verbal and span is not None and not any(ch in doc_text(doc)[span[0]:span[1]] for ch in '"“”«»') and not (
                        in_quote(doc[lo].idx) or any(in_quote(doc[j].idx) for j in range(lo, hi + 1))):
                    continue
                if span is not None and dobj.pos_ != "PRON":
                    toks = frozenset(range(lo, hi + 1))
                    out.append(Candidate(t, None, span[0], span[1], toks, _cue_text(t), kind="object"))
                continue
        # "…, officials said." / "X, he said, Y" parsed as parataxis (or a trailing ccomp) of the main verb
        le, re_ = t.left_edge.i, t.right_edge.i
        before = doc[le] if doc[le].is_punct else (doc[le - 1] if le > 0 else None)
        after = doc[re_] if doc[re_].is_punct else (doc[re_ + 1] if re_ + 1 < len(doc) else None)
        parenthetical = before is not None and after is not None and before.text in (",", "--", "—") and after.text in (",", "--", "—")
        if not parenthetical and t.dep_ == "parataxis" and t.head.i > t.i:
            # "Back home, Mr. Lee said, he …": the parse hangs the opening words on the
            # cue; the cue's own words (subject + verb) are still set off by commas
            from entente.stages.statements.speakers import subject_token
            subj = subject_token(t)
            cl = subj.left_edge.i if subj is not None and subj.i < t.i else t.i
            cr = t.i
            for ch in t.children:
                if ch.i > t.i and not ch.is_punct:
                    cr = max(cr, ch.right_edge.i)
            parenthetical = cl > 0 and cr + 1 < len(doc) and doc[cl - 1].text in (",", "--", "—") and doc[cr + 1].text in (",", "--", "—")
        # A ccomp of a speech verb is that verb's content ("said aid must continue"), not a cue.
        content_of_cue = t.dep_ == "ccomp" and t.head.lemma_.lower() in c["speech"] and not parenthetical
        if t.dep_ in ("parataxis", "ccomp", "advcl", "conj") and t.head is not t and (t.head.i < t.i or parenthetical) and (
                lem in c["speech"] or lem in c["evidence"]) and (t.dep_ in ("parataxis", "ccomp") or parenthetical) \
                and not content_of_cue:
            # "…, Graham told The Huffington Post": tell's object is the hearer, not content
            obj_deps = ("ccomp", "xcomp") if lem in ADDRESSEE_VERBS else ("dobj", "ccomp", "xcomp")
            if not any(ch.dep_ in obj_deps for ch in t.children):
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


def nominal(analysis, in_quote) -> list[Candidate]:
    """Nominal cues: a speech noun with its source and a that-clause content
    ("Trump's claim that …", "the ministry's warning that …", "a statement by X
    that …"). The source is the possessor or a by/from phrase; without one it
    is no statement."""
    doc = analysis.doc
    nouns = lexicon.cues().get("nominal", frozenset())
    out: list[Candidate] = []
    for t in doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in nouns or in_quote(t.idx):
            continue
        content = next((ch for ch in t.children if ch.dep_ in ("acl", "ccomp", "relcl", "appos") and ch.i > t.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in ch.children)), None)
        if content is None:
            continue
        src = next((ch for ch in t.children if ch.dep_ == "poss"), None)
        if src is None:
            for ch in t.children:
                if ch.dep_ == "prep" and ch.lower_ in ("by", "from", "of") and ch.i < content.i:
                    src = next((p for p in ch.children if p.dep_ == "pobj"), None)
        if src is None:
            # "a New York Times report that …": the issuer named as a modifier
            src = next((ch for ch in reversed(list(t.lefts)) if ch.dep_ == "compound" and (
                ch.pos_ == "PROPN" or analysis.token_actors.get(ch.i))), None)
        if src is None or not (analysis.token_actors.get(src.i) or src.ent_type_ in AGENT_ENTS or src.lower_ in ("his", "her", "their", "its", "our", "my")):
            continue
        lo, hi = content.left_edge.i, content.right_edge.i
        span = trim(doc, lo, hi)
        if span is None:
            continue
        out.append(Candidate(t, src, span[0], span[1], frozenset(range(lo, hi + 1)), t.text, kind="nominal"))
    return out


HEADLINE_CUES = {"says", "say", "warns", "claims", "insists", "urges", "vows", "tells", "denies", "admits", "pledges"}


def headlines(analysis, idx) -> list[Candidate]:
    """Headline-style attribution on a short title-case line: "Graham Says Trump
    Could Act" (source, cue, content) or "Trump Could Act, Graham Says"."""
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
                # "…, Lindsey Graham Says."
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
