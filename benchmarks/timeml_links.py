"""TimeML's event-to-time links as a check of event dating: which timex of the text an annotator said an
event happened within (TimeBank and AQUAINT TLINKs in ../shared/data/time-dev).

A TLINK "event IS_INCLUDED in t5" (or "t5 INCLUDES event", DURING, SIMULTANEOUS, IDENTITY) says the event
happened within the period of timex t5. When t5 is a timex of the text (not the document creation time)
with a calendar value, the event dater should date the event within that period: it is an independent
check, by other annotators on other news, of "which timex dates this event". Links to other relations
(BEFORE, AFTER, BEGINS ...) and to durations or sets say no date and are left out.

The text is `timex.py`'s (`timeml_text`: tags stripped, entities left), so the two share a parse cache.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from dateline.timex3 import interval
from timex import timeml_text

_ATTR = re.compile(r'(\w+)="([^"]*)"')
#: Relations that put the event inside the time: (relation read from the event's side, from the time's side).
_WITHIN_FROM_EVENT = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"})
_WITHIN_FROM_TIME = frozenset({"INCLUDES", "DURING", "SIMULTANEOUS", "IDENTITY"})


@dataclass(frozen=True)
class LinkedEvent:
    """An event of the text and the timex an annotator put it within."""

    start: int
    end: int
    word: str
    tense: str
    hypothetical: bool
    timex_start: int
    timex_end: int
    timex_text: str
    value: str


@dataclass
class LinkedDoc:
    """One TimeML document: its text (as `timex.py` reads it), creation day and dated events."""

    name: str
    dct: dt.date
    text: str
    events: list[LinkedEvent]
    corpus: str = ""


def _within_links(raw: str) -> list[tuple[str, str]]:
    """(event instance id, time id) of every TLINK that puts an event within a time."""
    links = []
    for tag in re.finditer(r"<TLINK[^>]*>", raw):
        attrs = dict(_ATTR.findall(tag.group(0)))
        relation = attrs.get("relType", "")
        if "eventInstanceID" in attrs and "relatedToTime" in attrs and relation in _WITHIN_FROM_EVENT:
            links.append((attrs["eventInstanceID"], attrs["relatedToTime"]))
        elif "timeID" in attrs and "relatedToEventInstance" in attrs and relation in _WITHIN_FROM_TIME:
            links.append((attrs["relatedToEventInstance"], attrs["timeID"]))
    return links


def read_linked(path: Path) -> LinkedDoc:
    """The document's text, creation day, and each event linked within a calendar timex of its text."""
    raw = path.read_text(encoding="utf-8")
    dct, text, tagged = timeml_text(raw, frozenset({"EVENT", "TIMEX3"}))
    spans = {attrs.get("eid") or attrs.get("tid", ""): (start, end, attrs) for _, start, end, attrs in tagged}
    instances = {a["eiid"]: a for a in (dict(_ATTR.findall(m.group(0))) for m in re.finditer(r"<MAKEINSTANCE[^>]*>",
                                                                                              raw))}
    events, seen = [], set()
    for eiid, tid in _within_links(raw):
        instance = instances.get(eiid, {})
        event, timex = spans.get(instance.get("eventID", "")), spans.get(tid)
        if event is None or timex is None or timex[2].get("type") not in ("DATE", "TIME"):
            continue
        value = timex[2].get("value", "")
        if interval(value) is None or (event[0], timex[0]) in seen:
            continue
        seen.add((event[0], timex[0]))
        word = text[event[0]:event[1]]
        start = event[0] + len(word) - len(word.lstrip())
        hypothetical = "modality" in instance or instance.get("polarity") == "NEG"
        events.append(LinkedEvent(start, event[1], word.strip(), instance.get("tense", ""), hypothetical,
                                  timex[0], timex[1], text[timex[0]:timex[1]], value))
    return LinkedDoc(path.name, dct, text, events)
