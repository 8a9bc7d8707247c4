"""Stage: agreements — each named agreement or framework in the story as one
object: name, a stable normalised key (its id), parties (ISO3), topic, status,
the events that moved it and the date of the decisive one.

Modules: `detect` (named mentions, acronyms, normalised key), `status` (status
cues and how they combine). Reads the actors (countries of the parties), the
events (ids, dates) and the time expressions of earlier stages.
"""
from __future__ import annotations

import re
from typing import Optional

from entente import doc_cache
from entente.analysis import Analysis
from entente.model import Agreement, EventDate, Mention
from entente.sentences import sentence
from entente.stages.agreements import detect, lexicon, status
from entente.text import short_hash

EVENT_TYPES = {"AGREE", "CONSULT", "COOPERATE", "REJECT", "RETREAT", "CONCEDE", "SANCTION", "SUPPORT", "REQUEST", "AID"}


def _name_countries(name: str) -> list[str]:
    aliases = lexicon.data()["country_aliases"]
    out: list[str] = []
    whole = re.sub(r"^the\s+", "", name.strip().lower())
    if whole in aliases:
        return [aliases[whole]]
    low = name.replace("–", "-").replace("—", "-")
    for part in re.split(r"[\s\-/]+", low):
        p = part.strip("(),.'’").lower()
        if p.endswith("'s"):
            p = p[:-2]
        code = aliases.get(p)
        if code is None and part[:1].isupper() and len(p) > 3:
            try:
                from entente.ontology.gazetteer import place
                pl = place(part.strip("(),"))
                code = pl.country if pl is not None and pl.kind == "country" else None
            except Exception:  # gazetteer data missing: names only from the alias list
                code = None
        if code and len(code) == 3 and code not in out:
            out.append(code)
    return out


def _countries_around(analysis: Analysis, tokens) -> list[str]:
    """Countries of the state/person/organisation actors among tokens; without
    actors, the country names among them."""
    out: list[str] = []
    found = analysis.actors_in(tokens)
    for a in found:
        c = a.country
        if c and len(c) == 3 and c != "IGO" and a.kind in ("state", "person", "organization") and c not in out:
            out.append(c)
    if not found:
        doc = analysis.doc
        starts = {e.start: e for e in doc_cache.ents(doc) if e.label_ in ("GPE", "NORP")}
        for x in tokens:
            ent = starts.get(x.i)
            if ent is not None:
                for c in _name_countries(ent.text):
                    if c not in out:
                        out.append(c)
    return out


def _topic(texts: list[str]) -> Optional[str]:
    topics = lexicon.data()["topics"]
    for text in texts:
        low = " " + re.sub(r"[^\w\- ]", " ", text.lower()) + " "
        for topic, words in topics.items():
            if any(f" {w} " in low for w in words):
                return topic
    return None


def _clause(tok):
    """The smallest verb clause containing tok (its head verb), or the sentence root."""
    a = tok
    for _ in range(8):
        if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("amod", "compound"):
            return a
        if a.head is a:
            return a
        a = a.head
    return a


def _event_for(analysis: Analysis, cue_tok, sent) -> list:
    events = analysis.result.events
    out = []
    trig = analysis.event_anchor
    for e in events:
        if e.type not in EVENT_TYPES:
            continue
        ev = e.evidence
        toks = trig.get(e.id) if isinstance(trig, dict) else None
        if isinstance(toks, int):
            toks = [toks]
        if toks and cue_tok is not None and cue_tok.i in set(toks):
            out.insert(0, e)
            continue
        ts = ev.trigger_start if ev.trigger_start is not None else ev.start
        if sent.start_char <= ts < sent.end_char:
            out.append(e)
    return out


def _date_for(analysis: Analysis, cue_tok, events) -> Optional[EventDate]:
    for e in events:
        if e.date is not None and e.date.value:
            return e.date.model_copy()
    if cue_tok is None:
        return None
    clause = _clause(cue_tok)
    for tx in analysis.timexes_in(clause.subtree):
        if tx.value and tx.type == "DATE":
            return EventDate(value=tx.value, granularity=tx.granularity, type="exact", text=tx.text,
                             reason=f"time expression in the clause of '{cue_tok.text}'")
    return None


def run(analysis: Analysis) -> None:
    doc = analysis.doc
    mentions = detect.find(doc)
    if not mentions:
        analysis.result.agreements = []
        return
    groups: dict[str, list[detect.AgreementMention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    results: list[Agreement] = []
    for key, ms in groups.items():
        name = max((m.text for m in ms), key=lambda s: (("(" in s), len(s)))
        name = re.sub(r"^(the|a|an)\s+", "", name, flags=re.I)
        # parties: countries in the name, else the countries of the actors in the clauses around it
        parties = _name_countries(name)
        cue_dates: list[tuple[status.Cue, Optional[str], list]] = []
        topic_texts = [name]
        event_ids: list[str] = []
        clause_countries: list[str] = []
        for m in ms:
            head = doc[m.head]
            sent = sentence(head)
            topic_texts.append(sent.text)
            for cue in status.cues_for(doc, m.head, m.start_tok, m.end_tok):
                evs = _event_for(analysis, cue.token, sent)
                d = _date_for(analysis, cue.token, evs)
                cue_dates.append((cue, d.value if d else None, evs, d))
            for e in _event_for(analysis, None, sent):
                if e.id not in event_ids:
                    event_ids.append(e.id)
            cl = _clause(head)
            for scope in (doc[cl.left_edge.i:cl.right_edge.i + 1], sent):
                got = _countries_around(analysis, [x for x in scope if not (m.start_tok <= x.i < m.end_tok)])
                if got:
                    break
            for c in got:
                if c not in clause_countries:
                    clause_countries.append(c)
        if len(parties) < 2:
            for c in clause_countries:
                if c not in parties:
                    parties.append(c)
        pick = status.decide([(c, d) for c, d, _e, _dd in cue_dates])
        # no cue at all ("the Dayton Accords"): the story does not say where it stands
        st = pick[0].status if pick else "unknown"
        date = None
        if pick:
            for c, d, evs, dd in cue_dates:
                if c.token is pick[0].token:
                    date = dd
                    for e in evs:
                        if e.id in event_ids:
                            event_ids.remove(e.id)
                        event_ids.insert(0, e.id)
                    break
        mention_objs = [Mention(text=m.text, start=m.start, end=m.end) for m in ms]
        for m in ms:
            for s, e in m.refs:
                mention_objs.append(Mention(text=doc[s:e].text, start=doc[s].idx, end=doc[e - 1].idx + len(doc[e - 1].text)))
        mention_objs.sort(key=lambda x: x.start)
        results.append(Agreement(
            id="agr-" + short_hash("agreement", key),
            name=name, parties=sorted(parties), topic=_topic(topic_texts), status=st,
            events=event_ids, date=date, mentions=mention_objs,
        ))
    results.sort(key=lambda a: a.mentions[0].start if a.mentions else 0)
    analysis.result.agreements = results
    # the normalised name per agreement id, for the cross-story registry
