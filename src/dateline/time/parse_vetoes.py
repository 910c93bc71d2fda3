"""Vetoes that need the parse: matches a time rule makes that the words around them show are no time.

The rules of the time stage read text alone, so "2000 people" matches the year rule and "current" the rule
for the present. The parse settles these: `PARSE_VETOES` maps a rule's name to a predicate on the matched
token span, and the tagger (`time.tag`) drops a match its rule's predicate holds for. The number vetoes
live here (a four-digit or spelled-out number that counts a plural noun or names a measure is a count, not
a year); the others belong to the rule sets they guard (`generic`, `clock`) and are gathered here so the
tagger has one table to ask.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.time.clock import modifies_a_noun
from dateline.time.generic import is_not_adjective, is_not_some_day, is_some_day, names_no_day

#: Entity labels under which the parser's recogniser reads a number as a measure, not a date.
MEASURE_ENTITIES = frozenset({"QUANTITY", "MONEY", "PERCENT"})


def measure_with_unit(token: Any) -> bool:
    """True when the recogniser reads `token` as part of a measure that names its unit ("1000 ton", "$1990")."""
    if token.ent_type_ not in MEASURE_ENTITIES:
        return False
    return any(ent.start <= token.i < ent.end and len(ent) > 1 for ent in token.doc.ents)


def is_count_not_year(span: Any) -> bool:
    """True for a four-digit number used as a count ("2000 people", "$1990", "1995 percent").

    A number that modifies a plural noun is a count unless a determiner or "fiscal" shows it is a year
    ("the 1990 elections"). The parser's entity recogniser settles what the words do not: before a plural
    noun, a number it reads as a date is a year unless a round hundred, which it calls a date whatever it
    counts ("won by 2000 votes"): "2016 shipments", "1990 BellSouth earnings"; one it reads as a cardinal is a
    count even after a determiner ("some 2000 protesters"). Before a singular noun ("a 2015 police sweep") it
    is not trusted to say cardinal: only a measure with its unit ("a 1000 ton capacity", "the 2000-metre race")
    is no year there (a lone number it calls money, "its 2018 gala" next to stray quotes, is not trusted).
    """
    doc = span.doc
    token = span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.tag_ == "$":
        return True
    if after is not None and after.lower_ in {"%", "percent", "per"}:
        return True
    counts_plural = token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i > token.i
    if measure_with_unit(token) or (counts_plural and token.ent_type_ == "CARDINAL"):
        return True
    if len(span) > 1:  # "fiscal 1989", "the year 2000"
        return False
    year_like = before is not None and (before.tag_ in {"DT", "PRP$", "POS"} or before.lower_ in {"in", "of"})
    year_like = year_like or (token.ent_type_ == "DATE" and not token.text.endswith("00"))
    return counts_plural and not year_like


def spelled_count(span: Any) -> bool:
    """True for a number in words that counts a plural noun: "two thousand years", "nineteen hundred soldiers"
    are amounts, not the years 2000 and 1900 ("in two thousand one" stays a year)."""
    token = span[-1]
    return token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i > token.i


#: Rule-specific vetoes that need the parse: rule name -> predicate on the token span.
PARSE_VETOES: dict[str, Callable[[Any], bool]] = {
    "year": is_count_not_year, "current": is_not_adjective, "clock": modifies_a_noun, "deictic_day": names_no_day,
    "duration": is_some_day, "some_day": is_not_some_day, "spelled_year": spelled_count}
