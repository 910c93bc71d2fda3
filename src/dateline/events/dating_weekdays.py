"""One value for a weekday named more than once in an article ("Thursday" is one Thursday), read from the
evidence of all its mentions (`events.dating` dates events with the value this gives).

The time stage reads each mention's direction from its own clause. A mention with no tense of its own to go by (a
caption's "clashes between demonstrators Thursday", a noun in a present clause, "testimony to Congress on
Thursday suggests") is often read the other way from the rest: it takes the value most mentions whose own verb's
tense agrees with their reading give. A mention of a verb whose tense agrees with its reading keeps it ("returned on
Wednesday" and "will pack up on Wednesday" are two days), and so does every mention when the readings are split.
"""

from __future__ import annotations

import collections
from dataclasses import replace
from typing import Any

from dateline.events.dating_clauses import is_anchor, past_tense, timex_root, written_by
from dateline.model import Document, Timex
from dateline.timex3 import interval
from dateline.words import word_class, word_table

_WEEKDAYS = frozenset(word_table("weekdays"))
_FUTURE_AUX = word_class("auxiliaries", "future")


def same_expression_value(doc: Document, timex: Timex) -> Timex:
    """The mention with the value the article's mentions of its weekday support (see the module docstring): its
    own when its clause's tense agrees with it, else the value most mentions whose tense agrees give, else the
    value most mentions give; its own when the count is split evenly."""
    if timex.text.lower() not in _WEEKDAYS or _tense_agrees(doc, timex):
        return timex
    mentions = [t for t in doc.timexes if t.text.lower() == timex.text.lower() and is_anchor(t)]
    value = _most_given([t for t in mentions if _tense_agrees(doc, t)]) or _most_given(mentions)
    return timex if value is None or value == timex.value else replace(timex, value=value)


def _most_given(mentions: list[Timex]) -> str | None:
    """The value most of the mentions give, None when there is none or two values tie."""
    ranked = collections.Counter(t.value for t in mentions).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _tense_agrees(doc: Document, timex: Timex) -> bool:
    """True when the mention is a time of a verb itself (not of a noun: "testimony on Thursday", "Tuesday's
    hearings") whose tense agrees with its value: told in the past and no later than the article was written, or
    later and looking ahead, with a modal or future auxiliary of its own or of the verb it is conjoined to ("could
    develop and hit the coast on Thursday"), or in the present ("the camp packs up on Wednesday")."""
    root, span = timex_root(doc, timex), interval(timex.value)
    if root is None or span is None:
        return False
    verb = root.head.head if root.head.pos_ == "ADP" else root.head
    if verb.pos_ not in ("VERB", "AUX") or root.head.i == root.i:
        return False
    if span.first <= written_by(doc):
        return past_tense(verb) and not _modal(verb)
    return _modal(verb) or (verb.tag_ in ("VBZ", "VBP") and not past_tense(verb))


def _modal(verb: Any) -> bool:
    """A modal or future auxiliary on the verb or on the verb it is conjoined to."""
    verbs = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in _FUTURE_AUX) for v in verbs for c in v.children)
