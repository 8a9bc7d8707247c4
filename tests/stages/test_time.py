"""The time stage: detection, normalisation against the publication date, datelines.

Sentences are written for these tests (no TimeBank text). Publication date
2026-02-12 is a Thursday; its ISO week is 2026-W07.
"""
from __future__ import annotations

import pytest

PUB = "2026-02-12"


@pytest.fixture(scope="module")
def run_time():
    from entente import nlp as nlp_loader
    from entente.pipeline import Pipeline, make_story
    from entente.stages import build

    pipe = Pipeline(nlp_loader.load(), build(["time"]))

    def _run(text: str, published: str | None = PUB):
        story = make_story(text, published=published)
        return pipe.analyse(story, pipe.nlp(story.text))

    return _run


def _find(analysis, text):
    hits = [t for t in analysis.result.timexes if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in analysis.result.timexes]}"
    return hits[0]


def _texts(analysis):
    return [t.text for t in analysis.result.timexes]


@pytest.mark.parametrize("sentence, expr, value, granularity", [
    ("The accord was signed on February 13, 2025, in Delhi.", "February 13, 2025", "2025-02-13", "day"),
    ("The delegation will arrive on 13 Feb for talks.", "13 Feb", "2026-02-13", "day"),
    ("Trade between the two grew sharply in 2025.", "2025", "2025", "year"),
    ("The minister said yesterday that talks would resume.", "yesterday", "2026-02-11", "day"),
    ("The envoys met last Tuesday in Geneva.", "last Tuesday", "2026-02-10", "day"),
    ("Earlier this month, the two ministers spoke by phone.", "Earlier this month", "2026-02", "month"),
    ("The summit will be held next week in Tokyo.", "next week", "2026-W08", "week"),
    ("Two days ago the border was reopened.", "Two days ago", "2026-02-10", "day"),
    ("Exports fell last year, officials said.", "last year", "2025", "year"),
    ("The two leaders plan to meet this spring.", "this spring", "2026-SP", "season"),
    ("In December 2025, Ambassador Perdue had reiterated the point.", "December 2025", "2025-12", "month"),
    ("Results for the first quarter were published.", "the first quarter", "2026-Q1", "quarter"),
    ("The ceasefire held through the 1990s.", "the 1990s", "199", "decade"),
    ("The deal is expected by the end of the year.", "the end of the year", "2026", "year"),
])
def test_point_values(run_time, sentence, expr, value, granularity):
    t = _find(run_time(sentence), expr)
    assert (t.value, t.granularity, t.type) == (value, granularity, "DATE")
    assert t.reason


def test_weekday_follows_tense(run_time):
    a = run_time("The ministers met on Tuesday and will meet again on Tuesday.")
    first, second = [t for t in a.result.timexes if t.text == "Tuesday"]
    assert first.value == "2026-02-10"
    assert second.value == "2026-02-17"
    assert "past" in first.reason and "future" in second.reason


def test_weekday_on_publication_day_is_that_day(run_time):
    a = run_time("Officials confirmed on Thursday that the talks had ended.")
    assert _find(a, "Thursday").value == "2026-02-12"


def test_modifiers_and_relative_phrases(run_time):
    a = run_time("Talks start in mid-March and could end in the coming weeks.")
    mid = _find(a, "mid-March")
    assert (mid.value, mid.mod) == ("2026-03", "mid")
    coming = _find(a, "the coming weeks")
    assert coming.value == "FUTURE_REF"
    end = _find(run_time("The deal is expected by the end of the year."), "the end of the year")
    assert end.mod == "end"


def test_month_without_year_past_tense_goes_back(run_time):
    a = run_time("The two sides met in December to review the pact.")
    assert _find(a, "December").value == "2025-12"


def test_ranges(run_time):
    a = run_time("The conference will run March 15-20 in Bali.")
    assert _find(a, "March 15-20").value == "2026-03-15/2026-03-20"
    b = run_time("Negotiators met from Monday to Wednesday last week.")
    r = _find(b, "from Monday to Wednesday")
    assert r.value == "2026-02-09/2026-02-11"


def test_durations_kept_apart_from_points(run_time):
    a = run_time("After three days of talks, the parties signed a two-year truce.")
    d = _find(a, "three days")
    assert (d.type, d.value) == ("DURATION", "P3D")
    assert _find(a, "two-year").value == "P2Y"


def test_relative_to_an_event_is_not_a_calendar_date(run_time):
    a = run_time("The visit comes days after the two countries signed a deal.")
    t = _find(a, "days after")
    assert t.value is None and "another event" in t.reason


def test_world_knowledge_stays_unresolved(run_time):
    a = run_time("Protesters marched on Independence Day and again during Ramadan.")
    found = a.result.timexes
    assert [t.text for t in found] == ["Independence Day", "Ramadan"]
    assert all(t.value is None and "needs a calendar or a country" in t.reason for t in found)


def test_no_expression_in_an_event_without_a_date(run_time):
    a = run_time("Protesters gathered on the anniversary of the coup.")
    assert _texts(a) == []
    assert _texts(run_time("Protesters gathered on the anniversary of the coup on Monday.")) == ["Monday"]


# Each sentence holds words that look like time but are not, and one expression that is (so that a
# stage that finds nothing fails here too).
@pytest.mark.parametrize("sentence, only", [
    ("Some 2000 troops crossed the border on Monday.", "Monday"),
    ("May I ask the minister a question today?", "today"),
    ("Analysts studied the fall of the regime in 1989.", "1989"),
    ("A second round of talks is planned for next week.", "next week"),
    ("The vote passed 52 to 48 on Tuesday.", "Tuesday"),
])
def test_not_time_expressions(run_time, sentence, only):
    assert _texts(run_time(sentence)) == [only]


def test_offsets_and_token_index(run_time):
    a = run_time("On Monday, Feb. 9, the envoys met. Three days later they spoke again.")
    text = a.doc.text
    assert [t.text for t in a.result.timexes] == ["Monday, Feb. 9", "Three days later"]
    for k, t in enumerate(a.result.timexes):
        assert text[t.start:t.end] == t.text
        toks = [tok for tok in a.doc if tok.idx < t.end and tok.idx + len(tok) > t.start]
        assert toks and all(a.token_timex[tok.i] == k for tok in toks)
        assert a.timex_at(toks[0]) == t
    assert a.result.timexes[1].value == "2026-02-12"
    assert "2026-02-09" in a.result.timexes[1].reason


def test_no_reference_date_leaves_relative_unresolved(run_time):
    a = run_time("Officials met yesterday and again in 2024.", published=None)
    y = _find(a, "yesterday")
    assert y.value is None and "no publication date" in y.reason
    assert _find(a, "2024").value == "2024"
    assert a.result.published is None


def test_dateline_with_full_date_sets_reference(run_time):
    a = run_time("Feb. 12, 2026 — The ministers met yesterday in Colombo.", published=None)
    assert a.reference.isoformat() == "2026-02-12"
    assert (a.result.published, a.result.published_source) == ("2026-02-12", "dateline")
    assert _find(a, "yesterday").value == "2026-02-11"


def test_dateline_without_year_does_not_guess(run_time):
    a = run_time("NEW DELHI, Feb 12 (Reuters) - India said it would host the talks.", published=None)
    assert a.reference is None and a.result.published_source is None
    assert a.dateline is not None
    assert (a.dateline.place, a.dateline.agency, a.dateline.month_day, a.dateline.date) == (
        "NEW DELHI", "Reuters", (2, 12), None)


def test_dateline_does_not_override_given_date(run_time):
    a = run_time("WASHINGTON, March 3, 2026 (AP) — Talks ended.", published="2026-03-04")
    assert a.result.published_source == "input" and a.reference.isoformat() == "2026-03-04"
    assert a.dateline is not None and a.dateline.date.isoformat() == "2026-03-03"


def test_deterministic(run_time):
    text = "Last week, and again on Friday, the envoys met; talks resume next month."
    first = [t.model_dump() for t in run_time(text).result.timexes]
    assert first == [t.model_dump() for t in run_time(text).result.timexes]
    assert len(first) == 3


def test_seed_story_timexes(run_time, seed_text):
    a = run_time(seed_text)
    got = {t.text: t.value for t in a.result.timexes}
    assert got.get("February 13, 2025") == "2025-02-13"
    assert got.get("Earlier this month") == "2026-02"
    assert got.get("December 2025") == "2025-12"
    assert "days after" in got and got["days after"] is None


def test_holidays_fixed_computed_and_unresolved(run_time):
    a = run_time("Families met on Christmas Eve and plan to meet again at Easter 2026, before Ramadan.")
    assert _find(a, "Christmas Eve").value == "2025-12-24"
    assert _find(a, "Easter 2026").value == "2026-04-05"
    ramadan = _find(a, "Ramadan")
    assert ramadan.value is None and "unresolved" in ramadan.reason


def test_year_before_a_proper_noun_is_a_year(run_time):
    a = run_time("The 1995 Dayton Accords ended the war.")
    assert _find(a, "1995").value == "1995"


def test_rate_is_a_set_not_a_duration(run_time):
    a = run_time("Britain will pay $100 million a year for 99 years.")
    assert _find(a, "a year").type == "SET"
    assert _find(a, "99 years").value == "P99Y"


def test_anaphoric_day_counts_from_the_date_just_named(run_time):
    a = run_time("The ship docked on March 8. The next day it sailed for Oman.", published="2025-03-14")
    assert _find(a, "The next day").value == "2025-03-09"


def test_coordinated_month_takes_the_stated_year(run_time):
    a = run_time("Inspectors visited in April and May 2019.")
    assert _find(a, "April").value == "2019-04"


def test_reported_future_in_the_past_does_not_jump_a_year(run_time):
    a = run_time("Officials said the ship would leave in early February.", published="2025-03-14")
    assert _find(a, "early February").value == "2025-02"


def test_dateline_place_and_agency_only(run_time):
    a = run_time("WASHINGTON (AP) — The envoys met yesterday.", published=None)
    assert a.reference is None
    assert a.dateline is not None
    assert (a.dateline.place, a.dateline.agency, a.dateline.date) == ("WASHINGTON", "AP", None)
    assert "no publication date" in a.result.warnings[0]


def test_ordinary_first_sentence_is_not_a_dateline(run_time):
    a = run_time("The envoys met yesterday - and again today.", published=None)
    assert a.dateline is None
    assert _texts(a) == ["yesterday", "today"]


# -- the governing verb's direction, future points, days of the month, numbers that are not years --------
@pytest.mark.parametrize("sentence, expr, value", [
    # an infinitive under a past verb happens after it: nearest, leaning to the future
    ("The two sides agreed to hold a second round on Feb. 24.", "Feb. 24", "2026-02-24"),
    ("The rivals decided to meet again in August.", "August", "2026-08"),
    ("They agreed on Monday to close the mine in the autumn.", "the autumn", "2026-FA"),
    ("The reactor will be shut down in the autumn.", "the autumn", "2026-FA"),
    ("Officials said on Monday that the plant would be shut down in the autumn.", "the autumn", "2026-FA"),
    ("The old reactor is to be shut down in the autumn, the ministry said.", "the autumn", "2026-FA"),
    # but "tried to", "began to" happen at the verb's own (past) time
    ("Smugglers tried to cross the border in December.", "December", "2025-12"),
])
def test_direction_of_the_governing_clause(run_time, sentence, expr, value):
    assert _find(run_time(sentence), expr).value == value


@pytest.mark.parametrize("sentence, expr, value, granularity", [
    ("The ceasefire talks will resume in six months' time.", "in six months' time", "2026-08", "month"),
    ("A ruling is due in two weeks' time.", "in two weeks' time", "2026-W09", "week"),
    ("The junta will hand over power within three months.", "three months", "2026-05", "month"),
    ("The new tariffs take effect in two weeks.", "two weeks", "2026-W09", "week"),
])
def test_future_points_counted_from_publication(run_time, sentence, expr, value, granularity):
    t = _find(run_time(sentence), expr)
    assert (t.type, t.value, t.granularity) == ("DATE", value, granularity)


@pytest.mark.parametrize("sentence, expr", [
    ("Exports grew 5 percent in two years.", "two years"),
    ("Within three months of the coup, the army had taken the capital.", "three months"),
])
def test_past_or_anchored_spans_stay_durations(run_time, sentence, expr):
    assert _find(run_time(sentence), expr).type == "DURATION"


def test_day_of_month_takes_the_month_from_context(run_time):
    a = run_time("The ceasefire began on March 2. On the 5th, the rebels walked out of the talks.",
                 published="2025-03-14")
    assert _find(a, "the 5th").value == "2025-03-05"
    b = run_time("The envoys will return on the 25th.")
    assert _find(b, "the 25th").value == "2026-02-25"
    c = run_time("The delegations arrived on the 3rd and left by the 9th.")
    assert (_find(c, "the 3rd").value, _find(c, "the 9th").value) == ("2026-02-03", "2026-02-09")


def test_ordinal_before_a_noun_is_not_a_day(run_time):
    a = run_time("It was the 3rd attempt, and the 25th anniversary of the accord, on Friday.")
    assert _texts(a) == ["Friday"]


def test_percentages_are_not_a_range_of_years(run_time):
    a = run_time("Support for the accord fell from 62 percent in 2021 to 48 percent.")
    assert [(t.text, t.value) for t in a.result.timexes] == [("2021", "2021")]
    b = run_time("He led the party from 1998 to 2004 and again in 2010-12.")
    assert [t.value for t in b.result.timexes] == ["1998/2004", "2010/2012"]


# -- calendar arithmetic (python-dateutil), holidays, values beyond the calendar --------------------------
@pytest.mark.parametrize("sentence, published, expr, value", [
    ("Prices rose last month.", "2026-01-15", "last month", "2025-12"),
    ("Results are due next quarter.", "2025-11-30", "next quarter", "2026-Q1"),
    ("The plant closed three months ago.", "2026-01-31", "three months ago", "2025-10"),
    ("Sales fell in the latest quarter.", "2026-01-10", "the latest quarter", "2025-Q4"),
    ("The tariffs were lifted two quarters ago.", "2026-02-12", "two quarters ago", "2025-Q3"),
    ("The talks were held on the 28th.", "2026-01-05", "the 28th", "2025-12-28"),
])
def test_month_and_quarter_arithmetic(run_time, sentence, published, expr, value):
    assert _find(run_time(sentence, published=published), expr).value == value


@pytest.mark.parametrize("expr, value", [
    ("Labor Day 2025", "2025-09-01"),        # first Monday of September
    ("Thanksgiving 2025", "2025-11-27"),     # fourth Thursday of November
    ("Memorial Day 2025", "2025-05-26"),     # last Monday of May
    ("Good Friday 2025", "2025-04-18"),      # two days before Easter
    ("Easter Monday 2024", "2024-04-01"),
    ("Christmas Eve 2024", "2024-12-24"),
])
def test_holidays_of_a_stated_year(run_time, expr, value):
    assert _find(run_time(f"The border stayed open on {expr}."), expr).value == value


def test_holiday_without_year_by_tense_and_by_last_or_next(run_time):
    a = run_time("The envoys met last Thanksgiving and will meet again next Easter.")
    assert (_find(a, "last Thanksgiving").value, _find(a, "next Easter").value) == ("2025-11-27", "2026-04-05")


def test_counts_beyond_the_calendar_have_no_value(run_time):
    a = run_time("The fund was set up 30,000 months ago and the archive 1,000,000 days ago.")
    assert _texts(a) == ["30,000 months ago", "1,000,000 days ago"]
    assert all(t.value is None and "beyond the calendar" in t.reason for t in a.result.timexes)


# -- the rules and their words ------------------------------------------------------------------------
def test_every_detection_rule_has_a_normalisation_rule():
    from entente.stages.time import detect
    from entente.stages.time.normalise import COMPOSITE, RULES

    detected = [name for name, _ in detect.compiled()]
    assert detected and set(detected) == set(RULES) | COMPOSITE


def test_time_words_are_text():
    """YAML reads a bare `on`, `no` or `off` as a boolean: no word of the time data may be one."""
    from entente.ontology import language

    def leaves(x):
        if isinstance(x, dict):
            for k, v in x.items():
                yield k
                yield from leaves(v)
        elif isinstance(x, list):
            for v in x:
                yield from leaves(v)
        else:
            yield x

    found = list(leaves(language.table("time")))
    assert len(found) > 500
    assert [x for x in found if isinstance(x, bool)] == []
    assert "on" in language.words("time", "point_prepositions")


def test_calendar_arithmetic():
    import datetime as dt

    from entente.stages.time.normalise import calendar_math as cm

    thu = dt.date(2026, 2, 12)
    assert (cm.weekday_before(thu, 3), cm.weekday_before(thu, 3, strictly=True)) == (thu, dt.date(2026, 2, 5))
    assert (cm.weekday_after(thu, 0), cm.weekday_after(thu, 3, strictly=True)) == (dt.date(2026, 2, 16),
                                                                                   dt.date(2026, 2, 19))
    assert cm.months_from(dt.date(2026, 1, 31), -1) == dt.date(2025, 12, 1)
    assert cm.quarters_from(dt.date(2026, 2, 12), -1) == dt.date(2025, 10, 1)
    assert (cm.nth_weekday(2024, 5, 0, -1), cm.nth_weekday(2024, 11, 3, 4)) == (dt.date(2024, 5, 27),
                                                                              dt.date(2024, 11, 28))
    assert cm.after_easter(2025, -2) == dt.date(2025, 4, 18)
    assert cm.shift(thu, 2, "quarter", -1) == ("2025-Q3", "quarter")
    assert cm.shift(thu, 30_000, "month", -1) is None


def test_rule_prefilter_never_drops_a_match():
    # time/detect.py skips a rule in a window that lacks text every match of the rule contains; if a
    # rule is changed so a match can lack that text, this fails (the prefilter would drop matches)
    from entente.stages.time import detect

    text = ("In the third quarter of 2024 and the first half of 2023, the year-end figures came out. Two years "
            "ago, a year earlier and three days later the talks resumed; months before, weeks after that. Twice "
            "a year, three times a week, every Monday and each month, per year. At that time the week before, "
            "the day after, the following month, the previous year, the same day, that week. This week, last "
            "month, next year, the past decade, the coming days. From May 3 to May 9, between 2019 and 2021, "
            "1990-1995, 2001 to 2004, the 1990s. On 3/5/2024, on 2024-03-05, on the 5th, the 21st.")
    rules = dict(detect.compiled())
    exercised = set()
    for name, must in detect._musts().items():
        for m in rules[name].finditer(text):
            if m.end() > m.start():
                exercised.add(name)
                assert must.search(text, m.start(), m.end()), (name, m.group(0))
    assert len(exercised) >= 15, sorted(exercised)
