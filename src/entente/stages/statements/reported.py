"""Reported speech in running text: a cue verb with a clausal content ("X said
(that) …", "X vowed to …", "… , officials said"), "according to X, …", a speech
noun with a that-clause ("the mayor's claim that …"), and the content span of each.
Line-shaped attributions (headlines, "Name: …") are in `lines`."""
from __future__ import annotations

from spacy.symbols import AUX, NOUN, VERB

from entente import doc_cache
from entente.doc_cache import subtree_ids
from entente.ontology import language
from entente.sentences import sentence
from entente.stages.statements import lexicon
from entente.stages.statements.spans import Candidate, doc_text, trim
from entente.stages.statements.speakers import AGENT_ENTS, subject_token

ADDRESSEE_VERBS = language.words("statements", "addressee_verbs")
PERSONAL = language.words("statements", "personal_pronouns")
GROUP_WORDS = language.words("statements", "group_subjects")
EVIDENCE_SUBJECTS = language.words("statements", "evidence_subjects")
EVIDENCE_ONLY = language.words("statements", "evidence_only")
EVIDENCE_NOUNS = language.words("statements", "evidence_nouns")
CALL_PREPS = language.words("statements", "call_preps")
OBJECT_CONTENT_PREPS = language.words("statements", "object_content_preps")
POSSESSIVE_SOURCES = language.words("statements", "possessive_sources")
NOMINAL_SOURCE_PREPS = language.words("statements", "nominal_source_preps")
_VERBAL = (VERB, AUX)


def _cue_text(v) -> str:
    parts = [v]
    for c in v.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in CALL_PREPS and v.lemma_ == "call"):
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


def _agentive(verb, analysis=None) -> bool:
    """Its subject is a person or a body: a personal pronoun, a name, an actor."""
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


def _people(verb) -> bool:
    """A belief's holder named as a group: "Many of the farmers believe …",
    "few economists think …", "Some think …" (a plural noun or a quantifier)."""
    s = subject_token(verb)
    if s is None or s.dep_ == "expl":
        return False
    return s.lower_ in GROUP_WORDS or (s.tag_ == "NNS" and s.pos_ == "NOUN")


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
    doc_toks, pos, lowers = doc_cache.tokens(doc), doc_cache.pos(doc), doc_cache.lowers(doc)
    lemmas = doc_cache.lemma_lowers(doc)
    for i, p in enumerate(pos):
        if lowers[i] not in ("in", "according"):
            if p not in _VERBAL or (lemmas[i] not in speech and lemmas[i] not in object_only):
                continue  # only these can be a cue (the checks below skip every other token)
        t = doc_toks[i]
        if in_quote(t.idx):
            continue
        lem = lemmas[i]
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
                    subj = subject_token(t)
                    cue_start = min(t.i, subj.left_edge.i) if subj is not None and subj.i < t.i and subj.i > hi else t.i
                    cue_tree = subtree_ids(t)  # (once, not once per token tested)
                    if all(j not in cue_tree or doc[j].is_punct for j in range(hi + 1, cue_start)):
                        hi = cue_start - 1
                        content_tree = subtree_ids(content)
                        lo = min(lo, sent.start) if all(doc[j].is_punct or j in content_tree for j in range(sent.start, lo)) or lo - sent.start <= 0 else lo
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
                        other.update(subtree_ids(ch))
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
        # "called X a 'blunder'", "cited a report" — only for a person or body as subject
        if lem in c["object_content"]:
            dobj = next((ch for ch in t.children if ch.dep_ == "dobj"), None)
            if dobj is None:
                # a gerund as the object: "proposes scrapping the toll", "cited lowering …"
                dobj = next((ch for ch in t.children if ch.dep_ in ("xcomp", "ccomp") and ch.tag_ == "VBG"
                             and not any(a.dep_ in ("aux", "nsubj") for a in ch.children)), None)
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
                    if ch.i > hi and (ch.dep_ in ("oprd", "xcomp", "ccomp") or (ch.dep_ == "prep" and ch.lower_ in OBJECT_CONTENT_PREPS)
                                      or (ch.dep_ == "advcl" and any(m.dep_ == "mark" for m in ch.children))):
                        hi = max(hi, ch.right_edge.i)
                # a quoted label glued to the object ("rivals “amateurs”")
                span = trim(doc, lo, hi)
                # the content of a statement is a clause or a quotation: a bare noun
                # phrase ("denied the claim", "demanded their release") is an act, not content
                # a verbal complement is a clause: "accused the council of hiding the costs",
                # "criticized the utility for failing to act", "urged them to leave"
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
            # "…, Ortega told the Daily Ledger": tell's object is the hearer, not content
            obj_deps = ("ccomp", "xcomp") if lem in ADDRESSEE_VERBS else ("dobj", "ccomp", "xcomp")
            if not any(ch.dep_ in obj_deps for ch in t.children):
                head = t.head
                lo, hi = head.left_edge.i, head.right_edge.i
                tail = [j for j in range(t.right_edge.i + 1, hi + 1) if not doc[j].is_punct]
                if not tail:
                    hi = t.left_edge.i - 1
                span = trim(doc, lo, hi)
                if span is not None:
                    cue_toks = subtree_ids(t)
                    toks = frozenset(i for i in range(lo, hi + 1) if i not in cue_toks)
                    out.append(Candidate(t, None, span[0], span[1], toks, _cue_text(t)))
    return out

def nominal(analysis, in_quote) -> list[Candidate]:
    """Nominal cues: a speech noun with its source and a that-clause content
    ("the mayor's claim that …", "the ministry's warning that …", "a statement by X
    that …"). The source is the possessor or a by/from phrase; without one it
    is no statement."""
    doc = analysis.doc
    nouns = lexicon.cues().get("nominal", frozenset())
    out: list[Candidate] = []
    for t in doc_cache.tokens_with_pos(doc, NOUN):
        if t.lemma_.lower() not in nouns or in_quote(t.idx):
            continue
        content = next((ch for ch in t.children if ch.dep_ in ("acl", "ccomp", "relcl", "appos") and ch.i > t.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in ch.children)), None)
        if content is None:
            continue
        src = next((ch for ch in t.children if ch.dep_ == "poss"), None)
        if src is None:
            for ch in t.children:
                if ch.dep_ == "prep" and ch.lower_ in NOMINAL_SOURCE_PREPS and ch.i < content.i:
                    src = next((p for p in ch.children if p.dep_ == "pobj"), None)
        if src is None:
            # "a Riverside Gazette report that …": the issuer named as a modifier
            src = next((ch for ch in reversed(list(t.lefts)) if ch.dep_ == "compound" and (
                ch.pos_ == "PROPN" or analysis.token_actors.get(ch.i))), None)
        if src is None or not (analysis.token_actors.get(src.i) or src.ent_type_ in AGENT_ENTS or src.lower_ in POSSESSIVE_SOURCES):
            continue
        lo, hi = content.left_edge.i, content.right_edge.i
        span = trim(doc, lo, hi)
        if span is None:
            continue
        out.append(Candidate(t, src, span[0], span[1], frozenset(range(lo, hi + 1)), t.text, kind="nominal"))
    return out
