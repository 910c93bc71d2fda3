"""Expressions that do not anchor to one calendar date: recurring days and months, and
the present as a state ("current").

TimeML writes a recurring time as a SET whose value leaves the varying part as X:
"each July" is `XXXX-07`, "Mondays" `XXXX-WXX-1`, "Tuesday nights" `XXXX-WXX-2TNI`.
"This (crucial) moment" and the adjective "current" ("current market conditions",
"his current wife") refer to the present, `PRESENT_REF`; "the then current price" to the past.
Unit phrases ("the current quarter", "the current year") are longer matches of other
rules and win over these.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.time.lexicon import PARTS_OF_DAY, WEEKDAYS
from dateline.time.patterns import FULL_MONTH, FULL_WEEKDAY
from dateline.time.rules import Context, Reading, Rule, compile_rule, month_number
from dateline.time.tense import verb_direction
from dateline.words import word_set

_PARTS_PLURAL = "mornings|afternoons|evenings|nights"
_SOME_DAY = frozenset({"oneday", "someday"})
#: Words after "one day" that make it a length or an offset ("one day later", "a one-day-long strike").
_AFTER_A_LENGTH = "later|earlier|after|before|long|old"
#: Nouns after which "current" is an accounting or physics term, not the present.
#: Nouns that make "today's" the present age ("today's youth"), not the article's day.
_ERA_NOUNS = word_set("era_nouns")
_NOT_PRESENT_AFTER = r"account|accounts|assets|liabilities|ratio|affairs|events|flows?|dollars|prices\s+index"


def _each_month(m: re.Match, ctx: Context) -> Reading | None:
    """Each July / every March: the month of every year (SET `XXXX-07`)."""
    month = month_number(m["mon"])
    if month is None:
        return None
    return Reading("SET", f"XXXX-{month:02d}", quant=m["quant"].upper())


def _weekday_set(m: re.Match, ctx: Context) -> Reading | None:
    """Mondays / on Tuesday nights: that day of every week (SET `XXXX-WXX-2TNI`)."""
    weekday = WEEKDAYS[m["wd"].lower()]
    part = PARTS_OF_DAY[m["pod"].lower()[:-1]] if m["pod"] else ""
    return Reading("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))


def _current(m: re.Match, ctx: Context) -> Reading | None:
    """Current (adjective): the present; "then current": a past present."""
    return Reading("DATE", "PAST_REF" if m["then"] else "PRESENT_REF")


def _some_day(m: re.Match, ctx: Context) -> Reading | None:
    """"Will one day be", "someday": an unnamed time to come, not a day's length (FUTURE_REF)."""
    return Reading("DATE", "FUTURE_REF")


def is_some_day(span: object) -> bool:
    """True for "one day"/"some day" standing before the verb of a clause that is not past, as its
    adverb or its parsed subject: "Islam will one day be", "he hopes he one day follows", "One day, she
    hopes to return". A length follows its verb ("will last one day") or a preposition ("for one day"),
    and a past clause's "one day" ("One day, he walked in") is a day the story does not date."""
    root = span.root  # type: ignore[attr-defined]
    if span.text.lower().replace(" ", "") not in _SOME_DAY or root.dep_ not in {"npadvmod", "nsubj", "advmod"}:  # type: ignore[attr-defined]
        return False
    verb = root.head
    return verb.pos_ in {"VERB", "AUX"} and root.i < verb.i and verb_direction(verb) >= 0


def is_not_some_day(span: object) -> bool:
    """Parse veto of the "some_day" rule: any other "one day" is read by the duration rule."""
    return not is_some_day(span)


def _this_moment(m: re.Match, ctx: Context) -> Reading | None:
    """This (crucial) moment: the present."""
    return Reading("DATE", "PRESENT_REF")


def is_not_adjective(span: object) -> bool:
    """Parse veto for "current": only the adjective is a time ("the river's current" is not)."""
    return span.root.pos_ != "ADJ"  # type: ignore[attr-defined]


def names_no_day(span: object) -> bool:
    """Parse veto for "today"/"tomorrow" that names no day: an age ("today's youth", "the people of
    tomorrow"; a day's own event keeps its day: "today's vote") or part of a name ("USA Today")."""
    root = span.root  # type: ignore[attr-defined]
    return _names_an_age(root) or _ends_a_name(root)


def _names_an_age(root: Any) -> bool:
    """"Today's youth", "tomorrow's leaders", "the people of tomorrow": an age, not a day."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != root.head.i:
        return root.head.head.lemma_.lower() in _ERA_NOUNS
    possessive = any(c.dep_ == "case" for c in root.children) or root.dep_ == "poss"
    return possessive and root.head.i != root.i and root.head.lemma_.lower() in _ERA_NOUNS


def _ends_a_name(root: Any) -> bool:
    """"USA Today", "VOA Today": a capitalised "Today" right after a proper noun, inside a sentence."""
    before = root.doc[root.i - 1] if root.i > 0 else None
    return root.text[:1].isupper() and not root.is_sent_start and before is not None and before.tag_ == "NNP"


GENERIC_RULES: tuple[Rule, ...] = (
    compile_rule("each_month", rf"(?P<quant>every|each)\s+(?P<mon>{FULL_MONTH})", _each_month),
    compile_rule("weekday_set", rf"(?P<wd>{FULL_WEEKDAY})(?:s|\s+(?P<pod>{_PARTS_PLURAL}))", _weekday_set),
    compile_rule("some_day", rf"someday|(?:one|some)\s+day(?![\s-]*(?:{_AFTER_A_LENGTH})\b)", _some_day),
    compile_rule("this_moment", r"this\s+(?:[a-z]+\s+)?moment", _this_moment),
    compile_rule("current", rf"(?P<then>then[\s-]+)?current(?!\s+(?:{_NOT_PRESENT_AFTER})\b)", _current),
)
