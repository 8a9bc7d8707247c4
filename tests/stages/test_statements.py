"""Statements stage: quotes in every style, reported speech, speakers, channels."""
from __future__ import annotations

import pytest

from entente.stages.statements.quotes import find_quotes


def _by_text(result, start):
    found = [s for s in result.statements if s.text.startswith(start)]
    assert found, f"no statement starting {start!r}: {[s.text for s in result.statements]}"
    return found[0]


# -- word lists ---------------------------------------------------------------
def test_statement_word_lists_are_strings_each_read_by_the_stage():
    import pathlib

    from entente.ontology import language
    from entente.stages import statements

    data = language.table("statements")
    assert len(data) >= 20
    code = "".join(p.read_text(encoding="utf-8") for p in pathlib.Path(statements.__file__).parent.glob("*.py"))
    for key, words in data.items():
        # a bare on/no/off in YAML is a boolean, not a word
        assert words and all(isinstance(w, str) and w for w in words), key
        assert f'"{key}"' in code, f"{key} is read by no module of the stage"


# -- quote marks (text only) -------------------------------------------------
def test_quote_marks_pairing():
    text = ('“We will not back down,” she said. He called it "a mistake".\n\n'
            "''Typewriter quotes count too,'' he said.")
    got = [[text[s:e] for s, e in g.segments] for g in find_quotes(text)]
    assert got == [["We will not back down"], ["a mistake"], ["Typewriter quotes count too"]]


def test_quote_spanning_paragraphs_is_one_group():
    text = "“The first paragraph of the quote.\n\n“The second paragraph ends it.”\n\nAfterwards."
    groups = find_quotes(text)
    assert len(groups) == 1
    assert [text[s:e] for s, e in groups[0].segments] == ["The first paragraph of the quote.", "The second paragraph ends it."]


def test_a_lone_closing_mark_ends_a_single_quote():
    # a heading quoted with a space before its closing mark, run into the next paragraph's words
    text = "Rights groups worry. \u2018We are very concerned \u2019 In a statement, the ministry said more."
    got = [[text[s:e] for s, e in g.segments] for g in find_quotes(text)]
    assert got == [["We are very concerned"]]


def test_apostrophes_are_not_quotes():
    assert find_quotes("The minister’s plan and the ’90s are not quotes, nor is rock ’n’ roll.") == []


# -- direct quotes -------------------------------------------------------------
def test_direct_quote_after_cue_with_curly_marks(analyse):
    r = analyse("“Our two nations stand together on energy security,” Minister Alvaro Keene said on Monday.")
    s = _by_text(r.result, "Our two nations stand together")
    assert s.direct and s.cue == "said"
    assert "Keene" in (s.speaker_text or "")
    assert r.text[s.start:s.end] == "Our two nations stand together on energy security"


def test_colon_before_quote(analyse):
    r = analyse('The envoy Martin Osei told reporters: "The ceasefire must hold. Nobody wants another war."')
    s = _by_text(r.result, "The ceasefire must hold")
    assert s.direct and "Osei" in (s.speaker_text or "")
    assert s.text.endswith("another war.")
    assert s.channel == "press conference"


def test_split_quote_is_one_statement(analyse):
    r = analyse("“We have made progress,” said Foreign Minister Hanna Lind, “but much work remains on the border.”")
    direct = [s for s in r.result.statements if s.direct]
    assert len(direct) == 1
    assert direct[0].text.startswith("We have made progress") and direct[0].text.endswith("on the border.")
    assert "Lind" in (direct[0].speaker_text or "")


def test_multi_paragraph_quote_keeps_speaker(analyse):
    text = ("“The talks were frank and long,” President Mirela Vass said.\n\n"
            "“We will meet again next month in Geneva to finish the text.”")
    r = analyse(text)
    s = _by_text(r.result, "The talks were frank")
    assert s.end > text.index("finish the text")  # the continuation joined the statement
    assert "Vass" in (s.speaker_text or "")


def test_scare_quote_is_not_a_statement(analyse):
    r = analyse("The so-called “peace dividend” never arrived in the northern provinces.")
    assert not [s for s in r.result.statements if "peace dividend" in s.text]


def test_quoted_phrase_attributed_by_clause_speaker(analyse):
    r = analyse("Describing the treaty as a “historic step,” Senator Ada Brandt urged colleagues to ratify it.")
    s = _by_text(r.result, "historic step")
    assert s.direct
    assert "Brandt" in (s.speaker_text or "")


def test_quoted_title_is_not_a_statement(analyse):
    r = analyse("Johnson appeared on “Meet the Press” on Sunday and said the deal was fair.")
    assert not [s for s in r.result.statements if s.text == "Meet the Press"]
    assert _by_text(r.result, "the deal was fair").direct is False


# -- reported speech -------------------------------------------------------------
def test_reported_speech_with_that(analyse):
    r = analyse("The foreign ministry said in a statement that the talks would resume in March.")
    s = _by_text(r.result, "that the talks would resume")
    assert not s.direct and s.cue == "said" and s.channel == "statement"
    assert "ministry" in (s.speaker_text or "")


def test_according_to(analyse):
    r = analyse("According to the defence ministry, two drones were shot down overnight.")
    s = _by_text(r.result, "two drones were shot down")
    assert s.cue == "according to" and "ministry" in (s.speaker_text or "")


def test_trailing_cue(analyse):
    r = analyse("The convoy crossed the border before dawn, officials said.")
    s = _by_text(r.result, "The convoy crossed the border")
    assert not s.direct and s.speaker_text == "officials"


def test_readout_speaker_is_its_issuer_and_later_readout_refers_back(analyse):
    text = ("A readout issued by government spokesperson Lena Marsh said the two ministers discussed port access. "
            "The readout noted that both sides agreed to meet again.")
    r = analyse(text)
    first = _by_text(r.result, "the two ministers discussed")
    second = _by_text(r.result, "that both sides agreed")
    assert first.channel == "readout" and second.channel == "readout"
    assert "Marsh" in (first.speaker_text or "") and "Marsh" in (second.speaker_text or "")


def test_channel_from_an_earlier_post(analyse):
    text = ("In a message on the platform X, the minister praised the trade accord.\n\n"
            "“It is a good day for farmers,” the minister wrote.")
    r = analyse(text)
    s = _by_text(r.result, "It is a good day")
    assert s.cue == "wrote" and s.channel == "X"


def test_interview_channel(analyse):
    r = analyse("In an interview with a local newspaper, Prime Minister Oren Kale said his government would not resign.")
    s = _by_text(r.result, "his government would not resign")
    assert s.channel == "interview"


def test_statement_ids_are_stable_and_offsets_point_into_text(analyse):
    text = "Officials said the border would reopen on Friday."
    a, b = analyse(text), analyse(text)
    assert a.result.statements and [s.id for s in a.result.statements] == [s.id for s in b.result.statements]
    for s in a.result.statements:
        assert a.text[s.start:s.end] == s.text


def test_speaker_is_an_actor_when_the_actors_stage_knows_it(analyse):
    r = analyse("US Secretary of State Marco Rubio said the United States would support the plan.")
    s = _by_text(r.result, "the United States would support")
    assert r.result.actors, "the actors stage produced nothing"
    assert s.speaker is not None
    assert "Rubio" in r.actor(s.speaker).name


def test_seed_quotes(seed_result):
    got = {s.text[:20]: s for s in seed_result.statements}
    perdue = [s for s in seed_result.statements if s.text.startswith("The US-India relationship delivers")]
    assert perdue and perdue[0].direct and perdue[0].channel == "X" and perdue[0].cue == "wrote"
    readout = [s for s in seed_result.statements if s.text.startswith("the two leaders discussed")]
    assert readout and not readout[0].direct and readout[0].channel == "readout"
    assert "Pigott" in readout[0].speaker_text
    for phrase in ("free and open", "force for good"):
        q = [s for s in seed_result.statements if s.text.startswith(phrase)]
        assert q and q[0].direct, (phrase, list(got))


def test_parenthetical_cue_content_on_both_sides(analyse):
    text = "The latest missile test, the defence ministry said, was the largest this year."
    r = analyse(text)
    s = [x for x in r.result.statements if x.cue == "said"]
    assert s and s[0].start == 0 and s[0].text.endswith("the largest this year")
    assert "ministry" in (s[0].speaker_text or "")


def test_several_clauses_before_a_trailing_cue(analyse):
    text = "The convoy was meant to leave at noon, but the army stopped it at the bridge, a local official said."
    r = analyse(text)
    s = [x for x in r.result.statements if x.cue == "said"][0]
    assert s.start == 0 and "stopped it at the bridge" in s.text


def test_dash_attribution_after_a_quote(analyse):
    r = analyse("“Nobody listens to the farmers in this valley.” ― Amara Njoku, a grain trader")
    s = _by_text(r.result, "Nobody listens to the farmers")
    assert s.direct and "Njoku" in (s.speaker_text or "")


def test_transcript_turn(analyse):
    text = "HOST: What will you raise with the delegation tomorrow?\n\nOKAFOR: Border trade, first of all, and the visa rules."
    r = analyse(text)
    turn = [s for s in r.result.statements if s.cue == ":" and s.text.startswith("Border trade")]
    assert turn and turn[0].speaker_text == "OKAFOR"


def test_transcript_turns_run_on_in_one_paragraph(analyse):
    text = ("VOA spoke with Amina Otieno, Kenya's former foreign minister. VOA: What did you discuss in Kampala? "
            "Otieno: We discussed the border and the trade in milk. VOA: And the ban? Otieno: Uganda must lift its "
            "ban on our milk.")
    r = analyse(text)
    names = {a.id: a.name for a in r.result.actors}
    turns = {s.text.split()[0]: names.get(s.speaker) for s in r.result.statements if s.cue == ":"}
    assert turns.get("We") == "Amina Otieno" and turns.get("Uganda") == "Amina Otieno"
    assert turns.get("What") == "VOA"


def test_a_single_colon_inside_a_paragraph_is_no_turn(analyse):
    r = analyse("The minister made one point clear. Otieno: the border stays open. Trade resumed on Monday.")
    assert not [s for s in r.result.statements if s.cue == ":" and s.text.startswith("the border")]


def test_headline_label_is_not_a_speaker(analyse):
    r = analyse("Update: The Talks Resume In Vienna After A Pause")
    assert not [s for s in r.result.statements if s.cue == ":"]


def test_named_act_with_quoted_label(analyse):
    r = analyse("The opposition leader called the budget “a betrayal of working families” on Tuesday.")
    quoted = [s for s in r.result.statements if s.direct]
    assert quoted and quoted[0].text.startswith("a betrayal")
    assert "leader" in (quoted[0].speaker_text or "")


def test_speaker_never_reaches_into_a_quote(analyse):
    r = analyse("“The deal is very significant,” Representative Ana Ruiz told reporters.")
    s = _by_text(r.result, "The deal is very significant")
    assert "“" not in (s.speaker_text or "") and "significant" not in (s.speaker_text or "")


# -- speaker resolution: the head person of the subject phrase ------------------
def _actor(r, sid):
    return next((a for a in r.result.actors if a.id == sid), None)


def test_title_name_speaker_is_the_person_not_the_body(analyse):
    r = analyse("European Commission President Ursula von der Leyen said the bloc was ready to respond.")
    s = _by_text(r.result, "the bloc was ready")
    a = _actor(r, s.speaker)
    assert a is not None and a.kind == "person", (s.speaker_text, a)


def test_country_title_name_speaker_is_the_person(analyse):
    r = analyse("Brazil's Foreign Minister Mauro Vieira said the talks would resume next week.")
    s = _by_text(r.result, "the talks would resume")
    a = _actor(r, s.speaker)
    assert a is not None and a.kind == "person" and "Vieira" in a.name


def test_joint_speakers(analyse):
    r = analyse("Rubio and Jaishankar said the partnership between their countries was strong.")
    s = _by_text(r.result, "the partnership")
    names = {_actor(r, x).name for x in s.speakers}
    assert any("Rubio" in n for n in names) and any("Jaishankar" in n for n in names)
    assert s.speaker == s.speakers[0]


def test_colon_after_a_name_introduces_a_quote(analyse):
    r = analyse("Leaders reacted swiftly. Spanish Prime Minister Pedro Sánchez: “Europe must stand united against this aggression.”")
    s = _by_text(r.result, "Europe must stand united")
    assert s.direct and "Sánchez" in (s.speaker_text or "")


def test_question_clause_is_not_the_content(analyse):
    r = analyse("Asked whether the sanctions would be lifted, Lavrov said: “That depends on Washington.”")
    assert not any(s.text.startswith("whether") for s in r.result.statements)
    s = _by_text(r.result, "That depends on Washington")
    assert s.direct and "Lavrov" in (s.speaker_text or "")


def test_described_speaker_keeps_its_text(analyse):
    r = analyse("A police spokesman said three people were arrested near the border.")
    s = _by_text(r.result, "three people were arrested")
    assert s.speaker_text == "A police spokesman"


def test_the_description_told_again_is_the_speaker_described_before(analyse):
    r = analyse("A senior Peruvian diplomat said the talks had stalled. "
                "The diplomat later added that Lima would recall its ambassador.")
    first = _by_text(r.result, "the talks had stalled")
    again = _by_text(r.result, "that Lima would recall")
    assert first.speaker is not None and again.speaker == first.speaker
    assert r.actor(first.speaker).country == "PER"


@pytest.mark.parametrize("story", [
    "Quad foreign ministers met in Tokyo on Monday. “We will keep the sea open,” the diplomats said.",
    "Top diplomats from the Quad met in Tokyo on Monday. “We will keep the sea open,” the ministers said.",
])
def test_the_officials_a_grouping_named_speak_for_it(analyse, story):
    r = analyse(story)
    s = _by_text(r.result, "We will keep the sea open")
    assert s.speaker is not None and r.actor(s.speaker).name == "Quad"


@pytest.mark.parametrize("text", [
    "The ministry declined to comment on the report.",
    "Ramaphosa did not say whether he would attend the summit.",
    "The families demanded their release.",
    "Critics call the new law a \"foreign agents\" bill.",
])
def test_no_content_no_statement(analyse, text):
    assert analyse(text).result.statements == []


@pytest.mark.parametrize("text,content", [
    ("Beijing denied the claim.", "the claim"),
    ("Orban called the proposals a rehash of old ideas.", "the proposals a rehash of old ideas"),
])
def test_claim_verbs_take_a_noun_phrase_content(analyse, text, content):
    (s,) = analyse(text).result.statements
    assert s.text == content and (s.speaker is not None or s.speaker_text)


def test_single_straight_quotes_are_direct(analyse):
    r = analyse("'We are not for sale,' the Greenland premier said.")
    s = _by_text(r.result, "We are not for sale")
    assert s.direct
    assert find_quotes("Greenland's leaders' views on the '90s and rock 'n' roll.") == []


# -- further cue mechanisms ------------------------------------------------------
def test_nominal_cue_with_that_clause(analyse):
    r = analyse("Fact-checkers examined Donald Trump’s claim that there had been thousands of shootings in Chicago.")
    s = _by_text(r.result, "that there had been thousands")
    assert s.cue == "claim" and "Trump" in (s.speaker_text or "")


def test_headline_says(analyse):
    r = analyse("Merkel Says Europe Must Take Its Fate Into Its Own Hands\nThe chancellor spoke in Munich on Sunday.")
    s = _by_text(r.result, "Europe Must Take Its Fate")
    assert "Merkel" in (s.speaker_text or "") and "\n" not in s.text


def test_told_outlet_keeps_content_before_cue(analyse):
    r = analyse("The governor could back a new water policy next year, Sen. Ruth Alder told The Daily Ledger on Tuesday.")
    s = _by_text(r.result, "The governor could back")
    assert "Alder" in (s.speaker_text or "") and s.channel != "social media"


def test_definite_description_refers_back_to_the_body(analyse):
    r = analyse("The World Health Organization issued a warning on Monday. The health agency said the outbreak was spreading.")
    s = _by_text(r.result, "the outbreak was spreading")
    a = _actor(r, s.speaker)
    assert a is not None and "Health" in a.name


def test_a_plan_needs_a_person_or_body(analyse):
    r = analyse("The initiative aims to mobilize personnel across the region. Abubakar said the force was ready.")
    assert not any(s.cue == "aims" for s in r.result.statements)
    _by_text(r.result, "the force was ready")


def test_dash_source_after_a_no_break_space(analyse):
    r = analyse("“He scares me and my family every day.”\u00a0― Jacklyn Ashley\u00a0\n“We need law and order now.” ― Esther Tapia")
    s = _by_text(r.result, "He scares me")
    assert "Ashley" in (s.speaker_text or "") and s.end - s.start < 45


def test_parenthetical_cue_after_fronted_words(analyse):
    r = analyse("Home in Oregon, Ms. Lane said, she chose to go after the timber companies.")
    s = _by_text(r.result, "Home in Oregon")
    assert "Lane" in (s.speaker_text or "") and "timber companies" in s.text


def test_verbless_quote_goes_on_with_the_previous_quote(analyse):
    text = "“Here comes the boss,” she said, laughing. “The big man. Finally.”\n\nHe left."
    r = analyse(text)
    s = _by_text(r.result, "Here comes the boss")
    assert text[s.start:s.end].endswith("Finally.") and len(r.result.statements) == 1


def test_verbless_quote_alone_is_no_statement(analyse):
    r = analyse("The crowd waited in the rain.\n\n“The big man. Finally.”")
    assert r.result.statements == []


def test_cognition_verb_with_a_clause(analyse):
    r = analyse("Ms. Okafor realized the ballots had been counted twice.")
    s = _by_text(r.result, "the ballots had been counted twice")
    assert "Okafor" in (s.speaker_text or "")


def test_attitude_verb_with_a_noun_phrase_content(analyse):
    r = analyse("Senator Hale attacked the governor for his handling of the flood.")
    s = _by_text(r.result, "the governor for his handling")
    assert "Hale" in (s.speaker_text or "")


def test_questioned_whether(analyse):
    r = analyse("Ms. Duarte questioned whether the mayor was ready for the job.")
    s = _by_text(r.result, "whether the mayor was ready")
    assert "Duarte" in (s.speaker_text or "")


def test_finding_in_a_poll(analyse):
    r = analyse("In the latest Herald poll, Smith led Jones by 4 points among likely voters.")
    s = _by_text(r.result, "Smith led Jones")
    assert "poll" in (s.speaker_text or "").lower() or "Herald" in (s.speaker_text or "")


def test_poll_shows_a_noun_phrase_but_a_person_showing_dogs_is_no_statement(analyse):
    r = analyse("Surveys show Okafor with a narrow edge over the mayor.")
    s = _by_text(r.result, "Okafor with a narrow edge")
    assert "Surveys" in (s.speaker_text or "")
    assert analyse("He shows dogs at county fairs.").result.statements == []


def test_gerund_object_of_a_proposal(analyse):
    r = analyse("Senator Maria Hale proposes doing away with the rule requiring all firms to buy insurance.")
    s = _by_text(r.result, "doing away with the rule")
    assert "Hale" in (s.speaker_text or "") and s.cue == "proposes"


def test_belief_of_a_group(analyse):
    r = analyse("Many of his voters believe higher tariffs are harmless.")
    s = _by_text(r.result, "higher tariffs are harmless")
    assert "voters" in (s.speaker_text or "")


def test_nominal_cue_with_the_issuer_as_a_modifier(analyse):
    r = analyse("Voters read a Reuters report that the company had hidden its losses.")
    s = _by_text(r.result, "that the company had hidden")
    assert s.cue == "report" and "Reuters" in (s.speaker_text or "")


# -- a description of a person refers back to the latest person with that title ----
def _speaker_name(r, s):
    return r.actor(s.speaker).name if s.speaker else None


@pytest.mark.parametrize("text, start, name", [
    ("French President Emmanuel Macron met German Chancellor Olaf Scholz. The president said the talks were useful.",
     "the talks were useful", "Emmanuel Macron"),
    ("French President Emmanuel Macron met German Chancellor Olaf Scholz. The chancellor said the talks were useful.",
     "the talks were useful", "Olaf Scholz"),
    ("Indian Foreign Minister Subrahmanyam Jaishankar met Secretary of State Marco Rubio in Washington. "
     "The minister told reporters that ties were strong.", "that ties were strong", "Subrahmanyam Jaishankar"),
    ("Principal Deputy Spokesperson Tommy Pigott briefed reporters on Tuesday. The spokesperson said that talks would continue.",
     "that talks would continue", "Tommy Pigott"),
    ("Senator Jim Risch visited Kyiv on Monday. The senator said aid must continue.", "aid must continue", "Jim Risch"),
    ("Ambassador Elise Stefanik met officials in New York. The ambassador wrote that the vote was a disgrace.",
     "that the vote was a disgrace", "Elise Stefanik"),
])
def test_description_resolves_to_titled_person(analyse, text, start, name):
    r = analyse(text)
    s = _by_text(r.result, start)
    assert _speaker_name(r, s) == name


def test_description_country_adjective_must_agree(analyse):
    text = ("Indian Foreign Minister Subrahmanyam Jaishankar met Japanese Foreign Minister Yoko Kamikawa. "
            "The Indian minister said the partnership would grow.")
    r = analyse(text)
    s = _by_text(r.result, "the partnership would grow")
    assert _speaker_name(r, s) == "Subrahmanyam Jaishankar"
    text = ("Indian Foreign Minister Subrahmanyam Jaishankar met Japanese Foreign Minister Yoko Kamikawa. "
            "The Japanese minister said the partnership would grow.")
    r = analyse(text)
    s = _by_text(r.result, "the partnership would grow")
    assert _speaker_name(r, s) == "Yoko Kamikawa"


def test_description_without_matching_title_keeps_text_only(analyse):
    r = analyse("French President Emmanuel Macron visited Berlin on Monday. The senator said the talks were useful.")
    s = _by_text(r.result, "the talks were useful")
    assert s.speaker is None or _speaker_name(r, s) != "Emmanuel Macron"
    assert "senator" in (s.speaker_text or "").lower()


def test_content_verb_of_a_cue_is_not_a_second_cue(analyse):
    """In "said aid must continue" the verb "continue" is the content, not a trailing cue."""
    r = analyse("The senator said aid must continue.")
    assert [(s.text, s.cue) for s in r.result.statements] == [("aid must continue", "said")]


def test_speaker_after_the_quote_when_the_parse_hangs_the_name_elsewhere(analyse):
    a = analyse("\"The base was always the conversation stopper,\" said international relations lecturer "
                "Jan Roe of Istanbul's Kadir Has University.")
    st = _by_text(a.result, "The base was always")
    assert a.actor(st.speaker).name == "Jan Roe"


def test_speaker_of_a_finite_verb_read_as_a_modifier(analyse):
    a = analyse("Mara Doyle, head of the Lakeside Growers Union, called the new grain levy "
                "\"a grave mistake and will badly hurt every farmer who sells abroad.\"")
    st = _by_text(a.result, "a grave mistake")
    assert a.actor(st.speaker).name == "Mara Doyle"


def test_they_continues_the_body_that_spoke_not_the_outlet_it_told(analyse):
    a = analyse("Aid agencies tell VOA they have counted forty families in the camps. "
                "They say the youngest children are at the worst risk.")
    st = _by_text(a.result, "the youngest children")
    assert a.actor(st.speaker).name == "Aid agencies"


def _speaker_of(r, start):
    return _speaker_name(r, _by_text(r.result, start))


def test_subject_nearest_the_verb_is_the_speaker(analyse):
    # the parse may give "said" a second subject from inside the quotation
    r = analyse("Trade Minister Mark Hale said exporters were calm. He brushed aside talk of new cheese duties. "
                "\"Two or three lines with one region — I can't tell why that's a real worry,\" he said.")
    assert _speaker_of(r, "Two or three lines") == "Mark Hale"


def test_according_to_after_a_quotation_names_its_source(analyse):
    r = analyse("Trade grew last year. “The port has grown quickly and it is now vital,” according to Ravi Menon, "
                "a fellow at the Gateway House in Mumbai.")
    s = _by_text(r.result, "The port has grown")
    assert _speaker_of(r, "The port has grown") == "Ravi Menon" and s.cue == "according to"


def test_heading_run_into_a_quotation_does_not_take_it(analyse):
    # a heading without a full stop ("Calm returns") is no speech verb of the quotation after it
    r = analyse("Calm returns “Soldiers have stepped up the raids in recent days, yet the marches go on,” "
                "U.N. Resident Coordinator for Peru Lena Berg said. “Students and farmers keep them going.”")
    assert _speaker_of(r, "Soldiers have stepped up") == "Lena Berg"


def test_name_between_quotation_and_subjectless_verb_is_the_speaker(analyse):
    # here the parse hangs "spokesman" inside the quotation and leaves "told" without a subject
    r = analyse("“The shelling of homes and the arrests of reporters, including of students, are utterly "
                "unacceptable,” Lopez’ spokesman, Marco Diaz, told reporters.")
    assert _speaker_of(r, "The shelling of homes") == "Marco Diaz"


def test_department_word_names_the_office_holder(analyse):
    r = analyse("Commerce Secretary Tom Berg said the copper levy starts in June. Chile is a big supplier. "
                "The Commerce chief also brushed aside worries that Lee's levies would slow growth. "
                "\"Not at all,\" he said.")
    assert _speaker_of(r, "Not at all") == "Tom Berg"
