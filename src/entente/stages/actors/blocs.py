"""A region's adjective standing for a bloc the story names: "the European side" in a story about the
European Union is the EU, as "the Chinese side" is China."""
from __future__ import annotations

from entente.ontology import language
from entente.ontology.codebook import norm

from .drafts import Drafts

BLOC_ADJECTIVES = {str(k): frozenset(norm(n) for n in v) for k, v in language.table("entities")["bloc_adjectives"].items()}
BLOC_AGENT_NOUNS = language.words("entities", "bloc_agent_nouns")


def adjectives(doc, reg: Drafts) -> None:
    """Link "European" before a word for a bloc's people to the bloc's actor, when the story names it."""
    for tok in doc:
        names = BLOC_ADJECTIVES.get(tok.lower_)
        if names is None or tok.dep_ != "amod" or tok.head.lemma_.lower() not in BLOC_AGENT_NOUNS \
                or reg.is_claimed(tok.i, tok.i + 1):
            continue
        key = next((d.key for d in reg.drafts.values() if d.kind == "igo" and norm(d.name) in names), None)
        if key is not None:
            reg.mention(key, tok.i, tok.i + 1)
