"""Days that borrow their month from a date next to them: "April 24 and 25", "24 and 25 April",
"March 3 to 5", "Oct. 5-7".

A bare number is not a date on its own, so the grammar's rules leave "25" in "April 24 and
25" alone; yet it names April 25 as plainly as "April 24" names its day. These spans are
found around a date of day granularity that was written with its month ("April 24",
"24 April"), and only when the bare number is a later day of the same month (which rules
out "April 24 and 5 others") and is not followed by a noun it would count ("March 5 and 6
people", "May 3 and 10 percent"): after it may come only punctuation, the end of the
text, or a function word.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from dateline.time.calendar import safe_date

_JOINER = r"(?:\s+(?:and|or|to|through|till|until|&)\s+|\s*[-–]\s*)"
_BARE_DAY = r"(?P<word>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)"
#: What may follow the borrowed day: punctuation, the end, or a word that cannot be counted.
_AFTER = (r"(?=\s*(?:[,.;:!?)\"'”’]|$)|\s+(?:and|or|in|at|on|to|through|when|while|with|for|the|as|after|"
          r"before|of|from|until|by|during|but|this|last|next)\b)")
_DAY_AFTER = re.compile(rf"{_JOINER}{_BARE_DAY}(?!\d)(?:,?\s+(?P<year>1\d{{3}}|20\d\d)(?!\d))?{_AFTER}",
                        re.IGNORECASE)
_DAY_BEFORE = re.compile(rf"(?<![\w$£€.,/-]){_BARE_DAY}{_JOINER}$", re.IGNORECASE)
#: How far left of a day-first date ("24 and 25 April") a borrowed day may start.
_REACH_LEFT = 16


def coordinated_days(text: str, start: int, end: int, day: dt.date,
                     day_first: bool) -> Iterator[tuple[int, int, dt.date]]:
    """The bare days joined to the date `day` written at text[start:end], as (start, end, date).

    A month-first date ("April 24") lends its month to a later day after it ("and 25"); a
    day-first one ("25 April") to an earlier day before it ("24 and"). A year written after
    the later day ("April 24 and 25, 1999") is that day's (the year keeps its own span).
    """
    if day_first:
        found = _DAY_BEFORE.search(text, max(0, start - _REACH_LEFT), start)
        if found is not None and int(found["day"]) < day.day:
            borrowed = safe_date(day.year, day.month, int(found["day"]))
            if borrowed is not None:
                yield found.start("word"), found.end("word"), borrowed
        return
    found = _DAY_AFTER.match(text, end)
    if found is not None and int(found["day"]) > day.day:
        borrowed = safe_date(int(found["year"] or day.year), day.month, int(found["day"]))
        if borrowed is not None:
            yield found.start("word"), found.end("word"), borrowed
