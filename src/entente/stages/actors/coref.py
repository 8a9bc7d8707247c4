"""One actor per referent: person names clustered by surname, pronouns to the
last compatible person, "they" and plural descriptions ("the two envoys",
"both countries") to sets of actors."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.symbols import NOUN, PRON

from entente import doc_cache
from entente.doc_cache import children
from entente.entities import told_plural
from entente.ontology import language
from entente.ontology.codebook import Codebook, norm
from entente.sentences import number, sentence, sentences

from .drafts import Drafts

SINGULAR = dict(language.table("entities")["gendered_pronouns"])
PLURAL = language.words("entities", "plural_pronouns")
NUMBERS = dict(language.table("entities")["group_sizes"])
DETS = language.words("entities", "plural_determiners")
SUBJ = frozenset({"nsubj", "nsubjpass"})
PLURAL_LOOKBACK = 8      # sentences
PRONOUN_LOOKBACK = 3


# -- people names ---------------------------------------------------------------
def _name_tokens(name: str) -> list[str]:
    name = name.replace("’", "'").replace("-", " ")
    return [w.strip(".").casefold() for w in name.split() if w.strip(".") and w.casefold() not in language.words("entities", "article_particles")]


def _compatible(a: list[str], b: list[str]) -> bool:
    """Could two person names be the same person? ("Perdue" ~ "David Perdue", "Donald J Trump" ~ "Donald Trump")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1:
        return short[0] == long_[-1] or (short[0] == long_[0] and len(long_) >= 2 and len(long_[0]) > 2)
    if short[-1] != long_[-1]:
        return False
    return short[0] == long_[0] or short[0][:1] == long_[0][:1] and (len(short[0]) == 1 or len(long_[0]) == 1)


def cluster_names(names: list[str]) -> list[int]:
    """For each name (in text order), the index of its cluster (the first name of it)."""
    heads: list[tuple[int, list[str]]] = []
    out: list[int] = []
    for i, name in enumerate(names):
        toks = _name_tokens(name)
        target = None
        # prefer the latest compatible cluster with the most tokens
        for idx, htoks in reversed(heads):
            if _compatible(toks, htoks):
                target = idx
                break
        if target is None:
            heads.append((i, toks))
            out.append(i)
        else:
            out.append(target)
            for n, (idx, htoks) in enumerate(heads):
                if idx == target and len(toks) > len(htoks):
                    heads[n] = (idx, toks)
    return out


# -- groups and pronouns --------------------------------------------------------
@dataclass
class Group:
    position: int          # token where it is mentioned
    sentence: int
    keys: tuple[str, ...]
    subject: bool


def _sent_index(doc) -> list[int]:
    idx = [0] * len(doc)
    for n, s in enumerate(sentences(doc)):
        for i in range(s.start, s.end):
            idx[i] = n
    return idx


def _own_keys(reg: Drafts, i: int) -> list[str]:
    return [k for k in reg.keys_at(i) if not any(m.shared and m.link_start <= i < m.link_end for m in reg.drafts[k].mentions)]


def coordinated_groups(doc, reg: Drafts, sent_of: list[int]) -> list[Group]:
    groups = []
    for i in sorted(reg.token_keys):  # the tokens with an actor, in order (no keys: no group)
        tok = reg.toks[i]
        if tok.dep_ == "conj":
            continue
        # few tokens have a conjunct: test that before the keys (which walk the draft's mentions)
        conjs = [c for c in children(tok) if c.dep_ == "conj"]
        if not conjs or not _own_keys(reg, tok.i):
            continue
        keys: list[str] = []
        stack = [tok]
        while stack:
            t = stack.pop(0)
            for k in _own_keys(reg, t.i)[:1]:
                if k not in keys:
                    keys.append(k)
            stack.extend(c for c in children(t) if c.dep_ in ("conj", "appos"))
        if len(keys) >= 2:
            groups.append(Group(tok.i, sent_of[tok.i], tuple(keys), tok.dep_ in SUBJ))
    return groups


def _fits(reg: Drafts, key: str, want: dict) -> bool:
    d = reg.drafts[key]
    kind = want.get("kind", "any")
    if kind == "person":
        if d.kind != "person":
            return False
        roles = want.get("roles")
        return not roles or bool(d.role_words & set(roles))
    if kind == "state":
        return d.kind == "state"
    return d.kind in ("person", "state", "organization", "igo")


def _pick_group(groups: list[Group], before: int, sent: int, lookback: int, size: Optional[int], ok,
                same_sentence_first: bool, same_kind=None) -> Optional[Group]:
    order = range(sent, sent - lookback - 1, -1) if same_sentence_first else list(range(sent - 1, sent - lookback - 1, -1)) + [sent]
    for s in order:
        cands = [g for g in groups if g.sentence == s and g.position < before
                 and all(ok(k) for k in g.keys) and (size is None or len(g.keys) == size)
                 and (same_kind is None or same_kind(g.keys))]
        if cands:
            cands.sort(key=lambda g: (g.subject, g.position))
            return cands[-1]
    return None


ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "dative"})


def _nearer_plural(doc, reg: Drafts, g: Group, i: int) -> bool:
    """A plural noun phrase between the group and the pronoun is the nearer antecedent
    ("Russia and Iraq ... high-risk environments ... their return"; "the panel of experts ... they")."""
    head = doc[g.position]
    lo = head.right_edge.i
    for t in doc_cache.tokens(doc)[lo + 1:i]:
        if t.tag_ in ("NNS", "NNPS") and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ARG_DEPS \
                and t.i not in reg.claimed and t.i != head.head.i:
            return True
    return False


def resolve(doc, cb: Codebook, reg: Drafts) -> None:
    sent_of = _sent_index(doc)
    quoted = quoted_tokens(doc)
    groups = coordinated_groups(doc, reg, sent_of)
    # person mentions: (token of the name, key, is subject)
    persons: list[tuple[int, str, bool]] = []
    for d in reg.drafts.values():
        if d.kind != "person":
            continue
        for m in d.mentions:
            if m.shared:
                continue
            root = doc_cache.span_root(doc, m.start, m.end)
            persons.append((root.i, d.key, root.dep_ in SUBJ))
    persons.sort()
    gender = {d.key: _title_gender(d) for d in reg.drafts.values() if d.kind == "person"}
    for tok in doc_cache.tokens_with_pos(doc, PRON, NOUN):  # every branch below wants a pronoun or a noun
        low = tok.lower_
        if tok.i in reg.claimed:
            continue
        if low in SINGULAR and tok.pos_ == "PRON":
            g = SINGULAR[low]
            compatible = [p for p in persons if gender.get(p[1]) in (None, g)]
            if tok.i not in quoted:
                # the narrator's "he" is someone the narrator named, not a name inside a quotation
                compatible = [p for p in compatible if p[0] not in quoted]
            else:
                # a quotation's "he" is not whom it is addressed to ("…," they wrote in a letter to X)
                compatible = [p for p in compatible if p[0] in quoted or not _addressee(doc[p[0]])]
            key = _last_person(compatible, tok.i, sent_of, doc)
            if key:
                gender[key] = g
                reg.mention(key, tok.i, tok.i + 1)
                persons.append((tok.i, key, tok.dep_ in SUBJ))
                persons.sort()
        elif (low == "its" or low == "it" and tok.dep_ in SUBJ) and tok.pos_ == "PRON":   # object "it" is mostly a thing
            key = _it_antecedent(doc, reg, tok, sent_of)
            if key:
                reg.mention(key, tok.i, tok.i + 1)
        elif low in PLURAL and tok.pos_ == "PRON":
            told = told_plural(tok)
            if told is not None:
                # "told national governments that they …": the ones told, an entity or not
                keys = tuple(reg.keys_at(told.i))
                for k in keys:
                    reg.mention(k, tok.i, tok.i + 1, shared=True)
                continue
            g = _pick_group(groups, tok.i, sent_of[tok.i], 2, None, lambda k: True, True)
            keys = g.keys if g is not None and not _nearer_plural(doc, reg, g, tok.i) else None
            collective = _collective(doc, reg, tok, sent_of)
            if collective is not None and (keys is None or collective[0] > g.position):
                keys = (collective[1],)
            bare = _bare_plural_subject(doc, reg, tok)
            if bare is not None and (keys is None or bare.i > max(collective[0] if collective else -1,
                                                                  g.position if g is not None else -1)):
                # "The militants blew up tracks …, where they stormed it": the subject just before is
                # "they", not a body named sentences earlier
                keys = _named_like(doc, reg, bare, sent_of)
            if keys:
                for k in keys:
                    reg.mention(k, tok.i, tok.i + 1, shared=True)
                groups.append(Group(tok.i, sent_of[tok.i], keys, tok.dep_ in SUBJ))
        elif tok.pos_ == "NOUN" and tok.tag_ == "NNS":
            want = cb.plural_nouns.get(norm(tok.lemma_)) or cb.plural_nouns.get(low.rstrip("s"))
            if not want:
                continue
            left = [c for c in tok.lefts]
            if any(c.i in reg.claimed for c in left):
                continue  # "Quad ambassadors", "Israeli leaders": described otherwise
            size = None
            has_det = False
            for c in left:
                if c.lower_ in NUMBERS:
                    size = NUMBERS[c.lower_]
                    has_det = has_det or c.lower_ == "both"
                if c.lower_ in DETS:
                    has_det = True
            if not has_det or any(c.lower_ in language.words("entities", "other_modifiers") for c in left):
                continue   # "the other states in the region" are not the ones just named
            if any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() and c.i not in reg.claimed for c in left):
                continue  # "the European nations": a description of its own, not the last group

            start = min([c.i for c in left] + [tok.i])
            ok = lambda k, w=want: _fits(reg, k, w)
            uniform = None
            if want.get("kind", "any") == "any":   # "both sides": two of a kind, not a state and a doctor
                # (a state and the EU are two sides; a state and a person are not)
                uniform = lambda ks: len({reg.drafts[k].kind == "person" for k in ks}) == 1
            g = _pick_group(groups, start, sent_of[tok.i], PLURAL_LOOKBACK, size, ok, False, uniform)
            keys = g.keys if g is not None else None
            if keys is None and size and uniform is None:
                keys = _last_distinct(reg, start, sent_of, size, ok)
            if keys is None and size == 2 and uniform is not None:
                keys = _last_opponents(doc, reg, start, sent_of)
            if keys is None and size is None and want.get("kind") == "person":
                # "Modi met Ramgoolam … The prime ministers signed …": the two who just met
                pair = _last_opponents(doc, reg, start, sent_of)
                keys = pair if pair and all(ok(k) for k in pair) else None
            if keys:
                for k in keys:
                    reg.mention(k, start, tok.i + 1, shared=True)
                groups.append(Group(tok.i, sent_of[tok.i], tuple(keys), tok.dep_ in SUBJ))


COLLECTIVE_KINDS = frozenset({"organization", "group", "grouping"})
GROUP_NOUNS = language.words("entities", "group_nouns")


def _bare_plural_subject(doc, reg: Drafts, tok):
    """The body of people named by a plural common noun ("the militants", "rebels") that is a
    subject earlier in the pronoun's sentence, if no actor claims it."""
    best = None
    for t in doc_cache.tokens(doc)[sentence(tok).start:tok.i]:   # the sentence's cached Tokens
        if t.tag_ == "NNS" and t.pos_ == "NOUN" and t.dep_ in SUBJ and t.i not in reg.claimed:
            best = t
    if best is None or best.lemma_.lower() not in GROUP_NOUNS or any(c.i in reg.claimed for c in best.lefts):
        return None   # "Taliban officials … they": the named body's
    return best


def _named_like(doc, reg: Drafts, noun, sent_of: list[int]) -> Optional[tuple[str, ...]]:
    """What an earlier mention with the same noun names ("Iraqi officials said …. The officials
    also said they …"; "Militants linked with …. The militants …"), in the last few sentences."""
    low = noun.lemma_.lower()
    for t in reversed(doc[:noun.i]):
        if sent_of[t.i] < sent_of[noun.i] - PLURAL_LOOKBACK:
            break
        if t.lemma_.lower() != low:
            continue
        keys = reg.token_keys.get(t.i) or [k for c in t.lefts for k in reg.token_keys.get(c.i, ())]
        if keys:
            return tuple(dict.fromkeys(keys))
    return None


def _collective(doc, reg: Drafts, tok, sent_of: list[int]) -> Optional[tuple[int, str]]:
    """(position, key) of the collective actor a "they" refers to: the Taliban, the G7, the
    militants — the latest one that is a subject (or a subject's modifier) in this or the two
    previous sentences, else the latest one."""
    best = None
    fallback = None
    for d in reg.drafts.values():
        if d.kind not in COLLECTIVE_KINDS or d.kind == "organization" and d.sector == "MED":
            continue   # the outlet told ("rights groups tell VOA …. They say …") is not "they"
        for m in d.mentions:
            if m.shared or m.start >= tok.i or sent_of[m.start] < sent_of[tok.i] - 2:
                continue
            root = doc_cache.span_root(doc, m.start, m.end)
            subj = root.dep_ in SUBJ or (root.dep_ in ("compound", "poss") and root.head.dep_ in SUBJ)
            if subj and (best is None or m.start > best[0]):
                best = (m.start, d.key)
            if fallback is None or m.start > fallback[0]:
                fallback = (m.start, d.key)
    return best or fallback


def _last_opponents(doc, reg: Drafts, before: int, sent_of: list[int]) -> Optional[tuple[str, str]]:
    """"Both sides" after "the Sudanese army fought Ethiopian troops" (or "Wang met Sefcovic"): the
    subject and the object of the latest clause (this sentence or the two before) whose two parties
    are bodies of one kind, or people of two countries."""
    for i in range(before - 1, -1, -1):
        if sent_of[i] < sent_of[before] - 2:
            return None
        v = doc[i]
        if v.pos_ != "VERB":
            continue
        subj = [c for c in children(v) if c.dep_ == "nsubj"]
        objs = [c for c in children(v) if c.dep_ == "dobj"] + [g for p in children(v) if p.dep_ == "prep"
                                                              and p.lower_ in language.words("entities", "counterpart_preps") for g in children(p) if g.dep_ == "pobj"]
        if not subj or not objs:
            continue
        a, b = _own_keys(reg, subj[0].i)[:1], _own_keys(reg, objs[0].i)[:1]
        da, db = (reg.drafts[a[0]], reg.drafts[b[0]]) if a and b else (None, None)
        if da is not None and a != b and da.kind == db.kind and (
                da.kind != "person" or da.country and db.country and da.country != db.country):
            return a[0], b[0]   # two bodies of one kind, or two envoys of two countries
    return None


MALE_WORDS = language.words("entities", "male_title_words")
FEMALE_WORDS = language.words("entities", "female_title_words")


def _title_gender(d) -> Optional[str]:
    words = d.role_words
    if words & MALE_WORDS:
        return "m"
    if words & FEMALE_WORDS:
        return "f"
    return None


def quoted_tokens(doc) -> set[int]:
    """Tokens inside quotation marks (found once per Doc)."""
    from entente.stages.statements.quotes import quotes_of

    def find() -> set[int]:
        out: set[int] = set()
        for g in quotes_of(doc):
            for a, b in g.segments:
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    out.update(range(span.start, span.end))
        return out
    return doc_cache.cached(doc, "entente.quoted_tokens", find)


def _addressee(tok) -> bool:
    """Is the token whom words are addressed to ("wrote in a letter to X", "told X")?"""
    from entente.stages.statements.lexicon import speech_lemmas

    if tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in ADDRESSING_VERBS:
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ != "to":
        return False
    over = tok.head.head.lemma_.lower()
    return over in language.words("entities", "document_nouns") or over in speech_lemmas()


ADDRESSING_VERBS = language.words("entities", "addressing_verbs")


def _last_person(persons, i: int, sent_of: list[int], doc) -> Optional[str]:
    sent = sent_of[i]
    for s in range(sent, sent - PRONOUN_LOOKBACK - 1, -1):
        cands = [(p, k, subj) for p, k, subj in persons if p < i and sent_of[p] == s]
        if not cands:
            continue
        if s == sent:
            pron = doc[i]
            if pron.dep_ in SUBJ:
                subj = [c for c in cands if c[2]]
                return (subj[-1] if subj else cands[-1])[1]
            # "he would only welcome him": not the subject of the pronoun's own clause
            own = {c.i for c in children(pron.head) if c.dep_ in SUBJ}
            taken = {k for p, k, _s in persons if p in own}
            rest = [c for c in cands if c[1] not in taken]
            return (rest[-1] if rest else cands[-1])[1]
        subj = [c for c in cands if c[2]]
        return (subj[0] if subj else cands[-1])[1]
    return None


def _last_distinct(reg: Drafts, before: int, sent_of: list[int], size: int, ok) -> Optional[tuple[str, ...]]:
    mentions = []
    for d in reg.drafts.values():
        for m in d.mentions:
            if not m.shared and m.start < before and sent_of[m.start] <= sent_of[before] and ok(d.key):
                mentions.append((m.start, d.key))
    mentions.sort(reverse=True)
    keys: list[str] = []
    for _p, k in mentions:
        if k not in keys:
            keys.append(k)
        if len(keys) == size:
            return tuple(keys)
    return None


NON_PERSON = frozenset({"state", "organization", "igo"})


def _actor_of_subject(reg: Drafts, subj) -> Optional[str]:
    """The one state/organisation a subject token names; '' when the subject is something else."""
    keys = _own_keys(reg, subj.i)
    if len(keys) != 1 or any(c.dep_ == "conj" for c in children(subj)):
        return ""   # "Tokyo and Washington ... its": a plural subject
    d = reg.drafts[keys[0]]
    if d.kind == "group" and subj.tag_ == "NN":
        return keys[0]   # a body named in the singular ("the Kenyan army said it …")
    if d.kind not in NON_PERSON or subj.tag_ in ("NNS", "NNPS") and d.kind != "state":
        return ""
    return keys[0]


def _it_antecedent(doc, reg: Drafts, tok, sent_of: list[int]) -> Optional[str]:
    """"it"/"its" -> the state or organisation that is the subject of a clause above the pronoun
    ("Ankara ... to end its isolation", "China said it would respond", "urged Beijing to use its
    influence"); a nearer non-actor subject ("the ship ... its cargo") stops the search."""
    cur = tok
    hops = 0
    while cur.head is not cur and hops < 8:
        child, cur = cur, cur.head
        hops += 1
        # "China's rapid expansion of its arsenal": a possessor on the way up is nearer than the subject
        poss = [c for c in children(cur) if c.dep_ == "poss" and c.i < tok.i and c is not child and c.i != tok.i]
        if poss:
            return _actor_of_subject(reg, poss[0]) or None
        subs = [c for c in children(cur) if c.dep_ in SUBJ and c.i != tok.i and c.i < tok.i and c is not child]
        if not subs and child.dep_ == "xcomp":
            subs = [c for c in children(cur) if c.dep_ == "dobj" and c.i < tok.i]   # object control
        if subs:
            k = _actor_of_subject(reg, subs[0])
            return k or None
    if tok.lower_ == "it" and tok.dep_ in SUBJ and sent_of[tok.i] > 0:
        # "The ministry issued a statement. It said ...", "Iran denied it. But it stopped …" -> the
        # previous sentence's subject, when that is a state or a body (a thing there stops it)
        prev = sentences(doc)[number(tok) - 1]
        subs = [c for c in children(prev.root) if c.dep_ in SUBJ]
        if subs:
            return _actor_of_subject(reg, subs[0]) or None
    return None
