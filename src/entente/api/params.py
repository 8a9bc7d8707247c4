"""What the API accepts: the known codes (from the ontology and the database), patterns the
OpenAPI schema states, and filters turned into EventFilter with one clear 422 per mistake."""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Optional
from urllib.parse import urlsplit

from fastapi.exceptions import RequestValidationError

from entente import dates
from entente.store import Database, EventFilter

MAX_LIMIT = 1000          # rows per page
MAX_OFFSET = 10 ** 9      # far beyond any table; keeps the value inside every database's integer
MAX_TEXT = 200            # characters in a name, speaker or search filter
MAX_ID = 512              # characters in a story id filter
NO_NUL = r"^[^\x00]*$"    # PostgreSQL text cannot hold NUL
FACTUALITY = ("asserted", "negated", "hypothetical", "planned", "reported")
KINDS = ("person", "state", "organization", "igo", "grouping", "group", "other")
# YYYY, YYYY-MM or a calendar day (29 February is left to the server's own check).
_MONTH_DAY = r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31|02-29)"
DATE = r"^[1-9][0-9]{3}(?:-(?:0[1-9]|1[0-2])|-" + _MONTH_DAY + r")?$"
DAY = r"^[1-9][0-9]{3}-" + _MONTH_DAY + r"$"


def invalid(where: str, name: str, msg: str, value=None) -> RequestValidationError:
    """A 422 in FastAPI's own documented shape: {"detail": [{"loc", "msg", "type"}]}."""
    return RequestValidationError([{"loc": (where, name), "msg": msg, "type": "value_error", "input": value}])


def link(url: Optional[str]) -> Optional[str]:
    """A URL fit to be a link: http or https with a host; anything else (javascript:, data:) is None."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@dataclass(frozen=True)
class Vocab:
    """Codes the API accepts, fixed when the app starts: the ontology's plus the database's."""
    countries: tuple[str, ...]
    types: tuple[str, ...]
    topics: tuple[str, ...]
    names: dict  # country code -> English name

    @classmethod
    def load(cls, db: Database) -> "Vocab":
        from entente.ontology import plover, topics

        raw = json.loads((resources.files("entente") / "ontology" / "data" / "actors" / "countries.json")
                         .read_text(encoding="utf-8"))
        stored = db.vocabulary()
        codes = sorted({*raw, "IGO", *(c for c in stored["countries"] if _code(c))})
        known_topics = sorted({name for name, _ in topics.keywords()} | set(stored["topics"]) | {"(none)"})
        types = tuple(plover.TYPES) + tuple(sorted(set(stored["types"]) - set(plover.TYPES)))
        names = {k: v.get("name", k) for k, v in raw.items()}
        names["IGO"] = "international organisations"
        return cls(tuple(codes), types, tuple(known_topics), names)

    def country_pattern(self) -> str:
        return "^(?:" + "|".join(self.countries) + ")$"

    def dyad_pattern(self) -> str:
        alt = "(?:" + "|".join(self.countries) + ")"
        return f"^{alt}-{alt}$"

    def check_country(self, value: str, where: str, name: str) -> str:
        code = value.strip().upper()
        if code not in self.countries:
            raise invalid(where, name, f"{name} {value!r}: not a known ISO 3166 alpha-3 country code (e.g. USA, IND)", value)
        return code

    def check_dyad(self, value: str, where: str, name: str = "dyad") -> tuple[str, str]:
        parts = value.strip().upper().replace("–", "-").split("-")
        if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
            raise invalid(where, name, f"{name} {value!r}: expected two ISO alpha-3 codes like USA-IND", value)
        unknown = [p for p in parts if p not in self.countries]
        if unknown:
            raise invalid(where, name, f"{name} {value!r}: {', '.join(unknown)} is not a known country code", value)
        return parts[0], parts[1]

    def check_types(self, values: Iterable[str], where: str = "query") -> list[str]:
        out = []
        for v in values:
            for x in (s.strip().upper() for s in v.split(",")):
                if x and x not in self.types:
                    raise invalid(where, "type", f"type {x!r}: not a PLOVER event type (one of {', '.join(self.types)})", v)
                if x:
                    out.append(x)
        return out


def _code(value: str) -> bool:
    return len(value) == 3 and value.isalpha() and value.isupper()


def check_date(value: Optional[str], name: str, where: str = "query") -> Optional[str]:
    if value and dates.bounds(value.strip())[0] is None:
        raise invalid(where, name, f"{name} {value!r}: not a date; expected 2026, 2026-02 or 2026-02-12", value)
    return value.strip() if value else None


def check_range(since: Optional[str], until: Optional[str], where: str = "query") -> None:
    if since and until and dates.bounds(since)[0] > dates.bounds(until)[1]:
        raise invalid(where, "until", f"since {since} is after until {until}: nothing can match", until)


def check_text(value: Optional[str], name: str, where: str = "query", most: int = MAX_TEXT) -> Optional[str]:
    if value is None:
        return None
    if len(value) > most:
        raise invalid(where, name, f"{name}: at most {most} characters", value[:40] + "…")
    if "\x00" in value:
        raise invalid(where, name, f"{name}: contains a NUL character", None)
    return value.strip() or None


def event_filter(vocab: Vocab, *, country=None, dyad=None, directed=False, types=(), since=None, until=None,
                 factuality=(), story=None, q=None, topic=None, entity=None, dedupe=False, limit=None, offset=0,
                 order="asc", where: str = "query") -> EventFilter:
    """Checked parameters -> EventFilter; raises one 422 naming the first bad parameter."""
    since, until = check_date(since, "since", where), check_date(until, "until", where)
    check_range(since, until, where)
    for f in factuality:
        if f not in FACTUALITY:
            raise invalid(where, "factuality", f"factuality {f!r}: one of {', '.join(FACTUALITY)}", f)
    topic = check_text(topic, "topic", where)
    if topic and topic not in vocab.topics:
        raise invalid(where, "topic", f"topic {topic!r}: not a known topic (one of {', '.join(vocab.topics)})", topic)
    return EventFilter(
        country=vocab.check_country(country, where, "country") if country else None,
        dyad=vocab.check_dyad(dyad, where) if dyad else None, directed=bool(directed),
        types=vocab.check_types(types, where), since=since, until=until, factuality=list(factuality),
        story=check_text(story, "story", where, MAX_ID), text=check_text(q, "q", where), topic=topic,
        entity=check_text(entity, "entity", where), dedupe=bool(dedupe), limit=limit, offset=offset,
        descending=order == "desc")
