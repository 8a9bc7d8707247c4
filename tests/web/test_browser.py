"""The dashboard in a real headless Chromium: hostile stories stay inert, every view renders and
links through (network arc -> that dyad's events, event -> story with its evidence marked in
view), deep links survive a reload, the docs work offline. Screenshots land in the test's tmp dir."""
from __future__ import annotations

import pytest

from .browser import CHROMIUM, Browser

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it)")

PWNED = "typeof window.__pwned === 'undefined' ? 'clean' : 'ran: ' + window.__pwned"


@pytest.fixture(scope="module")
def browser():
    with Browser() as b:
        yield b


def _count(b, selector: str) -> int:
    return b.js(f"document.querySelectorAll({selector!r}).length")


def test_hostile_story_runs_no_script(server, browser, tmp_path):
    for path in ("/events", "/events?q=talks", "/stories", "/stories/hostile", "/stories/hostile?event=e1",
                 "/dyads/DEU-FRA", "/network", "/actors?name=France", "/statements"):
        browser.goto(server.base + path)
        assert browser.js(PWNED) == "clean", path
        assert _count(browser, 'a[href^="javascript:" i]') == 0, path
        assert not browser.dialogs()
    browser.goto(server.base + "/stories/hostile")
    assert browser.js("document.querySelector('h1').textContent").startswith("<script>window.__pwned=1")
    assert browser.js("document.getElementById('story-text').textContent").count("<img src=x") == 1
    assert _count(browser, "#source-link") == 0  # a javascript: URL is no link
    # an inline script injected into the page itself is refused by the CSP
    browser.js("const s = document.createElement('script'); s.textContent = 'window.__pwned = 9'; document.body.append(s)")
    assert browser.js(PWNED) == "clean"
    assert any("Content Security Policy" in m for m in browser.console_errors())
    browser.screenshot(str(tmp_path / "hostile.png"))


def test_every_view_renders(server, browser, tmp_path):
    checks = {"/events": "svg.timeline rect.bar", "/dyads": "svg.heat rect.cell", "/dyads/CAN-JPN": "svg.timeline rect.bar",
              "/network": "svg.network .edge", "/actors": "table.actors tbody tr", "/statements": "table.statements tbody tr",
              "/stories": "table.stories tbody tr", "/agreements": "main", "/clusters": "#clusters"}
    for i, (path, selector) in enumerate(checks.items()):
        browser.events.clear()
        browser.goto(server.base + path)
        assert _count(browser, selector) >= 1, path
        assert browser.js("document.querySelector('nav a.active') !== null"), path
        assert [m for m in browser.console_errors() if "favicon" not in m] == [], path
        browser.screenshot(str(tmp_path / f"view{i}.png"), full=False)


def test_time_axis_is_continuous_and_coarse_dates_are_spans(server, browser):
    browser.goto(server.base + "/events?since=2024-01&until=2025-12")
    labels = browser.js("[...document.querySelectorAll('svg.timeline text.tick')].map(t => t.textContent)")
    assert "2024" in labels and "2025" in labels
    titles = browser.js("[...document.querySelectorAll('svg.timeline rect.bar title')].map(t => t.textContent)")
    assert any(t.startswith("2024-05: 2 events") for t in titles)
    assert not any(t.startswith("2025-01") for t in titles)  # the year-dated event is a span, not January
    assert _count(browser, "svg.timeline rect.span") >= 1


def test_network_arc_leads_to_that_dyads_events(server, browser):
    browser.goto(server.base + "/network")
    arcs = browser.js("[...document.querySelectorAll('svg.network a.edge')].map(a => a.dataset.source + '>' + a.dataset.target)")
    assert "CAN>JPN" in arcs and "JPN>CAN" in arcs  # both directions, drawn apart
    paths = browser.js("[...document.querySelectorAll('svg.network a.edge')].filter(a => ['CAN>JPN', 'JPN>CAN'].includes("
                       "a.dataset.source + '>' + a.dataset.target)).map(a => a.querySelector('path').getAttribute('d'))")
    assert len(set(paths)) == 2
    href = browser.js("document.querySelector('svg.network a.edge[data-source=CAN][data-target=JPN]').getAttribute('href')")
    browser.goto(server.base + href)
    rows = browser.js("[...document.querySelectorAll('table.events tbody tr')].map(r => r.textContent)")
    assert len(rows) == 1 and "Canada" in rows[0] and "Japan" in rows[0]


def test_event_opens_its_story_with_the_evidence_marked_in_view(server, browser, tmp_path):
    browser.goto(server.base + "/events?q=criticised")
    href = browser.js("document.querySelector('table.events td.story a').getAttribute('href')")
    assert "#ev-e3" in href
    browser.goto(server.base + href, settle=0.8)
    assert browser.js("document.querySelectorAll('#story-text p').length") == 3  # paragraphs kept
    marked = browser.js("[...document.querySelectorAll('.evidence.chosen')].map(x => x.textContent).join('')")
    assert marked.startswith("Brazil criticised")
    assert browser.js("(() => { const r = document.querySelector('.evidence.chosen').getBoundingClientRect();"
                      " return r.top >= 0 && r.bottom <= window.innerHeight; })()")
    assert browser.js("document.querySelector('.evidence.chosen .trigger, .trigger').textContent") == "criticised"
    browser.screenshot(str(tmp_path / "story.png"), full=False)


def test_deep_links_survive_reload(server, browser):
    for path, check in (("/events?type=AGREE&order=asc", "document.querySelector('select[name=type]').value === 'AGREE'"),
                        ("/dyads/CAN-JPN?since=2024", "document.querySelector('h1').textContent.includes('CAN')"),
                        ("/network?min_events=1&edges=20", "document.querySelector('input[name=edges]').value === '20'"),
                        ("/statements?speaker=Officials", "document.querySelectorAll('table.statements tbody tr').length === 1"),
                        ("/stories/accord?event=e1#ev-e1", "document.querySelector('.evidence.chosen') !== null")):
        browser.goto(server.base + path)
        assert browser.js(check), path
        mark = len(browser.events)
        browser.call("Page.reload", session=True)
        browser.wait_for("Page.loadEventFired", since=mark)
        assert browser.js(check), path + " after reload"
        assert browser.js("location.pathname + location.search + location.hash") == path


def test_bad_filters_show_a_message_not_a_popup(server, browser):
    browser.goto(server.base + "/events?dyad=XXX-YYY")
    assert "XXX" in browser.js("document.querySelector('.problem').textContent")
    assert not browser.dialogs()
    browser.goto(server.base + "/events?q=nothing-like-this-anywhere")
    assert "No events match" in browser.js("document.querySelector('.empty').textContent")


def test_real_events_view_follows_the_clusters_endpoint(server, browser):
    import importlib.util

    browser.goto(server.base + "/clusters")
    state = browser.wait_js("document.getElementById('clusters').dataset.state")
    if importlib.util.find_spec("entente.api.clusters") is None:
        assert state == "unavailable"
        assert "not available" in browser.js("document.getElementById('clusters-status').textContent")
    else:
        assert state == "ready"
        assert browser.js("Number(document.getElementById('clusters-table').dataset.rows)") >= 1


def test_docs_work_offline(server, browser):
    browser.goto(server.base + "/docs", settle=1.5)
    assert browser.wait_js("document.body.textContent.includes('/api/events/timeline')")
    browser.goto(server.base + "/redoc", settle=1.5)
    assert browser.wait_js("document.body.textContent.includes('/api/events/timeline')", timeout=20)
