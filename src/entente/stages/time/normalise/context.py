"""What a normalisation rule reads besides the expression (`Context`) and what it returns (`Norm`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

NO_REF = "no publication date: relative expression left unresolved"


@dataclass(frozen=True)
class Context:
    reference: Optional[dt.date]
    tense: Optional[str] = None          # past | future | present | later | None (unknown)
    verb: Optional[str] = None           # the governing verb, for the reason
    last_quarter: Optional[str] = None   # the latest quarter value before this expression ("1989-Q3")
    prep: Optional[str] = None           # the preposition the expression hangs from ("until", "in")
    last_point: Optional[tuple[str, str]] = None  # (value, granularity) of the latest calendar date before it
    possessive: bool = False             # "Tuesday's talks": no verb tense applies


@dataclass(frozen=True)
class Norm:
    type: str
    value: Optional[str]
    granularity: str
    mod: Optional[str] = None
    reason: str = ""


def squash(s: str) -> str:
    """Lowercase, single spaces: the form the word tables are keyed by."""
    return " ".join(s.lower().split())
