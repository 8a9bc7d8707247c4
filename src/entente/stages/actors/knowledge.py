"""General knowledge about people the story does not introduce: the bundled, dated office-holders
knowledge base (`entente.ontology.office_holders`, from Wikidata) gives a person's country, sector
and office when the text gives none. The text always wins; the story's publication date picks the
office holder.

A one-word name ("Putin", "Erdogan") is looked up only at the story's date and only for heads of
state and government, whom news names by surname alone; a full name is looked up at the date, else
at any date (the person's country stays theirs after they leave office).
"""
from __future__ import annotations

from typing import Optional

from entente.ontology import office_holders

from .registry import Registry

SURNAME_OFFICES = frozenset({"head_of_state", "head_of_government"})


def lookup(name: str, on: Optional[str]) -> Optional[office_holders.Holder]:
    words = name.replace(".", " ").split()
    if len(words) >= 2:
        return office_holders.person(name, on) or office_holders.person(name, None)
    h = office_holders.person(name, on) if on else None
    return h if h is not None and h.office in SURNAME_OFFICES else None


def complete_people(reg: Registry, on: Optional[str]) -> None:
    for d in reg.drafts.values():
        if d.kind != "person" or (d.country and d.sector):
            continue
        h = lookup(d.name, on)
        if h is None:
            continue
        d.country = d.country or h.country
        d.sector = d.sector or h.sector
        if not d.role:
            d.role = h.title
