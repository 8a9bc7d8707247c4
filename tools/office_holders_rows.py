"""What every office-holder source adapter shares: the row it yields, dates, country
codes, and reading files out of a git directory (bare or a checkout).

A row is a dict with these keys, whatever the source:

    qid       the holder's Wikidata QID ("Q22686")
    name      the holder's English name as the source gives it
    extra     other full-name spellings (aliases) from the source
    title     the office's English title ("Minister of Foreign Affairs")
    position  the office's Wikidata QID when the source gives it, else ""
    country   ISO 3166-1 alpha-3 of the state the office belongs to ("" for IGOs)
    exact     True when the row comes from the office's own list of holders
    start     ISO date at its precision ("2017-01-20", "2019-12", "1999")
    end       the same, or None while the tenure was open when the source was taken
    source    index of the row's source in the build's list of sources (set by the build)
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

# Wikidata QIDs of states whose snapshot name pycountry does not know, with their alpha-3
# (Kosovo has no ISO code; XKX is the code the EU and others use).
COUNTRY_QIDS = {
    "Q921": "BRN", "Q971": "COG", "Q974": "COD", "Q1008": "CIV", "Q1246": "XKX", "Q219060": "PSE",
    "Q733": "PRY", "Q159": "RUS", "Q1039": "STP", "Q43": "TUR",
}


def iso3(name: str, qid: str) -> str:
    """ISO 3166-1 alpha-3 of a state named by a source, or known by its QID ('' if none)."""
    if qid in COUNTRY_QIDS:
        return COUNTRY_QIDS[qid]
    import pycountry

    bare = re.sub(r"^the ", "", name.strip(), flags=re.I)
    if not bare:
        return ""
    try:
        return pycountry.countries.lookup(bare).alpha_3
    except LookupError:
        return ""


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def iso_date(value: str) -> str | None:
    """'2017-01-20T00:00:00Z' -> '2017-01-20'; '2019-12' and '1999' stay partial."""
    m = _DATE.match((value or "").strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month in (None, "00"):
        return year
    if day in (None, "00"):
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


class GitDir:
    """Files of one repository at one commit, read from a bare git directory or a checkout."""

    def __init__(self, path: Path, rev: str = "HEAD"):
        self.path = path
        self.rev = rev
        self.bare = not (path / ".git").exists() and (path / "HEAD").is_file()

    def _git(self, *args: str, text: bool = True) -> subprocess.CompletedProcess:
        base = ["git", "--git-dir", str(self.path)] if self.bare else ["git", "-C", str(self.path)]
        return subprocess.run(base + list(args), capture_output=True, text=text)

    def read(self, name: str, rev: str | None = None) -> str | None:
        r = self._git("show", f"{rev or self.rev}:{name}", text=False)
        return r.stdout.decode("utf-8") if r.returncode == 0 else None

    def files(self, pattern: str) -> list[str]:
        r = self._git("ls-tree", "-r", "--name-only", self.rev)
        rx = re.compile("^" + re.escape(pattern).replace(r"\*", "[^/]+") + "$")
        return sorted(n for n in r.stdout.splitlines() if rx.match(n))

    def head(self) -> tuple[str, str]:
        """(commit, committer day) of the revision read."""
        r = self._git("log", "-1", "--format=%H %cs", self.rev)
        commit, _, day = r.stdout.strip().partition(" ")
        return commit, day

    def history(self, name: str) -> list[tuple[str, str]]:
        """(commit, committer day) of every commit up to the revision that changed `name`, oldest first."""
        r = self._git("log", "--reverse", "--format=%H %cs", self.rev, "--", name)
        return [tuple(line.split(" ", 1)) for line in r.stdout.splitlines() if line]  # type: ignore[misc]
