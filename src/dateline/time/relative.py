"""Relative time expressions: the rules a reader applies to the article date.

"Monday" in a past-tense clause is the latest Monday on or before the dateline;
"last year" is the dateline's year minus one; "two days ago" is two days back;
"a year earlier", after "the third quarter", is that quarter a year before; "the past
two months" is a duration (P2M); "every week" a set (P1W, quant EVERY). Each rule is a
pattern and a normaliser, like the absolute ones in `rules`.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.time.calendar import UNIT_GRANULARITY, Point, resolve_weekday, shift
from dateline.time.lexicon import (
    FREQUENCY_ADVERBS,
    FUZZY_REFS,
    ORDINALS,
    PARTS_OF_DAY,
    UNIT_DURATIONS,
    UNIT_PLURALS,
    WEEKDAYS,
    number_value,
)
from dateline.time.patterns import (
    CALENDAR_UNIT,
    FREQUENCY,
    FULL_MONTH,
    FUZZY,
    NUMBER,
    PART_OF_DAY,
    PLURAL_UNIT,
    UNIT,
    WEEKDAY,
)
from dateline.time.rules import Context, Reading, Rule, compile_rule, date_reading

DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                    "the day after tomorrow": 2, "last night": -1, "overnight": 0}
_PAST_WORDS = {"last", "past", "previous", "preceding"}
_ANAPHORIC = {"following", "previous", "preceding"}
_NEXT_WORDS = {"next", "coming", "following", "upcoming"}


def is_title(word: str) -> bool:
    """A capitalised unit word ("This Week", "60 Minutes") names a show or a title, not a time."""
    return word[:1].isupper()


def unit_of(word: str) -> str:
    """The singular unit a unit word names ("months" -> "month")."""
    word = word.lower()
    return UNIT_PLURALS.get(word, word)


def duration_value(number: str | None, unit: str) -> str:
    """The TIMEX3 duration of `number` `unit`s: P3M, PT2H, P20Y (decades), PXY (vague)."""
    template, factor = UNIT_DURATIONS[unit]
    count = number_value(number) if number else 1
    if count is None:
        return template.format("X")
    amount = count * factor
    return template.format(int(amount) if float(amount).is_integer() else amount)


#: Half of one unit, in the next unit down: "two and a half years" is P2Y6M.
_HALF_OF = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}


def half_more_duration(number: str | None, unit: str) -> str:
    """The TIMEX3 duration of `number` and a half `unit`s: P2Y6M, PT5H30M, P15Y (decades)."""
    template, factor = UNIT_DURATIONS[unit]
    count = number_value(number) if number else 1
    if count is None:
        return template.format("X")
    if factor > 1 or unit not in _HALF_OF:
        amount = (count + 0.5) * factor
        return template.format(int(amount) if float(amount).is_integer() else amount)
    return template.format(count) + _HALF_OF[unit]


def _weekday_point(ctx: Context, weekday: int, rel: str) -> dt.date:
    """The day a weekday names: "last Friday" is strictly before, "next" strictly after;
    "the previous / following Friday" is before / after the day under discussion."""
    ref = ctx.reference
    base = ref.day if rel in _ANAPHORIC and ref is not None and ref.granularity == "day" else ctx.dct
    if rel in _PAST_WORDS:
        return base - dt.timedelta(days=(base.isoweekday() - weekday) % 7 or 7)
    if rel in _NEXT_WORDS:
        return base + dt.timedelta(days=(weekday - base.isoweekday()) % 7 or 7)
    if rel == "this":
        return ctx.dct + dt.timedelta(days=weekday - ctx.dct.isoweekday())
    return resolve_weekday(ctx.dct, weekday, ctx.direction)


def with_part_of_day(day: dt.date, part: str | None) -> Reading:
    """A day, or a TIME for a part of that day ("Monday night" = `2018-09-17TNI`)."""
    if not part:
        return date_reading(Point(day, "day"))
    code = PARTS_OF_DAY[part.lower()]
    return Reading("TIME", f"{day.isoformat()}T{code}", point=Point(day, "day"))


def _weekday(m: re.Match, ctx: Context) -> Reading | None:
    """Monday / last Friday / next Tuesday / Wednesday night."""
    weekday = WEEKDAYS[m["wd"].lower().rstrip(".")]
    rel = " ".join((m["rel"] or "").lower().split()[-1:])
    return with_part_of_day(_weekday_point(ctx, weekday, rel), m["pod"])


def _deictic_day(m: re.Match, ctx: Context) -> Reading | None:
    """Today, yesterday, tomorrow, tonight, last night, and their parts of day."""
    word = " ".join(m["word"].lower().split())
    day = ctx.dct + dt.timedelta(days=DEICTIC_OFFSETS[word])
    part = m["pod"] or {"tonight": "night", "last night": "night", "overnight": "night"}.get(word)
    return with_part_of_day(day, part)


def _this_part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    """This morning / this evening: a part of the article's own day."""
    return with_part_of_day(ctx.dct, m["pod"])


def _relative_unit(m: re.Match, ctx: Context) -> Reading | None:
    """This week / last year / next month / the current quarter / this decade."""
    rel = " ".join(m["rel"].lower().split())
    unit = unit_of(m["unit"])
    if is_title(m["unit"]):
        return None
    if rel in {"the past", "the last", "the next", "past"}:
        return Reading("DURATION", duration_value(None, unit))
    last = rel.split()[-1]
    steps = -1 if last in _PAST_WORDS else 1 if last in _NEXT_WORDS else 0
    if last in _ANAPHORIC and ctx.reference is not None:  # "the following year": after the one discussed
        return _derived(date_reading(Point(shift(ctx.reference.day, unit, steps), UNIT_GRANULARITY[unit])))
    return date_reading(Point(shift(ctx.dct, unit, steps), UNIT_GRANULARITY[unit]))


def _anaphoric_day(m: re.Match, ctx: Context) -> Reading | None:
    """The next day / the following morning / the previous night: a day after or before
    the one under discussion (the article's own day when none is)."""
    ref = ctx.reference
    base = ref.day if ref is not None and ref.granularity == "day" else ctx.dct
    step = 1 if m["rel"].lower() in _NEXT_WORDS else -1
    part = m["part"].lower()
    reading = with_part_of_day(base + dt.timedelta(days=step), None if part == "day" else part)
    return _derived(reading)


def _edge_of_unit(m: re.Match, ctx: Context) -> Reading | None:
    """The end of the year / the beginning of the month / year-end: a point modifier on
    the period under discussion, or the article's own period."""
    unit = (m["unit"] or m["unit2"]).lower()
    ref = ctx.reference
    granularity = UNIT_GRANULARITY[unit]
    base = ref.day if ref is not None and ref.granularity in {granularity, "day"} else ctx.dct
    mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[(m["edge"] or "end").lower()]
    reading = date_reading(Point(base, granularity))
    reading.mod = mod
    return _derived(reading)


def _year_ended(m: re.Match, ctx: Context) -> Reading | None:
    """"For the year ended Sept. 30": a financial year, twelve months long (P1Y)."""
    return Reading("DURATION", "P1Y")


#: Granularities from fine to coarse: "that day" under a month names no finer period than the month.
_FINE_TO_COARSE = ("day", "week", "month", "quarter", "half", "year")


def _that_unit(m: re.Match, ctx: Context) -> Reading | None:
    """That year / that same day: the period under discussion, at the granularity named, or at the
    reference's own when that is coarser ("killed last October ... crossed out that same day" is
    `1998-10`: the text never says which day, and the first of the month would be made up)."""
    ref = ctx.reference
    if ref is None:
        return None
    granularity = UNIT_GRANULARITY[m["unit"].lower()]
    if ref.granularity in _FINE_TO_COARSE and \
            _FINE_TO_COARSE.index(ref.granularity) > _FINE_TO_COARSE.index(granularity):
        granularity = ref.granularity
    return _derived(date_reading(Point(ref.day, granularity)))


def _coarser(granularity: str, unit: str) -> bool:
    """True when a reference of `granularity` cannot anchor a count of `unit`s: a year or a month says
    which day "three days later" is no more than no reference does."""
    finer = UNIT_GRANULARITY.get(unit)
    return granularity in _FINE_TO_COARSE and finer in _FINE_TO_COARSE and \
        _FINE_TO_COARSE.index(granularity) > _FINE_TO_COARSE.index(finer)


def _offset(m: re.Match, ctx: Context) -> Reading | None:
    """Two days ago / a year earlier / three weeks later / six months from now / a week or so ago
    ("or so" hedges the count, not the direction: the value is the same)."""
    unit = unit_of(m["unit"])
    if is_title(m["unit"]):
        return None
    count = number_value(m["num"])
    way = m["way"].lower()
    sign = -1 if way in {"ago", "earlier", "back", "before"} else 1
    if count is None and way == "later":  # "a few days later": a vague length after some event
        return Reading("DURATION", duration_value(m["num"], unit))
    if count is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit in {"hour", "minute", "second"}:
        return None
    base = ctx.dct
    if way in {"earlier", "later"} and ctx.reference is not None and _coarser(ctx.reference.granularity, unit):
        return Reading("DURATION", duration_value(m["num"], unit))  # "in 1987 ... three days later": no day known
    if way in {"earlier", "later"} and ctx.reference is not None:
        base = ctx.reference.day
    elif way == "later":  # later than an event we cannot date: only the length is known
        return Reading("DURATION", duration_value(m["num"], unit))
    granularity = UNIT_GRANULARITY[unit]
    if (unit == "year" and count == 1 and ctx.reference is not None
            and ctx.reference.granularity in {"quarter", "month"}):
        granularity = ctx.reference.granularity
        base = ctx.reference.day
    mod = "APPROX" if m["approx"] else None
    return _derived(date_reading(Point(shift(base, unit, sign * count), granularity), mod))


def _derived(reading: Reading) -> Reading:
    """Mark a reading as read off the reference, so it does not replace the reference."""
    reading.derived = True
    return reading


def _year_earlier(m: re.Match, ctx: Context) -> Reading | None:
    """Year-earlier / the year-ago quarter: the reference period one year back; "the year-ago third quarter"
    names its quarter, "the year-earlier nine months" is a span of nine months."""
    noun = (m["noun"] or "").lower()
    ref = ctx.reference
    if m["months"]:  # "the year-earlier nine months": a span of months, a year back
        return Reading("DURATION", duration_value(m["months"], "month"))
    if m["ord"] and noun == "quarter":  # "the year-ago third quarter": that quarter of the year before
        year = (ctx.quarter.day.year if ctx.quarter is not None else ctx.dct.year) - 1
        return _derived(date_reading(Point(dt.date(year, 3 * ORDINALS[m["ord"].lower()] - 1, 15), "quarter")))
    if noun in {"quarter", "month"}:
        base = ref.day if ref and ref.granularity == noun else ctx.dct
        return _derived(date_reading(Point(shift(base, "year", -1), noun)))
    if ref is not None and ref.granularity in {"quarter", "month", "half"}:
        return _derived(date_reading(Point(shift(ref.day, "year", -1), ref.granularity)))
    return _derived(date_reading(Point(shift(ctx.dct, "year", -1), "year")))


def _duration(m: re.Match, ctx: Context) -> Reading | None:
    """Three months / the past two years / a 10-year / the first nine months / 48 hours."""
    unit = unit_of(m["unit"])
    if is_title(m["unit"]):
        return None
    if re.search(r"\w-quarters", m.group(0), re.I) or (m["unit"].lower() == "quarter" and m.string.startswith(
            " of ", m.end())):  # "three-quarters", "a quarter of the market" are fractions
        return None
    if unit == "second" and (m["num"] or "").lower() in {"a", "an"}:  # "a second term"
        return None
    if m["num2"]:
        return Reading("DURATION", duration_value("several", unit))
    if m["half"] or m["half2"]:
        return Reading("DURATION", half_more_duration(m["num"], unit))
    return Reading("DURATION", duration_value(m["num"], unit))


def _vague_span(m: re.Match, ctx: Context) -> Reading | None:
    """The coming weeks / the weeks ahead / recent years / (for) months: an unquantified
    duration (PXW, PXY).

    "Recent months" is read like "the past few months" (PXM), as TimeBank mostly does.
    """
    unit = unit_of(m["unit"])
    if is_title(m["unit"]):
        return None
    if unit in {"weekend"}:
        return None
    return Reading("DURATION", duration_value("several", unit))


#: A sentence-initial "Now," set off by a comma is a discourse marker, not a time.
_DISCOURSE_NOW = re.compile(r"(?:^|[.!?][\"'”’`]*\s+)$")


def _unit_long(m: re.Match, ctx: Context) -> Reading | None:
    """Day-long / a weeklong visit / decades-long: a duration as an adjective (P1D, PXY)."""
    return Reading("DURATION", duration_value("several" if m["plural"] else None, m["unit"].lower()))


def _fuzzy(m: re.Match, ctx: Context) -> Reading | None:
    """Now, recently, the future...: TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF."""
    if m.group(0) == "Now" and m.string.startswith(",", m.end()) and _DISCOURSE_NOW.search(
            m.string, max(0, m.start() - 4), m.start()):
        return None
    return Reading("DATE", FUZZY_REFS[" ".join(m.group(0).lower().split())])


def _frequency(m: re.Match, ctx: Context) -> Reading | None:
    """Daily, weekly, annually: SETs with a period and freq 1X."""
    return Reading("SET", FREQUENCY_ADVERBS[m.group(0).lower()], freq="1X")


def _every(m: re.Match, ctx: Context) -> Reading | None:
    """Every week / each Monday / every other year: SETs with quant EVERY or EACH."""
    quant = m["quant"].upper()
    word = m["what"].lower()
    every = 2 if m["other"] else 1
    if word in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[word]}", quant=quant)
    if re.fullmatch(FULL_MONTH, word):
        return None
    return Reading("SET", duration_value(str(every), unit_of(word)), quant=quant)


def _times_per(m: re.Match, ctx: Context) -> Reading | None:
    """Twice a year / three times a week: a SET with its frequency."""
    count = {"once": 1, "twice": 2}.get(m["times"].lower()) or number_value(m["times"].split()[0])
    return Reading("SET", duration_value(None, unit_of(m["unit"])), freq=f"{count or 'X'}X")


def _the_weekend(m: re.Match, ctx: Context) -> Reading | None:
    """The weekend: the one just past (past tense / Monday-Thursday) or the coming one."""
    step = 0 if ctx.dct.isoweekday() >= 5 or ctx.direction > 0 else -1
    return date_reading(Point(shift(ctx.dct, "week", step), "weekend"))


_PAST_NEXT = r"last|next|this|coming|past|previous|preceding|following|this\s+past|this\s+coming"
#: Words before a counted span ("the past three years", "next five days"); "following" only after "the",
#: as a bare "following" is a preposition ("following a month-long trial", "following two days of talks").
_SPAN_WORD = (r"past|last|next|previous|coming|first|final|latest|initial|"
              r"remaining|ensuing|further|another")

RELATIVE_RULES: tuple[Rule, ...] = (
    compile_rule("deictic_day", r"(?P<word>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|"
                                rf"tonight|yesterday|tomorrow|last\s+night)(?:\s+(?P<pod>{PART_OF_DAY}))?",
                 _deictic_day),
    compile_rule("weekday", rf"(?:(?P<rel>{_PAST_NEXT})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{PART_OF_DAY}))?",
                 _weekday),
    compile_rule("this_part_of_day", rf"this\s+(?P<pod>{PART_OF_DAY})", _this_part_of_day),
    compile_rule("relative_unit", rf"(?P<rel>(?:the\s+)?(?:{_PAST_NEXT}|current))\s+(?:fiscal\s+)?"
                                  rf"(?P<unit>{CALENDAR_UNIT})", _relative_unit),
    compile_rule("anaphoric_day", r"the\s+(?P<rel>next|following|previous|preceding)\s+"
                                  rf"(?P<part>day|{PART_OF_DAY})", _anaphoric_day),
    compile_rule("edge_of_unit", r"(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+the\s+"
                                 r"(?P<unit>year|month|week|quarter|decade)|(?P<unit2>year|month)(?:[\s-]|['’]s\s+)end",
                 _edge_of_unit),
    compile_rule("that_unit", r"that\s+(?:same\s+)?(?P<unit>year|quarter|month|week|day)", _that_unit),
    compile_rule("offset", rf"(?P<num>{NUMBER})[\s-]+(?P<unit>{UNIT})\s+(?P<approx>or\s+so\s+)?"
                           r"(?P<way>ago|earlier|later|back|from\s+now|hence)", _offset),
    compile_rule("year_earlier", r"(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:(?P<ord>first|second|third|fourth)"
                                 r"[\s-]+)?(?P<noun>period|quarter|month|level|results)|\s+(?P<months>"
                                 rf"{NUMBER})\s+months)?", _year_earlier),
    compile_rule("duration", rf"(?:the\s+following\s+|(?:the\s+)?(?:(?:{_SPAN_WORD})\s+)?)(?P<num>{NUMBER})"
                             rf"(?P<half>\s+1/2|\s*½|\s+and\s+a\s+half)?(?:\s*(?:to|-|or)\s*(?P<num2>{NUMBER}))?"
                             rf"(?:\s+(?:more|additional|full|straight|consecutive))?[\s-]+(?:(?:trading|business|working)\s+)?"
                             rf"(?P<unit>{UNIT})"
                             r"(?P<half2>\s+and\s+a\s+half)?(?:(?<![sS])\s?-\s?long\b)?(?![\s-]+old\b)", _duration),
    compile_rule("year_ended", r"the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)", _year_ended),
    compile_rule("vague_span", rf"(?:the\s+)?(?:recent|coming|past|last|next|previous|ensuing|following)\s+"
                               rf"(?P<unit>{PLURAL_UNIT})", _vague_span),
    compile_rule("bare_plural", r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s))"
                                r"(?P<unit>years|months|weeks|decades|days|hours|centuries)"
                                r"(?!\s+(?:ago|old|earlier|later))", _vague_span),
    # "over the years", "in the early years", "in the years that followed": a length without a count
    # (weeks and days after "the" are mostly anchored to an event, "in the weeks before the shooting").
    compile_rule("the_long_plural", r"(?:(?<=\bover\s)|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthrough\s))the\s+"
                                    r"(?:(?:early|intervening|ensuing|following)\s+)?(?P<unit>years|decades|centuries)"
                                    r"(?!\s+(?:ago|old|earlier|later|\d))", _vague_span),
    compile_rule("units_ahead", rf"the\s+(?P<unit>{PLURAL_UNIT})\s+ahead", _vague_span),
    compile_rule("unit_long", r"(?P<unit>hour|day|week|month|year|decade)(?P<plural>s)?-?long", _unit_long),
    compile_rule("fuzzy", FUZZY, _fuzzy),
    compile_rule("frequency", FREQUENCY, _frequency),
    compile_rule("every", rf"(?P<quant>every|each)\s+(?P<other>other\s+)?(?P<what>{WEEKDAY}|{UNIT})",
                 _every),
    compile_rule("times_per", rf"(?P<times>once|twice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each)\s+"
                              rf"(?P<unit>{UNIT})", _times_per),
    compile_rule("the_weekend", r"the\s+weekend", _the_weekend),
)

