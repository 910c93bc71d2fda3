"""Timelines over stored events: what happened when, one line per event, in date order.

A first version: events are grouped by their TIMEX3 date (whatever its precision) and
its date_mod, negated and hypothetical events are left out, and repeated reports of the
same type and parties on the same date are folded into one line with a count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dateline.events.explain import DATE_MOD_SIGNS, party_label
from dateline.events.verify import view_or_default  # the one default view, chosen with the verifier
from dateline.model import DateMod, DatePrecision, Event, EventType, Evidence


@dataclass
class TimelineEntry:
    """One line of a timeline: a date, what happened, who, where, and the evidence."""

    date: str
    precision: DatePrecision | None
    type: EventType
    parties: list[str]
    place: str | None
    evidence: Evidence  # the first report's evidence (sentence, trigger offsets)
    event_ids: list[str] = field(default_factory=list)
    date_mod: DateMod | None = None

    @property
    def reports(self) -> int:
        return len(self.event_ids)

    @property
    def when(self) -> str:
        """The date as a timeline shows it, its date_mod as a sign: `2018-09-17`, `<2018-09-17`."""
        return DATE_MOD_SIGNS.get(self.date_mod or "", "") + self.date


def build_timeline(events: Iterable[Event], min_confidence: float | None = None) -> list[TimelineEntry]:
    """Fold stored events into a date-ordered timeline, leaving out those below `min_confidence` (by default the
    packaged verifier's view, read here and not at import: `verify.packaged_view`)."""
    min_confidence = view_or_default(min_confidence)
    entries: dict[tuple[object, ...], TimelineEntry] = {}
    for ev in events:
        if ev.negated or ev.hypothetical or not ev.date or ev.confidence < min_confidence:
            continue
        parties = [party_label(p) for p in ev.actors + ev.recipients]
        key = (ev.date, ev.date_mod, ev.type, tuple(sorted(parties)))
        if key in entries:
            entries[key].event_ids.append(ev.id)
            continue
        entries[key] = TimelineEntry(ev.date, ev.date_precision, ev.type, parties,
                                     ev.location.name if ev.location else None, ev.evidence, [ev.id], ev.date_mod)
    return sorted(entries.values(), key=lambda e: (e.date, e.type))
