"""The happening a length of days counts from: "The ferry sank on Friday, two days after a fire broke out", "the barge
capsized on Monday, two days after the collision", "arrested on Thursday, the day after the bombing".

The length ("two days", "the day") and "after" or "before" place the happening named after them that many days
from the day of the clause they hang on: the fire broke out two days before Friday. A part of a day counts one day
where it cannot be the happening's own: "the morning after" the premier spoke, "the night before" the polls opened.
Read as a time of its own, the length is a duration, which dates nothing (the fire fell back to the article date),
or the parse hangs the clause's day on the happening too (the bombing was dated Thursday, the arrest's day): one
happening told in two articles got two dates. Only lengths in days are read: "a week after the election" is a week
give or take a day.

The clause's day is the time that governs it, or, where none does, the exact day the dater gives the clause's own
verb ("That changed on Wednesday. The riots broke out the day after the premier announced he would resign": the
riots carry Wednesday from the sentence before, so the announcement was on Tuesday), or the day the text was
written for a verb told in the present ("The move comes a day after ..."); the caller reads that day (`HostDay`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from dateline.events.dating_clauses import clause_head, governing_timex, is_anchor, timex_root, written_by
from dateline.model import Document, Timex
from dateline.timex3 import interval, precision
from dateline.words import number_of, word_class

#: The words that count a length from a happening, and which way: the happening lies that far before or after.
_DIRECTIONS = {**dict.fromkeys(word_class("prepositions", "counted-back"), -1),
               **dict.fromkeys(word_class("prepositions", "counted-ahead"), 1)}
#: The nouns of a length in days ("two days", "the day").
_DAY_WORDS = word_class("counted_days", "day")
#: Parts of a day that lie a day from the happening they count from, by the word that counts: "the morning after"
#: the vote is the next day's morning, "the night before" the vote the night of the day before; the other ways
#: ("the night after", "the morning before") are mostly the happening's own day, and count nothing.
#: Keyed by the direction of `_DIRECTIONS`: -1 for the words that count back ("after"), 1 ahead ("before").
_PARTS = {-1: word_class("counted_days", "part-after"), 1: word_class("counted_days", "part-before")}
#: Every noun of a length counted from a happening: days and the parts of a day above.
_LENGTH_WORDS = _DAY_WORDS | _PARTS[-1] | _PARTS[1]
#: Precisions of a time that names its day: a clock time alone ("6 a.m.") has the article's day only by default.
_NAMED_DAY = frozenset({"day", "part_of_day"})
#: Prepositions that put an act on its day.
_ON_WORDS = word_class("prepositions", "on-its-day")
#: Articles that make "the day after", "a day before" one day.
_ONE = word_class("counted_days", "one")


class CountedDay(NamedTuple):
    """The day a happening counted from lies on, and the words that say so."""

    day: dt.date
    length: str
    anchor: str


#: The exact day the dater gives a clause's verb and the words that give it, or None when it knows no such day.
HostDay = Callable[[Any], tuple[dt.date, str] | None]


def counted_day(doc: Document, trigger: Any, host_day: HostDay | None = None) -> CountedDay | None:
    """The day of the happening the trigger names, when a length of days counts from it to a clause dated by a
    day ("sank on Friday, two days after a fire broke out" -> two days before Friday); None otherwise, or when
    that day would lie after the day the text was written. A clause no time governs is dated by `host_day`, the
    exact day the dater gives its verb (a day the story carries to it), when the caller gives one."""
    found = _counting_words(trigger)
    if found is None:
        return None
    word, length, host = found
    days = _days(length, _DIRECTIONS[word.lower_])
    if days is None:
        return None
    known = _clause_day(doc, host, host_day)
    if known is None:
        return None
    start, anchor = known
    day = start + dt.timedelta(days=_DIRECTIONS[word.lower_] * days)
    if day > written_by(doc):
        return None
    phrase = " ".join(t.text for t in (*(t for t in length.subtree if t.i <= length.i), word))
    return CountedDay(day, phrase, anchor)


def _clause_day(doc: Document, host: Any, host_day: HostDay | None) -> tuple[dt.date, str] | None:
    """The day the clause a length hangs on happened, and the words that name it: the day that governs the clause
    ("sank on Friday"), else, when no time governs it, the exact day `host_day` gives its verb."""
    timex = governing_timex(doc, host)
    if timex is None:
        return host_day(clause_head(host)) if host_day is not None else None
    if not is_anchor(timex) or precision(timex.value) not in _NAMED_DAY or not _on_its_day(doc, timex):
        return None
    span = interval(timex.value)
    return (span.first, repr(timex.text)) if span is not None else None


def _counting_words(trigger: Any) -> tuple[Any, Any, Any] | None:
    """("after"/"before", the length, the word of the clause it counts to) for a trigger counted from: the object
    of "after" ("two days after the explosion", "the day after the bombing"), or the verb of a clause it opens ("two
    days after a fire broke out"), or that verb's subject ("three days after an explosion killed four workers")."""
    verb = clause_head(trigger)
    for word in (trigger.head if trigger.dep_ in ("pobj", "pcomp") else None,  # "after the blast", "after being hit"
                 *(c for c in verb.children if c.dep_ == "mark")):
        if word is None or word.lower_ not in _DIRECTIONS:
            continue
        if word.dep_ == "mark" and not (verb.i == trigger.i or (trigger.dep_ == "nsubj" and trigger.head.i == verb.i)):
            continue
        owner = word.head  # the clause's verb for a mark, the word "after" modifies for a preposition
        host = owner.head if word.dep_ == "mark" else owner
        if word.dep_ == "mark" and host.lower_ in _LENGTH_WORDS and host.dep_ == "npadvmod":
            # "gathered on Wednesday, the evening before the court gave": the clause hangs on the length itself
            return word, host, host.head
        # "the day after Mubarak announced": the parser may hang the length on the main verb, just before "after"
        beside = (c for c in host.children if word.dep_ == "mark" and c.right_edge.i + 1 == word.i)
        length = next((c for c in (*word.children, *owner.children, *beside) if c.dep_ == "npadvmod"
                       and c.lower_ in _LENGTH_WORDS), None)
        if length is not None:
            return word, length, host
        if owner.lower_ in _LENGTH_WORDS and owner.dep_ == "npadvmod":  # "the day after the bombing"
            return word, owner, owner.head
    return None


def told_now(verb: Any) -> bool:
    """A verb told in the simple present with no auxiliary ("The move comes a day after ...", a caption's "Egyptians
    help clean the square on Saturday, a day after ..."): news of the day the text was written."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _on_its_day(doc: Document, timex: Timex) -> bool:
    """True when the time is the day the clause's act happened on ("on Friday", "Friday"), not a day it aims at or
    bounds ("readied themselves for Sunday", "by Friday")."""
    root = timex_root(doc, timex)
    return root is not None and (root.dep_ != "pobj" or root.head.lower_ in _ON_WORDS)


def _days(length: Any, direction: int) -> int | None:
    """How many days a length names, counted back (-1, "after") or ahead (1, "before"): "two days" 2, "12 days"
    12, "the day" 1, "the morning" after or "the night" before 1; None for anything vaguer or a part of a day that
    may lie on the happening's own day ("the night after")."""
    if length.lower_ in _PARTS[-1] | _PARTS[1]:
        one = any(c.dep_ == "det" and c.lower_ in _ONE for c in length.children)
        return 1 if one and length.lower_ in _PARTS[direction] else None
    counts = [c for c in length.children if c.dep_ == "nummod"]
    if len(counts) == 1:
        return number_of(counts[0].lower_)
    if length.lower_ == "day" and any(c.dep_ == "det" and c.lower_ in _ONE for c in length.children):
        return 1
    return None
