"""The time grammar: one rule per kind of expression, each a regex and a normaliser.

A rule's regex finds candidate expressions in text; its normaliser turns the match into
a `Reading` (TIMEX3 type, value, mod, quant, freq) given a `Context`: the article date,
the tense direction of the clause, and the last calendar reference mentioned before.
A normaliser returns None to veto a match ("may" the modal verb), or IMPOSSIBLE for a
date that cannot exist ("February 30"), so that no shorter rule claims its words.

Absolute dates are rules here; relative ones (weekdays, "last year", "two days ago",
durations, sets) live in `relative` so each module stays readable. `tag.RULES`
collects both, in the order used to break ties between equally long matches.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

from dateline.time.calendar import (
    NEAR_DAYS,
    Point,
    expand_two_digit_year,
    holiday_date,
    resolve_year_for,
    safe_date,
    season_near,
    season_point,
    year_with_weekday,
)
from dateline.time.lexicon import MONTHS, SEASONS, WEEKDAYS, number_value
from dateline.time.patterns import (
    ABBR_MONTH,
    COUNT_OF,
    COUNT_OF_NUMBER,
    DAY,
    FULL_MONTH,
    HOLIDAY,
    LEFT_NAME_WORD,
    LEFT_POSSESSIVE,
    MONTH,
    OF_THAT_YEAR,
    PART_BREAK,
    RIGHT_NAME_WORDS,
    SEASON,
    SPELLED_YEAR,
    WEEKDAY,
    YEAR2,
    YEAR4,
)

#: Rules that read a day written with its month, maybe with a year ("February 8", "8 February 2010"): the dates a
#: bare day beside them borrows the month of (`tag`), a chronology's entry heads (`chronology`), the days a dated
#: story goes on with (`narrated_year`).
MONTH_DAY_RULES = frozenset({"month_day", "day_month"})


@dataclass
class Context:
    """What a normaliser may know beyond the match itself.

    `direction` is the tense of the governing clause: -1 past, +1 future, 0 unknown.
    `reference` is the last calendar Point mentioned earlier in the document, the anchor
    of "a year earlier" and "the year-ago quarter".
    """

    dct: dt.date
    direction: int = 0
    reference: Point | None = None
    quarter: Point | None = None  # the last quarter the article named ("the quarter")
    past_act: bool = False  # the period a finite simple-past act happened in (tense.past_act_in)


@dataclass
class Reading:
    """What a rule made of a match: a TIMEX3 type and value, with optional attributes."""

    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    point: Point | None = None  # the calendar period, when the value is one
    derived: bool = False  # read off an earlier reference: never becomes the reference itself


#: What a normaliser returns for an impossible date ("February 30"): the words are a
#: date, so no shorter rule may claim part of them, but they get no value.
IMPOSSIBLE = Reading("IMPOSSIBLE", "")

Normaliser = Callable[[re.Match, Context], "Reading | None"]


@dataclass(frozen=True)
class Rule:
    """A named pattern and the normaliser of its matches.

    `needs` lists lowercase strings of which a text must contain one for the rule to
    be able to match at all: a cheap test that spares most texts most regex scans
    (`time.rule_filter` runs it for every rule at once).
    """

    name: str
    pattern: re.Pattern
    normalise: Normaliser
    needs: tuple[str, ...] = ()


def compile_rule(name: str, pattern: str, normalise: Normaliser, needs: tuple[str, ...] = (),
                 ends_day_range: bool = False) -> Rule:
    """A Rule whose pattern is matched case-insensitively on word boundaries, and not right after a number
    and a hyphen ("1998-99", "3-5 p.m.") unless it `ends_day_range`: "3-4 March 2021" is a range of days
    whose first day borrows the second's month (`time.coordination`)."""
    after_hyphen = "" if ends_day_range else r"(?<!\d-)"
    compiled = re.compile(rf"(?<!\w){after_hyphen}(?:{pattern})(?!\w)", re.IGNORECASE)
    return Rule(name, compiled, normalise, needs)


def date_reading(point: Point, mod: str | None = None) -> Reading:
    """A DATE reading of a calendar period."""
    return Reading("DATE", point.value, mod=mod, point=point)


def month_number(word: str) -> int | None:
    """The month a (possibly abbreviated) month word names, or None.

    "May" and "March" must be capitalised: lowercase they are a verb and a modal.
    Abbreviations must be capitalised too ("mar" is a verb, "dec" a unit).
    """
    key = word.lower().rstrip(".")
    if word[:1].islower() and (key in {"may", "march"} or re.fullmatch(ABBR_MONTH, word, re.I)):
        return None
    return MONTHS.get(key)


def year_number(text: str | None, dct: dt.date) -> int | None:
    """A four-digit, apostrophe two-digit ('98, read near dct) or spelled-out year."""
    if not text:
        return None
    digits = text.lstrip("'’")
    if not digits.isdigit():
        return spelled_year(digits)
    return int(digits) if len(digits) == 4 else expand_two_digit_year(int(digits), dct)


def spelled_year(text: str) -> int | None:
    """A year in words, as broadcast transcripts write it: nineteen ninety-six, two thousand one."""
    words = [w for w in text.lower().replace("-", " ").split() if w != "oh"]
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (number_value(" ".join(rest)) or 0 if rest else 0)
    century = number_value(words[0])
    rest = number_value(" ".join(words[1:])) if len(words) > 1 else None
    if century is None or rest is None or not 10 <= century <= 20:
        return None
    return century * 100 + (0 if rest == 100 else rest)


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _month_day(m: re.Match, ctx: Context) -> Reading | None:
    """Sept. 17 / 17 September / September 17, 2018 / the 17th of September."""
    month = month_number(m["mon"])
    if month is None:
        return None
    day = day_number(m["day"])
    year = year_number(m["year"], ctx.dct)
    if year is None and m["wd"]:
        year = year_with_weekday(ctx.dct, month, day, WEEKDAYS[m["wd"].lower().rstrip(".")])
    if year is None:
        year = resolve_year_for(ctx.dct, month, day, ctx.direction)
    found = safe_date(year, month, day) if year is not None else None
    return date_reading(Point(found, "day")) if found else IMPOSSIBLE


def _week_of(m: re.Match, ctx: Context) -> Reading | None:
    """The week of March 6: the calendar week containing that day (value `2000-W10`)."""
    reading = _month_day(m, ctx)
    if reading is None or reading is IMPOSSIBLE:
        return reading
    return date_reading(Point(reading.point.day, "week"))


def _month_relative_year(m: re.Match, ctx: Context) -> Reading | None:
    """July last year / March next year / May this year."""
    month = month_number(m["mon"])
    if month is None:
        return None
    year = ctx.dct.year + {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
    return date_reading(Point(dt.date(year, month, 1), "month"))


def _month_year(m: re.Match, ctx: Context) -> Reading | None:
    """September 2018 / Sept. 2018 / September of 2018."""
    month = month_number(m["mon"])
    year = year_number(m["year"], ctx.dct)
    if month is None or year is None:
        return None
    return date_reading(Point(dt.date(year, month, 1), "month"))


def _month_alone(m: re.Match, ctx: Context) -> Reading | None:
    """A full month name without a year: the nearest one the tense allows; "that August" and "August
    of that year" are the August of the year the text is talking about (the reference).

    As the name of a march or an event it is not a date ("the annual March for Life",
    "the March of the Mothers").
    """
    month = month_number(m["mon"])
    that_year = ctx.reference is not None and OF_THAT_YEAR.match(m.string, m.end()) is not None
    if month is None or LEFT_NAME_WORD.search(m.string, 0, m.start()) or \
            (RIGHT_NAME_WORDS.match(m.string, m.end()) and not that_year):
        return None
    rel = (m["rel"] or "").lower()
    if that_year and not rel:
        year = ctx.reference.day.year  # "June of that year": the June of the year under discussion
    elif rel in {"last", "past"} and month >= ctx.dct.month:
        year = ctx.dct.year - 1
    elif rel in {"next", "coming"} and month <= ctx.dct.month:
        year = ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    elif rel == "that" and ctx.reference is not None:
        year = ctx.reference.day.year  # "sentenced ... that August": the August of the year under discussion
    else:
        direction = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, ctx.direction)
        year = resolve_year_for(ctx.dct, month, None, direction)
        if year is not None and ctx.past_act and dt.date(year, month, 1) > ctx.dct:
            year -= 1  # "changed to a calendar year in December", written in October: last December
    return date_reading(Point(dt.date(year, month, 1), "month")) if year else None


def _iso_date(m: re.Match, ctx: Context) -> Reading | None:
    """2018-09-17 (ISO 8601, as in datelines and wire copy)."""
    found = safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return date_reading(Point(found, "day")) if found else None


def _numeric_date(m: re.Match, ctx: Context) -> Reading | None:
    """9/17/2018, 17/09/2018, 17.09.18: dateutil reads them; day-first when it must be."""
    first = int(m["a"])
    try:
        parsed = dateutil_parser.parse(m.group(0), dayfirst=first > 12,
                                       default=dt.datetime(ctx.dct.year, 1, 1))
    except (ValueError, OverflowError):
        return IMPOSSIBLE
    year = parsed.year
    if len(m["y"]) == 2:
        year = expand_two_digit_year(int(m["y"]), ctx.dct)
    found = safe_date(year, parsed.month, parsed.day)
    return date_reading(Point(found, "day")) if found else IMPOSSIBLE


def _year(m: re.Match, ctx: Context) -> Reading | None:
    """1998 / fiscal 1989 / FY2018 / the year 2000 / '98."""
    year = year_number(m["year"], ctx.dct)
    if year is None or not 1000 <= year <= ctx.dct.year + 100:
        return None
    return date_reading(Point(dt.date(year, 7, 1), "year"))


def _decade_before(tens: int, dct: dt.date) -> int:
    """A decade named without its century ("the '90s"): the latest one begun by dct."""
    start = dct.year - dct.year % 100 + tens
    return start - 100 if start > dct.year else start


def _decade_word(m: re.Match, ctx: Context) -> Reading | None:
    """The nineties / the nineteen-sixties: a decade in words, near the article date."""
    tens = number_value(m["tens"][:-3] + "y")
    if tens is None:
        return None
    if m["century"]:
        start = 100 * number_value(m["century"]) + tens
    else:
        start = _decade_before(tens, ctx.dct)
    return date_reading(Point(dt.date(start, 1, 1), "decade"))


#: A decade written as bare digits, with no "the" and no apostrophe ("1000s", "10s"): it may be a count.
_COUNTED_PLURAL = re.compile(r"\d+s\Z")


def _decade(m: re.Match, ctx: Context) -> Reading | None:
    """The 1990s / the '90s / the 90s: a decade (value `199`); "in his 30s" is an age, and "1000s of people",
    "10s of thousands" (no "the", no apostrophe, then "of"), "the 10s of 1000s" (a number after "of") a count."""
    if LEFT_POSSESSIVE.search(m.string, 0, m.start()) or COUNT_OF_NUMBER.match(m.string, m.end()) or \
            (_COUNTED_PLURAL.match(m.group(0)) is not None and COUNT_OF.match(m.string, m.end())):
        return None
    if m["century"]:
        start = int(m["century"] + m["decade"] + "0")
    else:
        start = _decade_before(int(m["decade"] + "0"), ctx.dct)
    return date_reading(Point(dt.date(start, 1, 1), "decade"))


def _century(m: re.Match, ctx: Context) -> Reading | None:
    """The 20th century (value `19`)."""
    nth = int(m["nth"])
    if not 1 <= nth <= 30:
        return None
    return date_reading(Point(dt.date(max(1, (nth - 1) * 100), 1, 1), "century"))


def _season(m: re.Match, ctx: Context) -> Reading | None:
    """Summer 2018 / this summer / last winter / the fall (value `2018-SU`)."""
    season = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    year = year_number(m["year"], ctx.dct)
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m["edge"] or "").lower())
    if not rel and not mod and year is None:  # a bare "fall" is a verb more often than a season
        return None
    if year is not None:
        return date_reading(season_point(dt.date(year, 7, 1), season), mod)
    strict = rel in {"last", "past", "next", "coming"}
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(rel, ctx.direction)
    return date_reading(season_near(ctx.dct, season, direction, strict), mod)


def _holiday(m: re.Match, ctx: Context) -> Reading | None:
    """Christmas, Easter, Thanksgiving Day, Easter week: capitalised names, resolved like
    dates (the nearest one when it is close to the article date, else the tense decides)."""
    if not m.group(0)[:1].isupper():
        return None
    name = " ".join(m["name"].lower().replace("’", "'").split())
    year = year_number(m["year"], ctx.dct)
    years = [year] if year else [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
    days = [d for d in (holiday_date(name, y) for y in years) if d]
    if not days:
        return None
    nearest = min(days, key=lambda d: abs((d - ctx.dct).days))
    if abs((nearest - ctx.dct).days) > NEAR_DAYS and ctx.direction:  # far off: the tense decides
        side = [d for d in days if (d - ctx.dct).days * ctx.direction >= 0]
        nearest = min(side or days, key=lambda d: abs((d - ctx.dct).days))
    return date_reading(Point(nearest, "week" if m["week"] else "day"))


_YEAR = rf"(?P<year>{YEAR4}|{YEAR2}|{SPELLED_YEAR})"
_WEEKDAY_LEAD = rf"(?:(?P<wd>{WEEKDAY}){PART_BREAK})?"

ABSOLUTE_RULES: tuple[Rule, ...] = (
    compile_rule("iso_date", r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", _iso_date),
    compile_rule("numeric_date", r"(?P<a>\d{1,2})([/.])\d{1,2}\2(?P<y>\d{4}|\d\d)", _numeric_date),
    compile_rule("month_day", rf"{_WEEKDAY_LEAD}(?P<mon>{MONTH})\s*(?P<day>{DAY})(?!\d)"
                              rf"(?:{PART_BREAK}{_YEAR})?", _month_day),
    compile_rule("day_month", rf"{_WEEKDAY_LEAD}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+"
                              rf"(?P<mon>{MONTH})(?:{PART_BREAK}{_YEAR})?", _month_day, ends_day_range=True),
    compile_rule("week_of", rf"the\s+week\s+of\s+{_WEEKDAY_LEAD}(?P<mon>{MONTH})\s*(?P<day>{DAY})(?!\d)"
                            rf"(?:{PART_BREAK}{_YEAR})?", _week_of),
    compile_rule("month_year", rf"(?P<mon>{MONTH}){PART_BREAK}(?:of\s+)?{_YEAR}", _month_year),
    compile_rule("month_relative_year", rf"(?P<mon>{FULL_MONTH})\s+(?:of\s+)?(?P<rel>last|next|this)\s+year",
                 _month_relative_year),
    compile_rule("month", rf"(?:(?P<rel>last|next|this|coming|past|that)\s+)?(?P<mon>{FULL_MONTH})",
                 _month_alone),
    compile_rule("year", rf"(?:(?:fiscal|calendar|the\s+year)(?:\s+year)?\s*|FY\s?)?(?P<year>{YEAR4})",
                 _year),
    # "'68" is a year, but not a number after a quotation mark written as two apostrophes ("''60 Minutes''").
    compile_rule("year2", r"(?<!['`‘’])(?P<year>['’]\d\d)(?!\d)", _year),
    compile_rule("spelled_year", rf"(?:the\s+year\s+)?(?P<year>{SPELLED_YEAR})", _year),
    compile_rule("decade", r"(?:the\s+)?(?:(?P<century>1\d|20)|['’])?(?P<decade>\d)0['’]?s", _decade),
    compile_rule("decade_word", r"(?:the\s+)?(?:(?P<century>nineteen|eighteen|twenty)[\s-]+)?"
                                r"(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
                 _decade_word),
    compile_rule("century", r"(?:the\s+)?(?P<nth>\d{1,2})(?:st|nd|rd|th)\s+century", _century),
    compile_rule("season", rf"(?:(?P<rel>this|last|next|past|coming|the)\s+)?(?:(?P<edge>early|late|mid)[\s-]+)?"
                           rf"(?P<season>{SEASON})"
                           rf"(?:\s+(?:of\s+)?{_YEAR})?", _season),
    compile_rule("holiday", rf"(?P<name>{HOLIDAY})(?P<week>\s+week)?(?:\s+{_YEAR})?", _holiday),
)


