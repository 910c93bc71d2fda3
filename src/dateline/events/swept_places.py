"""A place an act is said to fill: the object of a verb of sweeping whose subject is the act ("protests swept Egypt"),
or of such a verb in a clause on the act's noun ("the demonstrations currently roiling Egypt", "the unrest that has
engulfed Cairo").

No preposition ties such a place to the act, so the other links (`events.place_links`) do not read it, and an act so
told took the story's scene instead: "protests across the United States, held in solidarity with the demonstrations
roiling Egypt" placed the Egyptian demonstrations at a rally in New York told the sentence before. Only verbs that say
the act filled the place count (`sweeping_verbs`): the object of "protests targeting Israel" is what they were about,
not where they were. Read by `events.locate`, for physical acts whose sentence ties them to no place otherwise.
"""

from __future__ import annotations

from typing import Any

from dateline.events.clause_links import DESCRIBING_DEPS
from dateline.events.place_links import RANK_OWN, Choice, introducing_word, place_token
from dateline.model import Place
from dateline.words import word_set

#: Verbs of an act filling a place ("swept", "roiling", "engulfed"), by lemma.
SWEEPING_VERBS = word_set("sweeping_verbs")


def swept_choice(place: Place, trigger: Any) -> Choice | None:
    """The place as the object of a verb of sweeping that the act at `trigger` is the subject of, or that describes
    the trigger's noun; None for any other place."""
    prep, verb, phrase = introducing_word(place_token(trigger.doc, place))
    if prep is not None or phrase.dep_ != "dobj" or verb.lemma_.lower() not in SWEEPING_VERBS:
        return None
    describes = verb.dep_ in DESCRIBING_DEPS and verb.head.i == trigger.i
    fills = trigger.dep_ == "nsubj" and trigger.head.i == verb.i
    if not (describes or fills):
        return None
    return Choice(RANK_OWN, place, f"'{trigger.text} … {verb.text} {place.text}': the place the act filled")
