"""A verb of threatening, supporting or attacking done to a state of things, not a party: another sense, no act.

"Threaten" is a THREATEN when a party warns another of what it will do to it, but "unrest threatens the stability of
the region" or "the row could threaten the recovery" endangers a state of things; "support" backs a party or its
cause, but "to support the economy" or "to restore confidence in the banks" sustains one; "battling rumours" fights no
one. The class is told by the kind of what the verb is done to (`state_nouns.txt`: conditions and qualities, no
party, policy or goods), never by the verb's word, and only for the types whose reading needs a party there
(`STATE_TYPES`). A noun trigger of a threat does the same with its "to" phrase ("threats to the mill's ability
to pay its workers", "a threat to stability"): a danger, no threat.

What the verb is done to is `lexicon.verb_objects` (its object, its passive subject, the noun its participle
describes). A noun with a name in its phrase ("Iran's economy", "the Egyptian economy") still names no party that
is threatened or backed: the state of things is the object either way. A state in a compound before another noun
("economy ministers", "growth targets") is a modifier, not the object, and is left alone.

Read by `events.argument_senses.sense_from_arguments`, so the lexicon's and the detector's proposals alike are
dropped.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import verb_objects
from dateline.words import word_set

#: Conditions and qualities that are no party.
STATES = word_set("state_nouns")
#: Types whose reading needs a party as what the act is done to.
STATE_TYPES = frozenset({"THREATEN", "SUPPORT", "ASSAULT"})
#: Prepositions of a threat's noun that name what is in danger ("a threat to stability").
THREATENED_PREPS = frozenset({"to"})


def state_object(token: Any, type_name: str) -> Any | None:
    """The state of things the trigger `token` of `type_name` is done to, when that reading needs a party there,
    or None (the module's rule)."""
    if type_name not in STATE_TYPES:
        return None
    if token.pos_ == "VERB":
        return next((noun for noun in verb_objects(token) if _a_state(noun)), None)
    if token.pos_ == "NOUN" and type_name == "THREATEN":
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in THREATENED_PREPS):
            found = next((o for o in prep.children if o.dep_ == "pobj" and _a_state(o)), None)
            if found is not None:
                return found
    return None


def _a_state(noun: Any) -> bool:
    """A common noun of `STATES`, not a name and not a modifier of another noun."""
    if noun.pos_ != "NOUN" or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    return noun.dep_ != "compound" and noun.lemma_.lower() in STATES
