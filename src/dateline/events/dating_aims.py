"""The time of the thing a verb plans or calls for: "The union called for a rally at 11 a.m. Monday", "Farmers
planned a second wave of road blocks Tuesday".

Written right after the thing aimed at, the time is that thing's: the march is at 3 p.m. on Thursday, the call came
before it. The parser hangs such a time on the verb as often as on the noun, so the words' order decides, not the
tree: a time that follows the aim's phrase (with at most "on", "at" or "for" between) or lies inside it dates the aim
and not the planning or the call. A time before the aim ("called on Monday for talks", "on Friday planned a rally")
stays the verb's. The verbs are those whose object is a thing to come (`planned_thing_verbs`, the time stage reads a
time on it ahead) and those whose aim follows "for" (`prepositional_irrealis_verbs`: "called for", "pressed for").
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.model import Document, Timex
from dateline.words import word_class, word_set

_PLANNED_THING = word_set("planned_thing_verbs")
_AIMING_FOR = word_set("prepositional_irrealis_verbs")
#: Words that may stand between the aim's phrase and its time ("a march at 3 p.m. Thursday", "a rally on Sunday").
_TIME_PREPOSITIONS = word_class("prepositions", "aim-time")


def time_of_aim(doc: Document, timex: Timex, trigger: Any) -> bool:
    """True when the timex is the time of the happening the trigger plans or calls for, written inside that
    happening's phrase or right after it: it does not date the trigger. The aim must be a noun the trigger
    lexicon reads as a happening (a march, a strike, a meeting): "asked for a visa Thursday" asked on Thursday."""
    aim = _aim(trigger)
    nouns = load_lexicon().nouns
    if aim is None or not (aim.lemma_.lower() in nouns or aim.lower_ in nouns) \
            or timex.token_start is None or timex.token_start <= aim.i:
        return False
    edge = aim.right_edge.i
    if timex.token_start <= edge:
        return True
    return all(t.lower_ in _TIME_PREPOSITIONS for t in doc.parsed[edge + 1:timex.token_start])


def _aim(trigger: Any) -> Any | None:
    """The noun a verb plans ("planned a rally") or calls for ("called for a march"), or None."""
    if trigger.pos_ != "VERB":
        return None
    if trigger.lemma_ in _PLANNED_THING:
        return next((c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if trigger.lemma_ in _AIMING_FOR:
        return next((g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > trigger.i
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)  # not "for example,"
    return None
