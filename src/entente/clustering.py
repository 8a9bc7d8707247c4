"""The partition of reports into real-world events: canonical, incremental, without chaining.

The partition of a set of reports is defined by one procedure, so it does not depend
on the order the reports arrived in: take the reports in canonical order (`Report.sort`:
the most precise first, then by date and stable key) and put each into the best-fitting cluster formed
so far that holds a member compatible with it and none that contradicts it (no chaining
through a neighbour: see `entente.clusters`); with none, it starts a cluster. A cluster's id is the key of its
first report, so it is stable while that report stays.

`reassign` brings a stored partition up to date after reports were added or removed
without recomputing everything: a report's choice depends only on the earlier reports
it could be compatible with, so only the reports after the first change that are
candidates of a changed cluster are decided again, in canonical order, until no
choice changes. The result is the same as recomputing the whole partition.
"""
from __future__ import annotations

import bisect
import heapq
from typing import Iterable, Optional, Protocol

from entente.clusters import (FALLBACK_DAYS, LOOKBACK_DAYS, TOLERANCE_DAYS, Report, candidate, compatible,
                              consistent, report_of)
from entente.model import Document


class Source(Protocol):
    """Where the stored reports and their current clusters live (a database, or memory)."""

    def candidates(self, reports: list[Report]) -> Iterable[Report]:
        """Stored reports r with candidate(x, r) for some x of these; may include more, never fewer."""

    def members(self, cluster: str) -> Iterable[Report]:
        """Stored reports in this cluster (as stored when the call began)."""

    def stored(self, key: str) -> Optional[str]:
        """The stored cluster of a report the source has returned (None for a new one)."""


def reassign(source: Source, added: Iterable[Report] = (), removed: Iterable[Report] = (),
             empty: bool = False) -> dict[str, str]:
    """New cluster of every report whose cluster changes (all added ones included).
    `empty`: the source holds no report, so nothing stored is to be decided again."""
    added = {r.key: r for r in added}
    gone = {r.key for r in removed} - set(added)
    pending = MemorySource()                 # the added reports, indexed like stored ones
    pending.apply(added.values(), {})
    now: dict[str, str] = {}                 # decided again in this call
    joined: dict[str, dict[str, Report]] = {}  # cluster -> reports decided into it here
    cache: dict[str, list[Report]] = {}
    heap: list = []
    queued: set[str] = set()

    def cluster_of(r: Report) -> Optional[str]:
        return now.get(r.key) if r.key in now or r.key in added else source.stored(r.key)

    def stored_candidates(r: Report) -> list[Report]:
        if r.key not in cache:
            cache[r.key] = [z for z in source.candidates([r])
                            if z.key not in gone and z.key not in added and candidate(r, z)]
        return cache[r.key]

    def members(c: str) -> list[Report]:
        out = {m.key: m for m in source.members(c) if m.key not in gone and cluster_of(m) == c}
        out.update(joined.get(c, {}))
        return list(out.values())

    def push(r: Report) -> None:
        if r.key not in queued:
            queued.add(r.key)
            heapq.heappush(heap, (r.sort, r))

    def touch(r: Report, clusters: set) -> None:
        """Queue every stored report after r whose choice may depend on r or on these clusters:
        those compatible with r or with a member (a cluster is an option for z only if z fits
        all its members). The added ones are all queued from the start."""
        group = [r, *(m for c in clusters for m in members(c))]
        for z in source.candidates(group):  # z's choice can change only through a report it fits
            if z.sort > r.sort and z.key not in gone and z.key not in added and z.key not in queued \
                    and any(compatible(m, z) is not None for m in group):
                push(z)

    for r in sorted(removed, key=lambda r: r.sort):
        if r.key not in added:
            touch(r, {source.stored(r.key)} - {None})
    for r in added.values():
        push(r)
    while heap:
        _, y = heapq.heappop(heap)
        old = None if y.key in added else cluster_of(y)
        cands = stored_candidates(y) + [z for z in pending.candidates([y]) if z.key != y.key and candidate(y, z)]
        new = _decide(y, cands, cluster_of, members)
        if new != old or y.key in added:
            if y.key in now:
                joined.get(now[y.key], {}).pop(y.key, None)
            now[y.key] = new
            joined.setdefault(new, {})[y.key] = y
            if not empty:
                touch(y, {old, new} - {None})
    return {k: c for k, c in now.items() if k in added or c != source.stored(k)}


def _decide(y: Report, cands: list[Report], cluster_of, members) -> str:
    """The best cluster formed before y with a member compatible with y and none contradicting
    it, else y's own."""
    # a cluster is an option only through a member compatible with y
    options = sorted({c for z in cands if z.sort < y.sort and compatible(y, z) is not None
                      for c in [cluster_of(z)] if c is not None})
    best: Optional[tuple[float, str]] = None
    for c in options:
        scores = []
        for m in members(c):
            if m.sort < y.sort:
                if not consistent(y, m):
                    break   # no chaining: nothing in the cluster may contradict y
                s = compatible(y, m)
                if s is not None:
                    scores.append(s)
        else:
            if scores:
                fit = sum(scores) / len(scores)
                if best is None or fit > best[0]:
                    best = (fit, c)
    return best[1] if best else y.key


class MemorySource:
    """Reports held in memory. Like the store, it looks candidates up by country set: the
    subsets and the supersets of a report's set, each a list in date order (short intervals,
    a day or a publication-date window, apart from long ones, which need a longer look-back)."""

    def __init__(self) -> None:
        self.by_set: dict[tuple, list] = {}          # (type, fact, countries, long?) -> [(lo, key, report)]
        self.sets_with: dict[tuple, set] = {}        # (type, fact, country) -> (country set, long?) present
        self._nested: dict[tuple, set] = {}          # memo of _sets, until the next apply
        self.clusters: dict[str, str] = {}
        self.by_cluster: dict[str, dict[str, Report]] = {}

    @staticmethod
    def _long(r: Report) -> bool:
        return (r.hi - r.lo).days > FALLBACK_DAYS

    def _sets(self, r: Report) -> set:
        """The (country set, long?) lists present whose set is nested with r's."""
        key = (r.type, r.fact, r.countries)
        if key not in self._nested:
            mine = r.countries
            found = {s for s in self.sets_with.get((r.type, r.fact, min(mine)), ()) if s[0] >= mine}
            for c in mine:
                found.update(s for s in self.sets_with.get((r.type, r.fact, c), ()) if s[0] <= mine)
            self._nested[key] = found
        return self._nested[key]

    def candidates(self, reports: list[Report]) -> Iterable[Report]:
        seen = set()
        for report in reports:
            first, last = report.lo.toordinal(), report.hi.toordinal() + TOLERANCE_DAYS
            for countries, long in self._sets(report):
                back = LOOKBACK_DAYS if long else FALLBACK_DAYS + TOLERANCE_DAYS
                rows = self.by_set[(report.type, report.fact, countries, long)]
                for lo, _, r in rows[bisect.bisect_left(rows, (first - back,)):]:
                    if lo > last:
                        break
                    if r.key not in seen:
                        seen.add(r.key)
                        yield r

    def members(self, cluster: str) -> Iterable[Report]:
        return list(self.by_cluster.get(cluster, {}).values())

    def stored(self, key: str) -> Optional[str]:
        return self.clusters.get(key)

    def apply(self, added: Iterable[Report], changes: dict[str, str], removed: Iterable[Report] = ()) -> None:
        self._nested.clear()
        for r in removed:
            rows = self.by_set.get((r.type, r.fact, r.countries, self._long(r)), [])
            i = bisect.bisect_left(rows, (r.lo.toordinal(), r.key))
            if i < len(rows) and rows[i][1] == r.key:
                rows.pop(i)
            old = self.clusters.pop(r.key, None)
            self.by_cluster.get(old, {}).pop(r.key, None)
        reports = {r.key: r for r in added}
        for r in reports.values():
            bisect.insort(self.by_set.setdefault((r.type, r.fact, r.countries, self._long(r)), []),
                          (r.lo.toordinal(), r.key, r))
            for c in r.countries:
                self.sets_with.setdefault((r.type, r.fact, c), set()).add((r.countries, self._long(r)))
        for key, c in changes.items():
            old = self.clusters.get(key)
            r = reports.get(key) or self.by_cluster.get(old, {}).get(key)
            if old is not None:
                self.by_cluster.get(old, {}).pop(key, None)
            self.clusters[key] = c
            self.by_cluster.setdefault(c, {})[key] = r


def partition(reports: Iterable[Report]) -> dict[str, str]:
    """The canonical partition of these reports: report key -> cluster id."""
    return reassign(MemorySource(), list(reports), empty=True)


class RunClusters:
    """The clusters of one run's documents, collected one document at a time: only the
    reports are kept in memory, so the documents themselves can be spooled to disk."""

    def __init__(self) -> None:
        self.reports: dict[tuple[str, str], Report] = {}
        self.ids: dict[str, str] = {}

    def add(self, doc: Document) -> None:
        for e in doc.events:
            r = report_of(doc, e)
            if r is not None:
                self.reports[(doc.id, e.id)] = r

    def finish(self) -> None:
        self.ids = partition(self.reports.values())

    def apply(self, doc: Document) -> Document:
        """Set each event's `cluster` (None when it cannot be clustered: no country, no usable date)."""
        for e in doc.events:
            r = self.reports.get((doc.id, e.id))
            e.cluster = self.ids.get(r.key) if r is not None else None
        return doc


def assign_clusters(docs: list[Document]) -> list[Document]:
    """Set `cluster` on every event of these documents, shared across them when they report
    the same real-world event. Changes the documents in place and returns them."""
    run = RunClusters()
    for doc in docs:
        run.add(doc)
    run.finish()
    return [run.apply(doc) for doc in docs]
