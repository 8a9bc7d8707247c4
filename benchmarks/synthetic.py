"""Generated stories and documents for the scale benchmarks: deterministic, made-up, any number.

`story(i)` is a short made-up news story (for extraction at scale); `document(i)` is a contract
Document shaped like a real one (states, people with roles, an organisation, ~10 events with
evidence offsets, statements), so the store can be filled to a million events without parsing.
"""
from __future__ import annotations

import datetime as dt
import random

from entente.model import (Actor, Document, Event, EventDate, Evidence, Location, Mention, Role, Statement,
                           Story)
from entente.text import short_hash

COUNTRIES = ["USA", "CHN", "IND", "RUS", "JPN", "AUS", "GBR", "FRA", "DEU", "BRA", "ZAF", "NGA", "KEN", "EGY",
             "TUR", "IRN", "ISR", "SAU", "PAK", "IDN", "VNM", "PHL", "KOR", "PRK", "UKR", "POL", "MEX", "CAN",
             "ARG", "ETH"]
# Some countries are in the news far more than others (USA in about a fifth of the stories).
WEIGHTS = [1 / (k + 1) for k in range(len(COUNTRIES))]
NAMES = {c: f"{c.title()}land" for c in COUNTRIES}  # made-up names: the text is never parsed here
GIVEN = ["Amina", "Lucas", "Mei", "Ravi", "Olga", "Kwame", "Sofia", "Hiro", "Layla", "Jonas", "Priya", "Tomas"]
FAMILY = ["Okafor", "Lindqvist", "Tanaka", "Mehta", "Petrova", "Mensah", "Duarte", "Haddad", "Novak", "Kimura",
          "Brennan", "Ostrowski", "Achebe", "Varga", "Moreau", "Castillo"]
TITLES = ["Foreign Minister", "Defense Minister", "President", "Prime Minister", "Ambassador", "Trade Minister"]
TYPES = [("CONSULT", "040", 1.0, 1), ("AGREE", "057", 8.0, 1), ("COOPERATE", "061", 6.0, 2),
         ("REQUEST", "020", 3.0, 1), ("ACCUSE", "112", -2.0, 3), ("SUPPORT", "051", 3.4, 1),
         ("THREATEN", "130", -4.4, 3), ("REJECT", "120", -4.0, 3), ("AID", "070", 7.0, 2),
         ("SANCTION", "163", -8.0, 4), ("PROTEST", "140", -6.5, 3), ("ASSAULT", "190", -10.0, 4)]
TOPICS = ["trade", "defence", "energy", "migration", "health", "climate", "technology", "security"]
VERBS = {"CONSULT": "met", "AGREE": "agreed with", "COOPERATE": "worked with", "REQUEST": "asked",
         "ACCUSE": "accused", "SUPPORT": "praised", "THREATEN": "warned", "REJECT": "rejected a plan by",
         "AID": "sent aid to", "SANCTION": "imposed sanctions on", "PROTEST": "protested against",
         "ASSAULT": "attacked"}
START = dt.date(2015, 1, 1)


def story(i: int, published: str = "2025-03-14") -> Story:
    """A short made-up story for extraction benchmarks; stories differ by i."""
    r = random.Random(i)
    a, b = r.sample(FAMILY, 2)
    g1, g2 = r.sample(GIVEN, 2)
    place = r.choice(["Geneva", "Nairobi", "Hanoi", "Lima", "Oslo", "Rabat", "Manila", "Accra"])
    topic = r.choice(TOPICS)
    text = (f"Foreign Minister {g1} {a} met her counterpart {g2} {b} in {place} on Tuesday to discuss {topic}, "
            f"officials said. The two ministers agreed to hold further talks next month. "
            f"{b} said meeting number {i} had been constructive and called for closer ties.")
    return Story(id=f"gen-{i}", text=text, published=published)


def document(i: int, events: int = 10) -> tuple[Story, Document]:
    """A stored-story-shaped (Story, Document) pair with `events` events; deterministic in i."""
    r = random.Random(i)
    day = START + dt.timedelta(days=r.randrange(4000))
    published = day.isoformat()
    c1 = r.choices(COUNTRIES, WEIGHTS)[0]
    c2 = r.choices([c for c in COUNTRIES if c != c1], [w for c, w in zip(COUNTRIES, WEIGHTS) if c != c1])[0]
    persons = [(f"{r.choice(GIVEN)} {r.choice(FAMILY)}", c, r.choice(TITLES)) for c in (c1, c2)]
    sentences, actors = [], []

    def mention(name: str, sentence_no: int, at: int) -> Mention:
        return Mention(text=name, start=at, end=at + len(name))

    text_parts: list[str] = []
    offset = 0
    ev_out = []
    for k in range(events):
        typ, cameo, gold, quad = TYPES[r.randrange(len(TYPES))]
        src, dst = (c1, c2) if r.random() < 0.6 else (c2, c1)
        sent = f"{NAMES[src]} {VERBS[typ]} {NAMES[dst]} over {r.choice(TOPICS)} on day {k} of story {i}."
        text_parts.append(sent)
        start = offset
        offset += len(sent) + 1
        when = day - dt.timedelta(days=r.randrange(30))
        gran = r.choice(["day", "day", "day", "month", "year", None])
        value = {"day": when.isoformat(), "month": when.isoformat()[:7], "year": when.isoformat()[:4], None: None}[gran]
        ev_out.append(Event(
            id=short_hash("synthetic", i, k), type=typ, cameo=cameo, goldstein=gold, quad_class=quad,
            actors=["a1" if src == c1 else "a2"], recipients=["a2" if src == c1 else "a1"],
            location=Location(name="Geneva", country="CHE") if k % 4 == 0 else None,
            date=EventDate(value=value, granularity=gran, type="exact" if gran else "unresolved",
                           reason="synthetic"),
            topics=r.sample(TOPICS, r.randrange(3)), confidence=round(r.random(), 2),
            evidence=Evidence(sentence=sent, start=start, end=start + len(sent), trigger=VERBS[typ].split()[0])))
        sentences.append(sent)
    quote = f"We had a frank exchange with our partners in story {i}."
    q_start = offset + 1
    text_parts.append(f"\u201c{quote}\u201d {persons[0][0]} said.")
    text = " ".join(text_parts)
    for n, c in enumerate((c1, c2), start=1):
        at = text.find(NAMES[c])
        actors.append(Actor(id=f"a{n}", name=NAMES[c], kind="state", country=c, code=c,
                            mentions=[mention(NAMES[c], 0, at)]))
    for n, (name, c, title) in enumerate(persons, start=3):
        at = text.find(name)
        actors.append(Actor(id=f"a{n}", name=name, kind="person", country=c, sector="GOV", role=title,
                            code=c + "GOV", roles=[Role(title=title, country=c, sector="GOV", since=published)],
                            mentions=[mention(name, 0, at)] if at >= 0 else []))
    statements = [Statement(id=short_hash("synthetic-q", i), speaker="a3", speakers=["a3"], speaker_text=persons[0][0],
                            text=quote, direct=True, cue="said", start=q_start, end=q_start + len(quote))]
    doc = Document(id=f"syn-{i}", title=f"Synthetic story {i}", published=published, published_source="input",
                   actors=actors, events=ev_out, statements=statements, version="synthetic")
    return Story(id=doc.id, text=text, title=doc.title, published=published), doc
