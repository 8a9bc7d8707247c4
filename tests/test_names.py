"""The name rules behind the registry (entente.names): pure functions, tested on names
written for these tests."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from entente import names
from entente.model import Actor, Agreement, Mention
from entente.ontology import codebook


def _actor(name, kind="person", country=None, mentions=()):
    return Actor(id="a1", name=name, kind=kind, country=country,
                 mentions=[Mention(text=m, start=0, end=len(m)) for m in (name, *mentions)])


# -- people ----------------------------------------------------------------------------
@pytest.mark.parametrize("written, tokens", [
    ("President Ana Lima", ["ana", "lima"]),
    ("Former Deputy Foreign Minister Ana Beatriz Lima", ["ana", "beatriz", "lima"]),  # a middle name stays
    ("Secretary of State Ana Lima", ["ana", "lima"]),
    ("Dr. Ana B. Lima", ["ana", "lima"]),      # honorific and middle initial
    ("J. Ana Lima", ["ana", "lima"]),          # a leading initial
    ("Ana Lima Jr.", ["ana", "lima"]),
    ("Ana Lima III", ["ana", "lima"]),
    ("José Núñez", ["jose", "nunez"]),         # accents folded
    ("Omar al-Rashid", ["omar", "al-rashid"]),  # a hyphenated particle stays with the surname
    ("Senator Lima", ["lima"]),                # a bare surname, title dropped
    ("Lima", ["lima"]),
])
def test_person_tokens(written, tokens):
    assert names.person_tokens(written) == tokens


def test_a_familiar_first_name_is_the_formal_one():
    assert names.person_tokens("Bill Okafor") == names.person_tokens("William Okafor") == ["william", "okafor"]
    assert names.person_tokens("Sen. Tom C. Okafor") == ["thomas", "okafor"]
    assert names.person_tokens("Bill") == ["bill"]  # alone it is a surname, not a first name


def test_every_codebook_title_and_honorific_is_stripped():
    cb = codebook.get()
    openers = sorted({*cb.honorifics, *(h for h in cb.title_heads if " " not in h)})
    assert len(openers) > 50
    for opener in openers:
        assert names.person_tokens(f"{opener.title()} Ana Lima") == ["ana", "lima"], opener
        assert names.starts_with_title(f"{opener.title()} Lima"), opener


def test_titles_are_read_from_the_codebook_and_its_user_files(tmp_path):
    """The one definition of titles is the codebook: a user file that adds one is obeyed."""
    assert names.person_tokens("Rabbi Ana Lima") == ["rabbi", "ana", "lima"]
    extra = tmp_path / "titles.json"
    extra.write_text(json.dumps({"titles": {"honorifics": ["rabbi"]}}), encoding="utf-8")
    try:
        codebook.configure([str(extra)])
        assert names.person_tokens("Rabbi Ana Lima") == ["ana", "lima"]
    finally:
        codebook.configure([])
    assert names.person_tokens("Rabbi Ana Lima") == ["rabbi", "ana", "lima"]


def test_surname_order_depends_on_the_country():
    # English news writes Chinese names surname first: "Wen" is Wen Haoran's surname.
    assert names.surname_fits("person:wen haoran", "wen", {"CHN"}, "CHN")
    assert names.surname_fits("person:wen haoran", "wen", {"CHN"}, None)
    assert not names.surname_fits("person:ana lima", "ana", {"BRA"}, "BRA")
    assert names.surname_fits("person:ana lima", "lima", {"BRA", None}, "BRA")
    assert names.surname_fits("person:ana lima", "lima", {"BRA"}, None)  # a surname of no known country
    assert not names.surname_fits("person:ana lima", "lima", {"BRA"}, "PRT")
    assert not names.surname_fits("person:ana lima", "lima", {None}, "BRA")  # nor a person of no known country


def test_person_keys():
    assert names.entity_key(_actor("President Ana B. Lima", country="BRA")) == "person:ana lima"
    assert names.entity_key(_actor("Ana Lima")) == "person:ana lima"  # the country is not part of a full name
    short = names.entity_key(_actor("Lima", country="BRA"))
    assert short == "person:lima@BRA" and names.is_short_person(short) and names.surname(short) == "lima"
    full = names.entity_key(_actor("Ana Lima"))
    assert names.is_full_person(full) and not names.is_short_person(full) and names.short_forms(full) == {"ana", "lima"}
    described = names.entity_key(_actor("border police commander", country="BRA"), "s7")
    assert described == "person:border police commander@BRA#s7"  # names no one outside its story
    assert not names.is_full_person(described) and not names.is_short_person(described)


def test_descriptions_have_no_proper_name_at_the_end():
    assert names.is_description("Harbour Authority spokesperson")
    assert names.is_description("coast guard")
    assert not names.is_description("Ana Lima")


def test_aliases_are_names_not_pronouns_or_descriptions():
    actor = _actor("Ana Lima", mentions=["Lima", "She", "The minister", "The Lima government", "her"])
    assert names.aliases(actor) == {"Ana Lima", "Lima", "The Lima government"}


def test_the_best_name_is_a_full_untitled_name():
    assert names.best_name(Counter({"Lima": 5, "President Ana Lima": 1, "Ana Lima": 1})) == "Ana Lima"
    assert names.best_name(Counter({"Ana Lima": 1, "Ana Beatriz Lima": 1})) == "Ana Beatriz Lima"  # the longer
    assert names.best_name(Counter({"WFO": 3, "World Fisheries Organization": 1})) == "World Fisheries Organization"
    assert names.best_name(Counter()) is None


# -- organisations -------------------------------------------------------------------
def test_organisation_keys():
    key = names.entity_key
    assert key(_actor("Kenya Ports Authority", "organization", "KEN")) == "org:ports authority"  # own country dropped
    assert key(_actor("The Ports Authority", "organization", "KEN")) == "org:ports authority"
    assert key(_actor("U.S. Treasury Department", "organization", "USA")) == "org:treasury department@USA"
    assert key(_actor("Treasury Department", "organization"), "s3") == "org:treasury department@-#s3"  # which one?
    assert key(_actor("WFO", "igo", "IGO")) == "org:wfo"
    assert key(_actor("WFO", "igo", "IGO", ["World Fisheries Organization"])) == "org:world fisheries organization"
    assert key(Actor(id="a1", name="Kenya", kind="state", country="KEN")) == "state:KEN"


def test_acronyms():
    assert names.acronym("U.N.") == "UN" and names.acronym("WFO") == "WFO"
    assert names.acronym("Lima") is None and names.acronym("A") is None
    assert names.initials("Court of Fisheries") == {"COF", "CF"}
    assert names.acronym_of("WFO", "World Fisheries Organization")
    assert names.acronym_of("NORDEX", "Northern Defence Exchange")  # letters from inside the words, in order
    assert not names.acronym_of("XYZ", "World Fisheries Organization")
    assert not names.acronym_of("KBT", "Coastal Broadcasting Trust")
    assert names.acronym_of("KBT", "Coastal Broadcasting Trust", "The Coastal Broadcasting Trust (KBT) said so.")
    assert names.spelled_by("WFO", ["WFO", "World Fisheries Organization"])
    assert not names.spelled_by("WFO", ["WFO"])  # an acronym does not spell itself


def test_acronyms_a_story_ties_to_an_organisation():
    text = "The Coastal Broadcasting Trust (KBT) and the World Fisheries Organization met."
    trust = _actor("Coastal Broadcasting Trust", "organization", "KEN")
    fisheries = _actor("World Fisheries Organization", "igo", "IGO", ["WFO"])
    assert names.org_acronyms(trust, text) == {"KBT"}
    assert names.org_acronyms(fisheries, text) == {"WFO"}
    assert names.org_acronyms(_actor("Harbour Board", "organization"), text) == set()


def test_agreement_key():
    deal = Agreement(name="Coastal Fisheries Pact (CFP)", parties=["KEN", "BRA"])
    assert names.agreement_key(deal) == "coastal fisheries pact|BRA,KEN"


# -- public figures (the registry's first cases) ---------------------------------------------
def test_person_key_ignores_titles_initials_dots_and_accents():
    assert names.person_tokens("President Donald J. Trump") == ["donald", "trump"]
    assert names.person_tokens("Donald Trump Jr.") == ["donald", "trump"]
    assert names.person_tokens("Secretary of State Marco Rubio") == ["marco", "rubio"]
    assert names.person_tokens("Recep Tayyip Erdoğan") == ["recep", "tayyip", "erdogan"]
    assert names.person_tokens("Bashar al-Assad") == ["bashar", "al-assad"]
    assert names.person_tokens("Senator Perdue") == ["perdue"]
    assert names.person_tokens("Jim Risch") == names.person_tokens("Sen. James E. Risch") == ["james", "risch"]
    key = names.entity_key(_actor("Ursula Von der Leyen"))
    assert key == names.entity_key(_actor("Ursula von der Leyen", country="DEU")) == "person:ursula von der leyen"


def test_acronyms_are_spelled_by_the_name():
    assert names.acronym_of("ICJ", "International Court of Justice")
    assert names.acronym_of("ASEAN", "Association of Southeast Asian Nations")
    assert names.acronym_of("OECD", "Organization for Economic Cooperation and Development")
    assert not names.acronym_of("EU", "European Commission")
    assert not names.acronym_of("MSF", "Doctors Without Borders")
    assert names.acronym_of("MSF", "Doctors Without Borders", "Doctors Without Borders (MSF) said")


def test_the_name_rules_are_pure():
    """No database and no parser behind them."""
    code = "import sys, entente.names; print(sorted(m for m in ('sqlalchemy', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
