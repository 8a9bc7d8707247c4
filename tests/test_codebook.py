"""The actor codebook: shipped data, lookups and user extension files."""
from __future__ import annotations

import json
import os

import pytest

from entente.ontology import codebook


@pytest.fixture(autouse=True)
def _reset():
    codebook.configure([])
    yield
    codebook.configure([])


def test_countries_short_forms_adjectives_capitals():
    cb = codebook.get()
    assert cb.lookup("the United States").country == "USA"
    assert cb.lookup("U.S.").country == "USA"
    assert cb.lookup("US").country == "USA"
    assert cb.lookup("us") is None            # the pronoun is not a country
    assert cb.lookup("Iraqi").country == "IRQ"
    assert cb.lookup("Azerbaijani").country == "AZE"   # derived demonym
    assert cb.lookup("Libyans").country == "LBY"       # plural demonym
    assert cb.lookup("Beijing").kind == "capital" and cb.lookup("Beijing").country == "CHN"
    assert cb.country_name("GBR") == "United Kingdom"


def test_organisations_igos_groupings():
    cb = codebook.get()
    sd = cb.lookup("State Department")
    assert (sd.kind, sd.country, sd.sector) == ("organization", "USA", "GOV")
    assert cb.lookup("Pentagon").sector == "MIL"
    un = cb.lookup("U.N.")
    assert un.kind == "igo" and un.country == "IGO"
    assert cb.lookup("who") is None and cb.lookup("WHO").kind == "igo"
    quad = cb.lookup("Quad")
    assert quad.kind == "grouping" and set(quad.members) == {"USA", "IND", "AUS", "JPN"}
    assert set(cb.lookup("AUKUS").members) == {"AUS", "GBR", "USA"}


def test_titles_agents_and_named():
    cb = codebook.get()
    assert cb.title_heads["ambassador"] == "GOV"
    assert cb.title_heads["general"] == "MIL"
    assert "deputy" in cb.title_modifiers
    assert cb.agents["police"] == "COP"
    assert cb.named_actor("Narendra Modi", "2026-02-12") == ("IND", "GOV")
    assert cb.named_actor("Nobody Anybody") is None


def test_user_file_adds_and_overrides(tmp_path):
    user = {
        "organisations": [{"names": ["Entente Institute"], "country": "CHE", "sector": "NGO"},
                          {"names": ["State Department"], "country": "USA", "sector": "FOR"}],
        "groupings": [{"names": ["Squad"], "members": ["USA", "JPN", "AUS", "PHL"]}],
        "countries": {"USA": {"names": ["Uncle Sam"]}},
        "titles": {"heads": {"ombudsman": "GOV"}},
    }
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(user), encoding="utf-8")
    cb = codebook.configure([str(path)])
    assert cb.lookup("Entente Institute").country == "CHE"
    assert cb.lookup("State Department").sector == "FOR"
    assert set(cb.lookup("Squad").members) == {"USA", "JPN", "AUS", "PHL"}
    assert cb.lookup("Uncle Sam").country == "USA"
    assert cb.lookup("United States").country == "USA"   # merged, not replaced
    assert cb.title_heads["ombudsman"] == "GOV" and cb.title_heads["ambassador"] == "GOV"
    cb = codebook.configure([])
    assert cb.lookup("Entente Institute") is None


def test_env_var(tmp_path, monkeypatch):
    path = tmp_path / "env.json"
    path.write_text(json.dumps({"capitals": {"Naypyidaw": "MMR"}}), encoding="utf-8")
    monkeypatch.setenv("ENTENTE_CODEBOOK", str(path) + os.pathsep)
    codebook.configure([])
    assert codebook.get().lookup("Naypyidaw").country == "MMR"


def test_user_file_used_by_stage(tmp_path, analyse):
    path = tmp_path / "org.json"
    path.write_text(json.dumps({"organisations": [{"names": ["Blue Lotus Front"], "country": "NPL", "sector": "REB"}]}),
                    encoding="utf-8")
    codebook.configure([str(path)])
    a = analyse("The Blue Lotus Front attacked a police post.")
    org = [x for x in a.result.actors if x.name == "Blue Lotus Front"]
    assert org and org[0].country == "NPL" and org[0].sector == "REB"


def test_shipped_data_is_not_read_from_shared():
    import pathlib

    src = pathlib.Path(codebook.__file__).read_text(encoding="utf-8")
    assert "shared" not in src
    assert (codebook.DATA / "countries.json").exists()


@pytest.mark.parametrize("surface, iso", [("Belgrade", "SRB"), ("Bogota", "COL"), ("Bogotá", "COL"), ("Brasilia", "BRA")])
def test_capitals_with_accents_or_a_dissolved_predecessor_stand_for_their_state(surface, iso):
    # accents are folded ("Bogota" for Bogotá); Belgrade is Serbia's, not Serbia and Montenegro's
    e = codebook.get().lookup(surface)
    assert (e.kind, e.country) == ("capital", iso)
