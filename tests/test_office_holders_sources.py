"""Office-holder sources: the US Congress adapter, the merge of dated sources, and the
2023-2025 changes the shipped file now knows. Expectations are public facts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from entente.ontology import office_holders as oh

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_office_holders as build  # noqa: E402
import office_holders_uscongress as uscongress  # noqa: E402
from office_holders_rows import GitDir  # noqa: E402


def _name(h):
    return h.name if h else None


# --- the shipped file: office changes of 2024-2025 -------------------------------------

@pytest.mark.parametrize("day, president, vice_president", [
    ("2024-07-01", "Joe Biden", "Kamala Harris"),
    ("2025-01-19", "Joe Biden", "Kamala Harris"),
    ("2025-01-20", "Donald Trump", "J.D. Vance"),  # inauguration day: the incoming holders
    ("2025-03-01", "Donald Trump", "J.D. Vance"),
])
def test_us_presidency_changes_hands_in_january_2025(day, president, vice_president):
    assert _name(oh.holder("head_of_state", "USA", day)) == president
    assert _name(oh.holder("vice_president", "USA", day)) == vice_president


def test_a_source_covering_some_offices_extends_only_those():
    as_of = oh.source()["as_of"]
    assert as_of["USA/head_of_state"] > "2025-03-01" > as_of["USA"]
    assert _name(oh.holder("head_of_state", "USA", "2025-03-01")) == "Donald Trump"
    # The Secretary of State comes from a 2022 snapshot only: no stale holder in 2025.
    assert oh.holder("foreign_minister", "USA", "2025-03-01") is None
    assert _name(oh.holder("foreign_minister", "USA", "2022-06-01")) == "Antony Blinken"


def test_later_source_closes_a_tenure_the_older_one_left_open():
    biden = [h for h in oh.offices_of("Joe Biden", "2024-07-01") if h.office == "head_of_state"]
    assert [(h.start, h.end) for h in biden] == [("2021-01-20", "2025-01-20")]
    assert oh.person("Joe Biden", "2025-03-01") is None


def test_members_of_congress_get_their_country():
    h = oh.person("Marco Rubio", "2020-01-01")
    assert (h.country, h.office, h.sector, h.title) == ("USA", "legislator", "LEG", "United States Senator")
    assert oh.person("Marco Rubio").country == "USA"  # no date: the most recent office
    # Kamala Harris was a senator before she was vice president.
    assert [h.office for h in oh.offices_of("Kamala Harris", "2019-06-01")] == ["legislator"]
    assert [h.office for h in oh.offices_of("Kamala Harris", "2022-06-01")] == ["vice_president"]
    # The English Wikipedia title is an alias: the press writes "Chuck Schumer".
    assert oh.person("Chuck Schumer", "2024-01-01").country == "USA"


def test_a_speaker_keeps_the_higher_office_first():
    keys = [h.office for h in oh.offices_of("Nancy Pelosi", "2020-01-01")]
    assert keys == ["speaker", "legislator"]


def test_legislators_alone_get_no_short_forms():
    # Hundreds of legislators share family names with ministers and heads of state.
    label, aliases, full, short = oh._kb().people["Q324546"]  # Marco Rubio: only a senator here
    assert label == "Marco Rubio" and full == "marco rubio" and short == ""
    # A vice president keeps his: "Pence" is Mike Pence in 2018.
    assert _name(oh.person("Pence", "2018-01-01")) == "Mike Pence"


def test_staff_of_an_office_are_not_its_holder():
    holders = [oh.holder("vice_president", "USA", d) for d in ("2022-06-01", "2024-07-01")]
    assert any(holders) and all("Chief of Staff" not in h.title for h in holders if h)


def test_every_source_is_named_with_commit_date_and_licence():
    sources = oh.source()["sources"]
    assert {s["licence"] for s in sources} == {"CC0-1.0"}
    for s in sources:
        assert s["repo"].startswith("https://") and len(s["commit"]) == 40 and len(s["date"]) == 10, s
    congress = [s for s in sources if s["name"] == "unitedstates/congress-legislators"]
    assert len(congress) == 1 and congress[0]["date"] >= "2025-03-01"


# --- the merge ------------------------------------------------------------------------------

def _row(qid, title, start, end, source, country="USA"):
    return {"qid": qid, "name": "Ada Example", "extra": [], "title": title, "position": "", "country": country,
            "exact": True, "start": start, "end": end, "source": source}


def test_latest_dated_source_wins_for_the_same_person_and_office():
    sources = [{"date": "2026-01-01"}, {"date": "2022-08-01"}]  # list order is not date order
    rows = [_row("Q1", "President", "2021-01-20", None, 1),            # old: still open
            _row("Q1", "President of the United States", "2021-01-20", "2025-01-20", 0),  # new: closed
            _row("Q1", "Minister of Finance", "2010-01-01", "2012-01-01", 1),  # only the old one knows
            _row("Q2", "President", "2025-01-20", None, 0)]
    kept, dropped = build.latest_source_wins(rows, sources)
    assert dropped == 1
    assert [(r["qid"], r["title"], r["end"]) for r in kept] == [
        ("Q1", "President of the United States", "2025-01-20"), ("Q1", "Minister of Finance", "2012-01-01"),
        ("Q2", "President", None)]


def test_as_of_is_per_office_for_a_partial_source():
    sources = [{"country": "USA", "date": "2022-08-03"}, {"country": "IGO", "date": "2023-01-10"},
               {"country": "USA", "date": "2026-06-15", "offices": ["head_of_state", "legislator"]}]
    assert build.as_of(sources) == {"IGO": "2023-01-10", "USA": "2022-08-03", "USA/head_of_state": "2026-06-15",
                                    "USA/legislator": "2026-06-15"}


# --- the US Congress adapter on a repository made here ----------------------------------------

_EXECUTIVE = """\
- id:
    bioguide: X000001
    wikidata: Q900001
  name:
    first: Ada
    last: Example
  terms:
  - type: prez
    start: '2009-01-20'
    end: '2013-01-20'
  - type: prez
    start: '2021-01-20'
    end: '2029-01-20'
- id:
    wikidata: Q900002
  name:
    first: Bo
    last: Nobody
  terms:
  - type: viceprez
    start: '1950-01-20'
    end: '1954-01-20'
"""

_MEMBER = """\
- id:
    bioguide: {bioguide}
    wikidata: {qid}
    wikipedia: {wiki}
  name:
    first: {first}
    last: {last}
    official_full: {first} Q. {last}
  terms:
  - type: {kind}
    start: '2019-01-03'
    end: '2021-01-03'
  - type: {kind}
    start: '2021-01-03'
    end: '2027-01-03'
"""


def _member(bioguide, qid, first, last, kind="sen"):
    return _MEMBER.format(bioguide=bioguide, qid=qid, wiki=f"{first} {last}", first=first, last=last, kind=kind)


def _commit(repo: Path, day: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", day], check=True, env=env)


@pytest.fixture()
def congress_repo(tmp_path):
    repo = tmp_path / "congress-legislators"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    both = _member("A000001", "Q900010", "Cora", "Senn") + _member("B000002", "Q900011", "Dev", "Rep", "rep")
    _commit(repo, "2022-05-01", {"executive.yaml": _EXECUTIVE, "legislators-current.yaml": both})
    _commit(repo, "2023-03-14", {"legislators-current.yaml": both + "# touched\n"})
    # Cora Senn leaves the Senate before her term ends; Dev Rep stays.
    _commit(repo, "2024-02-10", {"legislators-current.yaml": _member("B000002", "Q900011", "Dev", "Rep", "rep")})
    return repo


def test_congress_adapter_reads_terms_and_open_and_early_ends(congress_repo):
    rows, info = uscongress.read(GitDir(congress_repo))
    got = sorted((r["qid"], r["title"], r["start"], r["end"]) for r in rows)
    assert got == [
        ("Q900001", "President of the United States", "2009-01-20", "2013-01-20"),
        ("Q900001", "President of the United States", "2021-01-20", None),  # beyond the newest commit: open
        ("Q900002", "Vice President of the United States", "1950-01-20", "1954-01-20"),  # the build drops it
        ("Q900010", "United States Senator", "2019-01-03", "2021-01-03"),
        ("Q900010", "United States Senator", "2021-01-03", "2024-02-10"),  # gone at that commit: upper bound
        ("Q900011", "Member of the United States House of Representatives", "2019-01-03", "2021-01-03"),
        ("Q900011", "Member of the United States House of Representatives", "2021-01-03", None),
    ]
    assert rows and all(r["country"] == "USA" for r in rows)
    assert info["date"] == "2024-02-10" and info["licence"] == "CC0-1.0" and len(info["commit"]) == 40
    assert "3 versions" in info["files"][1] and "1 terms left before" in info["note"]


def test_build_script_merges_congress_into_the_shipped_format(congress_repo, tmp_path):
    out = tmp_path / "kb.json"
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_office_holders.py"),
                           "--us-congress", str(congress_repo), "--out", str(out)],
                          check=True, capture_output=True, text=True)
    assert "tenures" in done.stdout
    built = json.loads(out.read_text(encoding="utf-8"))
    assert built["meta"]["as_of"] == {"USA/head_of_state": "2024-02-10", "USA/legislator": "2024-02-10",
                                      "USA/vice_president": "2024-02-10"}
    tenures = {(t[0], t[2], t[5], t[6]) for t in built["tenures"]}
    # Consecutive terms join into one tenure; the 1950s vice president is left out (before 1985).
    assert ("Q900010", "legislator", "2019-01-03", "2024-02-10") in tenures
    assert ("Q900011", "legislator", "2019-01-03", None) in tenures
    assert not any(t[0] == "Q900002" for t in built["tenures"])
    assert built["people"]["Q900010"][:2] == ["Cora Q. Senn", ["Cora Senn"]]
    assert built["people"]["Q900010"][3] == ""  # legislators only: no short forms
    assert "example" in built["people"]["Q900001"][3].split("|")  # a president's family name


def test_build_script_explains_missing_sources(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_office_holders.py"),
                           "--out", str(tmp_path / "kb.json")], capture_output=True, text=True)
    assert done.returncode == 2 and "give at least one source" in done.stderr
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_office_holders.py"),
                           "--sparql-json", str(tmp_path / "wd.json")], capture_output=True, text=True)
    assert done.returncode == 2 and "--sparql-date" in done.stderr
