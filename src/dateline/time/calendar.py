"""Calendar arithmetic for TIMEX3 values: shifting, resolving and formatting dates.

A resolved calendar reference is a `Point`: a day inside the period plus the
granularity of the period (day, week, month, quarter, half, season, year, decade,
century). "last year" seen on 2018-09-19 is Point(2017-09-19, "year") and formats as
`2017`; "this week" is Point(2018-09-19, "week") and formats as `2018-W38`.

The direction rules are the ones a news reader applies: a weekday or a month named
without a year is the nearest one on the side the tense points to (past tense looks
back, future tense forward), and, with no tense, the nearest one at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from dateline.time.lexicon import FIXED_HOLIDAYS
from dateline.timex3 import SEASON_MONTHS, season_value

#: How to write a Point of each granularity as a TIMEX3 value.
_FORMATS = {
    "day": lambda d: d.isoformat(),
    "week": lambda d: "{:04d}-W{:02d}".format(*d.isocalendar()[:2]),
    "weekend": lambda d: "{:04d}-W{:02d}-WE".format(*d.isocalendar()[:2]),
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "quarter": lambda d: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
    "half": lambda d: f"{d.year:04d}-H{(d.month - 1) // 6 + 1}",
    "year": lambda d: f"{d.year:04d}",
    "decade": lambda d: f"{d.year // 10:03d}",
    "century": lambda d: f"{d.year // 100:02d}",
}

#: How far one step of each unit moves a date.
_STEPS = {
    "day": relativedelta(days=1), "week": relativedelta(weeks=1),
    "weekend": relativedelta(weeks=1), "fortnight": relativedelta(weeks=2),
    "month": relativedelta(months=1), "quarter": relativedelta(months=3),
    "half": relativedelta(months=6), "season": relativedelta(months=3),
    "year": relativedelta(years=1), "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
}

#: The granularity a unit gives a shifted Point ("two weeks ago" is a week).
UNIT_GRANULARITY = {
    "day": "day", "week": "week", "weekend": "weekend", "fortnight": "week", "month": "month",
    "quarter": "quarter", "half": "half", "year": "year", "decade": "decade",
    "century": "century",
}


# Movable holidays: a function of the year.
_MOVABLE = {
    "easter": easter, "easter sunday": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 1, -1),
    # US Election Day: the Tuesday after the first Monday of November.
    "election day": lambda y: nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
}


@dataclass(frozen=True)
class Point:
    """A calendar period: a day inside it and its granularity; `season` for seasons."""

    day: dt.date
    granularity: str
    season: str | None = None

    @property
    def value(self) -> str:
        """The TIMEX3 value of the period (`2018-09-17`, `2018-W38`, `2018-SU`, `201`)."""
        if self.granularity == "season":  # the convention for winters lives in dateline.timex3
            return season_value(self.day)
        return _FORMATS[self.granularity](self.day)


def shift(day: dt.date, unit: str, steps: int) -> dt.date:
    """`day` moved by `steps` units (negative moves back); month ends are clamped."""
    return day + _STEPS[unit] * steps


def season_point(day: dt.date, season: str | None = None) -> Point:
    """The season containing `day`, or the named `season` of `day`'s year."""
    if season is None:
        return Point(day, "season", season_value(day)[-2:])
    middle_month = SEASON_MONTHS[season][1]
    return Point(day.replace(month=middle_month, day=15), "season", season)


_SEASON_ORDER = ("WI", "SP", "SU", "FA")


def season_near(dct: dt.date, season: str, direction: int, strict: bool = False) -> Point:
    """The named season next to dct: the latest one before (direction < 0), the next
    one after (> 0), or this year's (0; for winter, the one whose January is nearest).
    The current season itself counts unless `strict` ("last summer" said in summer is
    the year before). Seasons are 3-month blocks, so steps are whole months."""
    current = season_point(dct)
    if current.season == season and not strict:
        return current
    if direction < 0:
        steps = (_SEASON_ORDER.index(current.season) - _SEASON_ORDER.index(season)) % 4 or 4
        return season_point(dct.replace(day=1) - relativedelta(months=3 * steps))
    if direction > 0:
        steps = (_SEASON_ORDER.index(season) - _SEASON_ORDER.index(current.season)) % 4 or 4
        return season_point(dct.replace(day=1) + relativedelta(months=3 * steps))
    if season == "WI":  # a winter spans two years: "this winter" said from July on is the coming one
        return season_point(dct + relativedelta(months=6), season)
    return season_point(dct, season)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO `weekday` of a month (n = -1 for the last): US movable holidays."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a holiday (lowercase name, as in `lexicon`) in `year`, else None."""
    if name in FIXED_HOLIDAYS:
        return safe_date(year, *FIXED_HOLIDAYS[name])
    rule = _MOVABLE.get(name)
    return rule(year) if rule else None


def resolve_weekday(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ISO `weekday` next to the article date `dct`.

    direction < 0: the most recent one on or before dct; > 0: the next one on or after;
    0 (no tense): the article's own day if it matches, else the most recent one,
    because news mostly reports what already happened.
    """
    back = (dct.isoweekday() - weekday) % 7
    if direction > 0:
        return dct + dt.timedelta(days=(weekday - dct.isoweekday()) % 7)
    return dct - dt.timedelta(days=back)


#: A date this close to the article date is read as the nearest one whatever the tense:
#: "was postponed until Nov. 10" written on Nov. 2 means this Nov. 10.
NEAR_DAYS = 45


def resolve_year_for(dct: dt.date, month: int, day: int | None, direction: int) -> int | None:
    """The year of a month (and day) written without one, seen from the article date.

    Past tense picks the latest such date not after dct, future tense the earliest not
    before it, no tense the nearest one; a date within NEAR_DAYS of dct is always the
    nearest one. Returns None for impossible dates (Feb 30).
    """
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        probe = safe_date(year, month, day or 1)
        if probe is None:
            if day == 29 and month == 2:
                continue
            return None
        candidates.append((year, probe if day else _month_span(probe, dct)))
    if not candidates:
        return None
    nearest = min(candidates, key=lambda yp: abs((yp[1] - dct).days))
    if direction == 0 or abs((nearest[1] - dct).days) <= NEAR_DAYS:
        return nearest[0]
    if direction < 0:
        return max(y for y, p in candidates if p <= dct)
    return min(y for y, p in candidates if p >= dct)


def _month_span(first: dt.date, dct: dt.date) -> dt.date:
    """The day of the month starting at `first` that is closest to dct (for whole months)."""
    last = first + relativedelta(months=1, days=-1)
    return min(max(dct, first), last)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """dt.date(year, month, day), or None for a date that does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def expand_two_digit_year(yy: int, dct: dt.date) -> int:
    """A two-digit year ('98) read as the year nearest the article date, leaning back."""
    year = dct.year - dct.year % 100 + yy
    if year > dct.year + 20:
        year -= 100
    elif year < dct.year - 79:
        year += 100
    return year


def year_with_weekday(dct: dt.date, month: int, day: int, weekday: int) -> int | None:
    """The year near dct in which month/day falls on `weekday` ("Monday, Oct. 26")."""
    for year in (dct.year, dct.year - 1, dct.year + 1):
        found = safe_date(year, month, day)
        if found and found.isoweekday() == weekday:
            return year
    return None
