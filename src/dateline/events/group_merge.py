"""One Event from the mentions of one happening: which mention is the evidence, and which lends the place.

`events.group` decides which mentions tell one happening; this module makes the Event that stands for
them. The most confident mention is the evidence, and its date is the event's; its place is the finest the
mentions agree on, whichever leads (`place_mentions.happening_location`).

Dates are not lent between mentions. A date read beside another mention is that mention's, and the grouping
that joined them is not sure enough to carry it: on events-gold (`benchmarks/where_when.py`, sixth session) a
date lent from another mention was right for 1 of 5 matched events (three were mentions of other happenings
joined by the grouping: an expulsion dated by the poisoning it answered), and not lending raised date exact
from 0.829 to 0.846 (GWN 0.821 -> 0.839, t17 0.836 -> 0.851), when the grouping's link precision on
within-article pairs from outlets it never saw was 0.36-0.50 (0.73-1.0 since the seventh session's features;
`tools/train_same_happening.py`, held-out pairs). An event whose
own sentence states no day keeps its bound ("on or before" the article date), which is true, if coarse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dateline.events.place_mentions import happening_location
from dateline.model import Event, Evidence, Place

__all__ = ["merge_mentions"]


def merge_mentions(events: list[Event], reasons: dict[int, str], lent: frozenset[int] = frozenset(),
                   places: Sequence[Place] = ()) -> Event:
    """One Event from the mentions of a happening (in text order): the most confident mention is
    its evidence and gives its date; its place is the finest the mentions agree on (`happening_location`; not
    from those in `lent`, borrowed-type mentions `absorb_borrowed` joined, whose place was read from a trigger
    that does not tell this happening). `places` are the article's, which say what area a town lies in."""
    mentions = [replace(e.evidence, joined=reasons.get(k)) for k, e in enumerate(events)]
    if len(events) == 1:
        return replace(events[0], mentions=mentions)
    own_members = [k for k in range(len(events)) if k not in lent] or list(range(len(events)))
    primary = max(own_members, key=lambda k: (events[k].confidence, -k))
    best = events[primary]
    own = [k for k in range(len(events)) if k not in lent or k == primary]
    located = happening_location([events[k] for k in own], own.index(primary), places)
    evidence: Evidence = mentions[primary]
    return replace(best, evidence=evidence, mentions=mentions, location=located,
                   confidence=max(e.confidence for e in events))

