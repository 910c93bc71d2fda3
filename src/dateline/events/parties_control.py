"""Who would do what a noun's infinitive says: control through a noun.

"An attempt by the opposition to hold a rally", "Iran's decision to expel the envoy", "the opposition requested
permission to hold a rally": the infinitive hangs on a noun, not on a verb, so its doer is neither that noun nor
the subject of any verb it has. Its doer is the noun's own holder (a possessive or a "by" phrase), else the
subject of a verb with which that subject seeks, makes, gets or drops the noun's plan (`seeking_verbs`). A noun
of asking or ordering ("a call to protest", "an order to withdraw") is done by whom it is addressed to, so no one
is read for it here. Read by `events.parties_syntax.verb_subject`.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.words import word_set

#: Verbs whose subject seeks, makes, gets or drops a plan, a right or a permission, and so would do its infinitive.
SEEKING_VERBS = word_set("seeking_verbs")
#: Verbs whose object is told to do what their infinitive says; their nouns ("a call", "an order") are done by
#: whom they address.
ADDRESSING_VERBS = word_set("addressing_verbs")
#: Types of nouns whose infinitive is done by the one they are addressed to ("a request to leave").
ADDRESSED_TYPES = frozenset({"REQUEST"})


def infinitive_of_noun(verb: Any) -> bool:
    """Whether `verb` is an infinitive that modifies a noun ("an attempt to hold", "permission to march")."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def noun_controller(noun: Any) -> tuple[Any | None, Any | None, str]:
    """Who would do the infinitive on `noun`: (the holder's head, None, how) when the noun names it (its
    possessive or "by" phrase), (None, the seeking verb, how) when the subject of the verb whose object the noun
    is does, (None, None, "") for no one (a noun of asking or ordering, or a verb of another kind)."""
    lemma = noun.lemma_.lower()
    entry = load_lexicon().noun_entry(noun)
    if lemma in ADDRESSING_VERBS or (entry is not None and entry.type in ADDRESSED_TYPES):
        return None, None, ""
    for child in noun.children:
        if child.dep_ == "poss":
            return child, None, f"possessive of '{noun.text}' (whose {lemma} it is)"
        if child.dep_ == "prep" and child.lower_ == "by":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent, None, f"'by' object of '{noun.text}' (whose {lemma} it is)"
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in SEEKING_VERBS and not any(
            c.dep_ in ("dative", "iobj", "nsubjpass") for c in verb.children):
        return None, verb, f"subject of '{verb.text}' (seeks '{noun.text}')"
    return None, None, ""
