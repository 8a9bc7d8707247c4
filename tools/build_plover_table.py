"""Build the CAMEO -> PLOVER 2.0 table shipped in src/entente/ontology/data/events/.

Reads (only here, never at run time):
  ../shared/reference/plover/CAMEO2PLOVER-2021.txt  (CC BY-SA 4.0, Open Event Data Alliance)

Writes:
  cameo2plover.json   CAMEO code -> {type, mode, contexts, label}

The event words (ontology/data/en/events.yaml) and the Goldstein table (goldstein.tsv) are
edited by hand and are not touched by this script.

Usage: .venv/bin/python tools/build_plover_table.py [--shared ../shared]
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    args = ap.parse_args()
    ref = pathlib.Path(args.shared) / "reference"
    OUT.mkdir(parents=True, exist_ok=True)
    plover = build_plover(ref / "plover" / "CAMEO2PLOVER-2021.txt")
    (OUT / "cameo2plover.json").write_text(json.dumps(plover, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"cameo2plover: {len(plover)} codes")


if __name__ == "__main__":
    main()
