"""Source adapter: https://github.com/unitedstates/congress-legislators (CC0 1.0).

Read from a git directory of that repository (bare or a checkout):

* ``executive.yaml``: every President and Vice President of the United States
  with the dates of each term and the person's Wikidata QID;
* ``legislators-current.yaml``, at every commit that changed it: the members of
  Congress serving at that commit, each with all their terms (type ``sen`` or
  ``rep``, start, end) and their Wikidata QID. The repository's
  ``legislators-historical.yaml`` is over the size the search tool's snapshots
  carry, so a member who has left Congress is read from the last version of
  ``legislators-current.yaml`` that still lists them.

Term ends in the files are the ends of the terms people were elected to. A term
that reaches past the date of the version read is open (end None) when the member
is still listed at the newest commit; for a member who left before the scheduled
end (resigned, died, took another office), the end is the day of the first commit
that no longer lists them: an upper bound, recorded as such in the file's meta.
"""
from __future__ import annotations

import re
import subprocess

import yaml

from office_holders_rows import GitDir, iso_date

URL = "https://github.com/unitedstates/congress-legislators"
LICENCE = "CC0-1.0"
CURRENT = "legislators-current.yaml"
TITLES = {"prez": "President of the United States", "viceprez": "Vice President of the United States",
          "sen": "United States Senator", "rep": "Member of the United States House of Representatives"}
_ENTRY = re.compile(r"(?m)^- id:\n")
_BIOGUIDE = re.compile(r"\n\s+bioguide: (\S+)")


def _load(text: str) -> list[dict]:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []


def _name(person: dict) -> tuple[str, list[str]]:
    n = person.get("name") or {}
    full = n.get("official_full") or " ".join(p for p in (n.get("first"), n.get("middle"), n.get("last")) if p)
    # The English Wikipedia title is the name the press uses ("Chuck Schumer" for "Charles E. Schumer").
    wiki = (person.get("id") or {}).get("wikipedia") or ""
    return full, [wiki] if wiki and wiki != full else []


def _rows(person: dict, until: str, cut: str | None) -> list[dict]:
    """One row per term; a term ending after `until` is open, or ends on `cut` when given."""
    qid = str((person.get("id") or {}).get("wikidata") or "")
    if not qid.startswith("Q"):
        return []
    name, extra = _name(person)
    out = []
    for term in person.get("terms") or []:
        start, end = iso_date(str(term.get("start", ""))), iso_date(str(term.get("end", "")))
        if not start or term.get("type") not in TITLES:
            continue
        if end and end > until:
            end = cut if cut and cut >= start else None
        out.append({"qid": qid, "name": name, "extra": extra, "title": TITLES[term["type"]], "position": "",
                    "country": "USA", "exact": True, "start": start, "end": end})
    return out


class _Blobs:
    """`git cat-file --batch`: many versions of one file without a process per version."""

    def __init__(self, git: GitDir):
        base = ["git", "--git-dir", str(git.path)] if git.bare else ["git", "-C", str(git.path)]
        self.proc = subprocess.Popen(base + ["cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def get(self, commit: str, path: str) -> str | None:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{commit}:{path}\n".encode())
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode().split()
        if len(header) < 3 or header[1] != "blob":
            return None
        data = self.proc.stdout.read(int(header[2]))
        self.proc.stdout.read(1)
        return data.decode("utf-8")

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def read(git: GitDir) -> tuple[list[dict], dict]:
    """Rows for presidents, vice presidents and members of Congress, and the source record."""
    commit, day = git.head()
    rows: list[dict] = []
    for person in _load(git.read("executive.yaml") or ""):
        rows += _rows(person, day, None)
    history = git.history(CURRENT)
    last: dict[str, tuple[int, str]] = {}  # bioguide -> (index of the last version listing them, their entry)
    blobs = _Blobs(git)
    try:
        for i, (rev, _day) in enumerate(history):
            text = blobs.get(rev, CURRENT)
            if text is None:
                continue
            for chunk in _ENTRY.split(text)[1:]:
                m = _BIOGUIDE.search("\n" + chunk)
                if m:
                    last[m.group(1)] = (i, "- id:\n" + chunk)
    finally:
        blobs.close()
    newest = len(history) - 1
    early = 0
    for bioguide in sorted(last):
        i, entry = last[bioguide]
        people = _load(entry)
        if not people:
            continue
        seen_day = history[i][1]
        gone_day = None if i == newest else history[i + 1][1]
        got = _rows(people[0], seen_day, gone_day)
        early += sum(1 for r in got if gone_day and r["end"] == gone_day)
        rows += got
    info = {"name": "unitedstates/congress-legislators", "repo": URL, "commit": commit, "date": day,
            "licence": LICENCE, "country": "USA", "offices": ["head_of_state", "vice_president", "legislator"],
            "files": ["executive.yaml", f"{CURRENT} ({len(history)} versions, "
                      f"{history[0][0][:12]} {history[0][1]} .. {history[-1][0][:12]} {history[-1][1]})"],
            "note": f"{early} terms left before their scheduled end carry as end the day of the first "
                    f"commit that no longer lists the member (an upper bound)"}
    return rows, info
