"""Quarters, halves and "the year": the reporting periods of business and economic news.

Earnings stories name a period once ("the third quarter ended Sept. 30") and then refer
back to it ("the quarter", "the latest period", "the year-ago period", "the
corresponding period last year"). These rules resolve such references to the quarter
under discussion (`Context.quarter`: the last quarter the article named), and a
quarter named without a year to the one the tense points to:

* "the fiscal first quarter", reported in October in the past tense, is the first
  quarter of this year (the latest one already begun); with no tense or a future one,
  the nearest first quarter (next year's, seen from October);
* "the quarter" / "the latest quarter" / "the latest period" is the quarter under
  discussion, else the last quarter ended before the article;
* "the current quarter" is the article's own quarter (rule `relative_unit`);
* "the full year" / "for the year" is the article's year, or the year of the day or
  month under discussion.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.calendar import Point, resolve_year_for, shift
from dateline.time.lexicon import HALVES, ORDINALS
from dateline.time.patterns import SPELLED_YEAR, YEAR2, YEAR4
from dateline.time.rules import Context, Reading, Rule, compile_rule, date_reading, year_number

_YEAR = rf"(?P<year>{YEAR4}|{YEAR2}|{SPELLED_YEAR})"
_REL_YEARS = {"this": 0, "last": -1, "next": 1}


def quarter_point(year: int, which: int) -> Point:
    """Quarter `which` (1-4) of `year`."""
    return Point(dt.date(year, 3 * which - 1, 15), "quarter")


def quarter_year(dct: dt.date, which: int, direction: int) -> int | None:
    """The year of a quarter named without one ("the first quarter").

    In a past-tense clause it is the latest such quarter already begun by the article
    date (results are reported after the quarter); otherwise the nearest one.
    """
    if direction < 0:
        start_month = 3 * which - 2
        return dct.year if (start_month, 1) <= (dct.month, dct.day) else dct.year - 1
    return resolve_year_for(dct, 3 * which - 1, None, 0)


def quarter_in_discussion(ctx: Context) -> Point | None:
    """The quarter the article is talking about: the reference if it is a quarter, else
    the last quarter the article named."""
    ref = ctx.reference
    if ref is not None and ref.granularity == "quarter":
        return ref
    return ctx.quarter


def _quarter(m: re.Match, ctx: Context) -> Reading | None:
    """The third quarter / third-quarter / Q3 2018 / the fourth quarter of 2017."""
    which = ORDINALS.get((m["ord"] or "").lower()) or int(m["q"] or 0)
    if not 1 <= which <= 4:
        return None
    year = year_number(m["year"], ctx.dct)
    if m["rel"]:
        year = ctx.dct.year + _REL_YEARS[m["rel"].lower()]
    if year is None:
        year = quarter_year(ctx.dct, which, ctx.direction)
    return date_reading(quarter_point(year, which)) if year is not None else None


def _year_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """The 1988 third quarter / this year's third quarter / last year's quarter / the 1989 period.

    Without an ordinal it is the quarter under discussion moved to the year named (a
    comparison: it does not become the quarter under discussion), or, when no quarter
    is being discussed, just the year.
    """
    if m["year"]:
        year = year_number(m["year"], ctx.dct)
    else:
        year = ctx.dct.year + _REL_YEARS[m["rel"].lower()]
    if year is None:
        return None
    which = ORDINALS.get((m["ord"] or "").lower())
    if which is not None:
        return date_reading(quarter_point(year, which))
    topic = quarter_in_discussion(ctx)
    if topic is None:
        return date_reading(Point(dt.date(year, 7, 1), "year"))
    reading = date_reading(quarter_point(year, (topic.day.month - 1) // 3 + 1))
    reading.derived = True
    return reading


def _the_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """The quarter / the latest quarter / the latest period: the quarter under
    discussion, else the last quarter ended before the article. "Latest" names a
    quarter already reported, so a quarter still running is not it."""
    topic = quarter_in_discussion(ctx)
    last_ended = Point(ctx.dct - dt.timedelta(days=92), "quarter")
    if topic is None or ("latest" in m.group(0).lower() and topic.value > last_ended.value):
        return date_reading(last_ended)
    return date_reading(topic)


def _period_last_year(m: re.Match, ctx: Context) -> Reading | None:
    """The corresponding period last year / the quarter a year ago: the quarter under
    discussion one year back (the year before the article's when there is none)."""
    topic = quarter_in_discussion(ctx)
    if topic is None:
        return Reading("DATE", str(ctx.dct.year - 1), point=Point(shift(ctx.dct, "year", -1), "year"),
                       derived=True)
    return Reading("DATE", Point(shift(topic.day, "year", -1), "quarter").value,
                   point=Point(shift(topic.day, "year", -1), "quarter"), derived=True)


def _half(m: re.Match, ctx: Context) -> Reading | None:
    """The first half of 2018 / the second half of last year / the first two quarters of
    1990 (value `2018-H1`).

    A bare "the first half" is left alone: in news it is as often a match's as a year's.
    """
    which = HALVES[m["ord"].lower()]
    year = year_number(m["year"], ctx.dct)
    if year is None:
        year = ctx.dct.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return date_reading(Point(dt.date(year, 6 * which - 3, 15), "half"))


def _the_year(m: re.Match, ctx: Context) -> Reading | None:
    """The full year / for the year / the fiscal year: the year of the day or month under
    discussion ("in March 2015 ... later in the year"), else the article's own year.

    "The year ended Sept. 30", "the year before" and "the year-ago quarter" are other
    rules' (or no one's): the pattern stops short of them.
    """
    if m.group(0).split()[-1][:1].isupper():  # "Player of the Year" is a title
        return None
    ref = ctx.reference
    if ref is not None and ref.granularity in {"day", "month"}:  # "in March 2015 ... later in the year"
        return date_reading(Point(ref.day, "year"))
    return date_reading(Point(ctx.dct, "year"))


_ORDINAL = r"first|second|third|fourth|1st|2nd|3rd|4th|final"

PERIOD_RULES: tuple[Rule, ...] = (
    compile_rule("quarter", rf"(?:the\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>{_ORDINAL})[\s-]+"
                            r"(?:fiscal\s+)?quarter"
                            rf"(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|(?P<rel>this|last|next)\s+year))?", _quarter),
    compile_rule("the_quarter", r"the\s+(?:latest\s+|same\s+)?(?:fiscal\s+)?quarter"
                                r"(?!-|\s+(?:of|century|ago|earlier|later|a\s+year))|the\s+latest\s+period(?!\s+of\b)",
                 _the_quarter),
    compile_rule("year_quarter", rf"(?:the\s+)?(?:(?P<year>{YEAR4})|(?P<rel>this|last|next)\s+year['’]s)\s+"
                                 r"(?:(?P<ord>first|second|third|fourth|final)[\s-]+)?(?:fiscal\s+)?"
                                 r"(?:quarter|period)", _year_quarter),
    compile_rule("period_last_year", r"the\s+(?:(?:corresponding|comparable|same)\s+)?(?:period|quarter)\s+"
                                     r"(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)|"
                                     r"the\s+(?:previous|prior)\s+year)", _period_last_year),
    compile_rule("quarter_code", rf"(?P<ord>)(?P<rel>)Q(?P<q>[1-4])(?:\s*{_YEAR})?", _quarter),
    compile_rule("half", rf"(?:the\s+)?(?P<ord>first|second|1st|2nd|last|final)\s+half\s+of\s+"
                         rf"(?:{_YEAR}|(?P<rel>this|last|next)\s+year|the\s+year)", _half),
    compile_rule("two_quarters", rf"the\s+(?P<ord>first|last|final)\s+two\s+quarters\s+of\s+"
                                 rf"(?:{_YEAR}|(?P<rel>this|last|next)\s+year)", _half),
    compile_rule("the_year", r"the\s+(?:(?:full|fiscal|calendar|entire|whole)\s+)?year"
                             r"(?![\s-]+(?:ended|ending|earlier|ago|before|after|to\b|that|when|in\s+which|end\b|"
                             r"old|\d)|-|['’])", _the_year),
)
