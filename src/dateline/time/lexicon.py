"""Word tables for the time stage: the English words that name calendar units.

Every table maps a lowercase surface form to what it means, so the recogniser's
patterns (`rules`) and the normaliser share one vocabulary. Patterns are built
from these tables, so adding a spelling to a file of data/words/ teaches both at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dateline.words import decimal_number, number_map, word_map, word_set, word_table

# Every table is a data file under data/words/ (its header says what it is for).
MONTHS: Mapping[str, int] = number_map("months")
WEEKDAYS: Mapping[str, int] = number_map("weekdays")  # ISO weekday numbers, Monday = 1
SEASONS: Mapping[str, str] = word_map("seasons")
PARTS_OF_DAY: Mapping[str, str] = word_map("parts_of_day")
ORDINALS: Mapping[str, int] = number_map("ordinals")
HALVES: Mapping[str, int] = number_map("halves")
NUMBER_WORDS: Mapping[str, int] = number_map("number_words")
#: Vague quantities: a duration of "several years" is PXY in TIMEX3.
VAGUE_NUMBERS: frozenset[str] = word_set("vague_numbers")
#: Unit word -> its TIMEX3 duration (the number is written in front: P3M, PT2H, P20Y).
UNIT_DURATIONS: dict[str, tuple[str, int]] = {
    unit: (template, int(count)) for unit, (template, count) in word_table("unit_durations").items()}
UNIT_PLURALS: Mapping[str, str] = word_map("unit_plurals")
#: Adverbs of frequency -> period; TIMEX3 SETs such as "daily" = P1D.
FREQUENCY_ADVERBS: Mapping[str, str] = word_map("frequency_adverbs")
#: Fuzzy references with no calendar value (TIMEX3 PAST_REF, PRESENT_REF, FUTURE_REF).
FUZZY_REFS: Mapping[str, str] = word_map("fuzzy_refs")
#: Fixed-date holidays -> (month, day); movable ones are computed in `calendar`.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    name: (int(month), int(day)) for name, (month, day) in word_table("fixed_holidays").items()}
MOVABLE_HOLIDAYS: frozenset[str] = word_set("movable_holidays")
#: Words before an expression that set TIMEX3 `mod` (the point modifiers of a DATE).
POINT_MODS: Mapping[str, str] = word_map("point_mods")
#: Words before a duration that set TIMEX3 `mod` (quantity modifiers).
QUANTITY_MODS: Mapping[str, str] = word_map("quantity_mods")


def alternation(words: object) -> str:
    """A regex alternation of `words`, longest first so the longest spelling wins."""
    ordered = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[union-attr]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


#: Words that multiply the number before them ("two thousand years" is 2,000 years, not 2 + 1,000).
_SCALES: Mapping[str, int] = {"hundred": 100, "thousand": 1000}


def number_value(text: str) -> int | None:
    """The integer a number phrase names ("14", "twenty four", "a couple of"), else None.

    Vague quantities ("several", "a few") return None: their duration value is X. Digits are decimal digits of any
    script ("٣", `words.decimal_number`: the one rule of every stage).
    """
    words = " ".join(text.lower().replace("-", " ").replace(",", "").split())
    if (value := decimal_number(words)) is not None:
        return value
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    parts = words.split()
    if len(parts) == 2 and parts[1] in _SCALES and parts[0] in NUMBER_WORDS:  # "two thousand": a product
        return NUMBER_WORDS[parts[0]] * _SCALES[parts[1]]
    if parts and all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts)
    return None
