"""The days a page's own stamps name, and the writing day they show.

A live page stamps each entry with when it was written ("(Update 6:05 a.m. Friday in Nairobi, 11:05 p.m.
ET Thursday)", "Updated 9:27 a.m. ET, Tue May 10"); the story stage marks such stamps as `timestamp`
spans. Two things follow, both read here:

* **A stamp's weekday is the nearest such day to the article date**, before or after it. A stamp has no
  tense: the grammar's default for a bare weekday (the most recent one, as news tells what happened) puts
  "Thursday" in a stamp of a page dated Tuesday a week back, where the page was in fact written two days on
  (a feed or crawl dates a live page by the day it opened).
* **The latest day a stamp names after the article date is the day the text was written** (within
  `MAX_LAG_DAYS`, as a narrated day is: `writing_day`), so the entries' own "Wednesday night" and "early
  Thursday" are read from it, and the dater bounds acts no time dates by it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterable

from dateline.model import Document, ExcludedSpan, Timex
from dateline.time.lexicon import MONTHS, WEEKDAYS
from dateline.time.writing_day import MAX_LAG_DAYS
from dateline.timex3 import interval

#: The place or zone a stamp's clock time is told in: the word after it ("5:16 a.m. Thursday in Cairo", "11:30
#: p.m. ET"), past a weekday the timex left out and an "in".
_ZONE_AFTER = re.compile(r"[^\w\n]*(?:in\s+)?(?P<zone>[A-Z][A-Za-z]*)")
#: The clock part of a TIME value.
_CLOCK_VALUE = re.compile(r"T(?P<h>\d{2}):(?P<m>\d{2})")


def read_stamp_days(timexes: list[Timex], doc: Document, read_from: dt.date | None = None) -> list[Timex]:
    """`timexes` (of `doc`'s text) with each weekday inside a page stamp valued as the nearest such day to the
    article date, and each clock time alone in a stamp ("(Update 9:40 p.m. in Nairobi, 2:40 p.m. ET)") given its
    entry's day (`_entry_days`), else the day the page is read from (`read_from`, by default the article date):
    the grammar lends a lone clock time the day of some other timex nearby, which for a stamp is another entry's,
    not its own."""
    stamps, article_date = _stamps(doc.excluded), doc.article.date
    if not stamps:
        return timexes
    read = [_nearest_weekday(t, article_date) if _stamp_of(t, stamps) else t for t in timexes]
    days = _entry_days(read, stamps, doc.article.text)
    return [_on_day(t, days.get(stamp, read_from or article_date))
            if (stamp := _stamp_of(t, stamps)) is not None and t.type == "TIME" and not _names_day(t) else t
            for t in read]


def entries(doc: Document) -> list[tuple[int, int, dt.date]]:
    """The entries of a live page, (start, end, day): each runs from its stamp to the next stamp (the last to
    the end of the text) and was written on its stamp's day (read from `doc.timexes`). A page with fewer than
    two stamps has none: one "Updated ..." line says when the page last changed, not when its text was
    written."""
    stamps = _stamps(doc.excluded)
    if len(stamps) < 2:
        return []
    days = _entry_days(doc.timexes, stamps, doc.article.text)
    ends = [start for start, _ in stamps[1:]] + [len(doc.article.text)]
    return [(stamp[0], end, days[stamp]) for stamp, end in zip(stamps, ends, strict=True) if stamp in days]


def _stamps(excluded: Iterable[ExcludedSpan]) -> list[tuple[int, int]]:
    return sorted((s.start, s.end) for s in excluded if s.kind == "timestamp")


def _entry_days(timexes: list[Timex], stamps: list[tuple[int, int]], text: str) -> dict[tuple[int, int], dt.date]:
    """The day each stamp was written on: the day it names (its first timex that names one), else the day
    of the nearest stamp that names one, carried through the stamps between by their clock times. A live
    page lists its entries newest first (or oldest first: the order most of its clock times follow), so a
    clock time that goes up from one stamp to the next down a newest-first page has passed back over a
    midnight ("12:16 a.m. Thursday in Cairo", then "11:58 p.m. in Cairo" is Wednesday's). The carry over a
    midnight is made only between clock times of the same zone: "5:16 a.m. Thursday in Cairo" then "11:30
    p.m. ET" is no midnight, and there the carry stops; a stamp whose day is not known is read as the rest of
    the page is."""
    named: dict[tuple[int, int], dt.date] = {}
    clocks: dict[tuple[int, int], tuple[int, str]] = {}
    for timex in timexes:
        stamp = _stamp_of(timex, stamps)
        if stamp is None:
            continue
        if stamp not in named and (day := _named_day(timex)) is not None:
            named[stamp] = day
        if stamp not in clocks and (minutes := _clock_minutes(timex)) is not None:
            zone = _ZONE_AFTER.match(text, timex.end, stamp[1])
            clocks[stamp] = (minutes, zone["zone"] if zone else "")
    pairs = [(clocks[a][0], clocks[b][0]) for a, b in itertools.pairwise(stamps) if a in clocks and b in clocks]
    newest_first = sum(x > y for x, y in pairs) >= sum(x < y for x, y in pairs)
    days = dict(named)
    for order, down in ((stamps, True), (stamps[::-1], False)):
        for known, stamp in itertools.pairwise(order):
            if stamp in days or known not in days or known not in clocks or stamp not in clocks:
                continue
            (was, zone), (now, its_zone) = clocks[known], clocks[stamp]
            newer = down != newest_first
            if (now >= was) if newer else (now <= was):
                days[stamp] = days[known]
            elif zone and zone == its_zone:  # past a midnight, one way or the other
                days[stamp] = days[known] + dt.timedelta(days=1 if newer else -1)
    return days


def _clock_minutes(timex: Timex) -> int | None:
    """Minutes after midnight of a clock time's value ("2011-02-03T05:16" -> 316), else None."""
    match = _CLOCK_VALUE.search(timex.value) if timex.type == "TIME" else None
    return int(match["h"]) * 60 + int(match["m"]) if match else None


def stamped_writing_day(timexes: Iterable[Timex], excluded: Iterable[ExcludedSpan],
                        article_date: dt.date) -> dt.date | None:
    """The latest day a page stamp names after `article_date` (by at most MAX_LAG_DAYS), else None. Only
    a weekday or a written date names a day; a clock time alone does not."""
    stamps = _stamps(excluded)
    days = [day for t in timexes if _stamp_of(t, stamps) is not None and (day := _named_day(t)) is not None
            and article_date < day <= article_date + dt.timedelta(days=MAX_LAG_DAYS)]
    return max(days, default=None)


def _stamp_of(timex: Timex, stamps: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The stamp (start, end) that holds the timex, or None."""
    return next(((a, b) for a, b in stamps if a <= timex.start < b), None)


def _words(timex: Timex) -> list[str]:
    return [w.strip(".,").lower() for w in timex.text.split()]


def _names_day(timex: Timex) -> bool:
    """True when the timex's own words name its day: a weekday or a month."""
    return any(w in WEEKDAYS or w in MONTHS for w in _words(timex))


def _named_day(timex: Timex) -> dt.date | None:
    """The one day a timex that names its day stands for, else None."""
    if timex.type not in ("DATE", "TIME") or not _names_day(timex):
        return None
    span = interval(timex.value)
    return span.first if span is not None and span.first == span.last else None


def _on_day(timex: Timex, day: dt.date) -> Timex:
    """A clock time's value moved to `day` ("2011-02-08T21:08" -> "2011-02-01T21:08")."""
    try:
        dt.date.fromisoformat(timex.value[:10])
    except ValueError:
        return timex
    if timex.value[:10] == day.isoformat():
        return timex
    return dataclasses.replace(timex, value=day.isoformat() + timex.value[10:])


def _nearest_weekday(timex: Timex, article_date: dt.date) -> Timex:
    """A stamp's weekday ("Thursday", "5:16 a.m. Thursday") moved to the nearest such day to the article
    date; a timex that names its month, or no weekday, is left as read."""
    words = _words(timex)
    weekdays = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
    if len(weekdays) != 1 or any(w in MONTHS for w in words) or timex.type not in ("DATE", "TIME"):
        return timex
    try:
        read = dt.date.fromisoformat(timex.value[:10])
    except ValueError:
        return timex
    ahead = (weekdays[0] - article_date.isoweekday()) % 7
    nearest = article_date + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    return timex if nearest == read else _on_day(timex, nearest)
