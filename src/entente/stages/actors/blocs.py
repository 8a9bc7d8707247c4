"""A region's adjective standing for a bloc the story names: "the European side" in a story about the
European Union is the EU, as "the Chinese side" is China."""
from __future__ import annotations

from entente import doc_cache
from entente.ontology import language
from entente.ontology.codebook import norm

from .drafts import Drafts

BLOC_ADJECTIVES = {str(k): frozenset(norm(n) for n in v) for k, v in language.table("entities")["bloc_adjectives"].items()}
BLOC_AGENT_NOUNS = language.words("entities", "bloc_agent_nouns")


def adjectives(doc, reg: Drafts) -> None:
    """Link "European" before a word for a bloc's people to the bloc's actor, when the story names it."""
    lowers = doc_cache.lowers(doc)
    for i in [i for i, w in enumerate(lowers) if w in BLOC_ADJECTIVES]:   # few tokens: Tokens made only for them
        tok, names = doc_cache.tokens(doc)[i], BLOC_ADJECTIVES[lowers[i]]
        if tok.dep_ != "amod" or tok.head.lemma_.lower() not in BLOC_AGENT_NOUNS or reg.is_claimed(i, i + 1):
            continue
        key = next((d.key for d in reg.drafts.values() if d.kind == "igo" and norm(d.name) in names), None)
        if key is not None:
            reg.mention(key, tok.i, tok.i + 1)
