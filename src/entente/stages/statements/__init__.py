"""Stage: statements — direct quotes and reported speech, each with its speaker,
cue and channel.

Modules, one job each: `quotes` (quotation marks -> quote groups), `direct`
(which cue a quotation belongs to), `reported` (clausal content of cue verbs,
"according to", speech nouns), `lines` (headline and "Name: …" line
attributions), `spans` (a candidate and its trimmed content span), `speakers`
(subject -> noun phrase -> actor, documents -> issuer), `channels` (the medium
the cue names), `lexicon` (the stage's cue and channel lists). Word lists live
in `ontology/data/en/speech.yaml` and `statements.yaml`.

Writes `analysis.result.statements`, `analysis.statement_tokens` (statement id -> content token
indices) and `analysis.speaker_at` (content token -> speaker actor id).
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.symbols import VERB

from entente import doc_cache
from entente.analysis import Analysis
from entente.doc_cache import children
from entente.entities import described_speaker
from entente.model import Statement
from entente.ontology import language
from entente.stages.statements import channels, direct, lines, quotes, reported, speakers
from entente.stages.statements.spans import doc_text
from entente.text import short_hash

WRITING_CUES = language.words("statements", "writing_cues")
REFERRING_DETERMINERS = language.words("statements", "referring_determiners")
# a cue-less quotation joins the previous one when at most this much text lies between
MERGE_GAP = 600
PLURAL_PRONOUNS = language.words("entities", "plural_pronouns")
COLLECTIVE_KINDS = frozenset({"group", "organization", "state", "igo", "grouping"})
THEY_GAP_CHARS = 400   # "they" continues a body's statement told just before
# a newline that a non-newline character follows: where a line (maybe a paragraph) starts
_LINE_START = re.compile(r"\n(?=[^\n])")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _key(sp: Optional[speakers.Speaker]) -> Optional[str]:
    if sp is None:
        return None
    if sp.actor:
        return sp.actor
    return sp.head.lower_ if not sp.is_pronoun else None


def run(analysis: Analysis) -> None:
    doc = analysis.doc
    text = doc_text(doc)
    # copies: merge_split joins groups in place, and the Doc's cached list stays as found
    groups = [quotes.QuoteGroup(list(g.segments)) for g in quotes.quotes_of(doc)]
    seg_bounds = sorted(s for g in groups for s in g.segments)

    import bisect
    starts = [s for s, _ in seg_bounds]

    def in_quote(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and seg_bounds[k][0] <= i < seg_bounds[k][1]

    idx = direct.TokenIndex(doc)
    groups = direct.merge_split(groups, doc, idx, in_quote)
    dcands = direct.attribute(analysis, groups, in_quote)
    rcands = (reported.find(analysis, in_quote) + lines.colon_lines(analysis, idx)
              + reported.nominal(analysis, in_quote) + lines.headlines(analysis, idx))

    # paragraph = a non-blank line; blank lines between paragraphs do not count
    para_starts = [0]
    for m in _LINE_START.finditer(text):
        if text[para_starts[-1]:m.start()].strip():
            para_starts.append(m.start() + 1)

    def para(i: int) -> int:
        return bisect.bisect_right(para_starts, i) - 1

    items: list[dict] = []
    for dc in dcands:
        sp = None
        if dc.cue is not None:
            subj = speakers.subject_token(dc.cue)
            # a subject inside the quotation is the parse joining the two, not who speaks
            sp = speakers.resolve(analysis, subj, in_quote) if subj is not None and not in_quote(subj.idx) else None
        elif dc.subject is not None:
            sp = speakers.resolve(analysis, dc.subject, in_quote)
        items.append({"start": dc.group.start, "end": dc.group.end, "text": dc.group.text(text),
                      "direct": True, "cue": dc.cue, "speaker": sp, "inherit": dc.inherit, "fragment": dc.fragment,
                      "clause": dc.clause, "tokens": None, "kind": "direct", "segments": list(dc.group.segments),
                      "cue_text": dc.cue.text if dc.cue is not None else ((dc.mark or "―") if dc.subject is not None else None)})
    cue_lex = direct.lexicon.cues()
    strong = cue_lex["speech"] - cue_lex["weak"]
    group_spans = sorted((g.start, g.end) for g in groups)
    for rc in rcands:
        # reported content stays on its cue's line: a parse running a headline into
        # the story (or one paragraph into the next) does not carry the content over
        cpos = rc.cue.idx
        ls = text.rfind("\n", 0, cpos) + 1
        le = text.find("\n", cpos)
        le = len(text) if le == -1 else le
        if rc.kind != "colon" and (rc.start < ls or rc.end > le):
            rc.start, rc.end = max(rc.start, ls), min(rc.end, le)
            while rc.start < rc.end and (text[rc.start].isspace() or text[rc.start] in ",;:—–-"):
                rc.start += 1
            while rc.end > rc.start and (text[rc.end - 1].isspace() or text[rc.end - 1] in ",;:—–-"):
                rc.end -= 1
            if rc.end - rc.start < 8:
                continue
            rc.content_tokens = frozenset(i for i in rc.content_tokens if rc.start <= doc[i].idx < rc.end)
        for gs, ge in group_spans:
            if rc.start <= gs < rc.end < ge and ge - rc.end <= 3:
                rc.end = ge
        subj = rc.subject if rc.subject is not None else speakers.subject_token(rc.cue)
        if subj is None and rc.cue.lemma_.lower() not in strong:
            continue  # "is expected to …": no source, no statement
        sp = speakers.resolve(analysis, subj, in_quote)
        items.append({"start": rc.start, "end": rc.end, "text": text[rc.start:rc.end], "direct": False,
                      "cue": rc.cue, "speaker": sp, "inherit": False, "clause": True,
                      "tokens": rc.content_tokens, "cue_text": rc.cue_text, "kind": rc.kind})

    # direct vs reported over the same words
    directs = [it for it in items if it["direct"]]
    keep: list[dict] = []
    for it in items:
        if it["direct"]:
            continue
        span = (it["start"], it["end"])
        length = span[1] - span[0]
        # the quotations that touch the content: every test below is about one that overlaps it or lies inside it
        near = [d for d in directs if d["start"] <= span[1] and d["end"] >= span[0]]
        if any(_overlap(span, (d["start"], d["end"])) and not (span[0] <= d["start"] and d["end"] <= span[1])
               and not (d["start"] <= span[0] and span[1] <= d["end"]) and d["clause"] for d in near):
            continue  # a clause cut across a quotation's boundary: a parse slip
        best = max((_overlap(span, (d["start"], d["end"])) for d in near), default=0)
        if length and best / length >= 0.8:
            # the quotation is the content: the direct statement carries it
            for d in near:
                if _overlap(span, (d["start"], d["end"])) and (d["cue"] is None or d["speaker"] is None):
                    d["cue"], d["speaker"], d["cue_text"], d["inherit"] = it["cue"], it["speaker"], it["cue_text"], False
            continue
        if length and any(d["clause"] and d["cue"] is not None and span[0] <= d["start"] and d["end"] <= span[1]
                          and (span[0] <= d["cue"].idx < span[1] and d["cue"] is not it["cue"]
                               and d["speaker"] is not None and d["speaker"].actor is not None
                               or d["cue"] is it["cue"] and (d["end"] - d["start"]) / length >= 0.7) for d in near):
            # a quotation whose own attribution lies inside this content, or the same verb's
            # quotation with a few words the parse ran into it (a heading): the parse joined them
            continue
        keep.append(it)
    for d in directs:
        span = (d["start"], d["end"])
        if any(r["start"] <= span[0] and span[1] <= r["end"] and (d["clause"] or r["kind"] != "object") for r in keep):
            # a quotation inside reported speech is part of that statement; a quoted
            # phrase inside a described act ("called it a 'blunder'") stays a quote
            continue
        keep.append(d)
    keep.sort(key=lambda it: (it["start"], it["end"], not it["direct"]))

    # channels, document coreference ("the memo added …"), inherited speakers
    results: list[Statement] = []
    history: list[dict] = []   # accepted items, in text order
    contexts: list[dict] = []  # speech acts with a channel, even without content
    act_lemmas = direct.lexicon.speech_lemmas() | direct.lexicon.naming_lemmas()
    for t in doc_cache.tokens_with_pos(doc, VERB):
        if t.lemma_.lower() in act_lemmas:
            ch = channels.channel_of(t)
            if ch:
                contexts.append({"pos": t.idx, "channel": ch, "speaker": speakers.resolve(analysis, speakers.subject_token(t), in_quote)})
    seen_ids: set[str] = set()
    content_tokens: dict[str, list[int]] = {}
    segments: dict[str, list[tuple[int, int]]] = {}   # a quotation's quoted stretches
    for it in sorted(keep, key=lambda it: it["start"]):
        sp: Optional[speakers.Speaker] = it["speaker"]
        cue = it["cue"]
        if it["inherit"]:
            prev = next((h for h in reversed(history) if h["direct"] and h["end"] <= it["start"]), None)
            if it.get("fragment") and (prev is None or para(prev["start"]) != para(it["start"]) or not history
                                       or history[-1] is not prev or not results or results[-1].id != prev["sid"]
                                       or len(text[prev["end"]:it["start"]]) > 200):
                continue  # a verbless quotation only goes on with the quotation just before it
            if prev is None or para(prev["start"]) < para(it["start"]) - 1 or not it["clause"]:
                if len(it["text"].split()) < 4:
                    continue
            else:
                sp = prev["speaker"]
                it["channel_hint"] = prev.get("channel")
                gap = text[prev["end"]:it["start"]]
                if history and history[-1] is prev and results and results[-1].id == prev["sid"] and len(gap) <= MERGE_GAP:
                    # the same speaker's remarks go on: one statement, like a split quote
                    last = results[-1]
                    last.end = it["end"]
                    last.text = last.text + " " + it["text"]
                    prev["end"] = it["end"]
                    segments.setdefault(last.id, []).extend(it["segments"])
                    continue
        excl = it["tokens"] or ()
        channel = None
        if cue is not None and it["kind"] != "headline":
            channel = channels.channel_of(cue, excl)
        if sp is not None and sp.document:
            channel = channel or sp.document
        if sp is not None and sp.document and speakers.document_label(sp.head) is not None:
            # the speaker is still the document itself: a definite one refers back
            det = next((c.lower_ for c in children(sp.head) if c.dep_ == "det"), "")
            if det in REFERRING_DETERMINERS or any(c.dep_ == "poss" for c in children(sp.head)):
                prev = next((h for h in reversed(history) if h.get("channel") == sp.document and h["speaker"] is not None
                             and speakers.document_label(h["speaker"].head) is None), None)
                if prev is not None:
                    sp = prev["speaker"]
        if channel is None:
            channel = it.get("channel_hint")
        if channel is None and sp is not None:
            here = para(it["start"])
            key = _key(sp)
            for c in reversed(contexts):
                if c["pos"] >= it["start"] or para(c["pos"]) < here - 1:
                    continue
                ck = _key(c["speaker"])
                if (key is not None and key == ck) or (
                        (sp.is_pronoun or (c["speaker"] is not None and c["speaker"].is_pronoun))
                        and cue is not None and cue.lemma_.lower() in WRITING_CUES):
                    channel = c["channel"]
                    break
        it["channel"] = channel
        sid = short_hash("statement", it["start"], it["end"], it["direct"])
        if sid in seen_ids:
            continue
        seen_ids.add(sid)
        if sp is not None and sp.actor is None and sp.is_pronoun and sp.head.lower_ in PLURAL_PRONOUNS:
            # "rights groups tell VOA …. They say …": the body that spoke just before
            prev = next((h for h in reversed(history) if h["speaker"] is not None and h["speaker"].actor
                         and it["start"] - h["end"] <= THEY_GAP_CHARS
                         and analysis.actor(h["speaker"].actor).kind in COLLECTIVE_KINDS), None)
            if prev is not None:
                sp.actor, sp.actors = prev["speaker"].actor, [prev["speaker"].actor]
        if sp is not None and sp.actor is None and not sp.is_pronoun:
            # a speaker the story describes but does not name is an entity of its own
            sp.actor = described_speaker(analysis, doc[sp.start:sp.end], sp.head)
            if sp.actor:
                sp.actors = [sp.actor]
        it["speaker"] = sp
        it["sid"] = sid
        history.append(it)
        if it["tokens"]:
            content_tokens[sid] = sorted(it["tokens"])
        elif it.get("segments"):
            segments[sid] = list(it["segments"])
        results.append(Statement(
            id=sid,
            speaker=sp.actor if sp is not None else None,
            speakers=list(sp.actors) if sp is not None and sp.actors else ([sp.actor] if sp is not None and sp.actor else []),
            speaker_text=sp.text if sp is not None else None,
            text=it["text"], direct=it["direct"],
            cue=it["cue_text"],
            channel=channel, start=it["start"], end=it["end"],
        ))
    analysis.result.statements = results
    starts = doc_cache.token_starts(doc)
    for st in results:
        if st.id not in content_tokens:
            # a quotation: the tokens of its quoted stretches, not the "he said" between them
            content_tokens[st.id] = [i for s, e in segments.get(st.id or "", [(st.start, st.end)])
                                     for i in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))]
    analysis.statement_tokens = content_tokens
    for st in results:
        if st.speaker:
            for i in content_tokens.get(st.id or "", ()):
                analysis.speaker_at.setdefault(i, st.speaker)
                if st.direct:
                    analysis.quoted_by.setdefault(i, st.speaker)
