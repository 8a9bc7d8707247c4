"""Build the event-coding data shipped in src/entente/ontology/data/events/.

Reads (only here, never at run time):
  ../shared/reference/plover/CAMEO2PLOVER-2021.txt  (CC BY-SA 4.0, Open Event Data Alliance)
  ../shared/reference/phoenix/CAMEO.2.0.txt          (MIT, Open Event Data Alliance)

Writes:
  cameo2plover.json   CAMEO code -> {type, mode, contexts, label}
  cameo_verbs.json    verb lemma -> CAMEO code (verb block defaults and per-verb codes),
                      and (verb, object lemma) / (verb, preposition, object) -> code
                      from the simple single-word patterns of the Phoenix verb dictionary.

The hand-curated lexicon (lexicon.yaml) and the Goldstein table (goldstein.tsv) are
edited by hand and are not touched by this script.

Usage: .venv/bin/python tools/build_event_lexicon.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "entente" / "ontology" / "data" / "events"


def build_plover(path: pathlib.Path) -> dict:
    table: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$", line)
        if not m:
            continue
        code, body, label = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in body.split(",")]
        if not parts or not parts[0]:
            continue
        ptype = parts[0].upper()
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        contexts = []
        if len(parts) > 2 and parts[2]:
            contexts = [c.strip() for c in parts[2].split(";") if c.strip()]
        if len(code) == 2:
            # Two-digit headers ("03: AGREE") give the root type only.
            table.setdefault(code, {"type": ptype, "mode": None, "contexts": [], "label": ""})
            continue
        if code in table:  # the table lists 175 twice; keep the first
            continue
        table[code] = {"type": ptype, "mode": mode, "contexts": contexts, "label": label}
    # CAMEO 01 (public statement) has no PLOVER type; 02 (appeal) is REQUEST in PLOVER 2.0.
    for code in ["02", "020", "021", "022", "023", "024", "025", "026", "027", "028"]:
        table.setdefault(code, {"type": "REQUEST", "mode": None, "contexts": [], "label": "Appeal (CAMEO 02)"})
    # PLOVER 2.0 manual, SANCTION: "International (political or economic) sanctions are coded
    # as 'discontinue'" -- the 2021 table still lists 163 under COERCE.
    table["163"] = {"type": "SANCTION", "mode": "discontinue", "contexts": ["economic"],
                    "label": "Impose embargo, boycott, or sanctions (PLOVER 2.0 manual: SANCTION)"}
    return dict(sorted(table.items()))


def _word(w: str) -> str:
    return w.strip().lstrip("+").rstrip("_").replace("_", " ").lower()


def build_verbs(path: pathlib.Path) -> dict:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    cur = None
    i = 0
    # Synonym sets: "&NAME" followed by "+WORD" lines.
    for i, line in enumerate(lines):
        if line.startswith("####### VERB PATTERNS"):
            break
        s = line.split("#")[0].strip()
        if s.startswith("&"):
            cur = s.split()[0]
            synsets[cur] = []
        elif s.startswith("+") and cur:
            synsets[cur].append(_word(s))
        elif not s:
            cur = None
    verbs: dict[str, str] = {}
    obj: dict[str, str] = {}
    prep: dict[str, str] = {}
    block_code = None
    for line in lines[i:]:
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            block_code = m.group(2).split(":")[0] or None
            if block_code and not block_code.isdigit():
                block_code = None
            continue
        s = line.split("#")[0].rstrip()
        if not s.strip() or s.startswith("####"):
            continue
        if s.startswith("-"):
            pm = re.match(r"^-\s+\*\s+(.*?)\s*\[([^\]]*)\]", s)
            cm = re.search(r"#\s*([A-Z][A-Z_'-]*)", line)
            if not pm or not cm:
                continue
            code = pm.group(2).split(":")[0]
            if not code.isdigit():
                continue
            verb = _word(cm.group(1))
            if " " in verb:
                continue
            body = pm.group(1).strip()
            m1 = re.fullmatch(r"(&?[A-Z][A-Z'-]*)", body)
            m2 = re.fullmatch(r"\((TO|WITH|AGAINST|ON|FOR|OVER|FROM|INTO|IN|AT|BY)\s+(&?[A-Z][A-Z'-]*)\)", body)
            if m1:
                for w in synsets.get(m1.group(1), [_word(m1.group(1))]) if m1.group(1).startswith("&") else [_word(m1.group(1))]:
                    obj.setdefault(f"{verb}|{w}", code)
            elif m2:
                p = m2.group(1).lower()
                words = synsets.get(m2.group(2), []) if m2.group(2).startswith("&") else [_word(m2.group(2))]
                for w in words:
                    prep.setdefault(f"{verb}|{p}|{w}", code)
            continue
        # A verb line: "WORD {FORMS} [code]" or "+MULTI_WORD ..." (multi-word forms skipped).
        tok = s.split()[0]
        if tok.startswith("+") or "_" in tok or not tok.isalpha():
            continue
        own = re.search(r"\[(\d+)[^\]]*\]", s)
        code = own.group(1) if own else block_code
        if code:
            verbs.setdefault(tok.lower(), code)
    return {"verbs": dict(sorted(verbs.items())), "object": dict(sorted(obj.items())),
            "prep": dict(sorted(prep.items()))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    args = ap.parse_args()
    ref = pathlib.Path(args.shared) / "reference"
    OUT.mkdir(parents=True, exist_ok=True)
    plover = build_plover(ref / "plover" / "CAMEO2PLOVER-2021.txt")
    (OUT / "cameo2plover.json").write_text(json.dumps(plover, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    verbs = build_verbs(ref / "phoenix" / "CAMEO.2.0.txt")
    verbs["_source"] = "Derived from Phoenix/PETRARCH2 CAMEO.2.0.txt (MIT, Open Event Data Alliance) by tools/build_event_lexicon.py"
    (OUT / "cameo_verbs.json").write_text(json.dumps(verbs, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"cameo2plover: {len(plover)} codes; verbs: {len(verbs['verbs'])}, object patterns: {len(verbs['object'])}, prep patterns: {len(verbs['prep'])}")


if __name__ == "__main__":
    main()
