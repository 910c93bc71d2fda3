"""Merged events from links: which linked reports become one event, and which report speaks for it.

Links are pairwise (`dateline.merge.link`); a happening is a group of reports. Grouping by every link
(connected components) would chain a wave of similar reports — protests on consecutive days, each
linked to the next — into one event. So groups are built by average linkage: starting from single
reports, the two groups whose links are surest (the links' probabilities, `link_strength`, over the pairs
between them: a copy of a sentence joins its copy before a report it links to weakly) are joined, as long
as their links' density (links over pairs) is at least `JOIN_DENSITY`, where each pair of reports that
conflict (`conflict_between`: other days, a negation; here a party's country lent by the context is a guess, not a
conflict, nor are two reports of one article its own grouping kept apart) counts as `CONFLICT_WEIGHT` missing
links. Two single reports that conflict never join, nor does a chain of links join them; but one misread report
(a wrong place, a negation the modality reader saw) does not keep thirty agreeing reports of a rig explosion from
thirty more. Links whose two reports retell one past day their texts give bind first, whatever the density
(`_Linkage._bind_retellings`): the day's own reports, dated by their pages, cannot link to a retelling weeks on.

Everything is decided from the set of reports and their links alone, ties broken by the canonical
order (`canonical_key`), so the same articles give the same merged events whatever order they were
ingested in. A merged event is named by its representative (`representative`): the report that
speaks for it in listings — a fact before a plan or a hypothetical, then the most confident, then the
most linked (central), then the earliest.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Mapping, Sequence

from dateline.merge.link import link_strength, retells_one_past_day
from dateline.merge.rules import Report, canonical_key, conflict_between, report_of
from dateline.model import Event

#: Two groups join when at least this share of the pairs between them are linked.
JOIN_DENSITY = 0.5
#: How many missing links a conflicting pair of reports counts as: a report at odds with up to a sixth of a
#: group's reports (and linked to the rest) still joins it. (4, a tenth, kept three more same pairs of the
#: population sample apart at the same precision.)
CONFLICT_WEIGHT = 2


class _Linkage:
    """Average linkage over one set of reports: groups (by the canonical number of their first report), the links
    between each two groups (their number and their summed probability), and the candidate joins in a heap ranked as
    the grouping takes them (surest links on average, then most links, then earliest). An entry holds the two
    groups' sizes when it was ranked: groups only grow, so an entry whose sizes differ from the groups' now is stale
    and skipped (the groups' new rank was pushed)."""

    def __init__(self, reports: list[Report], links: Mapping[frozenset[str], str]) -> None:
        self.reports = reports
        self.groups = {n: [n] for n in range(len(reports))}
        self.between: dict[tuple[int, int], int] = {}
        #: the links' probabilities (`link_strength`, in hundredths: sums exact whatever order the links came in)
        self.strength: dict[tuple[int, int], int] = {}
        self.neighbours: dict[int, set[int]] = {n: set() for n in self.groups}
        index = {report.id: n for n, report in enumerate(reports)}
        for pair, reason in links.items():
            ends = sorted(index[x] for x in pair if x in index)
            if len(ends) == 2:
                key = (ends[0], ends[1])
                self.between[key] = self.between.get(key, 0) + 1
                self.strength[key] = self.strength.get(key, 0) + round(100 * link_strength(reason))
                self.neighbours[ends[0]].add(ends[1])
                self.neighbours[ends[1]].add(ends[0])
        self.heap = [entry for i, j in self.between if (entry := self._ranked(i, j))]
        heapq.heapify(self.heap)
        self.conflicting: dict[tuple[int, int], bool] = {}
        self._bind_retellings(links, index)

    def _bind_retellings(self, links: Mapping[frozenset[str], str], index: Mapping[str, int]) -> None:
        """Join first the groups of two reports that both retell one past day their texts give (`RETOLD` links),
        whatever the density, unless a pair of their reports conflicts. A report of that day dated only by its page
        does not link to a retelling weeks on (it names no day), so a retelling linked surely to one report of the
        day's group would be outvoted by the others; two texts naming one day long past are evidence the average
        does not weigh. Links are taken in the canonical order of their ends, so the result is order-independent."""
        bound = sorted(tuple(sorted(index[x] for x in pair)) for pair, reason in links.items()
                       if retells_one_past_day(reason) and all(x in index for x in pair))
        owner = {n: n for n in self.groups}
        for x, y in bound:
            i, j = owner[x], owner[y]
            if i == j or any(self._conflict(a, b) for a in self.groups[i] for b in self.groups[j]):
                continue
            keep, gone = min(i, j), max(i, j)
            for member in self.groups[gone]:
                owner[member] = keep
            self._join(keep, gone)

    def _ranked(self, i: int, j: int) -> tuple[float, int, int, int, int, int] | None:
        """The heap entry of the join of groups i < j; None when their links are not dense enough. Joins are ranked
        by the mean link probability over the pairs between the groups (a missing link counts 0), so two copies of
        one sentence join each other before either joins a report it links to only weakly."""
        n, size_i, size_j = self.between[(i, j)], len(self.groups[i]), len(self.groups[j])
        if n < JOIN_DENSITY * size_i * size_j:
            return None
        return (-self.strength[(i, j)] / (size_i * size_j), -n, i, j, size_i, size_j)

    def _conflict(self, x: int, y: int) -> bool:
        key = (x, y) if x < y else (y, x)
        if key not in self.conflicting:
            self.conflicting[key] = conflict_between(self.reports[x], self.reports[y], lent=False,
                                                     one_article=False) is not None
        return self.conflicting[key]

    def _joinable(self, i: int, j: int, links: int) -> bool:
        """Whether the groups' links, less `CONFLICT_WEIGHT` for each conflicting pair of their reports, stay dense
        enough (counting stops once they cannot)."""
        spare = links - JOIN_DENSITY * len(self.groups[i]) * len(self.groups[j])
        for x in self.groups[i]:
            for y in self.groups[j]:
                if self._conflict(x, y):
                    spare -= CONFLICT_WEIGHT
                    if spare < 0:
                        return False
        return True

    def _join(self, keep: int, gone: int) -> None:
        """Move group `gone` into group `keep`, carrying its links over, and rank keep's joins anew."""
        self.groups[keep] += self.groups.pop(gone)
        for other in self.neighbours.pop(gone):
            links = self.between.pop((min(gone, other), max(gone, other)))
            strength = self.strength.pop((min(gone, other), max(gone, other)))
            self.neighbours[other].discard(gone)
            if other != keep:
                key = (min(keep, other), max(keep, other))
                self.between[key] = self.between.get(key, 0) + links
                self.strength[key] = self.strength.get(key, 0) + strength
                self.neighbours[keep].add(other)
                self.neighbours[other].add(keep)
        for other in self.neighbours[keep]:
            if entry := self._ranked(min(keep, other), max(keep, other)):
                heapq.heappush(self.heap, entry)

    def run(self) -> list[list[int]]:
        """Join groups while a join is dense enough, best first; the groups of report numbers, in order."""
        while self.heap:
            _, _, i, j, size_i, size_j = heapq.heappop(self.heap)
            if i not in self.groups or j not in self.groups or (len(self.groups[i]), len(self.groups[j])) != (
                    size_i, size_j):
                continue  # stale: one of them has grown (or gone) since
            if self._joinable(i, j, self.between[(i, j)]):
                self._join(i, j)
        return [members for _, members in sorted(self.groups.items())]


def _grouped(events: Iterable[Event | Report], links: Mapping[frozenset[str], str]) -> list[list[Report]]:
    """The groups of reports that are one happening each, every group in canonical order."""
    reports = sorted((e if isinstance(e, Report) else report_of(e) for e in events), key=lambda r: r.key)
    return [sorted((reports[n] for n in members), key=lambda r: r.key) for members in _Linkage(reports, links).run()]


def groups_of(events: Iterable[Event | Report], links: Mapping[frozenset[str], str]) -> list[list[Event]]:
    """The groups of events that are one happening each, every group in canonical order.

    `events` may be given as their `Report`s (`report_of`, their events kept), read once by a caller that groups
    them again and again.
    """
    return [[report.event for report in group if report.event is not None] for group in _grouped(events, links)]


def _canonical(item: Event | Report) -> tuple[dt.date, str, int, int, str]:
    return item.key if isinstance(item, Report) else canonical_key(item)


def representative(members: Sequence[Event | Report], links: Mapping[frozenset[str], str]) -> Event | Report:
    """The report that speaks for a merged event: a fact first, then the most confident, the most linked
    within the group, the earliest (canonical order). Given events, an event; given reports, a report."""
    def linked(item: Event | Report) -> int:
        return sum(frozenset((item.id, other.id)) in links for other in members if other is not item)

    ranked = sorted(members, key=lambda e: (e.status != "fact", -e.confidence, -linked(e), _canonical(e)))
    return ranked[0]


def cluster(events: Iterable[Event | Report],
            links: Mapping[frozenset[str], str]) -> dict[str, tuple[str, str | None]]:
    """Merged events of linked reports: for each event id, (merged event id, why it joined; None for the
    representative, whose id names the merged event). `events` may be given as their `Report`s."""
    out: dict[str, tuple[str, str | None]] = {}
    for members in _grouped(events, links):
        head = representative(members, links)
        out[head.id] = (head.id, None)
        for report in members:
            if report is head:
                continue
            partner = head if frozenset((head.id, report.id)) in links else next(
                m for m in members if frozenset((m.id, report.id)) in links)
            reason = links[frozenset((partner.id, report.id))]
            out[report.id] = (head.id, f"joined {partner.id[:8]} (article {partner.article_id}): {reason}")
    return out


__all__ = ["CONFLICT_WEIGHT", "JOIN_DENSITY", "cluster", "groups_of", "representative"]
