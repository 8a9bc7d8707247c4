"""Events stage: detection, coding, roles, place, factuality, merging, determinism.

Real spaCy parse through the whole pipeline (`analyse` fixture); short sentences of our own.
"""
from __future__ import annotations

import pytest


def _events(analyse, text, published="2026-02-12"):
    a = analyse(text, published)
    return a, a.result.events


def _countries(a, ids):
    out = set()
    for i in ids:
        act = a.actor(i)
        if act.country:
            out.add(act.country)
    return out


def _types(events):
    return sorted(e.type for e in events)


# -- detection and typing ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("India and Japan agreed to expand defence cooperation.", "AGREE"),
    ("France condemned the missile test by North Korea.", "ACCUSE"),
    ("The United States imposed sanctions on Iran on Monday.", "SANCTION"),
    ("Turkey rejected a peace plan proposed by Greece.", "REJECT"),
    ("Germany called on Russia to withdraw its troops.", "REQUEST"),
    ("Iran threatened to cut off oil supplies to Europe.", "THREATEN"),
    ("Thousands of students staged demonstrations in Jakarta on Saturday.", "PROTEST"),
    ("Pakistan expelled two Indian diplomats.", "SANCTION"),
    ("Police arrested three opposition leaders in Caracas.", "COERCE"),
    ("Israeli aircraft bombed positions in southern Lebanon.", "ASSAULT"),
    ("Japan gave Kenya 5 million dollars of aid.", "AID"),
    ("Egypt praised the ceasefire agreement.", "SUPPORT"),
])
def test_event_types(analyse, text, expected):
    _a, evs = _events(analyse, text)
    assert expected in _types(evs), (text, [(e.type, e.evidence.trigger) for e in evs])


def test_agreed_is_agree_not_support(analyse):
    _a, evs = _events(analyse, "The two countries agreed on a new trade pact.")
    assert [e.type for e in evs] == ["AGREE"]


def test_nominal_triggers(analyse):
    _a, evs = _events(analyse, "Talks between Armenia and Azerbaijan resumed in Geneva.")
    assert "CONSULT" in _types(evs)
    _a, evs = _events(analyse, "The activist staged a hunger strike in prison.")
    e = [x for x in evs if x.type == "PROTEST"]
    assert e and e[0].mode == "hunger"


def test_speech_without_event_yields_nothing(analyse):
    _a, evs = _events(analyse, "The minister said the weather was pleasant in the capital.")
    assert evs == []


def test_purpose_clause_is_folded_into_main_event(analyse):
    _a, evs = _events(analyse, "Students staged demonstrations to demand political reforms.")
    assert _types(evs) == ["PROTEST"]


# -- factuality and modality -----------------------------------------------------

def test_negation_of_meeting(analyse):
    _a, evs = _events(analyse, "Putin did not meet Zelenskyy in Istanbul.")
    assert evs and evs[0].type == "CONSULT" and evs[0].factuality == "negated"


def test_refusal_is_reject(analyse):
    _a, evs = _events(analyse, "Hungary refused to sign the agreement.")
    assert _types(evs) == ["REJECT"]


def test_planned_cooperation_is_agree(analyse):
    _a, evs = _events(analyse, "Israel will evacuate all settlements in Gaza.")
    assert evs and evs[0].type == "AGREE" and evs[0].factuality == "planned"


def test_planned_restriction_is_threat(analyse):
    _a, evs = _events(analyse, "Greece plans to impose restrictions on migrant workers.")
    assert evs and evs[0].type == "THREATEN" and evs[0].factuality == "planned"


def test_hypothetical(analyse):
    _a, evs = _events(analyse, "The European Union could impose sanctions on Belarus.")
    assert evs and evs[0].factuality == "hypothetical" and evs[0].type == "THREATEN"


def test_reported_content(analyse):
    _a, evs = _events(analyse, "Uganda said it had paid compensation to British nationals.")
    assert evs and evs[0].factuality == "reported"


def test_would_not_meet_demands_is_reject(analyse):
    _a, evs = _events(analyse, "The government said it would not meet the strikers' demands.")
    assert _types(evs) == ["REJECT"]


# -- roles ---------------------------------------------------------------------------

def test_actor_and_recipient(analyse):
    a, evs = _events(analyse, "France criticized Russia over the attack.")
    e = [x for x in evs if x.type == "ACCUSE"][0]
    assert _countries(a, e.actors) == {"FRA"}
    assert _countries(a, e.recipients) == {"RUS"}


def test_passive_with_agent(analyse):
    a, evs = _events(analyse, "Ukraine was attacked by Russia on Tuesday.")
    e = evs[0]
    assert e.type == "ASSAULT"
    assert _countries(a, e.actors) == {"RUS"}
    assert _countries(a, e.recipients) == {"UKR"}


def test_compound_actors_reciprocal(analyse):
    a, evs = _events(analyse, "India and the United States signed a defence agreement.")
    e = evs[0]
    assert e.reciprocal
    assert _countries(a, e.actors) == {"IND", "USA"}
    assert _countries(a, e.recipients) == {"IND", "USA"}


def test_meet_with_is_reciprocal(analyse):
    a, evs = _events(analyse, "Japan's foreign minister met with his Chinese counterpart in Beijing.")
    e = evs[0]
    assert e.type == "CONSULT" and e.reciprocal
    assert "JPN" in _countries(a, e.actors)


def test_threat_recipient_from_embedded_clause(analyse):
    a, evs = _events(analyse, "Iran threatened to cut off electricity to Azerbaijan.")
    e = evs[0]
    assert e.type == "THREATEN"
    assert _countries(a, e.actors) == {"IRN"}
    assert "AZE" in _countries(a, e.recipients)


# -- place, topics, evidence --------------------------------------------------------

def test_location_third_party(analyse):
    a, evs = _events(analyse, "The Indian and US ambassadors met in Beijing on Monday.")
    e = evs[0]
    assert e.location is not None and e.location.country == "CHN" and e.location.name == "Beijing"
    assert e.cameo == "044" and e.mode == "third-party"


def test_topics_and_evidence(analyse):
    text = "Australia and Japan agreed to expand cooperation on critical minerals and defence."
    a, evs = _events(analyse, text)
    e = evs[0]
    assert {"critical minerals", "defence"} <= set(e.topics)
    ev = e.evidence
    assert text[ev.start:ev.end] == ev.sentence
    assert text[ev.trigger_start:ev.trigger_end] == "agreed"
    assert e.cameo and e.goldstein is not None and e.quad_class == 1
    assert a.notes["events"]["trigger_tokens"][e.id] == a.doc[[t.i for t in a.doc if t.idx == ev.trigger_start][0]].i


# -- dedupe and determinism -----------------------------------------------------------

def test_restated_talks_merge(analyse):
    text = ("Japan and India held talks in Tokyo on Monday. "
            "A readout said Japan and India discussed maritime security.")
    _a, evs = _events(analyse, text)
    assert [e.type for e in evs].count("CONSULT") == 1


def test_following_the_meeting_is_not_a_new_event(analyse):
    text = "Brazil and Argentina met in Buenos Aires. Following the meeting, the ministers left."
    _a, evs = _events(analyse, text)
    assert [e.type for e in evs].count("CONSULT") == 1


def test_deterministic_ids(analyse):
    text = "Chile and Peru signed a trade agreement. Bolivia criticized the deal."
    a1 = analyse(text, "2026-01-01")
    a2 = analyse(text, "2026-01-01")
    assert [e.id for e in a1.result.events] == [e.id for e in a2.result.events]
    assert len({e.id for e in a1.result.events}) == len(a1.result.events)


def test_confidence_in_range(analyse):
    _a, evs = _events(analyse, "Police detained protesters. Officials may consider talks.")
    assert all(0.0 < e.confidence < 1.0 for e in evs)
