"""A day counted from a named day: "the day before last Tuesday's hearing", "the day after Christmas".

The grammar reads "last Tuesday" and "Christmas" on their own; "the day before" or "the day after"
right before them moves the date by one day and joins the expression, as TimeML annotates it (AQUAINT:
"The day before last Tuesday's federal court hearing" is one TIMEX3, the Monday). A counted duration
("two days after Christmas", "eight trading days after Oct. 12") stays a DURATION of its own beside the
date, as TimeML writes it. Only a day can be counted from: "the day after March" names no day.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.calendar import Point
from dateline.time.rules import Reading, date_reading

#: "the day before " / "the day after " right before a day's expression.
_THE_DAY = re.compile(r"\bthe\s+day\s+(?P<way>before|after)\s+$", re.IGNORECASE)


def counted_from(text: str, start: int, floor: int, reading: Reading) -> tuple[int, Reading]:
    """The start and reading of a day's expression grown over "the day before/after" in front of it
    ("the day before" + "last Tuesday" = the Monday), or `start` and `reading` unchanged when no such
    words precede it or the expression is not one day. `floor` is where the previous expression ends."""
    point = reading.point
    if point is None or point.granularity != "day" or reading.type != "DATE":
        return start, reading
    found = _THE_DAY.search(text, max(floor, start - 24), start)
    if found is None:
        return start, reading
    step = dt.timedelta(days=1 if found["way"].lower() == "after" else -1)
    return found.start(), date_reading(Point(point.day + step, "day"), reading.mod)
