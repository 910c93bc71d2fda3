"""The year of a dated narration: days written without a year that continue a story told in another year.

A text that tells an earlier story day by day writes the year on its first date and leaves it off the days
that follow: "The ferry has not sailed since March 1, 2011. On March 6, its owners sold the engines ... On
March 20, the crew left the port." Read on its own, "March 20" on a page dated 2 March 2012 is the nearest
such day (`calendar.resolve_year_for`), two weeks ahead, and a past act on it even makes that the day the
text was written (`writing_day`), so every weekday of the page moves with it.

A day without a year takes the year of the dated day the story last named when it follows it closely
(within `MAX_SENTENCES` sentences; `MAX_CHARS` characters without a parse), falls on or after that day in
its year (the story goes on; "September 9, 2010 ... the March 5 vote" is another story), and not after
the article date (a narration tells what happened; a date to come keeps its nearest reading). A day so read
anchors the next one ("On March 6 ... On March 20"). The thread breaks at any other day or month the
text names in another year ("On Tuesday ..."), or a weekday-led date, whose weekday fixes its year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dateline.time.calendar import Point, safe_date
from dateline.time.rules import MONTH_DAY_RULES, Reading, date_reading

#: How many sentences after the dated day a year-less day may come and still continue its story.
MAX_SENTENCES = 2
#: The same reach in characters, for text read without a parse.
MAX_CHARS = 400
#: Granularities that name a day or month of a story (a year alone names no day to go on from).
_STORY_GRANULARITIES = frozenset({"day", "month"})


@dataclass
class _Anchor:
    day: dt.date
    end: int  # character offset where the dated expression ends
    sentence: int | None  # the first token of its sentence in the parse, when there is one


class NarratedYear:
    """Follows the dated days of one text in order and reads year-less days in their story's year."""

    def __init__(self, dct: dt.date, parsed: Any = None) -> None:
        self.dct, self.parsed = dct, parsed
        self.anchor: _Anchor | None = None

    def read(self, cand: Any, reading: Reading, span: Any | None, direction: int) -> Reading:
        """`reading` of a candidate match (`tag.Candidate`, in the parse as `span`, in a clause of tense
        `direction`), moved to the year of the story it continues; notes the dated days it meets."""
        point = reading.point
        if point is None or reading.derived or point.granularity not in _STORY_GRANULARITIES:
            return reading
        sentence = span.sent.start if span is not None else None
        groups = cand.match.groupdict()
        if groups.get("year"):
            # Only a dated day starts a story told day by day; a month ("the pact ended the June 2008 blockade")
            # names a period the text may leave in its next sentence ("the rebels cut the road on June 9").
            self.anchor = _Anchor(point.day, cand.end, sentence) if point.granularity == "day" else None
            return reading
        continues = cand.rule.name in MONTH_DAY_RULES and point.granularity == "day" and not groups.get("wd")
        # A clause that looks ahead ("the hearing is set for February 20") sets a date to come, not the story's.
        moved = self._continued(point.day, cand.start, sentence) if continues and direction <= 0 else None
        if moved is not None:
            self.anchor = _Anchor(moved, cand.end, sentence)
            return date_reading(Point(moved, "day"), reading.mod)
        if self.anchor is not None and point.day.year != self.anchor.day.year:
            self.anchor = None  # the text has moved to another time: the story's year no longer holds
        return reading

    def _continued(self, day: dt.date, start: int, sentence: int | None) -> dt.date | None:
        """`day` in the year of the story it follows closely, when that differs and keeps the story in order."""
        anchor = self.anchor
        if anchor is None or anchor.day.year == day.year or not self._close(anchor, start, sentence):
            return None
        moved = safe_date(anchor.day.year, day.month, day.day)
        return moved if moved is not None and anchor.day <= moved <= self.dct else None

    def _close(self, anchor: _Anchor, start: int, sentence: int | None) -> bool:
        """True when `start` (in the sentence that begins at token `sentence`) is at most MAX_SENTENCES
        sentences after the anchor, counted in the parse, else within MAX_CHARS characters of it."""
        if sentence is None or anchor.sentence is None or self.parsed is None:
            return 0 <= start - anchor.end <= MAX_CHARS
        if sentence < anchor.sentence:
            return False
        starts = 0
        for token in self.parsed[anchor.sentence + 1:sentence + 1]:
            starts += token.is_sent_start
            if starts > MAX_SENTENCES:
                return False
        return True
