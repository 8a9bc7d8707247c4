"""Detection: where the time expressions are.

A set of regular-expression rules over the text (compiled once), each naming
what it found (`rule`) and its parts (named groups). Overlapping matches are
resolved longest-first. Normalisation (what the expression means) is
the `normalise` package's job.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from entente.ontology import language
from entente.stages.time.lexicon import load


@dataclass(frozen=True)
class _Names:
    """Month and weekday names as regular-expression alternatives, full names apart from abbreviations."""
    months_full: str
    months_abbr: str
    days_full: str
    days_abbr: str


@functools.lru_cache(maxsize=1)
def _names() -> _Names:
    lex = load()

    def alt(groups, full: bool) -> str:
        return "|".join(n for names in groups for n in (names[:1] if full else names[1:]))

    return _Names(alt(lex.month_names, True), alt(lex.month_names, False),
                  alt(lex.weekday_names, True), alt(lex.weekday_names, False))


_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?"
         r"|century|centuries|millennium|millennia|weekends?)")
_UNIT_PL = r"(?:hours|days|nights|weeks|months|quarters|years|decades|centuries)"
_NUMW = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
         "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand")
_NUM = (rf"(?:\d[\d,]*(?:\.\d+)?(?:\s+\d/\d)?|(?:a|an)\s+(?:few|couple\s+of|couple|dozen|hundred|half)|a|an|few|several|some|many|couple\s+of"
        rf"|(?:{_NUMW})(?:[\s-](?:{_NUMW}))*(?:\s+and\s+a\s+half)?|dozens\s+of|hundreds\s+of)")
_REL_WORDS = r"(?:last|next|this|this\s+coming|this\s+past|coming|past|previous|following|current)"
_PRE = (r"(?:(?P<pre>early|late|mid-|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of"
        r"|the\s+close\s+of|the\s+turn\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+latter\s+half\s+of"
        r"|the\s+first\s+part\s+of|earlier|later|as\s+early\s+as|as\s+late\s+as)\s*(?:in\s+|of\s+)?)?")
_APPROX = (r"(?:(?P<approx>about|around|roughly|nearly|almost|some|more\s+than|over|less\s+than|under|at\s+least"
           r"|up\s+to|no\s+more\s+than|only|just|barely|fewer\s+than)\s+)?")


def _month(g: str) -> str:
    full, abbr = _names().months_full, _names().months_abbr
    return (rf"(?P<{g}>(?-i:(?:{full}|{full.upper()})(?![A-Za-z])|(?:{abbr}|{abbr.upper()})"
            rf"(?:\.|(?![A-Za-z]))))")


def _wday(g: str) -> str:
    full, abbr = _names().days_full, _names().days_abbr
    return (rf"(?P<{g}>(?-i:(?:{full}|{full.upper()})(?![A-Za-z])|(?:{abbr})\.))")


def _day(g: str) -> str:
    return rf"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"


def _year(g: str) -> str:
    return rf"(?<![\d$£€.,:/])(?<!\d-)(?P<{g}>(?:1[6-9]|20)\d\d)(?![\d]|,\d|\.\d|:\d)"


_RELYEAR = r"this\s+year|last\s+year|next\s+year"
_SPOKEN_YEAR = (r"(?P<sy>nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?))")
_DECADE_WORDS = r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"


def _holiday_names() -> str:
    names = load().holiday_names()
    return "|".join(re.escape(n).replace("'", "['’]") for n in sorted(names, key=len, reverse=True))


def _rules() -> list[tuple[str, str]]:
    M, D, Y, W = _month, _day, _year, _wday
    return [
        ("range_md", rf"{_PRE}{M('m')}\s+{D('d1')}\s*(?:-|–|—|to|through|until|and)\s*(?:{M('m2')}\s+)?{D('d2')}"
                     rf"(?:,?\s+{Y('y')})?"),
        ("range_from", rf"(?:from|between)\s+(?P<a>(?:{W('wa')})|(?:{M('ma')}(?:\s+{D('da')})?(?:,?\s+{Y('ya')})?)|{Y('ya2')})"
                       rf"\s*(?:to|until|till|through|thru|and|-|–)\s+"
                       rf"(?P<b>(?:{W('wb')})|(?:{M('mb')}(?:\s+{D('db')})?(?:,?\s+{Y('yb')})?)|{Y('yb2')})"),
        ("range_years", rf"{Y('y1')}\s*(?:(?:-|–)\s*(?P<y2>(?:1[6-9]|20)?\d\d)|to\s+(?P<y2b>(?:1[6-9]|20)\d\d))"
                        r"(?!\d|\s*(?:%|percent|per\s+cent|points?\b))"),
        ("mdy", rf"{_PRE}(?:{W('wd')},?\s+)?{M('m')}\s*{D('d')}(?:,\s*|\s+){Y('y')}"),
        ("dmy", rf"{_PRE}(?:{W('wd')},?\s+)?(?:the\s+)?{D('d')}\s+(?:of\s+)?{M('m')}(?:,?\s+{Y('y')})?"),
        ("md", rf"{_PRE}(?:{W('wd')},?\s+)?{M('m')}\s+{D('d')}(?!\s*-\s*\d)"),
        ("my", rf"{_PRE}{M('m')},?\s+(?:of\s+)?{Y('y')}"),
        ("my_spoken", rf"{_PRE}{M('m')},?\s+(?:of\s+)?{_SPOKEN_YEAR}"),
        ("season_spoken", r"(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?" + _SPOKEN_YEAR),
        ("decade_words", rf"(?:the\s+)?(?:(?P<pre>early|late|mid-|mid)\s*)?(?P<dw>{_DECADE_WORDS})(?![\w-])"),
        ("year_end", r"(?:the\s+)?(?:(?P<yr>this|last|next)\s+)?year[-\s]end(?![\w-])"),
        ("the_unit", r"(?P<det>the)\s+(?P<u>quarter|year|week|month|weekend|full\s+year|fiscal\s+year"
                     r"|latest\s+period|period|latest\s+year|same\s+period|comparable\s+period|corresponding\s+period)"
                     r"(?![\w-])(?!\s+(?:of|before|after|earlier|later|ago|that|when|in\s+which)\b)"),
        ("period_ly", r"(?:the\s+)?(?:(?:corresponding|same|comparable|year-ago|year-earlier|prior-year)\s+)?(?:period|quarter)"
                      r"\s+(?:of\s+|in\s+|a\s+year\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago)|the\s+previous\s+year"
                      r"|the\s+prior\s+year|the\s+year\s+before|a\s+year\s+before)"
                      r"|last\s+year's\s+(?:quarter|period)|(?:the\s+)?year-(?:ago|earlier)\s+(?:period|quarter)"),
        ("year_quarter", rf"(?:the\s+)?{Y('y')}\s+(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+)?"
                         r"(?:fiscal\s+)?(?P<per>quarter|period)(?![\w-])"),
        ("adj_ref", r"(?<![\w-])(?P<adj>current|recent)(?![\w-])(?!\s+(?:years|months|weeks|days|decades))"),
        ("m", rf"{_PRE}(?:(?P<rel>{_REL_WORDS})\s+)?{M('m')}(?:\s+(?P<rel2>this|last|next)\s+year)?"),
        ("iso", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])"),
        ("numeric", r"(?<![\d/.])(?P<mo>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"),
        ("year", rf"{_PRE}(?:(?P<fiscal>fiscal(?:\s+year)?|FY|the\s+year|calendar(?:\s+year)?)\s*)?{Y('y')}"
                 r"(?!\s*(?:%|percent|per\s+cent|-?(?:year|month|day)s?(?![a-z])))"),
        ("spoken_year", r"(?:the\s+year\s+)?(?P<sy>nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)|the\s+year\s+two\s+thousand"
                        r"(?:\s+and\s+\w+)?)"),
        ("decade", r"(?:the\s+)?(?:(?P<pre>early|late|mid-|mid)\s*)?(?P<dec>(?:1[6-9]|20)\d0s|'\d0s|(?-i:[2-9]0s)(?![\w%]))"),
        ("century", r"(?:the\s+)?(?:(?P<pre>early|late|mid-|mid)\s*)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third"
                    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
                    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]century"),
        ("quarter", rf"{_PRE}(?:(?:the|this|last|next|its|their|a|this\s+year's|last\s+year's|next\s+year's"
                    rf"|(?P<qyp>(?:19|20)\d\d)'s)\s+)?(?:(?P<fisc>fiscal|calendar)\s+)?"
                    r"(?:(?P<ya>year-ago|year-earlier|prior-year|previous-year)\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|prior|next|coming"
                    r"|year-ago|year-earlier|same)[\s-](?:fiscal[\s-])?quarter"
                    rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<qy>(?:19|20)\d\d)|(?P<qr>{_RELYEAR}))|,?\s+(?P<qy2>(?:19|20)\d\d)(?!\d))?"),
        ("qshort", r"(?<![\w-])(?-i:Q(?P<q>[1-4]))(?:\s+(?P<qy>(?:19|20)\d\d))?(?![\w])"),
        ("half", rf"(?:the\s+)?(?P<h>first|second|latter|last|1st|2nd)\s+half\s+of\s+(?:the\s+)?(?:fiscal\s+)?"
                 rf"(?:(?P<hy>(?:19|20)\d\d)|(?P<hr>{_RELYEAR})|(?P<hu>year))"),
        ("season", rf"{_PRE}(?:(?P<rel>this|last|next|the|this\s+past|this\s+coming|coming|past)\s+)?"
                   r"(?P<s>spring|summer|fall|autumn|winter)"
                   rf"(?:\s+(?:of\s+)?{Y('y')}|\s+(?P<rel2>this|last|next)\s+year)?(?!\s+of\s+(?!(?:19|20)\d\d))"),
        ("relday", rf"{_PRE}(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
                   r"(?:\s+(?P<pod>morning|afternoon|evening|night))?(?![\w])"),
        ("pod", r"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>morning|afternoon|evening|night)"),
        ("weekday", rf"{_PRE}(?:(?P<rel>last|next|this|this\s+coming|this\s+past|coming|past)\s+)?{W('wd')}"
                    r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"),
        ("anaphor", r"(?P<det>the\s+(?:next|following|previous|preceding|prior|same|very\s+next)|that)\s+"
                    r"(?P<u>day|week|month|year|quarter|weekend|morning|afternoon|evening|night)(?![\w-])"
                    r"(?!\s+(?:of|before|after|when|that|in\s+which)\b)"),
        ("anaphor_ba", r"the\s+(?P<u>day|week|month|year)\s+(?P<dir>before|after)(?![\w-])"
                       r"(?!\s+(?:the|a|an|his|her|their|its|this|that|he|she|they|it|we|I)\b)"),
        ("relunit", rf"{_PRE}(?P<rel>this|last|next|the\s+past|the\s+coming"
                    r"|the\s+current|current|the\s+present|the\s+next|the\s+last|this\s+coming|this\s+past)\s+"
                    r"(?:(?P<fisc>fiscal|calendar)\s+)?(?P<u>week|weekend|month|quarter|year|decade|century)(?![\w-])"),
        ("relthe", r"(?P<pre>the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+close\s+of"
                   r"|the\s+rest\s+of|the\s+remainder\s+of|earlier\s+in|later\s+in|early\s+in|late\s+in)\s+the\s+"
                   r"(?P<u>week|month|year|decade|century)(?![\w-])"),
        ("ago", rf"{_APPROX}(?P<n>{_NUM})[\s-](?P<u>{_UNIT})(?:\s+or\s+so)?\s+"
                r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)(?![\w])"),
        ("vague_ago", rf"(?P<u>{_UNIT_PL})\s+(?P<dir>ago|earlier|later|before|after)(?![\w])"),
        ("year_ago", r"(?:the\s+)?(?P<ya>year-ago|year-earlier|prior-year|year\s+earlier)"
                     r"(?:\s+(?P<per>quarter|period|month|week))?"),
        # "in six months' time", "within three months": a point after publication when the verb looks ahead
        ("in_time", rf"(?P<prep>in|within)\s+{_APPROX}(?P<n>{_NUM})[\s-](?P<u>{_UNIT})(?:['’]s?)?\s+time(?![\w-])"),
        ("in_units", rf"(?:(?<=\bin\s)|(?<=within\s)){_APPROX}(?P<n>{_NUM})[\s-](?P<u>{_UNIT})"
                     r"(?![\w-]|\s+(?:of|after|before|since|from|ago|earlier|later|old)\b|['’])"),
        # "on the 25th": a day of the month, the month from the story
        ("ordday", r"(?P<det>the)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\w-])"
                   r"(?=\s*(?:[,.;:)—–]|$|\s(?:and|or|to|through|until|at|when|with|as|but|after|before|while|because"
                   r"|in|of\s+(?:this|that|the|last|next)\s+month)\b))"),
        ("duration", rf"{_APPROX}(?:(?P<det>the|another|the\s+past|the\s+last|the\s+next|the\s+first|the\s+latest"
                     r"|the\s+coming|the\s+previous|the\s+final|the\s+remaining|the\s+following|the\s+full)\s+)?"
                     rf"(?P<n>{_NUM})(?:\s+more)?[\s-](?P<u>{_UNIT})(?:\s+and\s+a\s+half)?"
                     r"(?![\w-]|\s+(?:old|ago|earlier|later|before|after|from\s+now)\b)"),
        ("vague_dur", rf"(?:the\s+)?(?:(?P<adj>recent|coming|past|last|next|ensuing|following)\s+)?"
                      rf"(?:(?P<few>few|several|many|couple\s+of)\s+)?(?P<u>{_UNIT_PL})(?![\w-])"),
        ("refs", r"(?<![\w-])(?P<ref>right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days"
                 r"|at\s+the\s+moment|recently|lately|the\s+past"
                 r"|the\s+near\s+future|the\s+foreseeable\s+future|the\s+future)(?![\w-])"),
        ("set", rf"(?P<q>every|each|per)\s+(?:other\s+)?(?P<u>day|week|month|year|quarter|morning|evening|night|weekend"
                rf"|{_names().days_full})(?![\w])"),
        ("freq", r"(?P<f>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|every|each)\s+"
                 r"(?P<u>day|week|month|year|quarter|decade)(?![\w])"),
        ("clock", rf"{_APPROX}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![A-Za-z])"
                  r"(?:\s+(?P<tz>local\s+time|GMT|UTC|EST|EDT|ET|CET|IST))?"
                  rf"(?:\s+(?:on\s+)?(?:{W('wd')}|(?P<rd>today|yesterday|tomorrow)))?"),
        ("clock24", r"(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>hours|hrs|GMT|UTC|local\s+time)(?![\w])"),
        ("holiday", rf"(?:(?P<rel>this|last|next|this\s+past|this\s+coming)\s+)?(?P<hol>(?-i:{_holiday_names()}))"
                    rf"(?![\w-])(?:,?\s+{Y('y')})?"),
        ("noon", rf"(?P<nm>noon|midnight)(?:\s+(?:on\s+)?(?:{W('wd')}|(?P<rd>today|yesterday|tomorrow)))?(?![\w])"),
    ]


@dataclass(frozen=True)
class Candidate:
    rule: str
    start: int
    end: int
    text: str
    groups: dict = field(default_factory=dict, compare=False, hash=False)


@functools.lru_cache(maxsize=1)
def compiled() -> tuple[tuple[str, "re.Pattern[str]"], ...]:
    return tuple((name, re.compile(rf"(?<![\w]){pat}", re.IGNORECASE)) for name, pat in _rules())


def _acceptable(rule: str, m: "re.Match[str]", text: str) -> bool:
    g = m.groupdict()
    if rule == "m" and (g.get("m") or "").lower() == "may" and not (g.get("pre") or g.get("rel") or g.get("rel2")):
        before = text[max(0, m.start() - 12):m.start()].lower().split()
        if not before or before[-1] not in language.words("time", "words_before_may"):
            return False
    if rule == "season" and (g.get("s") or "").lower() == "fall" and not (g.get("rel") or g.get("y") or g.get("rel2")):
        return False
    if rule == "season" and not (g.get("rel") or g.get("y") or g.get("rel2") or g.get("pre")):
        return False
    if rule in ("duration", "ago") and (g.get("u") or "").lower().startswith("second") and \
            (g.get("n") or "").lower() in ("a", "an", "the", "some"):
        return False
    if rule == "duration" and (g.get("n") or "").lower() in ("some", "many") and not g.get("det"):
        return False
    if rule in ("duration", "ago") and re.fullmatch(r"(?:1[6-9]|20)\d\d", g.get("n") or ""):
        return False
    if rule == "duration" and (g.get("u") or "").lower().startswith("quarter") and \
            re.match(r"\s+of\b", text[m.end():m.end() + 4]):
        return False
    if rule == "vague_dur" and not (g.get("adj") or g.get("few")):
        prev = text[max(0, m.start() - 8):m.start()].lower().split()
        if not prev or prev[-1] not in language.words("time", "words_before_bare_units"):
            return False
    if rule == "ordday":
        before = text[max(0, m.start() - 10):m.start()].lower().split()
        if not before or before[-1] not in language.words("time", "words_before_day_of_month"):
            return False
    if rule in ("in_time", "in_units") and re.fullmatch(r"(?:1[6-9]|20)\d\d", g.get("n") or ""):
        return False
    if rule == "refs" and g.get("ref", "").lower() == "the past":
        nxt = text[m.end():m.end() + 2]
        if nxt.startswith(" ") and text[m.end() + 1:m.end() + 2].isdigit():
            return False
    return True


# Each rule runs only near the words that any match of it must contain (its key): a cheap scan for
# the keys first, then the full rules in small windows around them.
_SCAN = re.compile(r"[ap]\.m\.|Q[1-4](?![\w])|[A-Za-z]+|\d+")
_KEY_WORDS = {
    "unit": "second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight "
            "fortnights month months quarter quarters year years decade decades century centuries millennium "
            "millennia period periods",
    "part": "today tonight yesterday tomorrow morning mornings afternoon afternoons evening evenings night nights "
            "noon midnight am pm a.m. p.m.",
    "season": "spring summer fall autumn winter springs summers winters",
    "ref": "now current currently recent recently present presently lately past future these moment nowadays",
    "spoken": "nineteen thousand twenties thirties forties fifties sixties seventies eighties nineties",
}


@functools.lru_cache(maxsize=1)
def _cased_keys() -> dict[str, frozenset[str]]:
    n = _names()

    def forms(*alternatives: str) -> frozenset[str]:
        return frozenset(w for a in alternatives for w in a.split("|"))

    return {"month": forms(n.months_full, n.months_abbr, n.months_full.upper(), n.months_abbr.upper()),
            "wday": forms(n.days_full, n.days_abbr, n.days_full.upper()),
            "q": frozenset({"Q1", "Q2", "Q3", "Q4"})}


@functools.lru_cache(maxsize=1)
def _word_keys() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for key, words in _KEY_WORDS.items():
        for w in words.split():
            out.setdefault(w, []).append(key)
    for name in load().holiday_names():  # a holiday is looked for where its first word is
        out.setdefault(re.match(r"[A-Za-z]+", name).group().lower(), []).append("holiday")
    return {w: tuple(dict.fromkeys(k)) for w, k in out.items()}


@functools.lru_cache(maxsize=1)
def _cased_word_keys() -> dict[str, tuple[str, ...]]:
    """`_cased_keys` inverted: word (exact case) -> the key classes it is in."""
    out: dict[str, list[str]] = {}
    for key, words in _cased_keys().items():
        for w in words:
            out.setdefault(w, []).append(key)
    return {w: tuple(k) for w, k in out.items()}


def _key_hits(text: str) -> dict[str, list[int]]:
    """Positions of the words each key class needs, from one scan of the text."""
    hits: dict[str, list[int]] = {k: [] for k in ("month", "wday", "digits", "unit", "part", "season", "ref",
                                                    "spoken", "q", "holiday")}
    cased, lower = _cased_word_keys(), _word_keys()
    digits = hits["digits"]
    known = _KEYS_OF
    for m in _SCAN.finditer(text):
        w = m.group()
        if w[0].isdigit():
            digits.append(m.start())
            continue
        keys = known.get(w)
        if keys is None:   # first time this word form is seen: its classes by exact case, then lower-cased
            keys = cased.get(w, ()) + lower.get(w.lower(), ())
            if len(known) < 1 << 16:   # bounded: a long-running process meets ever new words
                known[w] = keys
        for key in keys:
            hits[key].append(m.start())
    return hits


# word form -> the key classes _key_hits files it under (most words: none); a story repeats its words
_KEYS_OF: dict[str, tuple[str, ...]] = {}


_RULE_KEYS = {
    "range_md": ("month",), "range_from": ("month", "wday", "digits"), "range_years": ("digits",),
    "mdy": ("month",), "dmy": ("month",), "md": ("month",), "my": ("month",), "my_spoken": ("month",),
    "season_spoken": ("season",), "decade_words": ("spoken",), "year_end": ("unit",), "the_unit": ("unit",),
    "period_ly": ("unit",), "year_quarter": ("digits",), "adj_ref": ("ref",), "m": ("month",),
    "iso": ("digits",), "numeric": ("digits",), "year": ("digits",), "spoken_year": ("spoken",),
    "decade": ("digits",), "century": ("unit",), "quarter": ("unit",), "qshort": ("q",), "half": ("unit",),
    "season": ("season",), "relday": ("part",), "pod": ("part",), "weekday": ("wday",), "relunit": ("unit",),
    "relthe": ("unit",), "anaphor": ("unit", "part"), "anaphor_ba": ("unit",), "ago": ("unit",), "vague_ago": ("unit",), "year_ago": ("unit",), "duration": ("unit",),
    "vague_dur": ("unit",), "in_time": ("unit",), "in_units": ("unit",), "ordday": ("digits",), "refs": ("ref",), "set": ("unit", "part", "wday"), "freq": ("unit",),
    "clock": ("part",), "clock24": ("digits",), "noon": ("part",), "holiday": ("holiday",),
}
_WINDOW = 80  # characters each side of a key; longer than any rule's reach from its key

# Text that every match of a rule contains (case-insensitive, as the rules): a window without it
# cannot hold a match, so the rule is not run there. Most windows are around common words ("year",
# "days", a number), and only few of them have what a rarer rule needs ("quarter", "ago").
_RULE_MUST = {
    "quarter": r"quarter", "century": r"century", "period_ly": r"period|quarter", "year_quarter": r"quarter|period",
    "year_end": r"year[-\s]end", "half": r"half", "year_ago": r"year", "freq": r"once|twice|times",
    "in_time": r"time", "relthe": r"the\s+(?:week|month|year|decade|century)",
    "anaphor_ba": r"(?:day|week|month|year)\s+(?:before|after)",
    "anaphor": r"next|following|previous|preceding|prior|same|that",
    "ago": r"ago|earlier|later|before|after|now|hence|back", "vague_ago": r"ago|earlier|later|before|after",
    "set": r"every|each|per", "relunit": r"this|last|next|past|coming|current|present",
    "range_from": r"from|between", "range_years": r"\d\s*(?:[-–]|to\s)", "decade": r"\d0s",
    "clock24": r"\d:\d", "numeric": r"\d/\d", "iso": r"\d-\d", "ordday": r"\d(?:st|nd|rd|th)",
}


@functools.lru_cache(maxsize=1)
def _musts() -> dict[str, "re.Pattern[str]"]:
    musts = dict(_RULE_MUST)
    # a year is four digits of these centuries (most windows around a number hold none), and a
    # holiday its name, written as the rule writes it (its first words, "New", "National", are common)
    musts["year"] = r"(?:1[6-9]|20)\d\d"
    musts["holiday"] = rf"(?-i:{_holiday_names()})"
    return {name: re.compile(pat, re.IGNORECASE) for name, pat in musts.items()}


# Characters whose lower case is longer ("İ") or that the case-insensitive match pairs with an ASCII
# letter that lower() does not give ("ı", "ſ"). In a text without them, a lower-case pattern searched
# case-sensitively in the lower-cased text matches where it matches the text case-insensitively
# (checked over every code point), and the case-sensitive search is much faster.
_CASE_UNSAFE = re.compile("[\u0130\u0131\u017f]")


@functools.lru_cache(maxsize=1)
def _lower_musts() -> dict[str, "re.Pattern[str]"]:
    """The `_RULE_MUST` patterns written in lower case, compiled case-sensitively, for the lower-cased text."""
    return {name: re.compile(pat) for name, pat in _RULE_MUST.items() if pat == pat.lower()}


def _windows(text: str, keys: dict[str, list[int]], names: tuple[str, ...]) -> list[tuple[int, int]]:
    hits = sorted(p for n in names for p in keys[n])
    out: list[list[int]] = []
    for p in hits:
        s, e = max(0, p - _WINDOW), min(len(text), p + _WINDOW)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def find(text: str) -> list[Candidate]:
    """All rule matches, overlaps resolved longest first, in text order."""
    found: list[Candidate] = []
    keys = _key_hits(text)
    cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    n = len(text)
    musts = _musts()
    lowered = text.lower() if _CASE_UNSAFE.search(text) is None else None
    lower_musts = _lower_musts() if lowered is not None else {}
    for name, rx in compiled():
        names = _RULE_KEYS[name]
        if names not in cache:
            cache[names] = _windows(text, keys, names)
        windows = cache[names]
        must = musts.get(name)
        if name in lower_musts:
            must = lower_musts[name]
            windows = [(s, e) for s, e in windows if must.search(lowered, s, e)]
        elif must is not None:
            windows = [(s, e) for s, e in windows if must.search(text, s, e)]
        for m in (m for s, e in windows for m in rx.finditer(text, s, e) if m.end() < e or e == n):
            if m.end() <= m.start() or not _acceptable(name, m, text):
                continue
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in " ,":
                e -= 1
            found.append(Candidate(name, s, e, text[s:e], {k: v for k, v in m.groupdict().items() if v}))
    ranked = sorted(enumerate(found), key=lambda p: (-(p[1].end - p[1].start), p[1].start, p[0]))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for _, c in ranked:
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c.start, c.end))
    return sorted(taken, key=lambda c: c.start)


def match_one(text: str) -> Candidate | None:
    """The single candidate covering all of `text` (for the parts of ranges), if any."""
    for c in find(text):
        if c.start == 0 and c.end >= len(text.rstrip(" ,")):
            return c
    return None
