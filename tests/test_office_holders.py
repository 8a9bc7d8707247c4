"""The dated knowledge base of office holders, on the shipped data file.

Expectations are public facts about who held which office when.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from entente.ontology import office_holders as oh

ROOT = Path(__file__).resolve().parents[1]


def _name(h):
    return h.name if h else None


# --- holder(): who held an office on a date ---------------------------------------

@pytest.mark.parametrize("day, expected", [
    ("1995-06-01", "Bill Clinton"),
    ("2004-11-03", "George W. Bush"),
    ("2010-01-01", "Barack Obama"),
    ("2019-06-01", "Donald Trump"),
    ("2021-01-19", "Donald Trump"),
    ("2021-01-20", "Joe Biden"),  # inauguration day: the incoming president
])
def test_us_president_on_a_date(day, expected):
    h = oh.holder("head_of_state", "USA", day)
    assert _name(h) == expected
    assert (h.country, h.office, h.sector) == ("USA", "head_of_state", "GOV")


def test_un_secretary_general_changes_hands_on_new_year_2017():
    assert _name(oh.holder("un_secretary_general", "IGO", "2016-12-31")) == "Ban Ki-moon"
    guterres = oh.holder("un_secretary_general", "IGO", "2017-01-01")
    assert _name(guterres) == "António Guterres"
    assert guterres.org == "United Nations" and guterres.sector == "IGO"
    assert guterres.title == "Secretary-General of the United Nations"


def test_foreign_minister_change():
    # The US Secretary of State changed from Tillerson to Pompeo in spring 2018.
    assert _name(oh.holder("foreign_minister", "USA", "2018-03-31")) == "Rex Tillerson"
    assert _name(oh.holder("foreign_minister", "USA", "2018-04-26")) == "Mike Pompeo"
    # The British Foreign Secretary changed from Hunt to Raab on 24 July 2019.
    assert _name(oh.holder("foreign_minister", "GBR", "2019-07-23")) == "Jeremy Hunt"
    assert _name(oh.holder("foreign_minister", "GBR", "2019-07-24")) == "Dominic Raab"


def test_other_offices_and_countries():
    assert _name(oh.holder("head_of_government", "GBR", "2012-01-01")) == "David Cameron"
    assert _name(oh.holder("head_of_state", "CHN", "2015-06-01")) == "Xi Jinping"
    assert _name(oh.holder("head_of_government", "RUS", "2010-06-01")) == "Vladimir Putin"
    assert _name(oh.holder("foreign_minister", "RUS", "2015-06-01")) == "Sergey Lavrov"
    assert _name(oh.holder("central_bank_governor", "USA", "2010-01-01")) == "Ben Bernanke"
    assert _name(oh.holder("national_security_adviser", "USA", "2019-01-01")) == "John R. Bolton"
    assert _name(oh.holder("un_ambassador", "USA", "2018-06-01")) == "Nikki Haley"


def test_presidential_republic_head_of_government_is_the_president():
    h = oh.holder("head_of_government", "USA", "2015-01-01")
    assert _name(h) == "Barack Obama" and h.office == "head_of_state"


def test_open_tenure_is_not_extended_past_the_snapshot():
    as_of = oh.source()["as_of"]["USA"]
    assert oh.holder("head_of_state", "USA", as_of) is not None
    assert oh.holder("head_of_state", "USA", "2035-01-01") is None
    # With no date the latest known holder is given.
    latest = oh.holder("head_of_state", "USA")
    assert latest is not None and latest.end is None


def test_unknown_office_or_country():
    assert oh.holder("head_of_state", "ZZZ", "2015-01-01") is None
    assert oh.holder("chief_astronaut", "USA", "2015-01-01") is None
    assert oh.holder("head_of_state", "USA", "1800-01-01") is None


# --- person(): the office holder a name refers to ----------------------------------

def test_full_name_and_family_name():
    for name in ("Sergey Lavrov", "Lavrov", "sergey lavrov"):
        h = oh.person(name, "2016-03-01")
        assert (h.name, h.country, h.office) == ("Sergey Lavrov", "RUS", "foreign_minister"), name


def test_short_forms_of_non_western_names():
    assert _name(oh.person("Xi", "2019-01-01")) == "Xi Jinping"  # family name first
    assert oh.person("Erdogan", "2019-01-01").country == "TUR"  # accents optional
    assert oh.person("el-Sisi", "2019-01-01").country == "EGY"
    assert oh.person("Sisi", "2019-01-01").country == "EGY"


def test_a_family_first_name_has_no_given_name_short_form():
    # "Tang Yao-ming" is Tang; his given name alone ("Yao Ming") is someone else's name
    assert oh.person("Tang Yao-ming").country == "TWN"
    assert oh.person("Yao Ming") is None
    assert oh.name_keys("Tang Yao-ming", [], {"TWN"})[1] == "tang"


def test_spelling_variants_meet():
    # Wikidata spells him "Vasily Nebenzya"; much of the press writes "Vassily Nebenzia".
    for name in ("Vasily Nebenzya", "Vassily Nebenzia", "Nebenzia"):
        h = oh.person(name, "2021-06-01")
        assert (h.name, h.country, h.office) == ("Vasily Nebenzya", "RUS", "un_ambassador"), name


def test_the_date_picks_the_office():
    assert oh.person("Vladimir Putin", "2010-01-01").office == "head_of_government"
    assert oh.person("Vladimir Putin", "2015-01-01").office == "head_of_state"
    assert oh.person("Hillary Clinton", "2011-01-01").office == "foreign_minister"


def test_out_of_office_on_that_date():
    # Trump's first term ended on 20 January 2021 and his second began on 20 January 2025:
    # the knowledge base knows no office of his in 2022.
    assert oh.person("Donald Trump", "2022-01-01") is None
    # Without a date, the most recent office.
    h = oh.person("Donald Trump")
    assert (h.country, h.office, h.start, h.end) == ("USA", "head_of_state", "2025-01-20", None)


def test_ambiguous_family_name_returns_none():
    # In 2020 António Guterres led the UN and Francisco Guterres was president of East Timor.
    assert oh.person("António Guterres", "2020-01-01").country == "IGO"
    assert oh.person("Francisco Guterres", "2020-01-01").country == "TLS"
    assert oh.person("Guterres", "2020-01-01") is None
    assert oh.offices_of("Guterres", "2020-01-01") == []
    # The same family name alone in office at another date is not ambiguous.
    assert _name(oh.person("Tillerson", "2017-06-01")) == "Rex Tillerson"


def test_unknown_name():
    assert oh.person("Zorbax Quillfeather", "2019-01-01") is None
    assert oh.person("Zorbax Quillfeather") is None
    assert oh.offices_of("Zorbax Quillfeather", "2019-01-01") == []
    assert oh.person("", "2019-01-01") is None


def test_offices_of_lists_concurrent_offices():
    offices = oh.offices_of("Mohammed bin Rashid Al Maktoum", "2015-01-01")
    keys = [h.office for h in offices]
    assert keys[0] == "head_of_government"  # highest-ranked first
    assert {"head_of_government", "vice_president"} <= set(keys)
    assert offices and all(h.country == "ARE" for h in offices)


@pytest.mark.parametrize("on", [date(2019, 6, 1), "2019-06-01", "2019-06", "2019"])
def test_date_forms(on):
    assert _name(oh.holder("head_of_state", "USA", on)) == "Donald Trump"


def test_bad_date_is_a_clear_error():
    with pytest.raises(ValueError, match="not an ISO date"):
        oh.person("Lavrov", "June 2019")


# --- the data file ------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    return json.loads(oh.DATA.read_text(encoding="utf-8"))


def test_file_credits_wikidata_and_lists_its_snapshots(data):
    meta = data["meta"]
    assert meta["licence"] == "CC0-1.0" and "Wikidata" in meta["source"]
    assert len(meta["sources"]) > 150
    assert meta["sources"] and all(len(s["commit"]) == 40 for s in meta["sources"])


def test_every_tenure_is_well_formed(data):
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries} | {"IGO", "XKX"}
    people = data["people"]
    assert len(data["tenures"]) > 20_000
    for qid, country, office, title, sector, start, end, org in data["tenures"]:
        assert qid in people and qid.startswith("Q")
        assert country in codes
        assert (country == "IGO") == bool(org)
        assert office and title and sector in {"GOV", "MIL", "LEG", "JUD", "IGO", "COP", "PTY", "REL"}
        assert end is None or end >= start[: len(end)]


G20_AND_P5 = ["ARG", "BRA", "CAN", "CHN", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR", "MEX", "RUS",
              "SAU", "TUR", "USA", "ZAF"]


@pytest.mark.parametrize("country", G20_AND_P5)
def test_g20_heads_of_state_are_covered_from_2000(country):
    for year in range(2000, 2022):
        assert oh.holder("head_of_state", country, f"{year}-07-01") is not None, (country, year)


def test_import_is_lazy_and_needs_no_spacy():
    code = (
        "import sys\n"
        "from entente.ontology import office_holders as oh\n"
        "assert oh._kb.cache_info().currsize == 0, 'loaded at import'\n"
        "assert oh.holder('head_of_state', 'USA', '2019-06-01').name == 'Donald Trump'\n"
        "assert oh._kb.cache_info().currsize == 1\n"
        "assert 'spacy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_build_script_rebuilds_the_same_file_from_sparql_results(tmp_path):
    """The refresh path: SPARQL JSON results in, the shipped format out."""
    results = {"head": {"vars": []}, "results": {"bindings": [
        {"person": {"value": "http://www.wikidata.org/entity/Q1"}, "personLabel": {"value": "Ada Example"},
         "aliases": {"value": "Ada X. Example"},
         "position": {"value": "http://www.wikidata.org/entity/Q2"},
         "positionLabel": {"value": "Minister of Foreign Affairs"},
         "country": {"value": "http://www.wikidata.org/entity/Q159"},
         "start": {"value": "2001-02-03T00:00:00Z"}, "end": {"value": "2004-05-06T00:00:00Z"}},
        {"person": {"value": "http://www.wikidata.org/entity/Q3"}, "personLabel": {"value": "Bo Sample"},
         "position": {"value": "http://www.wikidata.org/entity/Q4"},
         "positionLabel": {"value": "Secretary-General of the United Nations"},
         "start": {"value": "2004-05-06T00:00:00Z"}},
    ]}}
    src = tmp_path / "wd.json"
    src.write_text(json.dumps(results), encoding="utf-8")
    out = tmp_path / "kb.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_office_holders.py"),
                    "--sparql-json", str(src), "--sparql-date", "2026-01-31", "--out", str(out)],
                   check=True, capture_output=True)
    built = json.loads(out.read_text(encoding="utf-8"))
    assert built["meta"]["sources"] == [{"name": "query.wikidata.org", "repo": "https://query.wikidata.org/",
                                         "commit": "", "file": "wd.json", "date": "2026-01-31",
                                         "licence": "CC0-1.0", "covers": "*"}]
    assert built["meta"]["as_of"] == {"*": "2026-01-31"}
    assert built["people"]["Q1"][:2] == ["Ada Example", ["Ada X. Example"]]
    assert built["people"]["Q1"][2].split("|") == ["ada example", "ada x example"]  # full-name keys
    assert "example" in built["people"]["Q1"][3].split("|")  # the family name
    assert ["Q1", "RUS", "foreign_minister", "Minister of Foreign Affairs", "GOV", "2001-02-03", "2004-05-06", ""] \
        in built["tenures"]
    assert ["Q3", "IGO", "un_secretary_general", "Secretary-General of the United Nations", "IGO", "2004-05-06",
            None, "United Nations"] in built["tenures"]


def test_stored_name_keys_match_the_module(data):
    """The build stores each person's name keys; a change to the name rules needs a rebuild."""
    countries: dict[str, set[str]] = {}
    offices: dict[str, set[str]] = {}
    for row in data["tenures"]:
        countries.setdefault(row[0], set()).add(row[1])
        offices.setdefault(row[0], set()).add(row[2])
    stale = [q for q, (label, aliases, full, short) in data["people"].items()
             if oh.name_keys(label, aliases, countries[q], short=offices[q] != {"legislator"}) != (full, short)]
    assert stale == [], f"{len(stale)} people with stale name keys: run tools/build_office_holders.py"
