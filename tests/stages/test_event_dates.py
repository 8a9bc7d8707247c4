"""The event_dates stage (each event's own date), with hand-made events (independent of the events stage).

Publication date 2026-02-12 (a Thursday).
"""
from __future__ import annotations

import pytest

from entente.model import Event, Evidence

PUB = "2026-02-12"


@pytest.fixture(scope="module")
def dated():
    from entente import nlp as nlp_loader
    from entente.pipeline import Pipeline, make_story
    from entente.stages import build, event_dates

    pipe = Pipeline(nlp_loader.load(), build(["time"]))

    def _dated(text: str, triggers: list[str], published: str | None = PUB, via_notes: bool = True):
        story = make_story(text, published=published)
        a = pipe.analyse(story, pipe.nlp(story.text))
        events, index = [], {}
        used: dict[str, int] = {}
        for n, word in enumerate(triggers):
            toks = [t for t in a.doc if t.text == word]
            tok = toks[used.get(word, 0)]
            used[word] = used.get(word, 0) + 1
            sent = tok.sent
            events.append(Event(id=f"e{n}", type="CONSULT", evidence=Evidence(
                sentence=sent.text, start=sent.start_char, end=sent.end_char, trigger=tok.text,
                trigger_start=tok.idx, trigger_end=tok.idx + len(tok))))
            index[f"e{n}"] = tok.i
        a.result.events = events
        if via_notes:
            a.event_anchor = index
        event_dates.run(a)
        return [e.date for e in a.result.events]

    return _dated


def test_attached_weekday(dated):
    (d,) = dated("The foreign ministers met in Paris on Tuesday.", ["met"])
    assert (d.value, d.granularity, d.type, d.text) == ("2026-02-10", "day", "exact", "Tuesday")
    assert "Tuesday" in d.reason


def test_fronted_month_dates_past_perfect_event(dated):
    (d,) = dated("In December 2025, the ambassador had reiterated support for the group.", ["reiterated"])
    assert (d.value, d.granularity, d.type) == ("2025-12", "month", "exact")


def test_noun_trigger_takes_its_clause_date(dated):
    (d,) = dated("In December 2025, he praised the group during a meeting with envoys in Beijing.", ["meeting"])
    assert d.value == "2025-12"


def test_no_time_expression_falls_back_to_publication_date_flagged(dated):
    (d,) = dated("The ministers met in Paris and discussed trade.", ["met"])
    assert (d.value, d.granularity, d.type) == (PUB, "day", "reported")
    assert "publication date" in d.reason and "upper bound" in d.reason


def test_no_reference_date_is_unresolved(dated):
    (d,) = dated("The ministers met in Paris on Tuesday.", ["met"], published=None)
    assert (d.value, d.type, d.text) == (None, "unresolved", "Tuesday")
    assert "no publication date" in d.reason


def test_date_of_reporting_verb_does_not_date_the_reported_event(dated):
    said, signed = dated("The spokesman said on Friday that the two sides had signed the accord.", ["said", "signed"])
    assert said.value == "2026-02-06"
    assert signed.type == "reported"
    assert "past perfect" in signed.reason


def test_noun_modifier_year_is_not_the_event_date(dated):
    (d,) = dated("The ministers discussed the 2025 agreement at length.", ["discussed"])
    assert d.type == "reported" and d.value == PUB


def test_days_after_is_said_not_guessed(dated):
    comes, signed = dated("The visit comes days after the two countries signed a trade deal.", ["comes", "signed"])
    assert signed.type == "reported" and "days after" in signed.reason
    assert comes.value == PUB


def test_range_keeps_its_end(dated):
    (d,) = dated("Negotiators met from Monday to Wednesday last week in Oman.", ["met"])
    assert (d.type, d.value, d.end) == ("range", "2026-02-09", "2026-02-11")


def test_future_event_fallback_is_a_lower_bound(dated):
    (d,) = dated("The two leaders will sign the agreement in Delhi.", ["sign"])
    assert d.type == "reported" and "lower bound" in d.reason


def test_trigger_from_evidence_offsets_without_notes(dated):
    (d,) = dated("The envoys met on Tuesday.", ["met"], via_notes=False)
    assert d.value == "2026-02-10"


def test_previous_sentence_narrative_time_carries_forward(dated):
    (d,) = dated("In December 2025, the ambassador met envoys in Beijing. Describing the group as vital, "
                 "he praised its role.", ["praised"])
    assert (d.value, d.type) == ("2025-12", "approximate")
    assert "previous sentence" in d.reason


def test_no_events_no_change():
    from entente import nlp as nlp_loader
    from entente.pipeline import Pipeline, make_story
    from entente.stages import build, event_dates

    pipe = Pipeline(nlp_loader.load(), build(["time"]))
    story = make_story("They met on Tuesday.", published=PUB)
    a = pipe.analyse(story, pipe.nlp(story.text))
    event_dates.run(a)
    assert a.result.events == []


def test_days_later_is_relative_and_said_so(dated):
    (d,) = dated("Earlier this month, a bomb hit a convoy. Days later, a second blast killed 11 miners.", ["killed"])
    assert d.type == "reported" and "Days later" in d.reason


def test_clock_time_without_a_day_does_not_date_the_event(dated):
    (d,) = dated("The rule bans gaming after 10 p.m. for minors.", ["bans"])
    assert d.type == "reported"


# -- narrative time: an undated event continues an earlier dated one --------------------------------------
@pytest.fixture(scope="module")
def dated_events():
    """Events given as (trigger word, type, actor ids, recipient ids)."""
    from entente import nlp as nlp_loader
    from entente.pipeline import Pipeline, make_story
    from entente.stages import build, event_dates

    pipe = Pipeline(nlp_loader.load(), build(["time"]))

    def _dated(text: str, specs: list[tuple]):
        story = make_story(text, published=PUB)
        a = pipe.analyse(story, pipe.nlp(story.text))
        events, index, used = [], {}, {}
        for n, (word, kind, actors, recipients) in enumerate(specs):
            tok = [t for t in a.doc if t.text == word][used.get(word, 0)]
            used[word] = used.get(word, 0) + 1
            sent = tok.sent
            events.append(Event(id=f"e{n}", type=kind, actors=actors, recipients=recipients, evidence=Evidence(
                sentence=sent.text, start=sent.start_char, end=sent.end_char, trigger=tok.text,
                trigger_start=tok.idx, trigger_end=tok.idx + len(tok))))
            index[f"e{n}"] = tok.i
        a.result.events = events
        a.event_anchor = index
        event_dates.run(a)
        return [e.date for e in a.result.events]

    return _dated


TALKS = ("Earlier this month, the foreign ministers of Chile and Peru met in Lima. "
         "The two countries are neighbours with a long history. "
         "A readout said the ministers welcomed the fisheries accord and reaffirmed their commitment to trade.")


def test_same_participants_inherit_the_earlier_date(dated_events):
    d = dated_events(TALKS, [("met", "CONSULT", ["a1", "a2"], []), ("welcomed", "SUPPORT", ["a1", "a2"], ["a3"]),
                             ("reaffirmed", "AGREE", ["a2", "a1"], [])])
    assert len(d) == 3 and d[0].value == "2026-02" and d[0].type == "exact"
    for x in d[1:]:
        assert (x.value, x.type) == ("2026-02", "approximate")
        assert "narrative time" in x.reason and "'met'" in x.reason and "Earlier this month" in x.reason


def test_one_shared_actor_is_not_enough(dated_events):
    d = dated_events(TALKS, [("met", "CONSULT", ["a1", "a2"], []), ("welcomed", "SUPPORT", ["a1"], ["a9"])])
    assert d[1].type == "reported"


def test_different_participants_keep_the_fallback(dated_events):
    d = dated_events(TALKS, [("met", "CONSULT", ["a1", "a2"], []), ("welcomed", "SUPPORT", ["a5", "a6"], [])])
    assert d[1].type == "reported"


def test_present_or_future_events_do_not_inherit(dated_events):
    text = ("On Tuesday, the presidents of Kenya and Uganda met in Nairobi. "
            "The two leaders regularly discuss trade. They will sign a border accord.")
    d = dated_events(text, [("met", "CONSULT", ["a1", "a2"], []), ("discuss", "CONSULT", ["a1", "a2"], []),
                            ("sign", "AGREE", ["a1", "a2"], [])])
    assert d[0].value == "2026-02-10"
    assert d[1].type == "reported" and d[2].type == "reported"


def test_too_far_back_does_not_inherit(dated_events):
    filler = " ".join(f"Analysts noted point {k} about the region." for k in range(6))
    text = f"On Tuesday, the presidents of Kenya and Uganda met in Nairobi. {filler} The two leaders praised the deal."
    d = dated_events(text, [("met", "CONSULT", ["a1", "a2"], []), ("praised", "SUPPORT", ["a1", "a2"], [])])
    assert d[1].type == "reported"


def test_definite_noun_names_the_dated_event_again(dated_events):
    text = ("Gunmen attacked a bus on Tuesday near the border. "
            "The route is used by traders. Officials said the attack had been planned for weeks. "
            "Police arrested a suspect.")
    d = dated_events(text, [("attacked", "ASSAULT", ["a1"], ["a2"]), ("attack", "ASSAULT", [], []),
                            ("arrested", "COERCE", ["a3"], ["a4"])])
    assert d[0].value == "2026-02-10"
    assert d[1].value == "2026-02-10" and d[1].type == "approximate" and "definite 'attack'" in d[1].reason
    assert d[2].type == "reported"


def test_carried_dates_do_not_lend_their_date(dated_events):
    text = ("In December 2025, the ambassador met envoys in Beijing. Describing the group as vital, he praised "
            "its role. The two diplomats later signed a memorandum.")
    d = dated_events(text, [("met", "CONSULT", ["a1"], ["a3"]), ("praised", "SUPPORT", ["a1", "a2"], []),
                            ("signed", "AGREE", ["a1", "a2"], [])])
    assert d[1].value == "2025-12" and "previous sentence" in d[1].reason
    assert d[2].type == "reported"


def test_future_event_takes_no_past_date_from_another_clause(dated):
    (d,) = dated("His remarks, made to a television station on Tuesday, are likely to be seized on by populists.",
                 ["seized"])
    assert d.type == "reported" and "lower bound" in d.reason


def test_occasion_noun_dates_the_saying(dated):
    (d,) = dated("The spokeswoman responded in a Jan. 23 press briefing, asserting that China rejects the sanctions.",
                 ["rejects"])
    assert (d.value, d.type) == ("2026-01-23", "exact") and "briefing" in d.reason


def test_noun_modifier_date_still_does_not_date_other_events(dated):
    (d,) = dated("The 2025 agreement expired.", ["expired"])
    assert d.type == "reported"


def test_simple_present_complement_of_a_dated_saying(dated):
    (d, e) = dated("The minister said on Tuesday that the army controls the town and that rebels had fled.",
                   ["controls", "fled"])
    assert d.value == "2026-02-10"
    assert e.type == "reported"  # past perfect under the saying: earlier, not dated by it
