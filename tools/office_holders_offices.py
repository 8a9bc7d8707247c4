"""Office titles -> normalised office keys and sectors, for tools/build_office_holders.py.

Titles are English position labels as Wikidata gives them ("Minister of Foreign
Affairs", "Secretary of State", "Chancellor of the Exchequer"). The first rule
whose pattern matches wins, so deputies and junior posts come before the posts
they are deputies to. A title no rule matches keeps the key "minister" when it
names a minister, else "other".
"""
from __future__ import annotations

import re

_JUNIOR = r"\b(deputy|vice|assistant|under|state secretary|secretary of state for|minister of state|junior|parliamentary|acting|associate|principal private|permanent secretary|chief of staff to|director of the office|delegate|lord of the treasury|secretary to the treasury)\b"

# (pattern, office key, sector, only for these countries or None). Order matters.
RULES: list[tuple[str, str, str, frozenset[str] | None]] = [
    # Seats in the US Congress (unitedstates/congress-legislators titles) come before "member of".
    (r"^(united states senator|member of the united states house of representatives)$", "legislator", "LEG",
     frozenset({"USA"})),
    (r"\bfirst (lady|gentleman)\b|\bspouse\b|^member of\b", "other", "GOV", None),
    # Ministers of a region, not of the state.
    (r"^(flemish|walloon|brussels|scottish|welsh|catalan|basque|bavarian|quebec|ontario)\b", "other", "GOV", None),
    # International organisations.
    (r"^secretary-general of the united nations$", "un_secretary_general", "IGO", None),
    (r"^deputy secretary-general of the united nations$", "un_deputy_secretary_general", "IGO", None),
    (r"president of the united nations general assembly", "unga_president", "IGO", None),
    (r"director-general of the world trade organization", "wto_director_general", "IGO", None),
    (r"judge of the international court of justice|(vice )?president of the international court of justice", "icj_judge", "IGO", None),
    (r"^secretary[- ]general of nato$|^nato secretary[- ]general$", "nato_secretary_general", "IGO", None),
    (r"^president of the european commission$", "eu_commission_president", "IGO", None),
    (r"^president of the european council$", "eu_council_president", "IGO", None),
    (r"^high representative of the union for foreign affairs", "eu_high_representative", "IGO", None),
    (r"^chairperson of the african union commission$", "au_commission_chair", "IGO", None),
    (r"^pope$", "pope", "REL", None),
    # Staff of an office holder are not the office holder ("Chief of Staff to the Vice-President").
    (r"\bchief of staff to\b", "other", "GOV", None),
    # Second-in-command posts come before the posts they stand in for.
    (r"\bvice[- ]president\b", "vice_president", "GOV", None),
    (r"\b(deputy|vice)[- ](prime minister|premier|chancellor)\b|\bfirst deputy\b.*\bprime minister\b", "deputy_head_of_government", "GOV", None),
    (r"^(deputy|vice|assistant|acting|under|associate|first deputy|second deputy)\b", "other", "GOV", None),
    # Diplomats.
    (r"united nations.*(geneva|vienna|nairobi|rome)|(geneva|vienna|nairobi|rome).*united nations", "ambassador", "GOV", None),
    (r"permanent representative.*united nations|ambassador to the united nations|representative to the united nations", "un_ambassador", "GOV", None),
    (r"\bambassador\b|\bhigh commissioner to\b", "ambassador", "GOV", None),
    (r"national security advis", "national_security_adviser", "GOV", None),
    (r"(governor|president|chair(man|person)?) of the (central|national|reserve) bank|central bank|^governor of the bank of|^governor of the reserve bank|chair of the federal reserve|^president of the (deutsche )?bundesbank", "central_bank_governor", "GOV", None),
    # Legislatures, courts, armed forces, police.
    (r"\bspeaker\b|president of the (senate|national assembly|chamber|house|parliament|legislative|congress|council of states|national council|storting|riigikogu|saeima|seimas|sejm|state duma|federation council|national people's assembly)|^president of the [a-z]+ (senate|parliament)|chair(man|person)? of the (national assembly|parliament|state duma|federation council|house)", "speaker", "LEG", None),
    (r"chief justice|\bjustice of the\b|\bjudge\b|supreme (people's )?court|constitutional court|court of cassation", "judge", "JUD", None),
    (r"\bpolice\b|inspector[- ]general of police", "police_chief", "COP", None),
    (r"^chief of staff\b|white house chief of staff", "other", "GOV", None),
    (r"^(chief|head) of\b.*\b(staff|defen[cs]e|army|navy|naval|air force|armed forces|military)\b|\bcommander\b|joint chiefs", "military_chief", "MIL", None),
    # A British "Secretary of State for X" sits in the cabinet; elsewhere the title is junior.
    (r"^(secretary of state for foreign|foreign secretary)", "foreign_minister", "GOV", frozenset({"GBR"})),
    (r"^secretary of state for defence", "defence_minister", "GOV", frozenset({"GBR"})),
    (r"^(secretary of state for the home department|home secretary)", "interior_minister", "GOV", frozenset({"GBR"})),
    (r"^secretary of state for (international trade|business and trade|trade)", "trade_minister", "GOV", frozenset({"GBR"})),
    (r"^secretary of state for", "minister", "GOV", frozenset({"GBR"})),
    (r"chancellor of the exchequer|^treasurer$|^treasurer of (australia|the commonwealth)", "finance_minister", "GOV", None),
    # Australia's Treasurer is the finance minister; its Minister for Finance is not.
    (r"^minister for finance", "minister", "GOV", frozenset({"AUS"})),
    (r"^chancellor of the (duchy|university)", "minister", "GOV", None),
    (r"general secretary of the .*(communist|workers'?) party|first secretary of the .*party|leader of the opposition", "party_leader", "PTY", None),
    (_JUNIOR, "other", "GOV", None),
    # Heads of state and government ("President of <this country>" is checked in classify()).
    (r"^(monarch|king|queen|emperor|emir|amir|sultan|grand duke|co-prince|yang di-pertuan agong|supreme leader|captain regent|head of state|federal president)\b|^(king|queen|emperor|emir|sultan) of\b|^chairman of the presidency|^chairman of the state affairs commission|^president of the presidential leadership council|^chairman of the sovereignty council", "head_of_state", "GOV", None),
    (r"^(prime minister|premier|chancellor|federal chancellor|taoiseach|head of government)$|^president of the (government|council of ministers)\b|^chairman of the council of ministers\b|^premier of the state council", "head_of_government", "GOV", None),
    # Cabinet portfolios that matter for diplomacy.
    (r"^secretary of state$|^united states secretary of state$", "foreign_minister", "GOV", frozenset({"USA"})),
    (r"foreign (affairs|minister|secretary|relations)|external (affairs|relations)|international relations|minister of europe and foreign|foreign and commonwealth|commonwealth and development affairs|secretary of foreign affairs", "foreign_minister", "GOV", None),
    (r"secretary of homeland security", "interior_minister", "GOV", frozenset({"USA"})),
    (r"materiel|procurement|veterans|treasury board|^minister for defence (equipment|science|personnel|industry)|national security and defen[cs]e council", "minister", "GOV", None),
    (r"\bdefen[cs]e\b|armed forces|\bwar\b|military affairs", "defence_minister", "GOV", None),
    (r"\bfinance|treasury|exchequer|\bfiscal\b", "finance_minister", "GOV", None),
    (r"trade representative|\btrade\b|\bcommerce\b", "trade_minister", "GOV", None),
    (r"\binterior\b|home affairs|home secretary|internal affairs|\bhome office\b|public security", "interior_minister", "GOV", None),
    (r"\bminister\b|\bsecretary\b", "minister", "GOV", None),
]

_COMPILED = [(re.compile(p, re.I), key, sector, only) for p, key, sector, only in RULES]

# The US Secretary of the Interior runs public lands, not the police.
_NOT_INTERIOR = re.compile(r"secretary of the interior", re.I)

IGO_ORGS = {
    "un_secretary_general": "United Nations",
    "un_deputy_secretary_general": "United Nations",
    "unga_president": "United Nations",
    "wto_director_general": "World Trade Organization",
    "icj_judge": "International Court of Justice",
    "nato_secretary_general": "NATO",
    "eu_commission_president": "European Union",
    "eu_council_president": "European Union",
    "eu_high_representative": "European Union",
    "au_commission_chair": "African Union",
    "pope": "Holy See",
}


def _country_names(country: str) -> set[str]:
    import pycountry

    c = pycountry.countries.get(alpha_3=country) if country and country != "IGO" else None
    if c is None:
        return {_ALSO_KNOWN_AS[country].casefold()} if country in _ALSO_KNOWN_AS else set()
    names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name),
             _ALSO_KNOWN_AS.get(country, c.name)}
    return {n.casefold() for n in names} | {("the " + n).casefold() for n in names}


# Common English names pycountry files under another name.
_ALSO_KNOWN_AS = {
    "TUR": "Turkey", "CZE": "Czech Republic", "TLS": "East Timor", "SWZ": "Swaziland", "CIV": "Ivory Coast",
    "CPV": "Cape Verde", "KOR": "South Korea", "PRK": "North Korea", "FSM": "Micronesia", "VNM": "Vietnam",
    "LAO": "Laos", "SYR": "Syria", "MDA": "Moldova", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia",
    "RUS": "Russia", "IRN": "Iran", "BRN": "Brunei", "PSE": "Palestine", "TWN": "Taiwan", "VAT": "Vatican City",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo", "GMB": "The Gambia",
    "BHS": "The Bahamas", "NLD": "the Netherlands", "USA": "United States", "GBR": "United Kingdom",
    "XKX": "Kosovo", "MKD": "North Macedonia",
}
_LEADER = re.compile(r"^(president|prime minister|premier|chancellor|federal chancellor)(?: of (.+))?$", re.I)


def classify(title: str, country: str) -> tuple[str, str]:
    """(office key, sector) for an English position title held in `country`."""
    t = " ".join(title.split())
    # "President of X" / "Prime Minister of X" lead the state only when X is this state.
    m = _LEADER.match(t)
    if m and (m.group(2) is None or m.group(2).casefold() in _country_names(country)
              or re.match(r"(the )?republic$", m.group(2), re.I)):
        return ("head_of_state", "GOV") if m.group(1).casefold() == "president" else ("head_of_government", "GOV")
    for pattern, key, sector, only in _COMPILED:
        if only is not None and country not in only:
            continue
        if pattern.search(t):
            if key == "interior_minister" and country == "USA" and _NOT_INTERIOR.search(t):
                return "minister", "GOV"
            return key, sector
    return "other", "GOV"
