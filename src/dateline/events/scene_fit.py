"""Whether the story's scene fits an event that states no place of its own: the act that set the
scene and the event must be of days that can meet, and of the same kind (talks or acts in the field).
Read by `events.locate`; it reads the events coded so far and their dates only.
"""

from __future__ import annotations

from dateline.events.dating import speech_day
from dateline.events.dating_present import dated_by_present
from dateline.events.place_links import TALK_TYPES
from dateline.model import Document, Event
from dateline.timex3 import interval

#: Date relations that leave a date open before it: the act happened by that day.
OPEN_BEFORE_MODS = frozenset({"BEFORE", "ON_OR_BEFORE"})
#: How many days from the article date an act may be to be of the story's present (a week).
PRESENT_DAYS = 7


def same_kind(scene_event: Event | None, event_type: str | None) -> bool:
    """False when talks set the scene for an act in the field: a meeting's venue ("the previous meeting
    in Tehran") is not where the strikes and sieges of the story are. Talks take no town from the scene
    at all: each meeting is held at the venue it names, an earlier one's venue is another occasion's ("an
    earlier round in May at a different venue", "following discussions back and forth" after a
    meeting in Washington), and the same meeting named again is joined to it by the grouping stage.
    (A country holds every venue and field, so a scene at country level is not asked.)"""
    if event_type in TALK_TYPES:
        return False
    return scene_event is None or scene_event.type not in TALK_TYPES


def same_time(doc: Document, scene_event: Event | None, date: str | None) -> bool:
    """False when the act that set the scene and the event are dated to days that do not meet
    ("ministers met in Geneva on 11 March", then "in February, police arrested forty activists"):
    a place goes with its time, and an act of another time is of another scene. A scene whose
    time is not known (its act is no coded event, or is dated only "on or before" a day) is the
    scene of the story's present: it serves only an event of the present (`of_the_present`), not
    "the bombing of May 2" two months before ("bombings go on in Somalia ... like the one that hit
    this city on May 2"). A scene set by a clause told in the present ("That is what they are
    marching against in Lima", dated by `dating_present`) is the story's present too: its day
    is the day the text speaks from, which says when the text was written, not that what it
    tells happened on that day and no other. The event given the day the article was written,
    the dater's default, may lie any time before that day."""
    there = interval(scene_event.date) if scene_event is not None and scene_event.date else None
    if there is None or scene_event.date_mod in OPEN_BEFORE_MODS or dated_by_present(scene_event.date_basis):
        return of_the_present(doc, date)
    here = interval(date) if date else None
    if here is None:
        return True
    here_from = None if date == speech_day(doc).isoformat() else here.first
    return (here_from is None or here_from <= there.last) and there.first <= here.last


def of_the_present(doc: Document, date: str | None) -> bool:
    """True when the event happened about when the article was written (within `PRESENT_DAYS`),
    or no date says otherwise: a reporter's town is not where a sentence handed down years ago was."""
    span = interval(date) if date else None
    return span is None or abs((span.last - doc.article.date).days) <= PRESENT_DAYS
