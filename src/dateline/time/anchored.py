"""Days named by their place in the story: a day counted from a named day ("the day before last
Tuesday's hearing", "the day after Christmas"), and "day" said of the day itself ("it was a great day",
"today is the eighth day of the operation").

The grammar reads "last Tuesday" and "Christmas" on their own; "the day before" or "the day after"
right before them moves the date by one day and joins the expression, as TimeML annotates it (AQUAINT:
"The day before last Tuesday's council vote" is one TIMEX3, the Monday). A counted duration
("two days after Christmas", "eight trading days after Oct. 12") stays a DURATION of its own beside the
date, as TimeML writes it. Only a day can be counted from: "the day after March" names no day.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.calendar import Point
from dateline.time.rules import Context, Reading, Rule, compile_rule, date_reading

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
    try:
        day = point.day + step
    except OverflowError:  # the day after 9999-12-31: leave the expression as it is
        return start, reading
    return found.start(), date_reading(Point(day, "day"), reading.mod)


#: The subject and copula before a day said of the day itself: "it was ", "today is ", "It's ``".
_DAY_SUBJECT = re.compile(r"\b(?:it|today|this)(?:\s+(?:is|was)|['’]s)\s+(?:``|[\"'‘“])?$", re.IGNORECASE)


def _the_day_itself(m: re.Match, ctx: Context) -> Reading | None:
    """"It was a great day", "today is the fifth day of the strike", "It's the third day of the
    siege": the day the clause speaks of, the day under discussion in a past clause, else the
    article's day. Without "it", "today" or "this" before the copula, "a day" is no date."""
    if _DAY_SUBJECT.search(m.string, max(0, m.start() - 16), m.start()) is None:
        return None
    ref = ctx.reference
    past_day = ctx.direction < 0 and ref is not None and ref.granularity == "day" and ref.day <= ctx.dct
    reading = date_reading(Point(ref.day if past_day else ctx.dct, "day"))
    reading.derived = True
    return reading


ANCHORED_RULES: tuple[Rule, ...] = (
    compile_rule("day_itself", r"\b(?:an?|the)\s+(?:[a-z]+\s+){0,2}?day\b(?!s|\s+(?:before|after)\b)",
                 _the_day_itself),
)
