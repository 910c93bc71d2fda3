"""The part of a linked group that a write clusters again: the merged events its new links touch, widened only as
far as the clustering changes.

A write's new links join its events to stored merged events. The grouping (`dateline.merge.cluster`, average
linkage) used to be run again over the whole connected group of linked events. On a feed that retells one story
week after week (the bulk corpus's re-dated copies: each copy links to the one before), that group grows without
bound, and so did each write's time and its transient memory (its high water followed the group's size, r 0.93).

A merged event changes only when its members change. So the part clustered again starts from the merged events
(as stored) of the new links' ends, and grows one ring of stored merged events at a time: a stored merged event
linked to a member whose merged event the clustering changed is taken in and the part clustered again, until no
changed member links out of the part. Merged events that are linked only to unchanged members keep what is stored:
the links between them and the part are the links that kept them apart before, between the same members. A write
that adds a report to a merged event reads that event, its linked neighbours and their links, not the story's
history.

The clustering inside the part is the same function over the same reports and links, ties broken by the same
canonical order, so the same articles still give the same merged events whatever order they came in
(`benchmarks/merge.py --order-check`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.merge import Report, cluster
from dateline.store.inlist import Execute, in_chunks

#: How a part's reports are read (`merged.load_reports`): stored events by id, as merging compares them.
LoadReports = Callable[[Sequence[str]], dict[str, Report]]


@dataclass
class Part:
    """The part of a linked group a write clustered again: its members' reports, the links among them, and each
    member's merged event and why it joined (`merge.cluster`)."""

    members: dict[str, Report] = field(default_factory=dict)
    links: dict[frozenset[str], str] = field(default_factory=dict)
    assigned: dict[str, tuple[str, str | None]] = field(default_factory=dict)


def links_touching(execute: Execute, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """The stored links (a, b, reason) with either end among `ids`, each link once."""
    rows = [*in_chunks(execute, "SELECT a, b, reason FROM event_links WHERE a IN ({ids})", ids),
            *in_chunks(execute, "SELECT a, b, reason FROM event_links WHERE b IN ({ids})", ids)]
    return list({(a, b): (a, b, reason) for a, b, reason in rows}.values())


def _merged_of(execute: Execute, ids: Sequence[str]) -> set[str]:
    """The stored merged events (their ids) of these events."""
    return {merged_id for _, merged_id in in_chunks(execute, "SELECT id, merged_id FROM events WHERE id IN ({ids})",
                                                     ids)}


def _members_of(execute: Execute, merged_ids: Sequence[str]) -> dict[str, str]:
    """Every stored event of these merged events, with its merged event's id."""
    return dict(in_chunks(execute, "SELECT id, merged_id FROM events WHERE merged_id IN ({ids})", merged_ids))


def _changed(stored: Mapping[str, str], assigned: Mapping[str, tuple[str, str | None]]) -> set[str]:
    """The members whose merged event now holds other members than the stored one did."""
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for event_id, merged_id in stored.items():
        before.setdefault(merged_id, set()).add(event_id)
    for event_id, (merged_id, _) in assigned.items():
        after.setdefault(merged_id, set()).add(event_id)
    return {event_id for event_id in stored
            if before[stored[event_id]] != after[assigned[event_id][0]]}


def regroup(execute: Execute, seeds: set[str], load: LoadReports) -> Part:
    """Cluster again the part of the linked groups that the links of `seeds` (the ends of a write's new links,
    stored already) can change: their stored merged events, then each stored merged event linked to a member whose
    merged event changed, until none is (see the module)."""
    stored: dict[str, str] = {}  # member -> its stored merged event
    touching: dict[frozenset[str], str] = {}  # every stored link with an end in the part
    part = Part()
    taken: set[str] = set()
    heads = _merged_of(execute, sorted(seeds))
    while heads:
        taken |= heads
        added = _members_of(execute, sorted(heads))
        stored |= added
        touching |= {frozenset((a, b)): reason for a, b, reason in links_touching(execute, sorted(added))}
        part.members |= load(sorted(added.keys() - part.members.keys()))
        part.links = {pair: reason for pair, reason in touching.items() if pair <= stored.keys()}
        part.assigned = cluster(part.members.values(), part.links)
        changed = _changed(stored, part.assigned)
        outside = {x for pair in touching if pair & changed for x in pair} - stored.keys()
        heads = _merged_of(execute, sorted(outside)) - taken
    return part


__all__ = ["LoadReports", "Part", "links_touching", "regroup"]
