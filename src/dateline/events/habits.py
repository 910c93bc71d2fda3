"""An act told as a habit of years, not as a happening: "for years, officials urged the president to reform",
"demonstrators have for decades called for his ouster", "over the years the party accused the press of bias".

PLOVER and events-gold code concrete acts the text asserts happened; an active verb whose clause spans years with
no count of them ("for years", "for many decades", "over the years") tells what its subject did again and again, a
background the story sets its own events against. The span has to be long and uncounted:

* a counted span is one stretch of one act ("for two years", "for 18 days"), and a short one ("for weeks", "for
  hours") may be one protest or one siege going on;
* a passive names the patient of one act lasting ("has been detained for years": one detention);
* the verb the trigger continues carries the span for it ("raged for years, calling on citizens to take to the
  streets": the calling and the taking to the streets are the same habit).
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

#: Units of a span long enough that an uncounted stretch of them is a habit, not one act: year, decade, century.
LONG_UNITS = word_set("habit_units")
#: Prepositions of a span: "for years", "over the years".
SPAN_PREPS = frozenset({"for", "over"})
#: Dependents of a span's noun that count it or fix it ("two years", "the last years", "those years"); "over the
#: years" keeps its article.
COUNTING_DEPS = frozenset({"nummod", "quantmod", "poss"})
#: Links from a verb to the clause whose time it shares ("raged, calling", "urged to open").
CONTINUING_DEPS = frozenset({"advcl", "conj", "xcomp"})
#: Links of a noun trigger to the verb whose clause it is told in ("staged protests for years").
NOUN_TO_VERB_DEPS = frozenset({"dobj", "nsubj", "pobj", "attr"})


def habit_of_years(token: Any) -> str | None:
    """The span ("years") that makes the trigger's act a habit of years (see the module's docstring), or None."""
    verb = token.head if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOUN_TO_VERB_DEPS else token
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX") or _passive(verb):
            return None
        span = next((s for c in verb.children if (s := _long_span(c)) is not None), None)
        if span is not None:
            return span
        if verb.dep_ not in CONTINUING_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _passive(verb: Any) -> bool:
    """A passive verb ("has been detained"), whose span is one act lasting."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _long_span(adjunct: Any) -> str | None:
    """The noun of an uncounted span of years ("for years", "for many decades", "over the years"), or None."""
    if adjunct.dep_ != "prep" or adjunct.lower_ not in SPAN_PREPS:
        return None
    for noun in (g for g in adjunct.children if g.dep_ == "pobj"):
        counted = any(c.dep_ in COUNTING_DEPS for c in noun.children) or \
            (adjunct.lower_ == "for" and any(c.dep_ == "det" for c in noun.children))
        if noun.tag_ == "NNS" and noun.lemma_.lower() in LONG_UNITS and not counted:
            return noun.text
    return None


__all__ = ["habit_of_years"]
