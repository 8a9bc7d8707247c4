"""CAMEO: codes, Goldstein scores, quad classes and the event trigger lexicon.

Data in data/events/: lexicon.yaml (hand-curated), cameo_verbs.json (generated from the
Phoenix CAMEO verb dictionary, MIT, by tools/build_event_lexicon.py), goldstein.tsv.
Everything is loaded once per process and indexed by lemma.
"""
from __future__ import annotations

import functools
import json
import pathlib
from dataclasses import dataclass, field
from typing import Optional

DATA = pathlib.Path(__file__).parent / "data" / "events"


@functools.lru_cache(maxsize=1)
def _goldstein() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in (DATA / "goldstein.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, score = line.split("\t")[:2]
        out[code.strip()] = float(score)
    return out


def goldstein(code: str) -> Optional[float]:
    table = _goldstein()
    c = code
    while c:
        if c in table:
            return table[c]
        c = c[:-1]
    return None


def root(code: str) -> str:
    return code[:2]


def quad_class(code: str) -> Optional[int]:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    try:
        r = int(code[:2])
    except ValueError:
        return None
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    return None


@dataclass(frozen=True)
class Lexicon:  # frozen; cached_property needs a __dict__, which a plain dataclass has
    verbs: dict[str, str]            # curated verb lemma -> code ("" = never an event)
    generated: dict[str, str]        # verb lemma -> code from the Phoenix dictionary
    particles: dict[str, str]        # "call on" -> code
    verb_object: dict[str, str]      # "impose curfew" -> code
    gen_object: dict[str, str]       # "verb|object" -> code (Phoenix patterns)
    gen_prep: dict[str, str]         # "verb|prep|object" -> code (Phoenix patterns)
    nouns: dict[str, str]
    light_verbs: frozenset[str]
    noun_takes_over: frozenset[str]
    intent: frozenset[str]
    threat: frozenset[str]
    refusal: frozenset[str]
    attempt: frozenset[str]
    speech: frozenset[str]
    object_required: dict[str, tuple[str, frozenset[str]]]
    generic_heads: frozenset[str]
    needs_xcomp: dict[str, str] = field(default_factory=dict)
    object_block: dict[str, frozenset[str]] = field(default_factory=dict)
    transitive: dict[str, str] = field(default_factory=dict)
    not_with_ccomp: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()
    particle_block: frozenset[str] = frozenset()     # "hail from": the verb with this particle is no event
    indicative_ccomp_block: frozenset[str] = frozenset()  # "insisted it is committed" is a statement
    patient_nouns: frozenset[str] = frozenset()      # "X's arrest": the possessor suffers the act
    experiencer_verbs: frozenset[str] = frozenset()  # "X faced criticism": the subject receives the act
    needs_participant: frozenset[str] = frozenset()  # "he is still fighting" is no event
    disaster_nouns: frozenset[str] = frozenset()     # "the earthquake killed 40": no agent
    use_generated_verbs: bool = False

    @functools.cached_property
    def verb_lemmas(self) -> frozenset[str]:
        """Every verb lemma that can start a trigger (a cheap first filter)."""
        out = set(self.verbs) | set(self.generated) | set(self.object_required) | self.light_verbs
        out |= {k.split()[0] for k in self.particles} | {k.split()[0] for k in self.verb_object}
        out |= {k.split("|")[0] for k in self.gen_object}
        return frozenset(out)

    @functools.cached_property
    def noun_lemmas(self) -> frozenset[str]:
        return frozenset(self.nouns) | self.generic_heads | {k.split()[-1] for k in self.nouns}

    def verb_code(self, lemma: str) -> tuple[Optional[str], bool]:
        """(code, curated?) for a verb lemma; code None when not an event verb."""
        if lemma in self.verbs:
            c = self.verbs[lemma]
            return (c or None), True
        if lemma in self.intent or lemma in self.attempt or lemma in self.speech or lemma in self.light_verbs \
                or lemma in self.object_required:
            return None, False
        if not self.use_generated_verbs:
            return None, False
        c = self.generated.get(lemma)
        if not c or c[:2] in ("01", "02") or c == "050":
            # Phoenix block defaults for statements, appeals and the vague "050" are noise.
            return None, False
        return c, False


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    import yaml

    cur = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    gen = json.loads((DATA / "cameo_verbs.json").read_text(encoding="utf-8"))
    s = lambda k: {str(a): str(b) for a, b in (cur.get(k) or {}).items()}
    f = lambda k: frozenset(cur.get(k) or [])
    return Lexicon(
        verbs=s("verbs"), generated=gen.get("verbs", {}), particles=s("particles"),
        verb_object=s("verb_object"), gen_object=gen.get("object", {}), gen_prep=gen.get("prep", {}),
        nouns=s("nouns"), light_verbs=f("light_verbs"), noun_takes_over=f("noun_takes_over"),
        intent=f("intent"), threat=f("threat"), refusal=f("refusal"), attempt=f("attempt"),
        speech=f("speech"),
        object_required={k: (str(v["codes"]), frozenset(v["objects"])) for k, v in (cur.get("object_required") or {}).items()},
        generic_heads=f("generic_heads"),
        needs_xcomp=s("needs_xcomp"),
        object_block={k: frozenset(v) for k, v in (cur.get("object_block") or {}).items()},
        transitive=s("transitive"),
        not_with_ccomp=f("not_with_ccomp"),
        agent_nouns=f("agent_nouns"),
        particle_block=f("particle_block"),
        indicative_ccomp_block=f("indicative_ccomp_block"),
        patient_nouns=f("patient_nouns"),
        experiencer_verbs=f("experiencer_verbs"),
        needs_participant=f("needs_participant"),
        disaster_nouns=f("disaster_nouns"),
    )
