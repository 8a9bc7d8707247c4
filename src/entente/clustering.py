"""The partition of reports into real-world events: canonical, incremental, without chaining.

The partition of a set of reports is defined by one procedure, so it does not depend
on the order the reports arrived in: take the reports in canonical order (`Report.sort`:
the most precise first, then by date and stable key) and put each into the best-fitting cluster formed
so far *all* of whose members are compatible with it (complete linkage: no chaining
through a neighbour); with none, it starts a cluster. A cluster's id is the key of its
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

from entente.clusters import LOOKBACK_DAYS, Report, candidate, compatible, report_of
from entente.model import Document


class Source(Protocol):
    """Where the stored reports and their current clusters live (a database, or memory)."""

    def candidates(self, reports: list[Report]) -> Iterable[Report]:
        """Stored reports r with candidate(x, r) for some x of these; may include more, never fewer."""

    def members(self, cluster: str) -> Iterable[Report]:
        """Stored reports in this cluster (as stored when the call began)."""

    def stored(self, key: str) -> Optional[str]:
        """The stored cluster of a report the source has returned (None for a new one)."""


def reassign(source: Source, added: Iterable[Report] = (), removed: Iterable[Report] = ()) -> dict[str, str]:
    """New cluster of every report whose cluster changes (all added ones included)."""
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
        """Queue every stored report after r whose choice may depend on r or on these clusters
        (the added ones are all queued from the start)."""
        group = [r, *(m for c in clusters for m in members(c))]
        for z in source.candidates(group):
            if z.sort > r.sort and z.key not in gone and z.key not in added and z.key not in queued \
                    and any(candidate(m, z) for m in group):
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
            touch(y, {old, new} - {None})
    return {k: c for k, c in now.items() if k in added or c != source.stored(k)}


def _decide(y: Report, cands: list[Report], cluster_of, members) -> str:
    """The best cluster formed before y whose members are all compatible with y, else y's own."""
    # a cluster is an option only through a member compatible with y (all must be)
    options = sorted({c for z in cands if z.sort < y.sort and compatible(y, z) is not None
                      for c in [cluster_of(z)] if c is not None})
    best: Optional[tuple[float, str]] = None
    for c in options:
        scores = []
        for m in members(c):
            if m.sort < y.sort:
                s = compatible(y, m)
                if s is None:
                    break
                scores.append(s)
        else:
            if scores:
                fit = sum(scores) / len(scores)
                if best is None or fit > best[0]:
                    best = (fit, c)
    return best[1] if best else y.key


class MemorySource:
    """Reports held in memory, indexed by (type, factuality class, country) and date."""

    def __init__(self) -> None:
        self.index: dict[tuple, list] = {}
        self.clusters: dict[str, str] = {}
        self.by_cluster: dict[str, dict[str, Report]] = {}

    def candidates(self, reports: list[Report]) -> Iterable[Report]:
        seen = set()
        for report in reports:
            for c in report.countries:
                rows = self.index.get((report.type, report.fact, c), [])
                start = bisect.bisect_left(rows, (report.lo.toordinal() - LOOKBACK_DAYS,))
                for lo, _, r in rows[start:]:
                    if lo > report.hi.toordinal() + 1:
                        break
                    if r.key not in seen:
                        seen.add(r.key)
                        yield r

    def members(self, cluster: str) -> Iterable[Report]:
        return list(self.by_cluster.get(cluster, {}).values())

    def stored(self, key: str) -> Optional[str]:
        return self.clusters.get(key)

    def apply(self, added: Iterable[Report], changes: dict[str, str], removed: Iterable[Report] = ()) -> None:
        for r in removed:
            for c in r.countries:
                rows = self.index.get((r.type, r.fact, c), [])
                i = bisect.bisect_left(rows, (r.lo.toordinal(), r.key))
                if i < len(rows) and rows[i][1] == r.key:
                    rows.pop(i)
            old = self.clusters.pop(r.key, None)
            self.by_cluster.get(old, {}).pop(r.key, None)
        reports = {r.key: r for r in added}
        for r in added:
            for c in r.countries:
                bisect.insort(self.index.setdefault((r.type, r.fact, c), []), (r.lo.toordinal(), r.key, r))
        for key, c in changes.items():
            old = self.clusters.get(key)
            r = reports.get(key) or self.by_cluster.get(old, {}).get(key)
            if old is not None:
                self.by_cluster.get(old, {}).pop(key, None)
            self.clusters[key] = c
            self.by_cluster.setdefault(c, {})[key] = r


def partition(reports: Iterable[Report]) -> dict[str, str]:
    """The canonical partition of these reports: report key -> cluster id."""
    reports = list(reports)
    src = MemorySource()
    src.apply(reports, {})
    return reassign(src, reports)


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
