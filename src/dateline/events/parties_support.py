"""Parties a nominal trigger takes from the clause around it when it names none of its own: the subject and
objects of the support verb that governs it ("Moscow conducts air strikes", "X gave Y millions of aid"; but the
subject of a verb of defying is whom the act is aimed at: "crowds defied a curfew"), or the
parties of the clause whose scene it is ("five men were arrested in a raid", "two soldiers died in an attack"). Read by
`events.parties_nominal`.
"""

from __future__ import annotations

from typing import Any

from dateline.events.parties_complement import is_amount
from dateline.events.parties_syntax import (
    RECIPIENT_PREPS,
    RELATIVE_PRONOUNS,
    PartyTokens,
    clause_antecedent,
    converse,
    converse_parties,
    names_event,
    object_nouns,
    verb_subject,
    with_conjuncts,
)
from dateline.syntax import passive_agent
from dateline.words import word_set

#: Verbs whose subject undergoes what happens in the scene an "in" phrase names ("died in an attack").
UNDERGOING_VERBS = word_set("undergoing_verbs")
#: Prepositions whose nominal trigger is the scene of the clause it hangs on ("arrested in a raid").
SCENE_PREPS = frozenset({"in"})
#: Verbs whose "in" phrase is what their subject does, passive or not ("were involved in the attack").
IN_ARGUMENT_VERBS = word_set("in_argument_verbs")
#: Verbs whose subject defies a measure, demand or warning, its object: the one it is aimed at.
DEFYING_VERBS = word_set("defying_verbs")


def add_support_verb_subject(noun: Any, found: PartyTokens, reciprocal: bool = False) -> None:
    """"X conducts air strikes", "X gave Y millions of aid", "X returned for talks": the verb's parties."""
    if not reciprocal and _add_scene_clause_parties(noun, found):
        return  # "arrested in a raid" (not "in the face of protests": only the trigger's own phrase)
    if _add_defier(noun, found):
        return  # "protesters defied a curfew": aimed at them, not imposed by them
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "5 million dollars of aid" -> "dollars"
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head
    head = noun.head
    via_prep = noun.dep_ == "pobj" and reciprocal and head.dep_ == "prep"
    verb = head.head if via_prep else head
    if not (noun.dep_ == "dobj" or via_prep) or verb.pos_ not in ("VERB", "AUX"):
        return
    if converse(verb):  # "he is facing charges", "received backing from X"
        undergone = converse_parties(verb, verb_subject(verb))
        found.actors.extend(undergone.actors)
        if not any(t.i not in found.weak for t in found.recipients):
            found.recipients[:0] = undergone.recipients
        found.patterns.extend(undergone.patterns)
        return
    subject, how = verb_subject(verb)
    if subject is not None:
        found.actors.extend(with_conjuncts(subject))
        found.patterns.append(f"support verb '{verb.text}' {how}")
    if any(t.i not in found.weak for t in found.recipients):
        return
    for child in verb.children:
        objects = object_nouns(child) if child.dep_ in ("dative", "iobj", "dobj") and child.i != noun.i else \
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and \
            child.lower_ in RECIPIENT_PREPS and child.i != head.i else []
        if objects:
            heads = with_conjuncts(objects[0])
            found.recipients.extend(heads)
            found.weak.update(t.i for t in heads)
            found.patterns.append(f"support verb '{child.lower_}' object")
            if child.lower_ == "with":
                found.partners.update(t.i for t in heads)


def _add_defier(noun: Any, found: PartyTokens) -> bool:
    """"Thousands defied a government curfew", "he ignored calls to resign": the subject of a verb of defying
    (`defying_verbs`) whose object the trigger is was the one the measure, demand or warning was aimed at, so it is
    the recipient (first, ahead of weak ones), never the actor. False when the noun is no such object."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in DEFYING_VERBS:
        return False
    subject, how = verb_subject(verb)
    if subject is not None:
        found.recipients[:0] = with_conjuncts(subject)
        found.patterns.append(f"{how} of '{verb.text}' (the one it is aimed at defies it)")
    return True


def _add_scene_clause_parties(noun: Any, found: PartyTokens) -> bool:
    """"The government imposed a decree in a crackdown against X", "five men were arrested in a raid",
    "two soldiers died in an attack": a nominal trigger in an "in" phrase of a clause is the scene of
    that clause, whose active subject does the act and whose passive subject (or the subject of a verb
    of undergoing, `undergoing_verbs`) suffers it. False when the noun is not in such a phrase.

    The heads found are weak (kept only if an actor mention resolves them): the clause is about the
    scene, not a coded act of its own.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPS:
        return False
    verb = prep.head
    while verb.dep_ == "oprd" and verb.head.pos_ == "VERB":  # "were found slumped ... in an attack"
        verb = verb.head
    if verb.pos_ == "NOUN" and names_event(verb) and verb.dep_ == "dobj":
        add_support_verb_subject(verb, found)  # "continuing a hunger strike in protest of X": the strikers
        return True
    if verb.pos_ != "VERB":
        return False
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.lemma_.lower() in IN_ARGUMENT_VERBS and passive is not None:  # "were engaged in ethnic cleansing"
        _add_weak(found.actors, with_conjuncts(passive), found, f"subject of '{verb.text}' (does what it is in)")
        return True
    if passive is not None and passive.lower_ in RELATIVE_PRONOUNS:
        passive = clause_antecedent(verb)
    if passive is not None:
        agent = passive_agent(verb)
        if agent is not None:
            _add_weak(found.actors, with_conjuncts(agent), found, f"by-agent of '{verb.text}' (scene of the act)")
        _add_weak(found.recipients, with_conjuncts(passive), found, f"passive subject of '{verb.text}' (suffers "
                                                                      "the act it is the scene of)", first=True)
        return True
    subject, how = verb_subject(verb)
    if subject is None:
        return True
    if verb.lemma_.lower() in UNDERGOING_VERBS:
        _add_weak(found.recipients, with_conjuncts(subject), found, f"{how} of '{verb.text}' (undergoes the act "
                                                                      "it is the scene of)", first=True)
    else:
        _add_weak(found.actors, with_conjuncts(subject), found, f"{how} of '{verb.text}' (acts in the scene)")
        done_to = next((c for c in verb.children if c.dep_ == "dobj"), None)  # "killed 46 civilians in an attack"
        suffers = "suffers the act in the scene"
        if done_to is not None and is_amount(done_to):  # "sent $2.5m in aid to Haiti": a sum given, not a scene
            done_to, suffers = _handed_to(verb), "whom the sum is handed on to"
        if done_to is not None and all(t.i in found.weak for t in found.recipients):
            _add_weak(found.recipients, with_conjuncts(done_to), found, f"object of '{verb.text}' ({suffers})")
    return True


def _handed_to(verb: Any) -> Any | None:
    """Whom a verb hands its object on to: its indirect object or the object of its "to" phrase ("sent $2.5m in
    aid to Haiti"); None when it names no one."""
    goal = next((c for c in verb.children if c.dep_ in ("dative", "iobj") or (c.dep_ == "prep" and c.lower_ == "to")),
                None)
    objects = object_nouns(goal) if goal is not None and goal.pos_ == "ADP" else [goal] if goal is not None else []
    return objects[0] if objects else None


def _add_weak(slot: list[Any], heads: list[Any], found: PartyTokens, pattern: str, first: bool = False) -> None:
    """Add heads to a party slot as weak heads, first or last, and say which pattern found them."""
    if first:
        slot[:0] = heads
    else:
        slot.extend(heads)
    found.weak.update(t.i for t in heads)
    found.patterns.append(pattern)
