"""Who does an act a nominal trigger names, read from the clause it sits in.

"The Islamic State claimed responsibility for the bombing", "the Taliban took credit for the attack" and "the
attack was claimed by al-Shabaab" name the act's doer only through the claim; as ACLED and ICEWS code a
claimed attack, the claimant did it. A claim made by no one ("no group has claimed responsibility") names no one.
"Nurses went on strike", "teachers have been on strike": whoever is on a protest (a bare noun after "on") makes it;
"the former minister went on trial", "X remains on trial": whoever is on trial undergoes it (`on_trial`), as does
whoever pleads to a charge ("Adams pleaded innocent to the fraud charge": charged, not charging).
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.events.parties_syntax import verb_subject
from dateline.syntax import passive_agent
from dateline.words import word_set

#: Verbs with which a group owns up to an act ("claimed", "took", "admitted").
CLAIMING_VERBS = word_set("claiming_verbs")
#: Nouns naming the ownership of an act ("responsibility", "credit"), whose "for" phrase is the act.
RESPONSIBILITY_NOUNS = word_set("responsibility_nouns")
#: Pronouns that name no one ("nobody", "none").
NEGATIVE_PRONOUNS = word_set("negative_pronouns")
#: Verbs of being or going into a state an "on" phrase names ("went on strike", "are on hunger strike").
ON_STATE_VERBS = word_set("on_state_verbs")


def clause_doer(noun: Any) -> tuple[Any | None, str]:
    """Who the clause around a nominal trigger says did the act (a claimant, or who is on strike), and how it was
    found; (None, "") for no one."""
    found = claimant(noun)
    return found if found[0] is not None else on_protest(noun)


#: Types of an act whose bare noun after "on" is a state its subject undergoes ("went on trial": the accused).
UNDERGONE_ON_TYPES = frozenset({"ACCUSE"})


def on_protest(noun: Any) -> tuple[Any | None, str]:
    """"Bolivian miners went on strike", "teachers have been on hunger strike since May": the subject of a verb of
    being or going (`on_state_verbs`) whose "on" phrase is a bare singular protest noun ("on strike" is a state
    someone is in; "commented on the strike", "cracked down on protests" name an object) makes the protest."""
    return _on_state_subject(noun, frozenset({"PROTEST"}), "is on it")


def on_trial(noun: Any) -> tuple[Any | None, str]:
    """"The former minister went on trial", "the general remains on trial": the subject of a verb of being or
    going whose "on" phrase is a bare singular noun of judging (`UNDERGONE_ON_TYPES`) undergoes it: the
    recipient, not the actor (the court that tries is seldom named in the clause). So does the subject of a
    plea to the noun (`pleaded_to`)."""
    found = _on_state_subject(noun, UNDERGONE_ON_TYPES, "undergoes it")
    return found if found[0] is not None else pleaded_to(noun)


#: Verbs of answering a charge in court ("pleaded not guilty to"): their subject is the one charged.
PLEADING_VERBS = frozenset({"plead"})


def pleaded_to(noun: Any) -> tuple[Any | None, str]:
    """"Adams pleaded innocent to the fraud charge", "the two men pleaded guilty to the charges": the
    subject of a plea (`PLEADING_VERBS`) whose "to" phrase, on the verb or on its "guilty", is an accusation
    noun answers it, so it was made against that subject; (None, "") for any other noun. "Pleaded with the
    court for mercy" has no "to" phrase and names no charge."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "to" or prep.dep_ != "prep":
        return None, ""
    verb = prep.head.head if prep.head.pos_ == "ADJ" and prep.head.dep_ in ("acomp", "oprd", "advmod") else prep.head
    entry = load_lexicon().noun_entry(noun)
    if verb.lemma_.lower() not in PLEADING_VERBS or entry is None or entry.type not in UNDERGONE_ON_TYPES:
        return None, ""
    subject, how = verb_subject(verb)
    return (subject, f"{how} of '{verb.text} to {noun.text}' (answers the charge)") if _someone(subject) \
        else (None, "")


def _on_state_subject(noun: Any, types: frozenset[str], role: str) -> tuple[Any | None, str]:
    """The subject of the verb of being or going whose "on" phrase is the bare singular trigger `noun` of one of
    `types` ("on strike", "on trial"), and how it was found; (None, "") when the noun is not such a state."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on" or prep.dep_ != "prep" or \
            prep.head.lemma_.lower() not in ON_STATE_VERBS:
        return None, ""  # "ordered Portugal to release a prisoner on hunger strike": Portugal strikes not
    entry = load_lexicon().noun_entry(noun)
    if entry is None or entry.type not in types or noun.tag_ != "NN" or any(
            c.dep_ in ("det", "poss") for c in noun.children):
        return None, ""  # "cracked down on protests", "commented on the strike": an object, not a state
    subject, how = verb_subject(prep.head)
    return (subject, f"{how} of '{prep.head.text} on {noun.text}' ({role})") if _someone(subject) else (None, "")


def claimant(noun: Any) -> tuple[Any | None, str]:
    """The head of whoever claims the act a nominal trigger names, and how it was found; (None, "") when no one
    claims it: "X claimed responsibility for the N" (the "for" phrase on the noun of responsibility or on the
    verb), "the N was claimed by X"."""
    verb = _claiming_verb(noun)
    if verb is None:
        return None, ""
    if noun.dep_ == "nsubjpass":
        agent = passive_agent(verb)
        return (agent, f"by-agent of '{verb.text}' (who claims the act did it)") if _someone(agent) else (None, "")
    subject, how = verb_subject(verb)
    return (subject, f"{how} of '{verb.text} responsibility' (who claims the act did it)") if _someone(subject) \
        else (None, "")


def _claiming_verb(noun: Any) -> Any | None:
    """The claiming verb whose claim is the act `noun` names, or None."""
    if noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() == "claim":
        return noun.head  # "the attack was claimed by X" ("was taken", "was accepted" claim nothing)
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    holder = prep.head
    if holder.lemma_.lower() in RESPONSIBILITY_NOUNS and holder.dep_ == "dobj":
        verb = holder.head  # "claimed [responsibility for the attack]"
    elif holder.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in RESPONSIBILITY_NOUNS
                                       for c in holder.children):
        verb = holder  # "claimed responsibility [for the attack]" hung on the verb
    else:
        return None
    return verb if verb.lemma_.lower() in CLAIMING_VERBS else None


def _someone(head: Any | None) -> bool:
    """A claimant that is someone: not "no group", "nobody"."""
    return head is not None and head.lower_ not in NEGATIVE_PRONOUNS and not any(
        c.dep_ == "det" and c.lower_ == "no" for c in head.children)
