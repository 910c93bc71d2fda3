"""Eras: a decade or a century ("the 1970s", "the 21st century") dates an act only as a time of its clause.

An era names a span of ten or a hundred years, never a day an act happened on. Written as the time of a clause
("In the 1960s the army seized power", "Throughout the 1990s the rebels held the hills") it says when the act
happened, or that a state spanned it, and the dater keeps it. Written as the thing a verb deals with ("must catch up
with the 21st century", "drag the nation into the 21st century", the object of "with", "into", "to") it is no time of
the act at all: such an era is background, and the act takes the date the rest of the story gives it, else the
publication's bound. The prepositions that make an era a time are those `prepositions.tsv` tags `era-time`; an era
with no preposition is a time as an adverb or as the object a state spans ("the trend that characterised the '80s"),
not as a subject ("the 1990s saw ...") or a predicate ("as if it were still the 1950s").
"""

from __future__ import annotations

from typing import Any

from dateline.model import Timex
from dateline.timex3 import precision
from dateline.words import word_class

#: Granularities longer than a year: a value of one of these names no year, let alone a day.
ERA_PRECISIONS = frozenset({"decade", "century"})
#: Prepositions whose object is the time of the clause they hang on ("in", "during", "through", "since", "by").
_TIME_PREPOSITIONS = word_class("prepositions", "era-time")
#: Prepositions that tie an era to a phrase it ends ("the end of the 1980s", "the early to mid-1980s").
_PART_PREPOSITIONS = word_class("prepositions", "era-part")
#: Words such a phrase is headed by: a noun ("end", "turn") or an adjective ("early"), never a verb ("return to").
_PART_HOLDERS = frozenset({"NOUN", "ADJ", "ADV", "PROPN", "NUM"})
#: Dependency labels of an era (or of the part of it it ends) that is a time of its clause: an adverb ("the 1990s,
#: it grew"), or the object a state spans ("the trend that characterised the last half of the '80s").
_TIME_DEPS = frozenset({"npadvmod", "advmod", "dobj"})


def is_era(timex: Timex) -> bool:
    """True for a calendar value coarser than a year: a decade (`199`) or a century (`20`)."""
    return precision(timex.value) in ERA_PRECISIONS


def era_is_background(timex: Timex, root: Any | None) -> bool:
    """True when `timex` is an era that its sentence does not use as a time (its `root` the head of its
    tokens): the object of a preposition that names no time ("catch up with the 21st century"), a subject or a
    predicate ("as if it were still the 1950s"). A part of an era ("the end of the 1990s") is read as the part is.
    An era that is not a time dates no act told in its sentence."""
    if root is None or not is_era(timex):
        return False
    while root.dep_ == "pobj" and root.head.lower_ in _PART_PREPOSITIONS and root.head.head.pos_ in _PART_HOLDERS:
        root = root.head.head
    return not (root.dep_ in _TIME_DEPS or (root.dep_ == "pobj" and root.head.lower_ in _TIME_PREPOSITIONS))
