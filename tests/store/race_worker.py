"""A writer process for the concurrency tests: waits at a barrier, then writes.

    python -m tests.store.race_worker open  DB BARRIER NAME
    python -m tests.store.race_worker write DB BARRIER NAME PAIRS.json BATCH

`open` opens (and so creates) the database; `write` stores the (story, document) pairs
of the JSON file in batches of BATCH stories. Both print "ok" or the one-line error.
"""
from __future__ import annotations

import json
import pathlib
import sys
import time


def barrier(folder: pathlib.Path, name: str) -> None:
    (folder / f"ready-{name}").touch()
    while not (folder / "go").exists():
        time.sleep(0.001)


def main(argv: list[str]) -> int:
    from entente.errors import EntenteError
    from entente.model import Document, Story
    from entente.store import Database

    action, target, folder, name = argv[:4]
    pairs = []
    if action == "write":
        pairs = [(Story.model_validate(s), Document.model_validate(d))
                 for s, d in json.loads(pathlib.Path(argv[4]).read_text(encoding="utf-8"))]
    barrier(pathlib.Path(folder), name)
    try:
        db = Database(target)
        if action == "write":
            size = int(argv[5])
            for i in range(0, len(pairs), size):
                db.add_many(pairs[i:i + size])
    except EntenteError as exc:
        print(f"error: {exc}")
        return 2
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
