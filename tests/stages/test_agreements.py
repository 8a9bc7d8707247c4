"""Agreements stage: named agreements, parties, topic, status from the events around them."""
from __future__ import annotations

from entente.stages.agreements.detect import normalise_key


def _named(result, name):
    found = [a for a in result.agreements if a.name == name]
    assert found, f"no agreement {name!r}: {[a.name for a in result.agreements]}"
    return found[0]


def test_normalised_key_is_stable_across_spellings():
    assert normalise_key("the US-India Bilateral Trade Agreement (BTA)") == normalise_key("India - US bilateral trade agreement")
    assert normalise_key("U.S.-Mexico Agreement") == normalise_key("US-Mexico Agreement")
    assert normalise_key("the Abraham Accords") == "abraham accords"


def test_signed_treaty_with_parties_and_topic(analyse):
    r = analyse("Brazil and Argentina signed the Southern Fisheries Treaty in Montevideo on Tuesday.", "2024-05-10")
    a = _named(r.result, "Southern Fisheries Treaty")
    assert a.status == "signed"
    assert a.topic == "maritime"
    assert a.id and a.id.startswith("agr-")


def test_named_by_its_countries(analyse):
    r = analyse("Officials said the Kenya-Ethiopia Border Agreement would be ratified next year.")
    a = _named(r.result, "Kenya-Ethiopia Border Agreement")
    assert a.parties == ["ETH", "KEN"]
    assert a.status == "signed"  # a future ratification is not a ratification, but implies a signature


def test_negotiations_and_acronym(analyse):
    text = ("Talks on the Comprehensive Economic Partnership Agreement (CEPA) resumed in Delhi. "
            "Negotiators said the CEPA could be concluded by June.")
    r = analyse(text, "2025-03-01")
    a = _named(r.result, "Comprehensive Economic Partnership Agreement (CEPA)")
    assert a.status == "under negotiation"
    assert any(m.text == "CEPA" for m in a.mentions)
    assert len(r.result.agreements) == 1


def test_framework_beats_a_descriptive_proposed(analyse):
    text = ("The two governments reached a framework for a Transit Agreement last week. "
            "The proposed Transit Agreement is expected to cut border delays.")
    r = analyse(text, "2025-06-01")
    assert _named(r.result, "Transit Agreement").status == "framework reached"


def test_withdrawal_is_final(analyse):
    text = ("The Grain Corridor Agreement entered into force in 2022. "
            "Moscow withdrew from the Grain Corridor Agreement in July 2023.")
    r = analyse(text, "2024-01-01")
    assert _named(r.result, "Grain Corridor Agreement").status == "withdrawn"


def test_lowercase_framework_is_not_an_agreement(analyse):
    r = analyse("The ministers agreed to work within the existing framework and the partnership.")
    assert r.result.agreements == []


def test_common_noun_with_a_name(analyse):
    r = analyse("Washington abandoned the Iran nuclear deal in 2018.", "2020-01-01")
    a = [x for x in r.result.agreements if "nuclear deal" in x.name]
    assert a and a[0].status == "withdrawn" and a[0].topic == "nuclear"


def test_seed_agreements(seed_result):
    names = {a.name: a for a in seed_result.agreements}
    interim = names["Interim Agreement"]
    assert interim.parties == ["IND", "USA"] and interim.topic == "trade" and interim.status == "framework reached"
    bta = names["US-India Bilateral Trade Agreement (BTA)"]
    assert bta.parties == ["IND", "USA"] and bta.status == "under negotiation"
    assert bta.date is not None and bta.date.value == "2025-02-13"


def test_no_status_cue_is_unknown_not_proposed(analyse):
    r = analyse("Analysts compared the situation with the years after the Dayton Accords.")
    a = _named(r.result, "Dayton Accords")
    assert a.status == "unknown"


def test_laws_and_organisations_are_not_agreements(analyse):
    r = analyse("The Government of National Accord and the Inter-Parliamentary Alliance on China criticised "
                "the Chinese Exclusion Act.")
    assert r.result.agreements == []


def test_date_is_not_part_of_the_name(analyse):
    r = analyse("Both sides said the September 17 agreement had collapsed.", "2024-10-01")
    assert not [a for a in r.result.agreements if "September" in a.name]
