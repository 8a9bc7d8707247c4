"""Names from the codebook in the text: states, their adjectives and capitals,
organisations, IGOs and groupings (longest match, one pass over the tokens)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from entente import doc_cache
from entente.entities import HYPHENS
from entente.ontology import language
from entente.ontology.codebook import Codebook, Entry
from entente.stages.agreements.lexicon import data as agreement_lexicon

LOCATIVE = language.words("entities", "place_preps")
LOCATIVE_CAPITAL = LOCATIVE | language.words("entities", "capital_place_preps")
DIRECTIONAL = language.words("entities", "directional_preps")
MOTION = language.words("entities", "motion_words")
PLACE_NOUNS = language.words("entities", "place_nouns")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})
# Names of meetings and processes a city's name may go before ("the Madrid talks", "the Astana
# process"): the city is the venue, a place, not its government.
VENUE_HEADS = language.words("roles", "meeting_nouns") | language.words("roles", "setting_nouns") | \
    language.words("entities", "venue_heads")
# Names of documents ("the Minsk agreements", "the Copenhagen Charter"): the city is part of a name,
# neither a party nor a place where anything happens now.
DOCUMENT_HEADS = agreement_lexicon()["named_heads"] | language.words("entities", "document_name_heads")


@dataclass
class Match:
    start: int
    end: int
    entry: Entry


def _cut(text: str) -> str:
    """A token's text before an inner hyphen ("U.N.-organized" -> "U.N.", "Mexican-" -> "Mexican")."""
    k = text.find("-", 1)
    return text[:k] if k > 0 else text


ARTICLE_PREFIXES = language.words("entities", "name_articles")   # "al-Shabab": a name's lower-case article


def _capitalised_text(t: str) -> bool:
    return bool(t) and (t[0].isupper() or t[0].isdigit())


def codebook_matches(doc, cb: Codebook, toks=None) -> list[Match]:
    """Longest codebook names, left to right, not overlapping."""
    # token texts and span texts from the per-Doc cache: this runs on every capitalised token
    toks = toks if toks is not None else doc_cache.tokens(doc)
    words = doc_cache.texts(doc)
    out: list[Match] = []
    n = len(doc)
    nxt = 0   # where the next match may start
    # a name starts with a capitalised word: only those are visited (_capitalised_text, inlined)
    starts = [i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit()
              or w in ARTICLE_PREFIXES and i + 2 < n and words[i + 1] == "-" and words[i + 2][:1].isupper()]
    for i in starts:   # ... or with a lower-case article: "al-Shabab", "al-Qaida"
        if i < nxt:
            continue
        word = words[i]
        low = _cut(word).lower()
        maxn = cb.max_tokens(low) or (1 if low.endswith("s") and cb.max_tokens(low[:-1]) else 0)
        if not maxn:
            continue   # no name starts with this word (most capitalised words): checked before the Token's
        tok = toks[i]
        if tok.ent_iob_ == "I" and tok.ent_type_ == "PERSON":
            continue
        found = None
        for k in range(min(maxn, n - i), 0, -1):
            last = words[i + k - 1]
            if not _capitalised_text(last) and last not in (".", "'s", "’s"):
                if k > 1:
                    continue
            e = cb.lookup(doc_cache.span_text(doc, i, i + k))
            if e is None and "-" in last[1:]:
                # "U.N.-organized", "United Nations-appointed", "Mexican- and Canadian-made": the
                # name before the hyphen; the whole token mentions it
                e = cb.lookup(doc_cache.span_text(doc, i, i + k - 1) + (" " if k > 1 else "") + _cut(last))
            if e is not None:
                found = Match(i, i + k, e)
                break
        if found is None:
            continue
        # A longer PERSON name around it ("Chad Smith", "Jordan Peterson") is a person.
        if tok.ent_type_ == "PERSON" and found.entry.kind in ("state", "adjective", "capital"):
            ent_end = i
            while ent_end < n and toks[ent_end].ent_type_ == "PERSON" and (ent_end == i or toks[ent_end].ent_iob_ == "I"):
                ent_end += 1
            if ent_end > found.end:
                nxt = ent_end
                continue
        out.append(found)
        nxt = found.end
    return out


ATTITUDE_PREFIXES = language.words("entities", "attitude_prefixes")


DONE_BY_SUFFIXES = language.words("entities", "done_by_suffixes")


def done_by(doc, m: Match) -> bool:
    """Is the name the doer of what a hyphened participle says was done to the noun ("a
    U.S.-designated group", "the U.N.-recognized government"), not the noun's own country?"""
    last = doc[m.end - 1].text
    if "-" in last[1:]:
        return last.rsplit("-", 1)[1].lower() in DONE_BY_SUFFIXES
    # the tokenizer may split the hyphen off ("Iran - backed")
    return m.end + 1 < len(doc) and doc[m.end].text in ("-", "‑") and doc[m.end + 1].lower_ in DONE_BY_SUFFIXES


def is_attitude(doc, m: Match) -> bool:
    """Is the name the object of an attitude prefix ("anti-Pakistan fighters", "pro-Russian")?"""
    return m.start >= 2 and doc[m.start - 1].text in ("-", "‑") and doc[m.start - 2].lower_ in ATTITUDE_PREFIXES


def city_before(doc, m: Match, heads: frozenset) -> bool:
    """Is the capital a name put before one of `heads` ("the Madrid talks"), not one side of a
    hyphenated dyad ("the Kabul-Islamabad talks")?"""
    if m.entry.kind not in ("capital", "state"):
        return False
    root = doc_cache.span_root(doc, m.start, m.end)
    if root.dep_ != "compound" or root.head.lemma_.casefold() not in heads:
        return False
    if m.entry.kind == "state" and not _city_state(m):
        return False   # (asked last: it reads the codebook's row; most names are no such compound)
    return not (m.start > 0 and doc[m.start - 1].text in HYPHENS or m.end < len(doc) and doc[m.end].text in HYPHENS)


def _city_state(m: Match) -> bool:
    """Is the state named as its own capital ("the Singapore summit")?"""
    from entente.ontology import codebook

    row = codebook.get().countries.get(m.entry.country or "", {})
    return bool(row) and row.get("capital") == row.get("name") == m.entry.name


def is_place_use(doc, m: Match) -> bool:
    """Is this country/capital name used as a location rather than as a party?"""
    root = doc_cache.span_root(doc, m.start, m.end)
    if root.dep_ in SUBJECT_DEPS:
        return False
    if city_before(doc, m, VENUE_HEADS):
        return True   # "the Madrid talks" (but "the Kabul-Islamabad talks": a dyad)
    # walk up through compounds/conjuncts to the governing preposition
    head = root
    hops = 0
    while head.dep_ in ("conj", "compound", "appos") and head.head is not head and hops < 4:
        head = head.head
        hops += 1
    if head.dep_ in SUBJECT_DEPS:
        return False
    if head.dep_ == "pobj":
        prep = head.head.lower_
        if prep in DIRECTIONAL or prep == "from":
            # "flew to Beijing", "returned from Moscow" are places; "support to Tehran",
            # "opposition from Beijing" are the governments
            return m.entry.kind == "capital" and head.head.head.lemma_.casefold() in MOTION
        if prep == "of" and m.entry.kind == "capital":
            # "the outskirts of Lima", "a district of Quito": a place in the city
            owner = head.head.head
            return owner.lemma_.casefold() in PLACE_NOUNS or owner.lower_ in PLACE_NOUNS
        return prep in (LOCATIVE_CAPITAL if m.entry.kind == "capital" else LOCATIVE)
    prev = doc[m.start - 1] if m.start > 0 else None
    if prev is not None and prev.lower_ in LOCATIVE_CAPITAL and m.entry.kind == "capital":
        return True
    if m.entry.kind == "capital":
        # "visited Beijing", "arrived Tuesday in Moscow": objects of motion are places
        # ... but "urged Beijing to", "accused Moscow of": the object of other verbs is the government
        if head.dep_ == "dobj":
            return head.head.lemma_.casefold() in MOTION
        return root.ent_type_ in ("LOC", "FAC")
    return False


def head_noun(doc, start: int, end: int):
    """The noun a modifier span (an adjective, a country name used as a modifier) belongs to."""
    root = doc_cache.span_root(doc, start, end)
    first = root
    while first.dep_ == "conj" and first.head.i < first.i and first.head.pos_ in ("ADJ", "PROPN"):
        first = first.head   # "U.S., French and Mexican diplomats": the list's first word hangs on the noun
    if first is not root and first.dep_ in ("amod", "compound", "nmod") and first.head.i >= end \
            and first.head.pos_ == "NOUN":
        return first.head
    if root.dep_ in ("amod", "compound", "nmod", "poss") and root.head.i >= end and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        j = end
        while j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN") and doc[j].dep_ in ("compound", "amod"):
            j += 1
        return doc[j]
    return None


def agent_sector(cb: Codebook, tokens) -> Optional[str]:
    """Sector of a common-noun description ("riot police" -> COP, "troops" -> MIL)."""
    words = [t.lemma_.casefold() for t in tokens]
    texts = [t.lower_ for t in tokens]
    for k in range(min(3, len(words)), 0, -1):
        for seq in (texts[-k:], words[-k:]):
            s = cb.agents.get(" ".join(seq))
            if s:
                return s
    return None


# Geographic features that make a demonym part of a place's name ("Indian Ocean", "Persian Gulf").
GEO_FEATURES = language.words("entities", "geo_features")
COMPASS = language.words("entities", "compass_words")
NAME_LABELS = frozenset({"LOC", "FAC", "GPE", "LAW", "WORK_OF_ART", "PRODUCT"})


def inside_place_name(doc, m: Match) -> Optional[str]:
    """Is a state, demonym or capital match only part of a longer proper name of a place,
    a law or a work ("Indian Ocean", "the Indian and Pacific Ocean regions", "Khyber
    Pakhtunkhwa", "South China Sea", "New Mexico")? Returns the name's text, else None."""
    n = len(doc)
    nxt = doc[m.end] if m.end < n else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in GEO_FEATURES:
        return doc_cache.span_text(doc, m.start, m.end + 1)
    if nxt is not None and nxt.lower_ in ("and", ",", "&") and m.entry.kind == "adjective":
        # "the Indian and Pacific Ocean regions": the feature word is shared
        j = m.end + 1
        while j < n and j < m.end + 5 and doc[j].text[:1].isupper() and doc[j].lower_ not in GEO_FEATURES:
            j += 1
        if j < n and j > m.end + 1 and doc[j].text[:1].isupper() and doc[j].lower_ in GEO_FEATURES:
            return doc_cache.span_text(doc, m.start, j + 1)
    tok = doc[m.start]
    if tok.ent_type_ in NAME_LABELS:
        s = m.start
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        e = m.end
        while e < n and doc[e].ent_iob_ == "I":
            e += 1
        ent = doc[s:e]
        extra = [t for t in ent if not (m.start <= t.i < m.end) and t.lower_ not in ("the", "'s", "’s")]
        if all(t.lower_ in COMPASS for t in extra):
            return None   # "Western Cambodia", "Northern Iraq": a region of the country
        if extra and all(t.text[:1].isupper() or t.is_digit or t.text in ("-", "of") for t in extra) \
                and not any(t.text in (",", "and") for t in ent):
            return ent.text
    return None
