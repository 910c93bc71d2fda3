"""Who or what does a trigger's act, read from the parse: the agent the non-political frame (`events.frame`) and
the courtesies (`events.courtesy`) judge ("a tsunami killed 43": the tsunami; "exploded, killing three": the subject
of "exploded"; "wildfires forced the evacuation": the wildfires).
"""

from __future__ import annotations

from typing import Any

from dateline.syntax import subject_in_a_preposition
from dateline.words import word_set

#: Links from a trigger to the clause whose subject it shares ("exploded, killing", "fought back to defeat").
CONTINUING_DEPS = frozenset({"advcl", "conj", "xcomp", "acl"})
RELATIVE_PRONOUNS = word_set("relative_pronouns")


def agent_of(token: Any) -> Any | None:
    """The head word of who or what does the trigger's act, or None when the parse names nobody.

    A verb's subject or "by" agent; failing that, the subject of the clause it continues ("exploded,
    killing three": the subject of "exploded"; a passive's "by" agent only one clause up: "was hit by
    floods, killing 20", not "was affected by the hurricane and read statements supporting X"). A noun's
    possessor or "by" agent; failing that, the agent of the verb whose object it is ("wildfires forced the
    evacuation"). An active infinitive after a passive takes the passive's subject ("the fever is thought to
    have claimed dozens": `_raised_subject`).
    """
    current = token
    for depth in range(3):
        found = _own_agent(current, passive_agent=depth <= 1)
        if found is not None:
            return found
        if current.pos_ in ("NOUN", "PROPN") and current.dep_ in ("dobj", "nsubjpass", "attr"):
            current = current.head
            continue
        if (suspect := _patient_of_a_charge(current)) is not None:
            return suspect
        if current.dep_ not in CONTINUING_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "acl" and (current.tag_ != "VBN" or any(c.dep_ == "dobj" for c in current.children)):
            return current.head  # "a heatwave killed 60" parsed as a noun and its clause
        if current.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in current.head.children):
            return None  # "forced the government to postpone": the object acts, not the subject
        if (raised := _raised_subject(current)) is not None:
            return raised
        current = current.head
    return None


def _raised_subject(verb: Any) -> Any | None:
    """The subject a passive verb lends the active infinitive after it ("the fever is reckoned to have claimed
    dozens": the fever; "the rebels are said to have attacked", "the envoy was asked to leave", "the recruits were
    taught to shoot"): any passive, not only one of belief, report or bidding, since the subject of a passive is the
    one who does the infinitive's act after it, not the passive's unnamed believer, asker or teacher. A relative
    pronoun stands for the noun its clause describes ("the cholera, which is thought to have claimed scores"). None
    when the verb is no infinitive of a passive, or is itself passive ("is believed to have been killed": its subject
    is the patient)."""
    if verb.dep_ != "xcomp" or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ not in RELATIVE_PRONOUNS:
        return subject
    return verb.head.head if verb.head.dep_ == "relcl" else _antecedent_before_comma(subject)


def _patient_of_a_charge(token: Any) -> Any | None:
    """Who a gerund after a passive participle's preposition is said of: that participle's passive subject, or the
    noun it describes ("the virus is suspected of killing 40", "a virus, suspected of killing dozens", "the virus,
    which is suspected of killing 60", "he was jailed for attacking a guard"): the one suspected, blamed or jailed
    is the one who did the act. None otherwise."""
    if token.dep_ != "pcomp" or token.tag_ != "VBG" or token.head.dep_ != "prep":
        return None
    participle = token.head.head
    if participle.tag_ != "VBN":
        return None
    patient = next((c for c in participle.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and participle.dep_ == "relcl" and patient.lower_ in RELATIVE_PRONOUNS:
        return participle.head  # "the virus, which is suspected of killing": the virus
    return patient if patient is not None else participle.head if participle.dep_ == "acl" else None


def _own_agent(token: Any, passive_agent: bool = True) -> Any | None:
    """A head's own subject (the nearest before it: a wire dateline parses as a second one; a relative pronoun stands
    for the noun its clause describes, "an earthquake that hit", or for the noun before its comma when the parser
    hung the clause outside that noun's phrase, "the disaster, which struck", or gives way to the noun the parser
    made the verb's other subject, "an outbreak, that has killed 53, has prompted"), possessor or, if asked, "by"
    agent."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "poss")] or subject_in_a_preposition(token)
    if subjects:
        relative = token.dep_ == "relcl"
        subject = max(subjects, key=lambda c: (c.i < token.i, relative or c.lower_ not in RELATIVE_PRONOUNS, c.i))
        if subject.lower_ not in RELATIVE_PRONOUNS:
            return subject
        before = _antecedent_before_comma(subject)
        if relative and (before is None or before in token.head.subtree):
            return token.head
        return before or subject
    if not passive_agent:
        return None
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and token.pos_ == "NOUN"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _antecedent_before_comma(pronoun: Any) -> Any | None:
    """The noun a relative pronoun stands for when the parser hung its clause elsewhere ("died in the disaster, which
    struck on Tuesday" parsed with "struck" an adverbial clause of "died", or a relative clause of "people"): the
    noun right before the pronoun's comma, which ends the antecedent's phrase ("the leader of the rebels, who": the
    parser's "leader" stands, its phrase holds "rebels"). None when no noun ends the phrase before it."""
    before = pronoun.i - 1
    if before < 1 or pronoun.doc[before].text != ",":
        return None
    noun = pronoun.doc[before - 1]
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


__all__ = ["CONTINUING_DEPS", "agent_of"]
