"""Relative clauses about an occasion ("a summit in Sochi on Monday, at which they agreed"): the act
they tell happens at the occasion's place and time, which the event dater and locator both need.

The parser often hangs such a clause on the wrong word when commas, places and dates stand between
it and its noun ("a preparatory meeting at the OAS in Washington, on March 15th, at which member
states agreed" is parsed as a clause on "Trinidad"), so the occasion is the nearest common noun
before the clause that is neither a name nor part of a date, as "which" refers back to it.
"""

from __future__ import annotations

from typing import Any

from dateline.model import Document
from dateline.words import word_class, word_set

#: Words opening a relative clause about an occasion ("at which", "where"): it shares its noun's time.
OCCASION_WORDS = word_set("occasion_relatives")
PLACE_PREPS = word_class("prepositions", "event-place")
#: Parts of speech skipped on the way back from the clause to its noun: names, numbers, particles.
PASSED_OVER = frozenset({"PROPN", "NUM", "PUNCT", "ADP", "DET", "ADJ", "CCONJ", "PART", "SPACE"})


def occasion_clause(verb: Any) -> bool:
    """A relative clause about the occasion its noun names ("held a summit in Sochi on Monday, at
    which they agreed"; "a conference where they signed a truce"): it happens at that noun's place
    and time, unlike a relative clause of its own ("an attack that Britain has blamed on Russia")."""
    if verb.dep_ != "relcl":
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in OCCASION_WORDS:
            return True
        if child.dep_ == "prep" and (child.lower_ in OCCASION_WORDS or child.lower_ in PLACE_PREPS) \
                and any(g.lower_ == "which" for g in child.children):
            return True
    return False


def occasion_noun(doc: Document, trigger: Any) -> Any | None:
    """The noun naming the occasion of the trigger's relative clause, or None when the trigger is
    in no such clause: the nearest common noun before the clause, passing over names, dates and
    the words between them; the parse's own head when none is found before a verb."""
    clause = trigger.head if trigger.dep_ == "xcomp" else trigger
    if not occasion_clause(clause):
        return None
    in_dates = {i for t in doc.timexes if t.token_start is not None and t.token_end is not None
                for i in range(t.token_start, t.token_end)}
    for i in range(clause.left_edge.i - 1, clause.sent.start - 1, -1):
        token = doc.parsed[i]
        if i in in_dates or token.pos_ in PASSED_OVER:
            continue
        return token if token.pos_ == "NOUN" else clause.head
    return clause.head
