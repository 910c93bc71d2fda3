"""An act named as a kind, not as a happening: a bare plural in a statement of the simple present.

Read by `events.frame.not_an_act`, so the lexicon's and the detector's proposals alike are dropped. A plural event
noun with no determiner, possessor, number, named doer or date ("attacks", "detentions") said of in the simple
present names a kind of act:

* the subject of a copula with an adjective predicate: "Attacks on reporters are unacceptable", "sanctions are
  useless" (a judgement of acts of that kind, not a report of one). A noun predicate is left alone: "assassinations
  are a regular event" is generic too, but WikiEvents (KAIROS) codes such mentions, and a first version that took
  them lost two of its gold events;
* the object of a verb listing what a whole includes (`including_verbs.txt`): "the abuses against reporters include
  beatings, arrests and threats" (a breakdown of a tally, whose acts are told elsewhere if at all);
* the subject of a present verb with an adverb of habit (`habitual_adverbs.txt`): "gang attacks happen regularly in
  the camps".

A past or perfect clause ("attacks on reporters were reported on Friday"), a determiner or a number ("the attacks",
"three attacks"), a named doer ("Taliban attacks") or a date in the phrase ("Friday's attacks") report acts and stay;
so does a predicate that is no judgement ("talks are under way", "protests are planned for Friday").
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

INCLUDING_VERBS = word_set("including_verbs")
HABITUAL_ADVERBS = word_set("habitual_adverbs")
#: Tags of a verb in the simple present.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Dependents that make a plural noun name particular acts: a determiner, possessor, number or quantity.
PARTICULAR_DEPS = frozenset({"det", "poss", "nummod", "quantmod", "predet"})
#: Entity labels of a modifier that names who acted or when ("Taliban attacks", "Friday's attacks").
PARTICULAR_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON", "DATE", "TIME", "FAC", "LOC"})
#: Entity labels that date an act ("announced on Monday").
DATED_ENTITIES = frozenset({"DATE", "TIME"})
#: Dependencies of a copula's predicate that judge its subject ("are unacceptable").
JUDGING_PREDICATES = frozenset({"acomp"})


def kind_of_act(token: Any) -> bool:
    """A bare plural event noun said of in a statement of the simple present (see the module's docstring)."""
    nouns = _coordinated(token)
    if not all(_bare_plural(n) for n in nouns):
        return False
    first = nouns[0]
    verb = first.head
    if verb.tag_ not in PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if first.dep_ == "nsubj" and lemma == "be":
        return any(c.dep_ in JUDGING_PREDICATES for c in verb.children)
    if first.dep_ == "dobj" and lemma in INCLUDING_VERBS:
        return True
    return first.dep_ == "nsubj" and any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children)


def _coordinated(token: Any) -> list[Any]:
    """The noun and the nouns it is coordinated with, the first of them first ("assaults, detentions and threats")."""
    first = token
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    return [first, *(c for c in first.subtree if c.dep_ == "conj" and c.pos_ == "NOUN" and c.head.pos_ == "NOUN")]


def _bare_plural(noun: Any) -> bool:
    """A plural common noun with no determiner, possessor, number or named doer among its own modifiers and no date
    in its phrase."""
    if noun.tag_ != "NNS":
        return False
    for child in noun.children:
        if child.dep_ in PARTICULAR_DEPS or child.ent_type_ in PARTICULAR_ENTITIES or child.like_num:
            return False
    # a date anywhere in its phrase makes it particular ("sanctions on three banks announced on Monday")
    return not any(t.ent_type_ in DATED_ENTITIES for t in noun.subtree)


__all__ = ["kind_of_act"]
