"""Timelines over stored events: what happened when, one line per event, in date order.

A first version: events are grouped by their TIMEX3 date (whatever its precision),
negated and hypothetical events are left out, and repeated reports of the same
type and parties on the same date are folded into one line with a count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: Events below this confidence (mostly bare, party-less verb matches) stay off timelines.
DEFAULT_MIN_CONFIDENCE = 0.4


@dataclass
class TimelineEntry:
    """One line of a timeline: a date, what happened, who, where, and the evidence."""

    date: str
    precision: str | None
    type: str
    parties: list[str]
    place: str | None
    evidence: dict[str, Any]  # the first report's evidence (sentence, trigger offsets)
    event_ids: list[str] = field(default_factory=list)

    @property
    def reports(self) -> int:
        return len(self.event_ids)


def party_label(party: dict[str, Any]) -> str:
    """A short label for a party: its name and, unless the name is the code, its country code."""
    name = party.get("name") or party.get("text") or "?"
    country = party.get("country")
    return f"{name} ({country})" if country and country.upper() != name.upper() else name


def build_timeline(events: Iterable[dict[str, Any]],
                   min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[TimelineEntry]:
    """Fold stored events (contract JSON) into a date-ordered timeline."""
    entries: dict[tuple[Any, ...], TimelineEntry] = {}
    for ev in events:
        if ev.get("negated") or ev.get("hypothetical") or not ev.get("date"):
            continue
        if (ev.get("confidence") or 0) < min_confidence:
            continue
        parties = [party_label(p) for p in ev.get("actors", []) + ev.get("recipients", [])]
        place = (ev.get("location") or {}).get("name")
        key = (ev["date"], ev["type"], tuple(sorted(parties)))
        if key in entries:
            entries[key].event_ids.append(ev["id"])
            continue
        entries[key] = TimelineEntry(ev["date"], ev.get("date_precision"), ev["type"], parties, place,
                                     ev["evidence"], [ev["id"]])
    return sorted(entries.values(), key=lambda e: (e.date, e.type))
