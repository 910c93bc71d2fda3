"""Word tables for the time stage: the English words that name calendar units.

Every table maps a lowercase surface form to what it means, so the recogniser's
patterns (`rules`) and the normaliser share one vocabulary. Patterns are built
from these tables, so adding a spelling here teaches both at once.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI",
}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}

HALVES: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "final": 2, "last": 2}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a couple": 2,
}

#: Vague quantities: a duration of "several years" is PXY in TIMEX3.
VAGUE_NUMBERS: frozenset[str] = frozenset({
    "a few", "few", "several", "many", "numerous", "a number of", "dozens of", "hundreds of",
})

#: Unit word -> its TIMEX3 duration (the number is written in front: P3M, PT2H, P20Y).
UNIT_DURATIONS: dict[str, tuple[str, int]] = {
    "second": ("PT{}S", 1), "minute": ("PT{}M", 1), "hour": ("PT{}H", 1), "day": ("P{}D", 1),
    "week": ("P{}W", 1), "weekend": ("P{}D", 2), "fortnight": ("P{}W", 2), "month": ("P{}M", 1),
    "quarter": ("P{}Q", 1), "year": ("P{}Y", 1), "decade": ("P{}Y", 10), "century": ("P{}Y", 100),
}

UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "week",
    "weekends": "weekend", "fortnights": "fortnight", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade", "centuries": "century",
}

#: Adverbs of frequency -> period; TIMEX3 SETs such as "daily" = P1D. "quarterly" and
#: "annually" are left out: in news they mostly qualify reports ("quarterly earnings").
FREQUENCY_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M",
}

#: Fuzzy references with no calendar value (TIMEX3 PAST_REF, PRESENT_REF, FUTURE_REF).
FUZZY_REFS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "the recent past": "PAST_REF", "the future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the long term": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
}
#: "The weeks ahead" is a vague duration like "the coming weeks" (PXW), not FUTURE_REF.
#: Left out on purpose: "previously", "soon", "shortly" and a bare "future" are
#: adverbs/adjectives that news annotators rarely mark, so they cost precision.

#: Fixed-date holidays -> (month, day); movable ones are computed in `calendar`.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "halloween": (10, 31), "independence day": (7, 4),
    "bastille day": (7, 14), "may day": (5, 1), "labour day": (5, 1), "new year": (1, 1),
    "armistice day": (11, 11), "veterans day": (11, 11), "st. patrick's day": (3, 17),
}

MOVABLE_HOLIDAYS: frozenset[str] = frozenset({
    "easter", "easter sunday", "good friday", "thanksgiving", "thanksgiving day",
    "memorial day", "labor day", "election day",
})

#: Words before an expression that set TIMEX3 `mod` (the point modifiers of a DATE).
POINT_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
    "middle of": "MID", "the middle of": "MID", "end of": "END", "the end of": "END",
    "beginning of": "START", "the beginning of": "START", "start of": "START",
    "the start of": "START", "the turn of": "START",
}

#: Words before a duration that set TIMEX3 `mod` (quantity modifiers).
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "within": "EQUAL_OR_LESS",
}


def alternation(words: object) -> str:
    """A regex alternation of `words`, longest first so the longest spelling wins."""
    ordered = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[union-attr]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def number_value(text: str) -> int | None:
    """The integer a number phrase names ("14", "twenty four", "a couple of"), else None.

    Vague quantities ("several", "a few") return None: their duration value is X.
    """
    words = " ".join(text.lower().replace("-", " ").replace(",", "").split())
    if words.isdigit():
        return int(words)
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    parts = words.split()
    if parts and all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts)
    return None
