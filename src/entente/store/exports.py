"""Flat tables for other tools: events as entente rows, GDELT-style and POLECAT-style rows.

Every event row carries its real-world event: the cluster id and how many stories report
it (GDELT's NumArticles; NumSources counts outlets, NumMentions the reports)."""
from __future__ import annotations

from typing import Iterator

from entente.store.database import Database, EventFilter

TABLES = ("events", "gdelt", "polecat", "statements", "agreements", "actors")


def _first(parts: list[dict], key: str) -> str:
    return parts[0][key] or "" if parts else ""


def _names(parts: list[dict]) -> str:
    return "; ".join(dict.fromkeys(p["name"] for p in parts))


def _countries(parts: list[dict]) -> str:
    return "; ".join(dict.fromkeys(p["country"] for p in parts if p.get("country")))


def events(db: Database, f: EventFilter = EventFilter()) -> Iterator[dict]:
    for r in db.events(f):
        yield {
            "story_id": r["story_id"], "event_id": r["event_id"], "published": r["published"],
            "date": r["date_value"], "date_granularity": r["date_granularity"], "date_type": r["date_type"],
            "date_start": r["date_start"], "date_end": r["date_end"],
            "type": r["type"], "mode": r["mode"], "contexts": "; ".join(r["contexts"]),
            "cameo": r["cameo"], "goldstein": r["goldstein"], "quad_class": r["quad_class"],
            "actors": _names(r["actors"]), "actor_countries": _countries(r["actors"]),
            "recipients": _names(r["recipients"]), "recipient_countries": _countries(r["recipients"]),
            "location": r["location_name"], "location_country": r["location_country"],
            "factuality": r["factuality"], "topics": "; ".join(r["topics"]), "confidence": r["confidence"],
            "trigger": r["trigger"], "sentence": r["sentence"], "start": r["start"], "end": r["end"],
            "cluster": r["cluster"], "source_count": r["source_count"],
        }


def gdelt(db: Database, f: EventFilter = EventFilter()) -> Iterator[dict]:
    """GDELT 2.0 event-table column names, with the event's own date in SQLDATE."""
    for r in db.events(f):
        a, b = r["actors"], r["recipients"]
        yield {
            "GLOBALEVENTID": f"{r['story_id']}:{r['event_id']}",
            "SQLDATE": (r["date_start"] or r["published"] or "").replace("-", ""),
            "Actor1Name": _first(a, "name"), "Actor1CountryCode": _first(a, "country"),
            "Actor2Name": _first(b, "name"), "Actor2CountryCode": _first(b, "country"),
            "IsRootEvent": 1, "EventCode": r["cameo"] or "", "EventRootCode": (r["cameo"] or "")[:2],
            "QuadClass": r["quad_class"], "GoldsteinScale": r["goldstein"],
            "ActionGeo_FullName": r["location_name"] or "", "ActionGeo_CountryCode": r["location_country"] or "",
            "NumMentions": r["report_count"], "NumSources": r["outlet_count"], "NumArticles": r["source_count"],
            "DATEADDED": (r["published"] or "").replace("-", ""), "SOURCEURL": r.get("url") or r["story_id"],
            "ClusterID": r["cluster"] or "",
        }


def polecat(db: Database, f: EventFilter = EventFilter()) -> Iterator[dict]:
    """POLECAT-style rows (PLOVER fields), one per event, with the evidence sentence."""
    for r in db.events(f):
        yield {
            "Event ID": f"{r['story_id']}:{r['event_id']}", "Event Date": r["date_value"] or "",
            "Event Type": r["type"], "Event Mode": r["mode"] or "", "Contexts": "; ".join(r["contexts"]),
            "Actor Name": _names(r["actors"]), "Actor Country": _countries(r["actors"]),
            "Recipient Name": _names(r["recipients"]), "Recipient Country": _countries(r["recipients"]),
            "Placename": r["location_name"] or "", "Country": r["location_country"] or "",
            "Story ID": r["story_id"], "Publication Date": r["published"] or "", "Text": r["sentence"],
            "Cluster ID": r["cluster"] or "", "Source Count": r["source_count"],
        }


def rows(db: Database, table: str, f: EventFilter = EventFilter()) -> Iterator[dict]:
    if table == "events":
        return events(db, f)
    if table == "gdelt":
        return gdelt(db, f)
    if table == "polecat":
        return polecat(db, f)
    if table == "statements":
        return iter(db.statements())
    if table == "agreements":
        return ({**r, "parties": "; ".join(r["parties"]),
                 "history": "; ".join(f"{h['status']}@{h['date']}" for h in r["history"])} for r in db.agreements())
    if table == "actors":
        return ({**r, "aliases": "; ".join(r["aliases"]),
                 "roles": "; ".join(f"{x['title']}@{x['since']}" for x in r["roles"])} for r in db.entities())
    raise ValueError(table)
