"""The dashboard: server-rendered views over the store. Every view's state is in its URL (forms
use GET), so a deep link survives a reload; charts are SVG drawn here; scripts only enhance."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from entente.api.params import KINDS, Vocab, link
from entente.store import Database, EventFilter, analytics
from entente.web import charts, network, story as story_text
from entente.web.context import PAGE_SIZES, Form, Pager, filter_params, present_event, story_href, url

NAV = (("events", "Timeline", "/events"), ("dyads", "Dyads × topics", "/dyads"), ("network", "Network", "/network"),
       ("clusters", "Real events", "/clusters"), ("actors", "Actors", "/actors"),
       ("statements", "Statements", "/statements"), ("agreements", "Agreements", "/agreements"),
       ("stories", "Stories", "/stories"))
MAX_MONTHS = 240  # beyond this the time axis counts years


def router(db: Database, vocab: Vocab, templates, cache) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    def render(request: Request, name: str, view: str, form: Optional[Form] = None, status: int = 200, **ctx):
        summary = cache("summary", lambda: db.summary(top=20))
        errors = form.errors if form else []
        return templates.TemplateResponse(request, name, {
            "nav": NAV, "view": view, "summary": summary, "errors": errors, "form": form, "vocab": vocab,
            "page_sizes": PAGE_SIZES, "url": url, "story_href": story_href, "quote": quote,
            "country_name": lambda c: vocab.names.get(c, c or ""), **ctx},
            status_code=422 if errors and status == 200 else status)

    def dyad_options():
        return cache(("dyad-options",), lambda: analytics.dyads(db, None, 200, 0)[1])

    def timeline_chart(f: EventFilter, path: str, params: list, whole: bool = False):
        data = cache(("timeline", repr(f), "month"), lambda: db.event_counts(f, "month"))
        period = "month"
        keys = [b["period"] for b in data["buckets"]]
        if keys and len(charts.periods(keys[0], keys[-1], "month")) > MAX_MONTHS:
            period = "year"
            data = cache(("timeline", repr(f), "year"), lambda: db.event_counts(f, "year"))

        def href(a: str, b: str) -> str:
            return url(path, params, since=a, until=b, offset=None, span=None)

        window = None if whole or f.since or f.until else charts.focus(data["buckets"])
        lo, hi = window if window else (f.since, f.until)
        outside = sum(b["events"] for b in data["buckets"] if window and not lo <= b["period"] <= hi)
        data = {**data, "window": window, "outside": outside, "whole": url(path, params, span="all")}
        return data, charts.timeline(data["buckets"], data["coarse"], period, href, lo, hi)

    @r.get("/", response_class=HTMLResponse)
    @r.get("/events", response_class=HTMLResponse)
    def events(request: Request):
        form = Form(request.query_params)
        f = form.events(vocab)
        limit, offset = form.paging(50)
        order = "asc" if form.get("order") == "asc" else "desc"
        params = filter_params(f)
        total, rows, data, chart = 0, [], None, None
        if not form.errors:
            data, chart = timeline_chart(f, "/events", params + [("order", order), ("limit", str(limit))],
                                         whole=form.get("span") == "all")
            total = db.count_events(f)
            rows = [present_event(x) for x in db.events(replace(f, limit=limit, offset=offset, descending=order == "desc"))]
        keep = params + [("order", order), ("limit", str(limit))]
        return render(request, "events.html", "events", form, f=f, rows=rows, data=data, chart=chart, order=order,
                      pager=Pager(total, limit, offset, "/events", keep + [("offset", str(offset))]),
                      export=lambda fmt: url("/api/events/export", params, format=fmt, order=order),
                      dyads=dyad_options())

    @r.get("/dyads", response_class=HTMLResponse)
    def dyads(request: Request):
        form = Form(request.query_params)
        f = replace(form.events(vocab), dyad=None, directed=False)
        limit, offset = form.paging(50)
        params = filter_params(f)
        total, rows, heat = 0, [], None
        if not form.errors:
            total, rows = cache(("dyads", repr(f), limit, offset), lambda: analytics.dyads(db, f, limit, offset))
            top = cache(("dyads", repr(f), 20, 0), lambda: analytics.dyads(db, f, 20, 0))[1]
            pairs = [(x["a"], x["b"]) for x in top]
            cells = cache(("dyad-topics", repr(f), 20), lambda: analytics.dyad_topic_matrix(db, pairs, f))
            topics = sorted({c["topic"] for c in cells}, key=lambda t: (-sum(c["events"] for c in cells if c["topic"] == t), t))
            heat = charts.heatmap([f"{a}-{b}" for a, b in pairs], topics,
                                  {(f"{c['a']}-{c['b']}", c["topic"]): c for c in cells},
                                  lambda d, t: url("/events", params, dyad=d, topic=None if t == "(none)" else t),
                                  rotate_cols=True)
        return render(request, "dyads.html", "dyads", form, f=f, rows=rows, heat=heat,
                      pager=Pager(total, limit, offset, "/dyads", params + [("limit", str(limit))]),
                      params=params, export=lambda fmt: url("/api/dyads/export", params, format=fmt))

    @r.get("/dyads/{dyad}", response_class=HTMLResponse)
    def dyad(request: Request, dyad: str):
        form = Form(request.query_params)
        f = form.events(vocab)
        try:
            a, b = vocab.check_dyad(dyad, "path")
        except Exception as exc:  # noqa: BLE001 - RequestValidationError: shown on the page
            form.errors.append(exc.errors()[0]["msg"])
            a, b = "?", "?"
        f = replace(f, dyad=(a, b), directed=False)
        params = filter_params(f)
        ctx: dict = {"a": a, "b": b, "f": f, "params": params}
        if not form.errors:
            data, chart = timeline_chart(f, f"/dyads/{a}-{b}", [p for p in params if p[0] != "dyad"],
                                         whole=form.get("span") == "all")
            ab = db.count_events(replace(f, directed=True))
            ba = db.count_events(replace(f, dyad=(b, a), directed=True))
            months = [x["period"] for x in data["buckets"]]
            period = "year" if data["period"] == "year" or (
                months and len(charts.periods(months[0], months[-1], "month")) > 36) else "month"
            cells = analytics.dyad_topics(db, a, b, period, f)
            keys = sorted({c["period"] for c in cells})
            axis = charts.periods(keys[0], keys[-1], period) if keys else []
            topics = sorted({c["topic"] for c in cells}, key=lambda t: (-sum(c["events"] for c in cells if c["topic"] == t), t))
            heat = charts.heatmap(topics, axis, {(c["topic"], c["period"]): c for c in cells},
                                  lambda t, p: url("/events", params, topic=None if t == "(none)" else t, since=p, until=p),
                                  col_label=lambda p: p, rotate_cols=True)
            types = {}
            for s in analytics.dyad_series(db, a, b, "year", f):
                types[s["type"]] = types.get(s["type"], 0) + s["events"]
            recent = [present_event(x) for x in db.events(replace(f, limit=10, descending=True))]
            ctx.update(data=data, chart=chart, ab=ab, ba=ba, heat=heat, period=period, recent=recent,
                       types=sorted(types.items(), key=lambda kv: -kv[1]))
        return render(request, "dyad.html", "dyads", form, **ctx)

    @r.get("/network", response_class=HTMLResponse)
    def network_view(request: Request):
        form = Form(request.query_params)
        f = replace(form.events(vocab), dyad=None, directed=False)
        min_events = form.number("min_events", 1, 1, 10 ** 9)
        edges_wanted = form.number("edges", 120, 10, 400)
        params = filter_params(f)
        nodes, paths, total, edges = [], [], 0, []
        if not form.errors:
            total, edges = cache(("network", repr(f), min_events, edges_wanted, 0),
                                 lambda: analytics.network(db, min_events, f, edges_wanted, 0))
            nodes, paths = network.draw(edges, vocab.names, lambda c: url("/events", params, country=c),
                                        lambda s, t: url("/events", params, dyad=f"{s}-{t}", directed="true"))
        return render(request, "network.html", "network", form, f=f, nodes=nodes, paths=paths, total=total,
                      edges=edges, min_events=min_events, edges_wanted=edges_wanted, classes=network.CLASSES,
                      params=params, export=lambda fmt: url("/api/network/export", params, format=fmt,
                                                            min_events=min_events))

    @r.get("/actors", response_class=HTMLResponse)
    def actors(request: Request):
        form = Form(request.query_params)
        name, kind, country = form.text("name"), form.get("kind"), form.get("country")
        if kind and kind not in KINDS:
            form.errors.append(f"kind {kind!r}: one of {', '.join(KINDS)}")
        if country:
            try:
                country = vocab.check_country(country, "query", "country")
            except Exception as exc:  # noqa: BLE001
                form.errors.append(exc.errors()[0]["msg"])
        limit, offset = form.paging(50)
        args = dict(name=name, kind=kind, country=country, aliases=True)
        params = [(k, v) for k, v in (("name", name), ("kind", kind), ("country", country), ("order", form.get("order"))) if v]
        total, rows = 0, []
        if not form.errors:
            total = db.count_entities(**args)
            rows = db.entities(limit=limit, offset=offset, by_stories=form.get("order") != "name", **args)
        return render(request, "actors.html", "actors", form, rows=rows, kinds=KINDS,
                      pager=Pager(total, limit, offset, "/actors", params + [("limit", str(limit))]),
                      export=lambda fmt: url("/api/actors/export", params, format=fmt))

    @r.get("/statements", response_class=HTMLResponse)
    def statements(request: Request):
        form = Form(request.query_params)
        args = dict(speaker=form.text("speaker"), text=form.text("q"), entity=form.text("entity"))
        limit, offset = form.paging(50)
        params = [(k, v) for k, v in (("speaker", args["speaker"]), ("q", args["text"]), ("entity", args["entity"])) if v]
        total, rows = 0, []
        if not form.errors:
            total, rows = db.count_statements(**args), db.statements(limit=limit, offset=offset, **args)
        return render(request, "statements.html", "statements", form, rows=rows,
                      pager=Pager(total, limit, offset, "/statements", params + [("limit", str(limit))]),
                      export=lambda fmt: url("/api/statements/export", params, format=fmt))

    @r.get("/agreements", response_class=HTMLResponse)
    def agreements(request: Request):
        form = Form(request.query_params)
        name = form.text("name")
        limit, offset = form.paging(50)
        params = [("name", name)] if name else []
        total, rows = 0, []
        if not form.errors:
            total, rows = db.count_agreements(name), db.agreements(name=name, limit=limit, offset=offset)
        return render(request, "agreements.html", "agreements", form, rows=rows,
                      pager=Pager(total, limit, offset, "/agreements", params + [("limit", str(limit))]),
                      export=lambda fmt: url("/api/agreements/export", params, format=fmt))

    @r.get("/stories", response_class=HTMLResponse)
    def stories(request: Request):
        form = Form(request.query_params)
        q = form.text("q")
        limit, offset = form.paging(50)
        params = [("q", q)] if q else []
        total, rows = 0, []
        if not form.errors:
            total = db.count_stories(q)
            rows = [{**x, "link": link(x["url"])} for x in db.stories(limit=limit, offset=offset, q=q)]
        return render(request, "stories.html", "stories", form, rows=rows,
                      pager=Pager(total, limit, offset, "/stories", params + [("limit", str(limit))]),
                      export=lambda fmt: url("/api/stories/export", params, format=fmt))

    @r.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(request: Request, story_id: str):
        form = Form(request.query_params)
        found = db.story(story_id)
        if found is None:
            return render(request, "missing.html", "stories", status=404, what=f"No story {story_id!r} in this database.")
        doc = found["document"]
        event_id, statement_id = form.get("event"), form.get("statement")
        names = {a["id"]: a for a in doc.get("actors", [])}
        chosen = next((e for e in doc.get("events", []) if e["id"] == event_id), None)
        if event_id and chosen is None:
            form.errors.append(f"this story has no event {event_id!r}")
        return render(request, "story.html", "stories", form, status=404 if form.errors else 200,
                      story_id=story_id, doc=doc, link=link(doc.get("url")), actors=names, chosen=chosen,
                      event_id=event_id, statement_id=statement_id,
                      paragraphs=story_text.paragraphs(found["text"], doc, event_id, statement_id))

    @r.get("/clusters", response_class=HTMLResponse)
    @r.get("/clusters/{cluster}", response_class=HTMLResponse)
    def clusters(request: Request, cluster: Optional[str] = None):
        form = Form(request.query_params)
        import importlib.util

        available = importlib.util.find_spec("entente.api.clusters") is not None
        return render(request, "clusters.html", "clusters", form, cluster=cluster, f=form.events(vocab),
                      dyads=dyad_options(), available=available)

    return r
