"""TIMEX3 values read in one place: the precision of a value and the days it covers.

The time stage writes TIMEX3 values (`2018-09-17`, `2018-W37`, `2018-WI`, `201`,
`PAST_REF`, `P3M`); everything that reads them back, the event dater, the store's date
filters, timelines, goes through this module, so a value means the same thing everywhere.
It sits beside `model.py`, below the stages and the store, because it is part of the
output contract and both the stages and the store (which may not import a stage) need it.

Conventions (TIMEX3 / TimeML, with the choices TimeML leaves open made explicit):

* An `Interval` is a closed range of days: `first` and `last` are both inclusive.
  A value with a time of day (`2018-09-19T17:00`, `2018-09-16TEV`) covers its day.
* Seasons are meteorological and northern-hemisphere: spring (`SP`) March-May, summer
  (`SU`) June-August, fall (`FA`, also `AU`) September-November, winter (`WI`)
  December-February. A winter spans two years and is named by the year of its January:
  `2018-WI` is 2017-12-01..2018-02-28, the winter an article of 2018-09-19 calls
  "last winter". `season_value` is the one writer of that convention.
* `YYYY-Www-WE` is the Saturday and Sunday of ISO week `ww`; its precision is `week`.
* `YYY` is a decade (`201`: 2010-2019), `YY` a century (`20`: 2000-2099, `18`: the 1800s).
* `PRESENT_REF` is the reference day, `PAST_REF` every day up to and including it,
  `FUTURE_REF` every day from it on; with no reference date they have no interval.
* Durations (`P3M`), sets and anything else give no precision and no interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

#: Granularity of a calendar value, finest first. `time` is a clock time, `part_of_day` a
#: morning, afternoon, evening or night.
Precision = Literal["time", "part_of_day", "day", "week", "month", "season", "quarter", "half", "year",
                    "decade", "century"]
#: How an event relates to its date (TIMEX3 `mod`); None means on or within it.
DateMod = Literal["BEFORE", "ON_OR_BEFORE", "AFTER"]

#: The months of each season (`AU` is TimeML's other spelling of fall); winter starts in
#: the December of the year before its name.
SEASON_MONTHS: dict[str, tuple[int, int, int]] = {
    "SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "AU": (9, 10, 11), "WI": (12, 1, 2),
}
_SEASON_OF_MONTH = {month: code for code, months in SEASON_MONTHS.items() if code != "AU" for month in months}

_YEAR = r"(?P<year>\d{4})"
#: Value shapes, each with the precision it gives; the first that matches the whole value wins.
_SHAPES: tuple[tuple[re.Pattern[str], Precision], ...] = tuple((re.compile(pattern), name) for pattern, name in (
    (rf"{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)T\d\d(?::\d\d){{0,2}}(?:[.,]\d+)?(?:Z|[+-]\d\d(?::?\d\d)?)?", "time"),
    (rf"{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)T(?:MO|MI|AF|EV|NI|DT)", "part_of_day"),
    (rf"{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)", "day"),
    (rf"{_YEAR}-W(?P<week>\d\d)(?P<weekend>-WE)?", "week"),
    (rf"{_YEAR}-(?P<month>\d\d)", "month"),
    (rf"{_YEAR}-(?P<season>SP|SU|FA|AU|WI)", "season"),
    (rf"{_YEAR}-Q(?P<quarter>[1-4])", "quarter"),
    (rf"{_YEAR}-H(?P<half>[12])", "half"),
    (_YEAR, "year"),
    (r"(?P<decade>\d{3})", "decade"),
    (r"(?P<century>\d{2})", "century"),
))
REFERENCES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


@dataclass(frozen=True)
class Interval:
    """The days a value covers, `first` to `last`, both inclusive."""

    first: dt.date
    last: dt.date

    def contains(self, day: dt.date) -> bool:
        """True when `day` lies inside the interval."""
        return self.first <= day <= self.last

    def overlaps(self, since: dt.date | None = None, until: dt.date | None = None) -> bool:
        """True when some day of the interval lies in `since..until` (either end open when None)."""
        return (since is None or self.last >= since) and (until is None or self.first <= until)


def _match(value: str) -> tuple[re.Match[str], Precision] | None:
    for pattern, name in _SHAPES:
        if m := pattern.fullmatch(value):
            return m, name
    return None


def precision(value: str | None) -> Precision | None:
    """The granularity of a calendar value (`2018-W37` -> `week`); None for references,
    durations, sets and anything that is not a calendar value."""
    found = _match(value) if value else None
    return found[1] if found else None


def is_calendar(value: str | None) -> bool:
    """True when a value names a calendar period (a day, week, month ... century)."""
    return precision(value) is not None


def date_part(value: str) -> str:
    """A value without its time of day: `2018-09-16TEV` -> `2018-09-16`; others unchanged."""
    return value[:10] if precision(value) in {"time", "part_of_day"} else value


def interval(value: str | None, reference: dt.date | None = None) -> Interval | None:
    """The days a TIMEX3 value covers, or None when it names no calendar span.

    `reference` (the article date) gives PAST_REF, PRESENT_REF and FUTURE_REF their
    interval; without it they have none. An impossible value (`2018-02-30`, `2018-W54`)
    has none either. A span that runs off the calendar (`9999-W52` ends in the year 10000,
    `0001-WI` starts in the year 0) is cut at its edge, `datetime.date.min`/`max`.
    """
    if value in REFERENCES:
        return _reference_interval(value, reference) if reference else None
    found = _match(value) if value else None
    if found is None:
        return None
    try:
        return _calendar_interval(found[0], found[1])
    except (ValueError, OverflowError):
        return None


def _reference_interval(value: str, reference: dt.date) -> Interval:
    if value == "PAST_REF":
        return Interval(dt.date.min, reference)
    if value == "FUTURE_REF":
        return Interval(reference, dt.date.max)
    return Interval(reference, reference)


def _calendar_interval(m: re.Match[str], name: Precision) -> Interval:
    """The interval of a matched value shape; ValueError for dates that do not exist."""
    parts = m.groupdict()
    if name in {"time", "part_of_day", "day"}:
        day = dt.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        return Interval(day, day)
    if name == "decade":
        first_year = int(parts["decade"]) * 10
        return Interval(dt.date(max(first_year, 1), 1, 1), dt.date(first_year + 9, 12, 31))
    if name == "century":
        first_year = int(parts["century"]) * 100
        return Interval(dt.date(max(first_year, 1), 1, 1), dt.date(first_year + 99, 12, 31))
    year = int(parts["year"])
    if name == "week":
        monday = dt.date.fromisocalendar(year, int(parts["week"]), 1)
        if parts["weekend"]:
            return Interval(_days_after(monday, 5), _days_after(monday, 6))
        return Interval(monday, _days_after(monday, 6))
    if name == "month":
        return _months(year, int(parts["month"]), 1)
    if name == "season":
        first_month = SEASON_MONTHS[parts["season"]][0]
        if first_month == 12 and year == dt.MINYEAR:  # the winter of year 1 began before the calendar
            return Interval(dt.date.min, _months(year, 1, 2).last)
        return _months(year - 1 if first_month == 12 else year, first_month, 3)
    if name == "quarter":
        return _months(year, 3 * int(parts["quarter"]) - 2, 3)
    if name == "half":
        return _months(year, 6 * int(parts["half"]) - 5, 6)
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _days_after(day: dt.date, days: int) -> dt.date:
    """`days` after `day`, stopping at the last day of the calendar (9999-12-31)."""
    return day + dt.timedelta(days=min(days, (dt.date.max - day).days))


def _months(year: int, first_month: int, count: int) -> Interval:
    """`count` whole months starting with `first_month` of `year` (may run into the next year)."""
    last_index = year * 12 + first_month - 1 + count - 1
    last_year, last_month = divmod(last_index, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return Interval(dt.date(year, first_month, 1), dt.date(last_year, last_month + 1, last_day))


def season_value(day: dt.date) -> str:
    """The TIMEX3 value of the season containing `day`: 2017-12-20 -> `2018-WI`, 2018-07-01 -> `2018-SU`."""
    code = _SEASON_OF_MONTH[day.month]
    return f"{day.year + (day.month == 12):04d}-{code}"
