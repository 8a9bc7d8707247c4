"""Which reports are the same real-world event (pure functions, no database), and the canonical
partition: complete linkage, independent of the order reports arrive in."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from entente.clustering import MemorySource, assign_clusters, partition, reassign
from entente.clusters import SYMMETRIC_TYPES, Report, compatible, consistent, report_of
from entente.model import Actor, Document, Event, EventDate, Evidence, Location

D = dt.date(2026, 2, 10)


def rep(key="r1", type="CONSULT", actors=("USA",), recipients=("IND",), lo=D, hi=None, dated=True, day=None,
        fact="fact", undirected=None, persons=(), place=None, words=()) -> Report:
    hi = hi or lo
    return Report(key=key, story="s-" + key, event="e", type=type, fact=fact, lo=lo, hi=hi, dated=dated,
                  day=dated and lo == hi if day is None else day, actors=frozenset(actors),
                  recipients=frozenset(recipients),
                  undirected=type in SYMMETRIC_TYPES if undirected is None else undirected,
                  persons=tuple(persons), place=place, words=frozenset(words))


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# -- type, factuality, direction ------------------------------------------------------
def test_same_type_and_factuality_class_only():
    assert compatible(rep("a"), rep("b")) is not None
    assert compatible(rep("a"), rep("b", type="COOPERATE")) is None
    assert compatible(rep("a"), rep("b", fact="negated")) is None
    assert compatible(rep("a", fact="planned"), rep("b", fact="planned")) is not None


def test_symmetric_types_ignore_direction_directed_types_do_not():
    assert compatible(rep("a", "CONSULT", ["USA"], ["IND"]), rep("b", "CONSULT", ["IND"], ["USA"])) is not None
    assert compatible(rep("a", "ACCUSE", ["USA"], ["CHN"]), rep("b", "ACCUSE", ["CHN"], ["USA"])) is None
    # a reciprocal report meets a directed one
    assert compatible(rep("a", "ASSAULT", ["THA", "KHM"], ["THA", "KHM"], undirected=True),
                      rep("b", "ASSAULT", ["THA"], ["KHM"])) is not None


def test_symmetric_set_is_the_events_stages_own():
    from entente.stages.events import roles

    assert SYMMETRIC_TYPES is roles.SYMMETRIC  # one definition (ontology.plover)


# -- time -------------------------------------------------------------------------------
@pytest.mark.parametrize("other, same", [
    (dict(lo=D + days(1)), True),                                   # a day, +1
    (dict(lo=D - days(1)), True),                                   # a day, -1
    (dict(lo=D + days(2)), False),
    (dict(lo=dt.date(2026, 2, 1), hi=dt.date(2026, 2, 28)), True),  # the month contains the day
    (dict(lo=dt.date(2026, 3, 1), hi=dt.date(2026, 3, 31)), False),
    (dict(lo=dt.date(2026, 2, 9), hi=dt.date(2026, 2, 15)), True),  # the ISO week contains it
    (dict(lo=D - days(3), hi=D, dated=False, words=("talks", "delhi")), True),    # published that day
    (dict(lo=D + days(1), hi=D + days(4), dated=False), True),      # published 4 days later: "on or before"
    (dict(lo=D + days(3), hi=D + days(6), dated=False), False),     # published 6 days later: too far
])
def test_time_windows(other, same):
    a = rep("a", words=("talks", "delhi"))
    b = rep("b", **{"words": ("talks", "delhi"), **other})
    assert (compatible(a, b) is not None) == same
    assert (compatible(b, a) is not None) == same


def _doc(events, actors=None, published="2026-02-12", sid="s1"):
    actors = actors or [Actor(id="a1", name="United States", kind="state", country="USA"),
                        Actor(id="a2", name="India", kind="state", country="IND")]
    return Document(id=sid, published=published, actors=actors, events=events)


def _event(eid="e1", date=None, typ="CONSULT", actors=("a1",), recipients=("a2",), sentence="They met.", **kw):
    return Event(id=eid, type=typ, actors=list(actors), recipients=list(recipients), date=date or EventDate(),
                 evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="met"), **kw)


def test_event_dates_become_intervals():
    fallback = EventDate(value="2026-02-12", granularity="day", type="reported",
                         reason="no time expression; publication date used as upper bound")
    undated = report_of(_doc([]), _event(date=fallback))
    assert (undated.lo, undated.hi, undated.dated) == (dt.date(2026, 2, 9), dt.date(2026, 2, 12), False)
    month = report_of(_doc([]), _event(date=EventDate(value="2026-01", granularity="month", type="exact")))
    assert (month.lo, month.hi, month.dated, month.day) == (dt.date(2026, 1, 1), dt.date(2026, 1, 31), True, False)
    planned = report_of(_doc([]), _event(factuality="planned", date=EventDate(
        value="2026-02-12", granularity="day", type="reported", reason="publication date used as lower bound")))
    assert (planned.lo, planned.hi, planned.fact) == (dt.date(2026, 2, 12), dt.date(2026, 2, 15), "planned")
    # a year or a quarter says too little to tell two events apart; so does a missing country
    assert report_of(_doc([]), _event(date=EventDate(value="2025", granularity="year", type="exact"))) is None
    assert report_of(_doc([]), _event(date=EventDate(value="2026-Q1", granularity="quarter", type="exact"))) is None
    assert report_of(_doc([], published=None), _event()) is None
    nobody = [Actor(id="a1", name="the officials", kind="other")]
    assert report_of(_doc([], actors=nobody), _event(recipients=())) is None


# -- participants -------------------------------------------------------------------------
def test_a_missing_party_needs_support():
    full = rep("a", "ACCUSE", ["EST"], ["RUS"], words=("summoned", "charge", "airspace"))
    missing = rep("b", "ACCUSE", [], ["RUS"], words=("foreign", "ministry", "statement"))
    assert compatible(full, missing) is None
    similar = rep("c", "ACCUSE", [], ["RUS"], words=("summoned", "charge", "airspace", "jets"))
    assert compatible(full, similar) is not None
    # a party on the wrong side is not a missing one
    assert compatible(full, rep("d", "ACCUSE", ["RUS"], [], words=full.words)) is None


def test_subset_of_parties_with_persons_of_both_countries_is_support():
    both = rep("a", "CONSULT", ["IND"], ["CHN"], persons=[("IND", "narendra modi"), ("CHN", "xi jinping")])
    bloc = rep("b", "CONSULT", ["IND"], ["CHN", "RUS", "BRA"],
               persons=[("IND", "modi"), ("CHN", "xi")])
    assert compatible(both, bloc) is not None
    one = rep("c", "CONSULT", ["IND"], ["CHN", "RUS", "BRA"], persons=[("IND", "modi")])
    assert compatible(both, one) is None


def test_two_incomplete_reports_need_support_even_when_equal():
    a = rep("a", "COERCE", ["USA"], [], words=("tariff", "canada", "imposing"))
    b = rep("b", "COERCE", ["USA"], [], words=("chips", "banned", "supply"))
    assert compatible(a, b) is None
    assert compatible(a, rep("c", "COERCE", ["USA"], [], words=("tariff", "canada", "imposed"))) is not None


def test_different_persons_of_one_country_are_different_events():
    leaders = rep("a", persons=[("USA", "donald trump"), ("IND", "narendra modi")])
    ministers = rep("b", persons=[("USA", "marco rubio"), ("IND", "subrahmanyam jaishankar")])
    assert compatible(leaders, ministers) is None
    assert compatible(leaders, rep("c", persons=[("USA", "trump")])) is not None
    assert compatible(leaders, rep("d")) is not None  # no persons named: nothing against


def test_places():
    kazan = rep("a", place=("kazan", "RUS", "city"))
    assert compatible(kazan, rep("b", place=("beijing", "CHN", "city"))) is None
    assert compatible(kazan, rep("c", place=("russia", "RUS", "country"))) is not None
    assert compatible(kazan, rep("d", place=("the treaty room", None, "other"))) is not None
    assert compatible(kazan, rep("e", place=("tatarstan", "RUS", "other"))) is not None  # a region: vague


def test_similar_text_alone_merges_nothing():
    words = ("leaders", "met", "summit", "border", "talks")
    assert compatible(rep("a", words=words), rep("b", type="COOPERATE", words=words)) is None
    assert compatible(rep("a", words=words), rep("b", actors=["FRA"], words=words)) is None
    assert compatible(rep("a", words=words), rep("b", lo=D + days(5), words=words)) is None


def test_report_of_reads_groupings_igos_and_persons():
    actors = [Actor(id="a1", name="Quad", kind="grouping", members=["AUS", "IND", "JPN", "USA"]),
              Actor(id="a2", name="European Union", kind="igo", country="IGO"),
              Actor(id="a3", name="President Donald J. Trump", kind="person", country="USA"),
              Actor(id="a4", name="State Department spokesperson", kind="person", country="USA")]
    doc = _doc([], actors=actors)
    r = report_of(doc, _event(actors=("a1", "a3", "a4"), recipients=("a2",),
                              date=EventDate(value="2026-02-11", granularity="day", type="exact"),
                              location=Location(name="Tokyo", country="JPN")))
    assert r.actors == {"AUS", "IND", "JPN", "USA"} and r.recipients == {"IGO:european union"}
    assert r.persons == (("USA", "donald trump"),)
    assert r.place == ("tokyo", "JPN", "city")
    assert Report.from_json(r.key, r.to_json()) == r


# -- the partition ------------------------------------------------------------------------
def test_no_chaining_through_a_neighbour():
    # day 10 ~ day 11 ~ day 12, but day 10 and day 12 are two days apart
    a, b, c = rep("a", lo=D), rep("b", lo=D + days(1)), rep("c", lo=D + days(2))
    ids = partition([a, b, c])
    assert ids["a"] != ids["c"]
    assert len(set(ids.values())) == 2
    for x in (a, b, c):
        for y in (a, b, c):
            if ids[x.key] == ids[y.key]:
                assert compatible(x, y) is not None


def _random_reports(rng: random.Random, n: int, start: int = 0) -> list[Report]:
    out = []
    countries = ["USA", "CHN", "IND", "RUS"]
    for i in range(start, start + n):
        lo = D + days(rng.randint(0, 8))
        kind = rng.random()
        if kind < 0.6:
            hi, dated = lo, True
        elif kind < 0.75:
            lo, hi, dated = lo.replace(day=1), lo.replace(day=28), True
        else:
            lo, hi, dated = lo - days(3), lo, False
        a = rng.sample(countries, rng.randint(0, 2))
        r = rng.sample(countries, rng.randint(0 if a else 1, 2))
        out.append(rep(f"k{i:04d}", rng.choice(["CONSULT", "ACCUSE"]), a, r, lo=lo, hi=hi, dated=dated,
                       undirected=rng.random() < 0.2 or None,
                       words=rng.sample(["met", "talks", "trade", "border", "summit", "envoy", "port"], 3)))
    return out


def _incremental(reports, batches=1, removed=()):
    src = MemorySource()
    for i in range(0, len(reports), batches):
        chunk = reports[i:i + batches]
        src.apply(chunk, reassign(src, chunk))
    for r in removed:
        src.apply([], reassign(src, removed=[r]), [r])
    return dict(src.clusters)


@pytest.mark.parametrize("seed", range(12))
def test_partition_does_not_depend_on_arrival_order(seed):
    rng = random.Random(seed)
    reports = _random_reports(rng, rng.randint(20, 60))
    want = partition(reports)
    assert len(set(want.values())) < len(reports), "no two reports clustered: the test proves nothing"
    by_key = {r.key: r for r in reports}
    groups: dict[str, list] = {}
    for key, cluster in want.items():
        groups.setdefault(cluster, []).append(by_key[key])
    for members in groups.values():
        for a in members:   # no member contradicts another, and each fits one of them
            assert all(consistent(a, b) for b in members)
            assert len(members) == 1 or any(compatible(a, b) is not None for b in members if b is not a)
    shuffled = reports[:]
    rng.shuffle(shuffled)
    assert _incremental(reports) == want
    assert _incremental(reports[::-1]) == want
    assert _incremental(shuffled) == want
    assert _incremental(shuffled, batches=7) == want
    # reports that come and go again leave the partition as it was
    extra = _random_reports(rng, 10, start=1000)
    mixed = shuffled + extra
    rng.shuffle(mixed)
    assert _incremental(mixed, removed=extra) == want


def test_cluster_id_is_the_key_of_the_most_precise_first_report():
    undated = rep("z-undated", lo=D - days(3), hi=D, dated=False, words=("met",))
    dated = rep("a-dated", lo=D, words=("met",))
    ids = partition([undated, dated])
    assert ids == {"z-undated": "a-dated", "a-dated": "a-dated"}


def test_assign_clusters_across_documents():
    def story(sid, published, when, sentence):
        return _doc([_event(date=EventDate(value=when, granularity="day", type="exact"), sentence=sentence),
                     _event("e2", typ="ACCUSE", date=EventDate(value=when, granularity="day", type="exact"))],
                    published=published, sid=sid)

    docs = [story("s1", "2026-02-12", "2026-02-11", "US and Indian envoys met in Delhi."),
            story("s2", "2026-02-13", "2026-02-11", "The American and Indian envoys held talks in Delhi."),
            story("s3", "2026-02-20", "2026-02-19", "US and Indian envoys met again.")]
    assign_clusters(docs)
    consult = [d.events[0].cluster for d in docs]
    assert consult[0] == consult[1] != consult[2] and None not in consult
    assert docs[0].events[1].cluster == docs[1].events[1].cluster != docs[0].events[0].cluster


def test_support_is_needed_once_not_from_every_member():
    # two reports dated only by their publication day, each supported by a dated one
    town = ("surin", "THA", "city")
    dated = rep("a-dated", "ASSAULT", ["THA"], ["KHM"], lo=D, words=("bombed", "targets", "jet"), place=town)
    first = rep("b-undated", "ASSAULT", ["THA"], ["KHM"], lo=D - days(3), hi=D, dated=False,
                words=("bombed", "targets", "jet"))
    second = rep("c-undated", "ASSAULT", ["THA"], ["KHM"], lo=D - days(3), hi=D, dated=False,
                 words=("air", "strikes", "hitting", "military", "sites"), place=town)
    assert compatible(first, second) is None   # alone, two undated reports need support
    ids = partition([first, second, dated])
    assert set(ids.values()) == {"a-dated"}
    # a contradiction still keeps a report out, however well it fits another member
    other_city = rep("d-dated", "ASSAULT", ["THA"], ["KHM"], lo=D, words=("bombed", "targets", "jet"),
                     place=("bangkok", "THA", "city"))
    kazan = rep("e-dated", "ASSAULT", ["THA"], ["KHM"], lo=D, words=("bombed", "targets", "jet"),
                place=("kazan", "RUS", "city"))
    ids = partition([other_city, kazan])
    assert ids["d-dated"] != ids["e-dated"]


def test_a_month_holds_many_events_so_it_needs_support():
    day = rep("a", "ASSAULT", ["RUS"], ["UKR"], lo=D, words=("shelled", "kharkiv", "port"))
    month = rep("b", "ASSAULT", ["RUS"], ["UKR"], lo=D.replace(day=1), hi=D.replace(day=28),
                words=("drone", "strike", "odesa", "grain"))
    assert compatible(day, month) is None
    echoed = rep("c", "ASSAULT", ["RUS"], ["UKR"], lo=D.replace(day=1), hi=D.replace(day=28),
                 words=("shelled", "kharkiv", "port", "earlier"))
    assert compatible(day, echoed) is not None


def test_a_clash_told_from_each_side_is_one_event_with_support():
    a = rep("a", "ASSAULT", ["THA"], ["KHM"], lo=D, words=("border", "clash", "shelled", "temple"))
    b = rep("b", "ASSAULT", ["KHM"], ["THA"], lo=D, words=("border", "clash", "rockets", "temple"))
    assert compatible(a, b) is not None
    assert compatible(a, rep("c", "ASSAULT", ["KHM"], ["THA"], lo=D, words=("drone", "market"))) is None
    assert compatible(rep("d", "ACCUSE", ["THA"], ["KHM"], words=("clash",)),
                      rep("e", "ACCUSE", ["KHM"], ["THA"], words=("clash",))) is None   # accusations have a direction
