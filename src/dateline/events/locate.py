"""Event location from the places stage (first version: owned by the geo work)."""

from __future__ import annotations

from dateline.model import Document, Location


def locate_event(doc: Document, trigger_i: int) -> Location | None:
    """The place where the event triggered at token `trigger_i` happened, if the sentence says."""
    sent = doc.parsed[trigger_i].sent
    for place in doc.places:
        if sent.start_char <= place.start < sent.end_char:
            return place.as_location()
    return None
