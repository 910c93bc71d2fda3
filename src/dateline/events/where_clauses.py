"""The place a "where" clause hangs on: "The minister flew to Geneva, where she signed the accord" tells the
signing at Geneva, "the rebels retreated to Homs, where forces shelled them" the shelling at Homs. The parse makes
such a clause a relative clause (relcl) of the place, opened by the relative adverb (`place_relatives`); the act is
the clause's verb, a verb coordinated with it ("where police fired tear gas and arrested dozens"), or a noun the verb
takes as subject or object ("Geneva, where talks were held", "where she signed the agreement"). Not an act further
down, in a phrase or clause of its own ("the bridge, where the worst disaster since the invasion struck": the
invasion was not at the bridge), nor a clause the adverb opens on no place ("it is unclear where it happened").

Read by `events.locate` for every act, physical or not: the text itself says the act happened there, as "in Geneva"
on its verb would. Reads the parse and one place; no stage state.
"""

from __future__ import annotations

from typing import Any

from dateline.events.place_links import RANK_GOVERNOR, Choice
from dateline.events.place_phrase import place_token
from dateline.model import Place
from dateline.words import word_set

#: Relative adverbs of place ("Geneva, where ...").
PLACE_RELATIVES = word_set("place_relatives")
#: Links by which a noun trigger is an argument of its clause's verb ("where talks were held").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
#: Links up from a verb to the verb it is coordinated with or completes ("fired ... and arrested", "began to shell").
VERB_CHAIN_DEPS = frozenset({"conj", "xcomp"})
#: How far up a verb chain a trigger's clause is looked for.
MAX_CHAIN = 4


def where_clause_choice(place: Place, trigger: Any) -> Choice | None:
    """The place as the act's when the act is told in a "where" clause on it, or None."""
    clause = _where_clause(trigger)
    if clause is None or clause.dep_ != "relcl":
        return None
    token = place_token(trigger.doc, place)
    if not place.token_start <= clause.head.i < place.token_end and clause.head.i != token.i:
        return None
    return Choice(RANK_GOVERNOR, place, f"'{place.text}, {_adverb(clause).text} … {trigger.text}': "
                                        f"the clause on the place tells the act")


def _where_clause(trigger: Any) -> Any | None:
    """The verb of the "where" clause the trigger's act is told in: the trigger or the verb it is an argument of,
    followed up a chain of coordinated or completing verbs to the one the adverb hangs on."""
    verb = trigger.head if trigger.dep_ in ARGUMENT_DEPS and trigger.pos_ in ("NOUN", "PROPN") else trigger
    for _ in range(MAX_CHAIN):
        if _adverb(verb) is not None:
            return verb
        if verb.dep_ not in VERB_CHAIN_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _adverb(verb: Any) -> Any | None:
    """The relative adverb of place that opens the verb's clause, if any."""
    return next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in PLACE_RELATIVES and c.i < verb.i),
                None)
