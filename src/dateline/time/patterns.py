"""Regex building blocks for the time stage, compiled once from the word tables.

Each constant is a regex fragment (no groups of its own unless named in the
fragment's name), so the rules in `rules` read like a grammar:
`{MONTH}\\s+{DAY}` rather than a wall of alternations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dateline.time.lexicon import (
    FIXED_HOLIDAYS,
    FREQUENCY_ADVERBS,
    FUZZY_REFS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    POINT_MODS,
    QUANTITY_MODS,
    SEASONS,
    UNIT_DURATIONS,
    UNIT_PLURALS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    alternation,
)


def _full_names(table: Mapping[str, int]) -> list[str]:
    """The full name of each month or weekday of a name table: the longest name of each number."""
    longest: dict[int, str] = {}
    for name, number in table.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    return [longest[number] for number in sorted(longest)]


_FULL_MONTHS = _full_names(MONTHS)
FULL_MONTH = rf"(?:{alternation(_FULL_MONTHS)})"
ABBR_MONTH = rf"(?:{alternation(name for name in MONTHS if name not in _FULL_MONTHS)})\b\.?"
MONTH = rf"(?:{FULL_MONTH}|{ABBR_MONTH})"
#: Abbreviated weekdays only with their dot ("Tues."): "sun", "sat", "wed" are also words.
FULL_WEEKDAY = rf"(?:{alternation(_full_names(WEEKDAYS))})"
WEEKDAY = rf"(?:{FULL_WEEKDAY}|tues\.|thurs\.)"

DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
#: The break between a date's parts ("Saturday, March 18, 1967"): a space, or a comma with or without the space a
#: tokenised text puts before it ("Saturday , March 18 , 1967", as Timeline17's and other corpora's copy is written).
PART_BREAK = r"(?: ?,)?\s+"
#: A year, but not a 24-hour clock time ("1300 GMT") or part of a longer number.
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d)(?!\s*(?:[ECMP][SD]T|GMT|UTC|BST|CET|hours|hrs)\b)"
YEAR2 = r"(?:'\d\d)"
SEASON = rf"(?:{alternation(SEASONS)})"
PART_OF_DAY = rf"(?:{alternation(PARTS_OF_DAY)})"
_SINGULAR_UNITS = alternation(UNIT_DURATIONS)
UNIT = rf"(?:{alternation(UNIT_PLURALS)}|{_SINGULAR_UNITS})"
PLURAL_UNIT = rf"(?:{alternation(UNIT_PLURALS)})"
_CALENDAR_UNITS = ("weekend", "week", "fortnight", "month", "quarter", "year", "decade", "century")
CALENDAR_UNIT = rf"(?:{'|'.join(_CALENDAR_UNITS)})"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|(?:{_ONES})\s+(?:hundred|thousand)|(?:{_TENS})(?:[\s-](?:{_ONES}))?|"
          rf"{alternation(k for k in NUMBER_WORDS if k not in {'a', 'an'})}|"
          rf"{alternation(VAGUE_NUMBERS)}|an?)")
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
#: A year in words, as broadcast transcripts write it: nineteen ninety-six, two thousand one.
SPELLED_YEAR = (rf"(?:(?:nineteen|eighteen)[\s-]+(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|hundred|"
                rf"oh[\s-](?:{_ONES}))|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|(?:{_TENS})(?:[\s-](?:{_ONES}))?|"
                rf"{_ONES}))?)")
FUZZY = rf"(?:{alternation(FUZZY_REFS)})"
FREQUENCY = rf"(?:{alternation(FREQUENCY_ADVERBS)})"
HOLIDAY = rf"(?:{alternation(list(FIXED_HOLIDAYS) + list(MOVABLE_HOLIDAYS))})"
TIMEZONE = r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|local\s+time)"
AMPM = r"(?:[ap]\.?\s?m\b\.?)"

#: Contexts in which a month or a decade is a name or an age, not a date:
#: "the annual March for Life", "the March of the Mothers", "in his 30s".
LEFT_NAME_WORD = re.compile(r"\bannual\s+$", re.IGNORECASE)
RIGHT_NAME_WORDS = re.compile(r"\s+(?:of\s+the\b|(?:for|on|to|against)\s+[A-Z])")
#: A month told in the year the text is talking about: "June of that year", "in March of the same year",
#: "June of that terrible year" (then a date, though "of the" would otherwise make "March" a name).
OF_THAT_YEAR = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)(?:\s+same)?(?:\s+[a-z]+)?\s+year\b")
#: A plural of digits read as a count, not a decade, when "of" follows ("1000s of people", "10s of thousands"), even
#: after "the" when a number follows ("the 10s of 1000s").
COUNT_OF = re.compile(r"\s+of\b")
COUNT_OF_NUMBER = re.compile(r"\s+of\s+\d")
LEFT_POSSESSIVE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)

#: Left context that turns a DATE into a modified one ("early", "the end of").
POINT_MOD_BEFORE = rf"(?:\b(?P<mod>{alternation(POINT_MODS)})(?:\s+|-))$"
#: Left context that quantifies a DURATION ("about", "more than", "at least").
QUANTITY_MOD_BEFORE = rf"(?:\b(?P<mod>{alternation(QUANTITY_MODS)})\s+)$"


_MONTH_STEMS = tuple(name[:3] for name in _FULL_MONTHS)


def last_words(*tables: Iterable[object]) -> tuple[str, ...]:
    """The last word of every entry of the word tables, lowercased and sorted: a rule that must match one entry of
    an `alternation` of these tables matches none without one of them (an alternation keeps each entry's words as
    written, only the spaces between them may vary). The last word, as it is the rarest in news ("the past",
    "at the moment")."""
    return tuple(sorted({str(word).lower().split()[-1] for table in tables for word in table}))

#: Rule name -> lowercase strings one of which a text must contain for the rule to apply
#: (Rule.needs): a substring test that spares most windows most regex scans.
REQUIRED_WORDS: dict[str, tuple[str, ...]] = {
    "iso_date": ("-",), "numeric_date": ("/", "."), "month_day": _MONTH_STEMS,
    "day_month": _MONTH_STEMS, "month_year": _MONTH_STEMS, "month_relative_year": _MONTH_STEMS,
    "month": _MONTH_STEMS, "year2": ("'", "’"), "spelled_year": ("nineteen", "eighteen", "thousand"),
    "decade": ("0s", "0's", "0’s"), "century": ("century",), "quarter": ("quarter",),
    "the_quarter": ("quarter", "latest period"), "year_quarter": ("quarter", "period"),
    "period_last_year": ("year",), "the_year": ("the year", "full year", "fiscal year", "calendar year"),
    "quarter_code": ("q",), "unit_long": ("long",), "units_ahead": ("ahead",), "week_of": ("week of",),
    "this_moment": ("moment",), "some_day": ("day",), "day_itself": ("day",),
    "two_quarters": ("two quarters",), "each_month": ("each", "every"), "current": ("current",),
    "weekday_set": ("days", "nights", "mornings", "evenings", "afternoons"),
    "half": ("half",), "season": tuple(SEASONS),
    "holiday": ("christmas", "easter", "thanksgiving", "day", "eve", "new year", "halloween"),
    "deictic_day": ("today", "tonight", "yesterday", "tomorrow", "night"),
    "weekday": ("day", "tues.", "thurs."), "this_part_of_day": ("this",),
    "offset": ("ago", "earlier", "later", "back", "from now", "hence"),
    "year_earlier": ("year-", "year ago", "year earlier"), "every": ("every", "each"),
    "times_per": ("once", "twice", "times"),
    "clock": ("m.", "am", "pm", "noon", "midnight", "midday", "morning", "evening", "night"),
    "clock24": (":", "gmt", "utc", "hours", "hrs", "bst", "cet", "est", "edt", "pst", "pdt", "cst"),
    "the_weekend": ("weekend",), "decade_word": ("ties",), "anaphoric_day": ("the ",), "year_ended": ("year end",),
    "edge_of_unit": (" of the ", "-end", " end"), "that_unit": ("that ",), "mid_part_of_day": ("mid",),
    "bare_plural": ("for ", "in ", "over ", "within "), "the_long_plural": ("years", "decades", "centuries"),
    # a unit word, a plural unit, a calendar unit, a fuzzy reference, a frequency adverb, a four-digit year's start
    "duration": last_words(UNIT_PLURALS, UNIT_DURATIONS), "vague_span": last_words(UNIT_PLURALS),
    "relative_unit": _CALENDAR_UNITS, "fuzzy": last_words(FUZZY_REFS), "frequency": last_words(FREQUENCY_ADVERBS),
    "year": ("1", "20"),
}
