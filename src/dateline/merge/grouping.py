"""Merged events from links: which linked reports become one event, and which report speaks for it.

Links are pairwise (`dateline.merge.link`); a happening is a group of reports. Grouping by every link
(connected components) would chain a wave of similar reports — protests on consecutive days, each
linked to the next — into one event. So groups are built by average linkage: starting from single
reports, the two groups with the densest links between them (links over pairs) are joined, as long
as that density is at least `JOIN_DENSITY`, where each pair of reports that conflict (`conflict_reason`:
other days, a negation) counts as `CONFLICT_WEIGHT` missing links. Two single reports that conflict
never join, nor does a chain of links join them; but one misread report (a wrong place, a negation
the modality reader saw) does not keep thirty agreeing reports of a rig explosion from thirty more.

Everything is decided from the set of reports and their links alone, ties broken by the canonical
order (`canonical_key`), so the same articles give the same merged events whatever order they were
ingested in. A merged event is named by its representative (`representative`): the report that
speaks for it in listings — a fact before a plan or a hypothetical, then the most confident, then the
most linked (central), then the earliest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dateline.merge.rules import canonical_key, conflict_reason
from dateline.model import Event

#: Two groups join when at least this share of the pairs between them are linked.
JOIN_DENSITY = 0.5
#: How many missing links a conflicting pair of reports counts as: a report at odds with up to a sixth of a
#: group's reports (and linked to the rest) still joins it. (4, a tenth, kept three more same pairs of the
#: population sample apart at the same precision.)
CONFLICT_WEIGHT = 2


def _conflicts(first: list[Event], second: list[Event]) -> int:
    return sum(conflict_reason(a, b) is not None for a in first for b in second)


def _best_join(groups: dict[int, list[Event]], between: dict[tuple[int, int], int],
               refused: set[tuple[int, int, int, int]]) -> tuple[int, int] | None:
    """The pair of groups to join next (densest links, then most links, then earliest), or None."""
    ranked = sorted(((-n / (len(groups[i]) * len(groups[j])), -n, i, j) for (i, j), n in between.items()
                     if n >= JOIN_DENSITY * len(groups[i]) * len(groups[j])))
    for _, n, i, j in ranked:
        key = (i, j, len(groups[i]), len(groups[j]))  # groups only grow: their size says which they are
        if key in refused:
            continue
        if -n - CONFLICT_WEIGHT * _conflicts(groups[i], groups[j]) >= JOIN_DENSITY * len(groups[i]) * len(groups[j]):
            return i, j
        refused.add(key)
    return None


def _join(groups: dict[int, list[Event]], between: dict[tuple[int, int], int], keep: int, gone: int) -> None:
    """Move group `gone` into group `keep`, carrying its links over."""
    groups[keep] += groups.pop(gone)
    for (i, j), n in [item for item in between.items() if gone in item[0]]:
        del between[(i, j)]
        other = i if j == gone else j
        if other != keep:
            key = (min(keep, other), max(keep, other))
            between[key] = between.get(key, 0) + n


def groups_of(events: Iterable[Event], links: Mapping[frozenset[str], str]) -> list[list[Event]]:
    """The groups of reports that are one happening each, every group in canonical order."""
    ordered = sorted(events, key=canonical_key)
    index = {event.id: n for n, event in enumerate(ordered)}
    groups = {n: [event] for n, event in enumerate(ordered)}
    between: dict[tuple[int, int], int] = {}
    for pair in links:
        ends = sorted(index[x] for x in pair if x in index)
        if len(ends) == 2:
            between[(ends[0], ends[1])] = between.get((ends[0], ends[1]), 0) + 1
    refused: set[tuple[int, int, int, int]] = set()
    while (join := _best_join(groups, between, refused)) is not None:
        _join(groups, between, *join)
    return [sorted(members, key=canonical_key) for _, members in sorted(groups.items())]


def representative(members: list[Event], links: Mapping[frozenset[str], str]) -> Event:
    """The report that speaks for a merged event: a fact first, then the most confident, the most linked
    within the group, the earliest (canonical order)."""
    def linked(event: Event) -> int:
        return sum(frozenset((event.id, other.id)) in links for other in members if other is not event)

    ranked = sorted(members, key=lambda e: (e.status != "fact", -e.confidence, -linked(e), canonical_key(e)))
    return ranked[0]


def cluster(events: Iterable[Event], links: Mapping[frozenset[str], str]) -> dict[str, tuple[str, str | None]]:
    """Merged events of linked reports: for each event id, (merged event id, why it joined; None for the
    representative, whose id names the merged event)."""
    out: dict[str, tuple[str, str | None]] = {}
    for members in groups_of(events, links):
        head = representative(members, links)
        out[head.id] = (head.id, None)
        for event in members:
            if event is head:
                continue
            partner = head if frozenset((head.id, event.id)) in links else next(
                m for m in members if frozenset((m.id, event.id)) in links)
            reason = links[frozenset((partner.id, event.id))]
            out[event.id] = (head.id, f"joined {partner.id[:8]} (article {partner.article_id}): {reason}")
    return out


__all__ = ["CONFLICT_WEIGHT", "JOIN_DENSITY", "cluster", "groups_of", "representative"]
