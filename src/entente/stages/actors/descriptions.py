"""Descriptions that name an actor the story has named before: "the military" (the Pakistani
military of the paragraph above), "the foreign ministry", "the government", "the country", "the
Southeast Asian nation"; and groups the codebook cannot list because a party word makes them
("Republican lawmakers").

Each resolves to the most recent earlier actor that fits: the same head noun in its name (with any
modifier words of the description), or, for the state's own bodies ("the government",
"the country"), the last state mentioned. A description that fits nothing stays unlinked.
"""
from __future__ import annotations

from typing import Optional

from spacy.symbols import NOUN, PROPN

from entente import doc_cache
from entente.doc_cache import children
from entente.entities import NONSTATE_SECTORS, OUTSIDER_SECTORS, STATE_ARMS
from entente.ontology import codebook, language
from entente.ontology.codebook import Codebook, norm
from entente.sentences import sentence

from .coref import quoted_tokens
from .detect import agent_sector
from .drafts import Drafts

LOOKBACK_SENTENCES = 6
# How far a description may be from the named official it stands for, in tokens.
BEFORE_TOKENS, AFTER_TOKENS = 250, 80


def _last_mentions(reg: Drafts, before: int) -> list[tuple[int, str]]:
    out = []
    for d in reg.drafts.values():
        for m in d.mentions:
            if not m.shared and m.end <= before:
                out.append((m.start, d.key))
    out.sort(reverse=True)
    return out


def _recent_mentions(doc, reg: Drafts, before: int, sentences_back: int):
    """(position, key) of the mentions before token `before`, latest first, in its sentence and
    the ones before it, `sentences_back` sentences in all."""
    sents, last_sent = 0, None
    for pos, key in _last_mentions(reg, before):
        s = sentence(doc[pos]).start
        if s != last_sent:
            last_sent, sents = s, sents + 1
        if sents > sentences_back:
            return
        yield pos, key


GROUPING_HEADS = language.words("entities", "grouping_heads")
BODY_HEADS = language.words("entities", "body_heads")
KIND_HEADS = language.words("entities", "kind_heads")
GROUP_SIZES = frozenset(language.table("entities")["group_sizes"])
MEDIA_HEADS = language.words("entities", "media_heads")


# Sectors a description's modifier names that one kind of body answers to ("the separatist group"
# is the insurgents named before, whether the codebook files them as rebels or as armed groups).
ARMED = frozenset({"REB", "UAF"})


def _same_sector(a: Optional[str], b: Optional[str]) -> bool:
    return bool(a) and (a == b or (a in ARMED and b in ARMED))


def _fits(reg: Drafts, key: str, head: str, words: list[str], sectors: frozenset = frozenset()) -> bool:
    d = reg.drafts[key]
    if d.kind == "grouping" and head in GROUPING_HEADS:
        return True
    if head in MEDIA_HEADS and d.sector == "MED" and d.kind == "organization":
        return True
    if d.kind not in ("organization", "group", "igo"):
        return False
    name = {w.strip(".,").lower() for w in d.name.replace("’s", " ").replace("'s", " ").split()}
    if head in KIND_HEADS and words and d.kind in ("igo", "organization") and any(w in name for w in words):
        return True
    if head in KIND_HEADS and d.kind in ("organization", "group") and any(_same_sector(s, d.sector) for s in sectors):
        return True   # "the separatist group": the insurgents the story named
    if d.kind in ("igo", "organization") and head in BODY_HEADS:
        return True
    if head == "group" and not words and d.kind in ("organization", "group") and d.sector in NONSTATE_SECTORS:
        return True   # "the group said …": the armed group, party or rights group named before
    return head in name and all(w in name for w in words)


def resolve(doc, cb: Codebook, reg: Drafts) -> None:
    heads = language.words("entities", "description_heads")
    state_heads = language.words("entities", "state_heads")
    state_nouns = language.words("entities", "state_nouns")
    lemmas = doc_cache.lemma_lowers(doc)
    for tok in doc_cache.tokens_with_pos(doc, NOUN, PROPN):
        if lemmas[tok.i] not in heads and lemmas[tok.i] not in state_nouns and lemmas[tok.i] != ISLAND:
            continue   # neither a description's head nor a state noun (the test below, read first)
        if tok.i in reg.claimed:
            continue
        if _island(doc, reg, tok):
            continue
        if tok.pos_ == "PROPN" and (tok.lower_ not in heads or any(c.dep_ == "compound" for c in children(tok))):
            continue   # a capitalised head alone ("the Council") is a description; "Security Council" a name
        lem = tok.lemma_.lower()
        is_state_noun = lem in state_nouns and tok.tag_ == "NN"
        if lem not in heads and not is_state_noun:
            continue
        left = [c for c in children(tok) if c.i < tok.i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in left):
            continue
        if tok.tag_ == "NNS" and any(c.lower_ in GROUP_SIZES for c in left):
            continue   # "the two sides": a set, resolved by coref
        if any(c.i in reg.claimed or (c.text[:1].isupper() and c.dep_ in ("compound", "amod") and not is_state_noun)
               for c in left):
            continue   # "the Pakistani military", "the U.N. mission": named by the actors stage
        words = [c.lower_ for c in left if c.dep_ in ("compound", "amod") and c.is_alpha]
        start = min(c.i for c in left)
        if lem in state_heads and (country := _leader_country(reg, tok)):
            # "the government led by Rutte": the state its leader leads
            reg.mention(reg.state(country, cb.country_name(country)), start, tok.i + 1)
            continue
        limit = sentence(tok).start
        sectors = frozenset(filter(None, (cb.agents.get(w) for w in words)))
        key = _antecedent(doc, reg, start, lem, words, is_state_noun or lem in state_heads, limit, sectors)
        if key is None and words:
            key = _antecedent(doc, reg, start, lem, [], is_state_noun or lem in state_heads, limit)
        if key is None and lem in STATE_BODY_HEADS and tok.tag_ == "NN":
            key = _state_body(doc, cb, reg, tok, start)
        if key is not None:
            reg.mention(key, start, tok.i + 1)


ISLAND = "island"
ISLAND_STATES = language.words("entities", "island_states")
ISLAND_PART_WORDS = language.words("entities", "island_part_words")   # "the main island" is no state


def _island(doc, reg: Drafts, tok) -> bool:
    """"The self-governing island", "the island nation": the island state the story named last (six
    sentences back at most); mentioned, True. Other islands ("the main island") are left alone."""
    left = [c for c in children(tok) if c.i < tok.i]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in left) or tok.tag_ != "NN":
        return False
    if tok.lemma_.lower() == ISLAND:
        if any(c.dep_ in ("amod", "compound") and c.lower_ in ISLAND_PART_WORDS for c in left):
            return False
    elif not any(c.lemma_.lower() == ISLAND and c.dep_ in ("compound", "amod") for c in left):
        return False   # a state noun not of an island ("the nation")
    start = min(c.i for c in left)
    for _pos, key in _recent_mentions(doc, reg, start, LOOKBACK_SENTENCES):
        d = reg.drafts[key]
        if d.kind == "state" and (d.country or "").lower() in ISLAND_STATES:   # (word lists are lower case)
            reg.mention(key, start, tok.i + 1)
            return True
    return False


STATE_BODY_HEADS = language.words("entities", "state_body_heads")


def _state_body(doc, cb: Codebook, reg: Drafts, tok, start: int) -> Optional[str]:
    """"The army said …" with no army named before: the one the story names later ("the Pakistani
    military"), else the body of the state the story last named (two sentences back), as "the
    government" is that state."""
    head = tok.lemma_.lower()
    later = [d for d in reg.drafts.values() if d.kind in ("group", "organization") and d.country and d.mentions
             and _fits(reg, d.key, head, []) and min(m.start for m in d.mentions) > start]
    if later:
        return min(later, key=lambda d: min(m.start for m in d.mentions)).key
    state = _last_state(doc, reg, start)
    if state is None:
        return None
    d = reg.drafts[state]
    sector = agent_sector(cb, [tok])
    key = f"g:{d.country}:{head}"
    reg.get_or_add(key, name=f"{d.name} {head}", kind="group", country=d.country, sector=sector)
    return key


LEADING_VERBS = language.words("entities", "leading_verbs")


def _leader_country(reg: Drafts, head) -> Optional[str]:
    """The country of the person a government is "led by" / "headed by", if the text gives one."""
    leaders = [o for v in children(head) if v.dep_ == "acl" and v.tag_ == "VBN" and v.lemma_.lower() in LEADING_VERBS
               for a in children(v) if a.dep_ == "agent" for o in children(a)]
    for o in leaders:
        people = [reg.drafts[k] for k in reg.keys_at(o.i) if reg.drafts[k].kind == "person"]
        if people and people[0].country and people[0].country != "IGO":
            return people[0].country
    return None


def _antecedent(doc, reg: Drafts, before: int, head: str, words: list[str], state_ok: bool,
                limit: int, sectors: frozenset = frozenset()) -> Optional[str]:
    for _pos, key in _recent_mentions(doc, reg, before, LOOKBACK_SENTENCES):
        if _fits(reg, key, head, words, sectors):
            return key
    return _last_state(doc, reg, before, arms=head in STATE_HEADS) if state_ok else None


def _last_state(doc, reg: Drafts, before: int, arms: bool = False) -> Optional[str]:
    """The state the story named last before token `before`, two sentences back at most; with
    `arms`, a body of a state's own (its troops, its officials) names that state too ("Kenyan
    troops … the government"; but "troops entered … the country" is not theirs)."""
    for _pos, key in _recent_mentions(doc, reg, before, 2):
        d = reg.drafts[key]
        if d.kind == "state":
            return key
        if arms and d.kind in ("group", "organization") and d.country and d.country != "IGO" and d.sector in STATE_ARMS:
            # "Kenyan troops … the government": the state whose forces or officials were named last
            return reg.state(d.country, codebook.get().country_name(d.country))
    return None


STATE_HEADS = language.words("entities", "state_heads")


def _role_words(role: str) -> set[str]:
    low = " " + role.lower().replace(",", " ") + " "
    words = set(low.split())
    for group, titles in (language.table("entities").get("role_groups") or {}).items():
        if any(f" {t} " in low for t in titles):
            words.add(group)
    return words


def _next_person(reg: Drafts, pos: int, n, d) -> bool:
    """Is n the first person named after token `pos` who could be the official described there
    ("The U.N. special envoy for Syria … the fall of President Bashar al-Assad. Geir Pedersen
    issued his appeal")?"""
    first = min((m.start for m in n.mentions if m.start > pos), default=None)
    if first is None or first - pos > AFTER_TOKENS:
        return False
    doc = reg.analysis.doc
    if sentence(doc[first]).start > sentence(doc[pos]).end:
        return False   # two sentences on, the story has moved to someone else
    if first in quoted_tokens(doc):
        return False   # '"We saw reports of Omar Baro's arrest," the spokesperson said': a name quoted
    want = _role_words(d.role or d.name)
    for o in reg.drafts.values():
        if o.kind != "person" or o.unnamed or o.key == n.key or not any(pos < m.start < first for m in o.mentions):
            continue
        other_role = _role_words(" ".join([o.role or ""] + [r.title for r in o.roles]))
        if not ((d.country and o.country and o.country != d.country) or (other_role and not want & other_role)):
            return False   # someone else named in between could be the one described
    return True


def _other_camp(a: Optional[str], b: Optional[str]) -> bool:
    return bool(a and b) and (a in OUTSIDER_SECTORS) != (b in OUTSIDER_SECTORS)


def merge_officials(doc, reg: Drafts) -> None:
    """An official the story describes by title ("the Pakistani envoy", "China's U.N. ambassador",
    "the top U.S. diplomat") is the named person of that country holding such a role, told just
    before (or just after, in the same paragraph): one actor, not two."""
    named = [d for d in reg.drafts.values() if d.kind == "person" and not d.unnamed and d.mentions]
    quoted = quoted_tokens(doc)
    for d in [x for x in reg.drafts.values() if x.kind == "person" and x.unnamed and x.mentions]:
        want = _role_words(d.role or d.name)
        pos = min(m.start for m in d.mentions)
        best = None
        for n in named:
            if d.country and n.country and n.country != d.country:
                continue
            if _other_camp(d.sector, n.sector):
                continue   # "the Afghan army chief" is not the Taliban chief named before
            bare = not n.role and not n.roles and not n.country
            if not bare and not (want & _role_words(" ".join([n.role or ""] + [r.title for r in n.roles]))):
                continue
            if bare and not _next_person(reg, pos, n, d):
                continue   # a name with nothing known: only the very next person named can be it
            # the official of that very country first ("Washington's envoy" is the U.S. envoy
            # named earlier, not a nearer envoy of no known country)
            agree = 0 if d.country and n.country == d.country else 1
            for m in n.mentions:
                if (m.start in quoted) != (pos in quoted):
                    continue   # '"… by the army spokesperson," spokesperson X said': whom X speaks of is not X
                gap = pos - m.start   # tokens: told before (positive) or just after (negative)
                near = 0 < gap <= BEFORE_TOKENS or -AFTER_TOKENS <= gap < 0
                if near and (best is None or (agree, abs(gap)) < best[0]):
                    best = ((agree, abs(gap)), n.key)
        if best is not None and best[1] in reg.drafts and d.key in reg.drafts:
            reg.merge(best[1], d.key)


def person_descriptions(doc, cb: Codebook, reg: Drafts) -> None:
    """"The senator said …" after "Senator Jim Risch visited Kyiv": a definite description whose head
    is a title names the latest person told before (six sentences at most) who holds such a title."""
    for tok in doc_cache.tokens_with_pos(doc, NOUN):
        if tok.i in reg.claimed or tok.tag_ != "NN" or norm(tok.text) not in cb.title_heads:
            continue
        if not any(c.dep_ == "det" and c.lower_ in language.words("entities", "title_determiners") for c in children(tok)):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue   # "the senator Jim Risch": a title, not a description
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in children(tok)) or any(
                t.dep_ == "appos" and t.ent_type_ == "PERSON" for t in tok.subtree):
            continue   # "the leader of the movement, Florence Ozor,": the name says who, not the last leader
        left = [c for c in children(tok) if c.i < tok.i and c.dep_ in ("amod", "compound")]
        if any(c.i in reg.claimed for c in left):
            continue   # "the Indian minister": the actors stage named it with its country
        want = _role_words(tok.lower_) | {tok.lower_}
        # "the Commerce chief" after "Commerce Secretary Jo Roe": the department word names the office
        office = {c.lower_ for c in left if c.text[:1].isupper() and c.is_alpha}
        start = min([c.i for c in children(tok) if c.i < tok.i] + [tok.i])
        # "the leader of ISIS": the body it leads is named; only a person of its country may be meant
        of_countries = {reg.drafts[k].country for p in children(tok) if p.dep_ == "prep" and p.lower_ == "of"
                        for g in children(p) if g.dep_ == "pobj" for k in reg.keys_at(g.i)}
        best = None
        for d in reg.drafts.values():
            if d.kind != "person" or d.unnamed or of_countries and d.country not in of_countries:
                continue
            titles = " ".join([d.role or ""] + [r.title for r in d.roles])
            words = set(titles.lower().replace(",", " ").split())
            exact = tok.lower_ in words or bool(office) and office <= words
            if office and not office <= words:
                continue
            if not exact and not want & _role_words(titles):
                continue
            for m in d.mentions:
                gap = start - m.start
                key = (0 if exact else 1, gap)   # the very title first, then one of its kind
                if 0 < gap <= BEFORE_TOKENS and (best is None or key < best[0]):
                    best = (key, d.key)
        if best is not None:
            reg.mention(best[1], start, tok.i + 1)


ACRONYM_SKIP = language.words("entities", "acronym_skip")


def initials_of(name: str) -> str:
    words = name.replace("-", " ").replace("’s", "").replace("'s", "").split()
    return "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIP and w[:1].isalpha()).upper()


def acronyms(doc, reg: Drafts) -> None:
    """An acronym names the organisation whose initials it spells ("Inter Services Public Relations" ...
    "the ISPR", "Tehreek-e-Taliban Pakistan, or TTP")."""
    by_initials: dict[str, str] = {}
    for d in reg.drafts.values():
        if d.kind in ("organization", "group", "igo") and len(d.name.split()) >= 2:
            ini = initials_of(d.name)
            if len(ini) >= 2:
                by_initials.setdefault(ini, d.key)
    if not by_initials:
        return
    # an acronym is upper case, its dots or not ("I.S.P.R." too): only those words are looked at
    words = doc_cache.texts(doc)
    for i in [i for i, w in enumerate(words) if w.isupper()]:
        t = words[i].replace(".", "")
        if i in reg.claimed or not (2 <= len(t) <= 6 and t.isupper() and t.isalpha()):
            continue
        key = by_initials.get(t)
        if key is not None and reg.drafts[key].first < i:
            reg.mention(key, i, i + 1)


def party_groups(doc, cb: Codebook, reg: Drafts) -> None:
    """"Republican lawmakers", "Democratic senators": a party word on an agent noun names a group of
    the party's country."""
    words = doc_cache.texts(doc)
    for i in doc_cache.upper_initial(doc):
        c = cb.party_countries.get(norm(words[i]))
        if not c or i in reg.claimed:
            continue
        tok = reg.toks[i]
        h = tok.head
        if h.i <= tok.i or h.pos_ != "NOUN" or h.i in reg.claimed:
            continue
        sector = agent_sector(cb, [h])
        if not sector:
            continue
        name = doc_cache.span_text(doc, tok.i, h.i + 1)
        key = "g:" + norm(name)
        reg.get_or_add(key, name=name, kind="group", country=c, sector=sector)
        reg.mention(key, tok.i, h.i + 1)


CAMP_NOUNS = language.codes("entities", "camp_nouns")   # noun -> sector of the camp


def camp_groups(doc, reg: Drafts) -> None:
    """"Boric's opponents", "critics of Milei": a camp around a named person is a group of that
    person's country (its sector from the noun: opponents are the opposition)."""
    for tok in doc_cache.tokens_with_pos(doc, NOUN):
        sector = CAMP_NOUNS.get(tok.lemma_.lower())
        if sector is None or tok.i in reg.claimed or tok.tag_ != "NNS":
            continue
        owners = [c for c in children(tok) if c.dep_ == "poss"]
        owners += [g for p in children(tok) if p.dep_ == "prep" and p.lower_ == "of" and p.i == tok.i + 1
                   for g in children(p) if g.dep_ == "pobj"]
        for o in owners:
            people = [reg.drafts[k] for k in reg.keys_at(o.i) if reg.drafts[k].kind == "person"]
            if people and people[0].country and all(p.country == people[0].country for p in people):
                key = "g:" + norm(people[0].name) + ":" + tok.lemma_.lower()
                reg.get_or_add(key, name=doc_cache.span_text(doc, tok.left_edge.i, tok.i + 1) if o.i < tok.i else
                               doc_cache.span_text(doc, tok.i, o.i + 1), kind="group", country=people[0].country, sector=sector or None)
                reg.mention(key, tok.i, tok.i + 1)
                break


def named_descriptions(doc, reg: Drafts) -> None:
    """"The Print, an Indian online publication": a body the actors stage made from a description
    in apposition to a proper name it did not know is that name's (one actor, named by the name)."""
    for d in list(reg.drafts.values()):
        if d.kind not in ("group", "organization") or len(d.mentions) != 1:
            continue
        m = d.mentions[0]
        head = doc[m.end - 1]
        name = head.head
        if head.dep_ != "appos" or name.pos_ != "PROPN" or name.i >= m.start or reg.keys_at(name.i) \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in children(head)):
            continue
        start = name.left_edge.i
        while start < name.i and not doc[start].text[:1].isupper():
            start += 1
        d.name, d.kind = doc_cache.span_text(doc, start, name.i + 1), "organization"
        if any("-" in t.text or "‑" in t.text for t in doc[m.start:m.end]):
            d.country = None   # "Al-Shabab, a U.S.-designated group": the designer's country, not its own
        reg.mention(d.key, start, name.i + 1)
