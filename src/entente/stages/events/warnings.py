"""What a warning is. It threatens only when the warner's own side is to act ("warned it would
retaliate", "warned that the bases could be closed", "warned Lima of consequences"). A warning
that another party's acts are dangerous criticises that party (ACCUSE). A warning of a danger
with no party in it ("warned that the situation could worsen", "he warned" after a quote) is
no event: what the quote says is read by the speech rules."""
from __future__ import annotations

from typing import TYPE_CHECKING

from entente.doc_cache import children
from entente.ontology import language

from .syntax import subject_token

if TYPE_CHECKING:  # pragma: no cover
    from entente.entities import Entities

    from .frames import Frame

WARNING_VERBS = language.words("events", "warning_verbs")
THREAT_OBJECTS = language.words("events", "threat_objects")
OWN_PRONOUNS = frozenset({"we", "i"})
ACCUSE_CODE = "111"


def stands(ent: "Entities", f: "Frame", s) -> bool:
    """Is the frame an event? Only a warning told by its own verb is read here: it stays a threat,
    is recoded as an ACCUSE of the party warned about (recipients set), or is no event (False)."""
    h = f.pred.head
    if f.governor is not None or f.pred.nominal or h.lemma_.lower() not in WARNING_VERBS \
            or not f.pred.rule.startswith("verb:"):
        return True
    comp = next((c for c in children(h) if c.dep_ == "ccomp"), None)
    if comp is None:
        return _warned_party_or_measure(ent, h)
    if any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in children(comp)) and not any(c.dep_ == "agent" for c in children(comp)):
        return True   # "warned that the bases could be closed": by the warner, unsaid
    subj = subject_token(comp)
    if subj is None:
        return False
    if subj.lower_ in OWN_PRONOUNS:
        return True
    # "expanding cooperation between Moscow and Pyongyang is dangerous": the parties in the subject
    parties = ent.phrase(subj) or list(dict.fromkeys(a for t in subj.subtree for a in ent.at(t)))
    mine = ent.countries(s.actors)
    if not parties:
        return False
    if ent.countries(parties) & mine or any(a in s.actors for a in parties):
        return True   # "the United States warned that it will keep up the pressure"
    s.recipients = parties
    s.rules = [r for r in s.rules if not r.startswith("recipient:")] + ["recipient:warned-about"]
    f.code = ACCUSE_CODE
    f.rules.insert(0, "warning:about-other")
    return True


def _warned_party_or_measure(ent: "Entities", h) -> bool:
    """"warned Lima", "warned of retaliation", "warned against any attack": someone warned, or a
    measure or act of force warned of."""
    for c in children(h):
        if c.dep_ in ("dobj", "dative") and ent.phrase(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "against"):
            for g in children(c):
                if g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() in THREAT_OBJECTS:
                    return True
    return False
