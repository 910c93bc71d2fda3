"""Article dates as the world writes them: the one date parser every reader uses.

Feeds and scrapes date articles as ISO dates or datetimes (`2016-11-23T16:58:00Z`),
RSS/RFC 2822 `pubDate`s (`Wed, 23 Nov 2016 16:58:00 -0500`) or written forms
(`24 November 2016`, `Wed Nov 23, 2016 | 4:58pm EST`). `parse_article_date` reads all
of them with python-dateutil and returns the calendar date *as written*: a time with an
offset is not converted to UTC, because the article was published on the day its own
clock says.

It refuses what it would otherwise have to guess:

* a date missing its day or year (`November 2016`): dateutil would fill the gap from
  today, silently dating the article wrongly;
* a numeric date that reads two ways (`03/04/2016`): the caller says which order with
  `date_order` (`--dayfirst` / `--monthfirst` on the command line). A value starting
  with a four-digit year is always year-month-day, and one that is valid only one way
  (`13/04/2016`) needs no order.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from dateutil import parser as dateutil_parser

from dateline.read.base import ReadError

DateOrder = Literal["dayfirst", "monthfirst"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dayfirst", "monthfirst")

# Two defaults that differ in year, month and day: a field that comes out different under
# them was missing from the value. Both years are leap years and both months have 31 days,
# so a value giving only "29 February" or "31" is reported as partial, not as invalid.
_DEFAULT_A = dt.datetime(4, 1, 1)
_DEFAULT_B = dt.datetime(8, 3, 2)
# Separators news sites put between the date and the time that dateutil does not know.
_SEPARATORS = re.compile(r"\s*[|•·]\s*")
_YEAR_FIRST = re.compile(r"\A\d{4}(?!\d)")
# Date-shaped runs in a file or folder name: ISO (2011-04-21, 2011-04-21T10:00) or
# day/month-year with dashes or dots (21-04-2011, 21.04.2011), which may need an order.
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{4})(?!\d)")

FORMS_HINT = ("an ISO date (2016-11-23), an RSS/RFC 2822 date (Wed, 23 Nov 2016 16:58:00 -0500) "
              "or a written date (23 November 2016)")


class DateError(ReadError):
    """An article date dateline will not use; `kind` is bad, partial, invalid or ambiguous."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind


def parse_article_date(raw: str, date_order: DateOrder | None = None, what: str = "date") -> dt.date:
    """The calendar date of `raw` as written, or a DateError naming the value and the fix.

    `date_order` decides numeric dates that read two ways (`03/04/2016`); without it they
    are refused. `what` names the value in messages ("date", "time", "page date").
    """
    if date_order is not None and date_order not in DATE_ORDERS:
        raise ValueError(f"date_order must be one of {DATE_ORDERS}, not {date_order!r}")
    value = _SEPARATORS.sub(" ", raw.strip())
    if not value:
        raise DateError("bad", f"bad {what}: the value is empty; give {FORMS_HINT}")
    if _YEAR_FIRST.match(value):
        return _complete_date(value, raw, what, yearfirst=True, dayfirst=False)
    month_first = _complete_date(value, raw, what, yearfirst=False, dayfirst=False)
    day_first = _complete_date(value, raw, what, yearfirst=False, dayfirst=True)
    if month_first == day_first:
        return month_first
    if date_order is None:
        raise DateError(
            "ambiguous",
            f"ambiguous {what}: {raw.strip()!r} is {_spell(month_first)} read month first and "
            f"{_spell(day_first)} read day first; pass --dayfirst or --monthfirst "
            "(date_order= in the library) to say which",
        )
    return day_first if date_order == "dayfirst" else month_first


def _complete_date(value: str, raw: str, what: str, *, yearfirst: bool, dayfirst: bool) -> dt.date:
    """Parse one reading of `value`, refusing it unless it names a year, a month and a day."""
    readings = []
    for default in (_DEFAULT_A, _DEFAULT_B):
        try:
            parsed = dateutil_parser.parse(value, default=default, yearfirst=yearfirst, dayfirst=dayfirst,
                                           ignoretz=True)
        except (dateutil_parser.ParserError, OverflowError, ValueError) as exc:
            raise _unreadable(raw, what, exc) from None
        readings.append(parsed.date())
    first, second = readings
    missing = [name for name in ("year", "month", "day") if getattr(first, name) != getattr(second, name)]
    if missing:
        raise DateError(
            "partial",
            f"partial {what}: {raw.strip()!r} has no {' or '.join(missing)}; give a full date such as "
            "2016-11-23 (dateline will not guess the missing part)",
        )
    return first


def _unreadable(raw: str, what: str, exc: Exception) -> DateError:
    """The error for a value dateutil could not turn into a date: not a date, or a date that does not exist."""
    # dateutil raises ParserError from the ValueError of datetime() when the fields are read but no such day exists.
    if isinstance(exc.__cause__, ValueError):
        return DateError("invalid", f"invalid {what}: {raw.strip()} does not exist ({exc.__cause__})")
    return DateError("bad", f"bad {what}: {raw.strip()[:60]!r} is not a date dateline can read; give {FORMS_HINT}")


def _spell(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def date_from_path(path: Path | None, date_order: DateOrder | None = None) -> tuple[dt.date, str] | None:
    """The date in a path such as `InputDocs/2011-04-21/50.htm.txt`, and the text it was read from.

    The last date-shaped run in the path wins (the file's own date beats its folder's);
    runs that are not real dates (`2011-99-99`) are passed over, but an ambiguous one
    (`03-04-2011`) raises a DateError naming `--dayfirst`/`--monthfirst`, as in every reader.
    """
    if path is None:
        return None
    runs = [m[1] for part in path.parts for m in _DATE_IN_NAME.finditer(part)]
    for run in reversed(runs):
        try:
            return parse_article_date(run, date_order, what="date in the path"), run
        except DateError as err:
            if err.kind == "ambiguous":
                raise
    return None
