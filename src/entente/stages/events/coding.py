"""From a CAMEO code to the coded event: PLOVER type/mode/contexts, Goldstein, quad class,
and the code changes that modality and governing verbs make ("threatened to X",
"refused to X", "agreed to X", "demanded that X", "will X")."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from entente.ontology import cameo, plover


@dataclass(frozen=True)
class Coded:
    cameo: str
    type: str
    mode: Optional[str]
    contexts: tuple[str, ...]
    goldstein: Optional[float]
    quad_class: Optional[int]


def _split(c: str) -> tuple[str, Optional[str], Optional[str]]:
    """Lexicon codes may carry a PLOVER 2.0 override: "0831/RETREAT/resign"."""
    parts = c.split("/")
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def code(c: str) -> Optional[Coded]:
    base, otype, omode = _split(c)
    p = plover.from_cameo(base)
    if p is None:
        return None
    if otype:
        return Coded(base, otype, omode, p.contexts, cameo.goldstein(base), cameo.quad_class(base))
    return Coded(base, p.type, p.mode, p.contexts, cameo.goldstein(base), cameo.quad_class(base))


@functools.lru_cache(maxsize=4096)   # a few hundred codes, asked for ~30k times a corpus pass (Frame.type, Draft.type)
def ptype(c: str) -> Optional[str]:
    base, otype, _m = _split(c)
    if otype:
        return otype
    p = plover.from_cameo(base)
    return p.type if p else None


# -- transforms ------------------------------------------------------------

def intent_code(c: str) -> str:
    c = _split(c)[0]
    """An intention / commitment to do c (CAMEO 03x, AGREE) when c is cooperative,
    a threat (13x) when it is conflictual; REQUEST/ACCUSE/REJECT/THREATEN keep their code."""
    r = c[:2]
    if r in ("03", "13", "10", "02", "09", "11", "12"):
        return c
    if r in ("04",):
        return "036"
    if r == "05":
        return "030" if c != "057" else "030"
    if r == "06":
        return {"061": "0311", "062": "0312", "063": "0313", "064": "0314"}.get(c[:3], "031")
    if r == "07":
        return {"071": "0331", "072": "0332", "073": "0333", "074": "0334"}.get(c[:3], "033")
    if r == "08":
        if c.startswith("084"):
            return "0353"
        if c.startswith("085"):
            return "0354"
        if c.startswith("087"):
            return "0356"
        if c.startswith("083"):
            return "034"
        return "035"
    return threat_code(c)


def declared_retreat_code(c: str) -> str:
    """PLOVER 2.0: the announcement of a future retreat ("announced … would withdraw troops")
    is CONCEDE (manual, RETREAT and CONCEDE notes). Promises and agreements to retreat
    ("agreed to resign", "will release") stay AGREE, as the PLOVER dev gold codes them."""
    base = _split(c)[0]
    for pre, intent in (("084", "0353"), ("085", "0354"), ("086", "0355"), ("087", "0356"),
                        ("0831", "0341"), ("0813", "0351"), ("0814", "0351")):
        if base.startswith(pre):
            return f"{intent}/CONCEDE"
    return "035/CONCEDE"


def promise_code(c: str) -> str:
    """The commitment (AGREE, CAMEO 03) to do c: cooperate (031), aid (033), meet (036), yield (035:
    release 0353, ease sanctions 0354, de-escalate 0356)."""
    c = _split(c)[0]
    if c[:2] == "08":
        return {"081": "0351", "084": "0353", "085": "0354", "087": "0356"}.get(c[:3], "035")
    return {"06": "031", "07": "033", "04": "036", "05": "032"}.get(c[:2], "030")


def threat_code(c: str) -> str:
    c = _split(c)[0]
    r = c[:2]
    if r == "13":
        return c
    if c.startswith("163") or c.startswith("143"):
        return "1312"
    if c.startswith("161") or c.startswith("160"):
        return "1313"
    if c.startswith("162"):
        return "1311"
    if c.startswith("164"):
        return "134"
    if c.startswith("165"):
        return "135"
    if c.startswith("166"):
        return "136"
    if c.startswith("1723"):
        return "1323"
    if c.startswith("1724"):
        return "1324"
    if r == "17":
        return "132"
    if r == "14":
        return "133"
    if r in ("18", "19", "20", "15"):
        return "138"
    return "130"


def reject_code(c: str) -> str:
    """Refusing / failing to do c, or a negated commitment."""
    c = _split(c)[0]
    r = c[:2]
    if r == "12":
        return c
    if r in ("03",):
        if c.startswith("036") or c.startswith("037"):
            return "125"
        return "120"
    if r == "04":
        return "125"
    if r == "06":
        return "121"
    if r == "07":
        return "122"
    if r == "08":
        if c.startswith("084"):
            return "1243"
        if c.startswith("083"):
            return "123"
        return "124"
    if r in ("10", "02"):
        return "120"
    return "120"


def request_code(c: str) -> str:
    """Demanding / calling for c."""
    c = _split(c)[0]
    r = c[:2]
    if r in ("10", "02"):
        return c
    if r in ("04", "03") and (c.startswith("04") or c.startswith("036")):
        return "106"
    if r in ("06",):
        return "101"
    if r == "07":
        return "103"
    if r == "08":
        if c.startswith("084"):
            return "1053"
        if c.startswith("083"):
            return "104"
        return "105"
    return "100"


def negate_code(c: str) -> Optional[str]:
    """A negated commitment or concession is a refusal (REJECT); None = keep the code."""
    t = ptype(c)
    if t in ("AGREE", "CONCEDE") or c.startswith("057") or c.startswith("083"):
        return reject_code(c)
    return None


def govern(gov_code: str, emb_code: str) -> str:
    """The code of a governing event that absorbs an embedded one."""
    g = ptype(gov_code)
    if g == "THREATEN":
        return threat_code(emb_code) if ptype(emb_code) != "THREATEN" else emb_code
    if g == "REJECT":
        return reject_code(emb_code)
    if g == "AGREE" and gov_code[:3] in ("030",):
        return intent_code(emb_code)
    if g == "REQUEST" and gov_code[:2] in ("10", "02") and len(gov_code) == 3 and gov_code.endswith("0"):
        return request_code(emb_code)
    return gov_code
