"""The days a report may share with another: the date spans cross-article merging compares.

A report's `date_span` is the interval its TIMEX3 value names (`dateline.timex3.interval`), widened by its
`date_mod` and by a day of slack for day and week values; an undated report lies in the week up to its article's
date. Its `merge_span` is that span with an open or missing start reaching `BACKGROUND_DAYS` back (a retelling
weeks on), or None when the span is too long to tell one happening from another (a decade, "in the past"). Kept
apart from the rules that compare two reports (`dateline.merge.rules`), which read these spans; the store's
candidate index (`dateline.store.rows`) is keyed by them.
"""

from __future__ import annotations

import datetime as dt
import functools

from dateline.model import Event
from dateline.timex3 import Interval, interval

#: Days two date spans may lie apart, by precision: reports of one day disagree by a day (time
#: zones, "yesterday" read from a late edition); coarser values are already wide.
DATE_SLACK_DAYS = {"time": 1, "part_of_day": 1, "day": 1, "week": 1}
#: How far back an open span ("before 2018-09-19", "by Monday") reaches: news tells what is recent
#: (the same week as an undated event; a month joined reports of different days of one protest wave).
OPEN_SPAN_DAYS = 7
#: An undated event is taken to lie in this many days up to its article's date.
UNDATED_DAYS = 7
#: Date spans kept read (`_span`): the pairs one article's grouping compares share a few values, and a merge reads a
#: stored event's span once (its report is kept). Keyed by the article's date too, so entries grow with the days a
#: run covers: at the old bound of 65,536 (~370 bytes each) they came to ~23 MB in a bulk parent past ~34,000
#: articles; a span read again costs ~6 µs (sixteenth session, parentmem).
SPAN_CACHE = 8192
#: How far back a report whose text gives only an upper bound (an undated event, "by Monday") may still tell a
#: happening as background ("the explosion that killed 11 workers", five weeks on; a page's list of stories
#: carried for a fortnight). Such pairs are candidates and do not conflict, but the link model weighs that they
#: meet only through this reach (the link feature `reaches_back`), so they need more in common than reports of one week.
BACKGROUND_DAYS = 42
#: How many days apart two articles may print one sentence (`copied`) and still be compared whatever their dates say:
#: a page's list of stories carries a headline for days to weeks, as far as a background retelling reaches.
COPY_DAYS = BACKGROUND_DAYS
#: Events whose span is longer (a decade, PAST_REF) are too vague to merge; a year with its slack fits.
MAX_MERGE_SPAN_DAYS = 366 + 2 * OPEN_SPAN_DAYS


#: A day a report's text gives this many days or more before its article is background, not the article's news.
PAST_DAYS = 3


def past_day(event: Event) -> int | None:
    """The day (as an ordinal) an event's text dates it to, when that day lies `PAST_DAYS` or more before its article:
    a happening retold as background with its date ("the mine collapsed on June 3, killing 14 miners", weeks on),
    the class of the same pairs the merge kept apart most (eleventh to thirteenth sessions). None for an event its
    text does not date to a day (no value, a `date_mod` bound, a coarser precision) or dates to its article's days."""
    if not event.date or event.date_mod or event.date_precision != "day" or event.article_date is None:
        return None
    try:
        day = dt.date.fromisoformat(event.date[:10])
    except ValueError:
        return None
    return day.toordinal() if (event.article_date - day).days >= PAST_DAYS else None


def date_span(event: Event, reference: dt.date | None = None) -> Interval | None:
    """The days an event may have happened on: its date's interval, widened by `date_mod` and precision slack.

    `reference` is the article date (default: the event's own `article_date`); an undated event lies
    in the days up to it. None only for an event with neither a calendar date nor a reference.
    """
    return _span(event.date, event.date_mod, event.date_precision, reference or event.article_date, OPEN_SPAN_DAYS)


@functools.lru_cache(maxsize=SPAN_CACHE)
def _span(date: str | None, date_mod: str | None, precision: str | None, reference: dt.date | None,
          reach: int) -> Interval | None:
    """`date_span` of these values, an open or missing start reaching `reach` days back (cached: a merge compares
    each event with many)."""
    span = interval(date, reference) if date else None
    if span is None:
        return Interval(reference - dt.timedelta(days=max(reach, UNDATED_DAYS)), reference) if reference else None
    first, last = span.first, span.last
    if date_mod in ("BEFORE", "ON_OR_BEFORE"):
        first = _shift(first, -reach)
    elif date_mod == "AFTER":
        last = _shift(last, OPEN_SPAN_DAYS)
    # widened at its end only: two spans widened so overlap when their days are at most `slack` apart
    return Interval(first, _shift(last, DATE_SLACK_DAYS.get(precision or "", 0)))


def _shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held inside the calendar (PAST_REF starts at its first day)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


def merge_span(event: Event, reference: dt.date | None = None) -> Interval | None:
    """The days a report of the event may share with another: its `date_span` with an open or missing start
    reaching `BACKGROUND_DAYS` back; None when its own span is too long to be told apart from others (a decade, "in
    the past"): such events are never merged, and never slow the candidate search."""
    return merge_span_of(event.date, event.date_mod, event.date_precision, reference or event.article_date)


def merge_span_of(date: str | None, date_mod: str | None, precision: str | None,
                  reference: dt.date | None) -> Interval | None:
    """`merge_span` of an event with these date fields, reported on `reference` (for stored rows)."""
    span = _span(date, date_mod, precision, reference, OPEN_SPAN_DAYS)
    if span is None or (span.last - span.first).days > MAX_MERGE_SPAN_DAYS:
        return None
    return _span(date, date_mod, precision, reference, BACKGROUND_DAYS)


__all__ = ["BACKGROUND_DAYS", "COPY_DAYS", "DATE_SLACK_DAYS", "MAX_MERGE_SPAN_DAYS", "OPEN_SPAN_DAYS", "PAST_DAYS",
           "UNDATED_DAYS", "date_span", "merge_span", "merge_span_of", "past_day"]
