"""Clock times and parts of the day: "5 p.m. EST Tuesday", "1300 GMT", "noon Thursday",
"mid-afternoon yesterday".

A clock time with no day named belongs to the day under discussion (the last day the
article mentioned), else to the article's own day; a weekday or a month and day next
to it sets the day, resolved like a date. "High noon" is an idiom, not a time.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.calendar import Point, resolve_weekday, resolve_year_for, safe_date
from dateline.time.lexicon import WEEKDAYS
from dateline.time.patterns import AMPM, MONTH, PART_OF_DAY, TIMEZONE, WEEKDAY
from dateline.time.relative import DEICTIC_OFFSETS, with_part_of_day
from dateline.time.rules import Context, Reading, Rule, compile_rule, month_number

_DAY_WORD = rf"{WEEKDAY}|today|yesterday|tomorrow"
#: A part of the day that says which half of the clock an hour is on ("4 in the morning").
_PART_OF_DAY_PHRASE = r"in\s+the\s+(?:morning|afternoon|evening)|at\s+night"


def _clock(m: re.Match, ctx: Context) -> Reading | None:
    """5 p.m. / 10:35 a.m. EST Tuesday / noon Thursday / midnight: a TIME."""
    hour, minute = _clock_hour(m)
    if hour is None or minute > 59:
        return None
    ref = ctx.reference
    day = ref.day if ref is not None and ref.granularity == "day" else ctx.dct
    day_word = (m["day1"] or m["day2"] or "").lower().rstrip(".")
    if day_word in WEEKDAYS:
        day = resolve_weekday(ctx.dct, WEEKDAYS[day_word], ctx.direction)
    elif day_word in DEICTIC_OFFSETS:
        day = ctx.dct + dt.timedelta(days=DEICTIC_OFFSETS[day_word])
    elif m["mon"] and month_number(m["mon"]):
        month, dom = month_number(m["mon"]), int(m["dom"])
        year = resolve_year_for(ctx.dct, month, dom, ctx.direction)
        day = safe_date(year, month, dom) if year else None
        if day is None:
            return None
    mod = "APPROX" if m["approx"] else None
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", mod=mod, point=Point(day, "day"))


def _mid_part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    """Mid-afternoon (yesterday): a TIME in the middle of a part of the day."""
    ref = ctx.reference
    day = ref.day if ref is not None and ref.granularity == "day" else ctx.dct
    if m["word"]:
        day = ctx.dct + dt.timedelta(days=DEICTIC_OFFSETS[m["word"].lower()])
    reading = with_part_of_day(day, m["pod"])
    reading.mod = "MID"
    return reading


def _clock_hour(m: re.Match) -> tuple[int | None, int]:
    """The 24-hour clock time of a match, or (None, 0) when it is not one."""
    named = (m["named"] or "").lower()
    if named:
        return (24 if named == "midnight" else 12), 0
    hour, minute = int(m["h"]), int(m["min"] or 0)
    meridiem = (m["ampm"] or "").lower()[:1] or _meridiem_of_part(m["pod"], hour)
    if meridiem and not 1 <= hour <= 12:
        return None, 0
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return (hour if hour <= 24 else None), minute


def _meridiem_of_part(part: str | None, hour: int) -> str:
    """The half of the clock a part of the day puts an hour on: "a" for "4 in the morning",
    "p" for "3 in the afternoon" and "10 at night", but "a" for "2 at night" and "12 at night"."""
    if not part:
        return ""
    if part.lower().endswith("morning"):
        return "a"
    if part.lower().endswith("night"):
        return "p" if 6 <= hour <= 11 else "a"
    return "p"


def modifies_a_noun(span: object) -> bool:
    """Parse veto for a clock time ending in a part of the day that is part of a noun
    phrase: "killed 4 in the morning raid" names a raid, not four o'clock."""
    last = span[-1]  # type: ignore[index]
    return last.lower_ in {"morning", "afternoon", "evening", "night"} and last.dep_ == "compound"


CLOCK_RULES: tuple[Rule, ...] = (
    compile_rule("clock", rf"(?:(?P<day1>{_DAY_WORD}),?\s+(?:at\s+)?)?(?:(?P<approx>about|around|"
                          rf"approximately)\s+)?(?:(?P<h>[012]?\d)(?::(?P<min>[0-5]\d))?"
                          rf"(?:\s*(?P<ampm>{AMPM})|(?:\s+o['’]clock)?\s+(?P<pod>{_PART_OF_DAY_PHRASE}))"
                          rf"|(?<!high\s)(?P<named>noon|midnight|midday))(?:\s+{TIMEZONE})?"
                          rf"(?:,?\s+(?:on\s+)?(?:(?P<day2>{_DAY_WORD})|(?P<mon>{MONTH})\s*(?P<dom>[0-3]?\d)))?",
                 _clock),
    compile_rule("clock24", rf"(?P<day1>)(?P<approx>)(?P<named>)(?P<ampm>)(?P<pod>)(?P<h>[012]?\d):?(?P<min>[0-5]\d)"
                            rf"\s*(?:{TIMEZONE}|hours|hrs)(?P<day2>)(?P<mon>)(?P<dom>)", _clock),
    compile_rule("mid_part_of_day", rf"mid[\s-]?(?P<pod>{PART_OF_DAY})(?:\s+(?P<word>today|yesterday|tomorrow))?",
                 _mid_part_of_day),
)
