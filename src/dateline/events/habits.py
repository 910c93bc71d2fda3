"""An act told as a habit of years, not as a happening: "for years, the unions lobbied the ministry for a pay
rise", "demonstrators have for decades called for his ouster", "over the years the party accused the press of bias".

PLOVER and events-gold code concrete acts the text asserts happened; an active verb whose clause spans years with
no count of them ("for years", "for many decades", "over the years") tells what its subject did again and again, a
background the story sets its own events against. The span has to be long and uncounted:

* a counted span is one stretch of one act ("for two years", "for 18 days"), and a short one ("for weeks", "for
  hours") may be one protest or one siege going on;
* a passive names the patient of one act lasting ("has been detained for years": one detention);
* the verb the trigger continues carries the span for it ("have marched for decades, demanding a vote": the
  demanding is the same habit), unless the trigger's own verb has a time of its own ("have protested for decades and
  on Monday occupied the ministry": the occupying is one happening, on Monday); a verb passed on the way up does not
  stop the walk ("have campaigned for decades, striking in 1984 and marching on the capital": the marching is
  still the habit).
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
#: Dependents of a verb that are a time of its own ("yesterday", "last week"); a preposition's object is read apart.
TIME_DEPS = frozenset({"npadvmod", "advmod", "tmod"})
#: Entity labels of a time.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Links of a noun trigger to the verb whose clause it is told in ("staged protests for years").
NOUN_TO_VERB_DEPS = frozenset({"dobj", "nsubj", "pobj", "attr"})


def habit_of_years(token: Any) -> str | None:
    """The span ("years") that makes the trigger's act a habit of years (see the module's docstring), or None."""
    verb = token.head if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOUN_TO_VERB_DEPS else token
    for hop in range(3):
        if verb.pos_ not in ("VERB", "AUX") or _passive(verb):
            return None
        span = next((s for c in verb.children if (s := _long_span(c)) is not None), None)
        if span is not None:
            return span
        if verb.dep_ not in CONTINUING_DEPS or verb.head.i == verb.i or (hop == 0 and _own_time(verb)):
            return None
        verb = verb.head
    return None


def _own_time(verb: Any) -> bool:
    """Whether a verb is dated by an adjunct of its own ("and on Monday occupied the ministry", "yesterday"): then it
    tells its own happening, and the span of the verb it is coordinated with or continues is not its time. The time
    has to be the adjunct itself or its preposition's object, not a date deeper in a phrase ("talked about the
    century-long addiction", "settled disputes, including the lawsuit over September's attacks" date no act)."""
    for adjunct in verb.children:
        if adjunct.dep_ in TIME_DEPS and adjunct.ent_type_ in TIME_ENTITIES:
            return True  # "yesterday", "last week"
        if adjunct.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in TIME_ENTITIES for g in adjunct.children):
            return True  # "on Monday", "in 1935"
    return False


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
