"""One Event from the mentions of one happening: which mention is the evidence, and which lends the date
and the place.

`events.group` decides which mentions tell one happening; this module makes the Event that stands for
them. The most confident mention is the evidence; a missing or coarser date, and a missing place, come
from the other mentions, but never a date that contradicts the one written beside the evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.model import Event, Evidence

__all__ = ["merge_mentions", "refines"]


def merge_mentions(events: list[Event], reasons: dict[int, str], lent: frozenset[int] = frozenset()) -> Event:
    """One Event from the mentions of a happening (in text order): the most confident mention is
    its evidence; a missing or coarser date, and a missing place, come from the other mentions
    (not from those in `lent`, borrowed-type mentions `absorb_borrowed` joined, whose date and place
    were read from a trigger that does not tell this happening)."""
    mentions = [replace(e.evidence, joined=reasons.get(k)) for k, e in enumerate(events)]
    if len(events) == 1:
        return replace(events[0], mentions=mentions)
    primary = max(range(len(events)), key=lambda k: (events[k].confidence, -k))
    best = events[primary]
    own = [k for k in range(len(events)) if k not in lent or k == primary]
    dated = events[min(own, key=lambda k: (*_date_rank(events[k]), k != primary))]
    if not refines(dated, best):
        dated = best
    located = best.location or next((events[k].location for k in own if events[k].location is not None), None)
    evidence: Evidence = mentions[primary]
    return replace(best, evidence=evidence, mentions=mentions, location=located,
                   date=dated.date, date_precision=dated.date_precision, date_mod=dated.date_mod,
                   date_basis=dated.date_basis if dated is best or dated.date_basis is None else
                   f"from the mention {dated.evidence.trigger!r}: {dated.date_basis}",
                   confidence=max(e.confidence for e in events))


#: Date precisions, finest first (for choosing the most telling date among mentions).
_PRECISION_ORDER = ("time", "part_of_day", "day", "week", "month", "season", "quarter", "half", "year",
                    "decade", "century")


def refines(other: Event, evidence: Event) -> bool:
    """May `other`'s date stand for the evidence mention's? Yes unless the evidence states an exact
    calendar date (a year, month or day) that `other`'s does not fall within: a finer day refines the
    month written in the evidence sentence ("in February" -> "on 14 February"), a day of another month
    contradicts it, and the date written beside the act it dates wins."""
    own = evidence.date
    if other is evidence or own is None or evidence.date_mod is not None or other.date is None:
        return True
    if not _CALENDAR.fullmatch(own):
        return True
    return other.date.startswith(own)


#: A TIMEX3 calendar value whose finer dates share it as a prefix: YYYY, YYYY-MM or YYYY-MM-DD.
_CALENDAR = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _date_rank(event: Event) -> tuple[int, int]:
    """Exact dates before bounds ("on Monday" before "on or before the article date"), then finer first."""
    bound = event.date_mod is not None or event.date is None
    fine = _PRECISION_ORDER.index(event.date_precision) if event.date_precision in _PRECISION_ORDER else 99
    return int(bound), fine
