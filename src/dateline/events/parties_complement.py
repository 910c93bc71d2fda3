"""Recipients an act's own arguments do not give: those named in its complement, and the state sent "from".

Split from `dateline.events.parties` (which reads a verb's subject, objects and passive parties): these look
past the trigger's own arguments when those name no recipient, into the infinitival or purpose clause saying
what the act is for ("offered to hand over suspects to Britain", "opened fire to disperse the demonstrators"),
or, for acts of sending out, to the place the removed are sent from ("diplomats expelled from Russia").
"""

from __future__ import annotations

from typing import Any

from dateline.events.parties_syntax import PartyTokens, controlling_object, is_named, let_act, with_conjuncts
from dateline.words import word_class, word_set

__all__ = ["ADJUNCT_PREPS", "CIRCUMSTANCE_PREPS", "REMOVAL_WORDS", "add_complement_recipients",
           "add_removal_source", "own_thing"]

#: Time and circumstance adjuncts: who is named there is not the act's recipient.
ADJUNCT_PREPS = word_class("prepositions", "time-adjunct")
#: Prepositions on a complement's object that give a reason or an occasion, not a party.
CIRCUMSTANCE_PREPS = word_class("prepositions", "circumstance")
#: Acts that send someone out of a place: unless an agent is named, the place sent "from" acts.
REMOVAL_WORDS = word_set("removal_words")


def own_thing(token: Any) -> bool:
    """"mobilising its forces": an object the actor owns is not a recipient."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my")
               for c in token.children)


def add_removal_source(token: Any, found: PartyTokens) -> None:
    """"diplomats expelled from the United States", "expulsions of diplomats from Russia": with no
    actor named, the state they are sent out of acts (kept only if an actor mention resolves it)."""
    if any(t.i not in found.weak for t in found.actors):
        return
    removed = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    source = next((g for holder in [token, *removed] for p in holder.children if p.dep_ == "prep"
                   and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"), None)
    if source is None:
        return
    heads = with_conjuncts(source)
    ids = {t.i for t in heads}
    found.actors[:0] = heads
    found.weak.update(ids)
    found.recipients = [t for t in found.recipients if t.i not in ids]
    found.patterns.append(f"'from' object of '{token.text}' (the state sending out)")


def add_complement_recipients(token: Any, found: PartyTokens) -> None:
    """"offered to hand over suspects to Britain": who the promised or demanded act is for.

    The named parties of an infinitival complement are the recipients of the act that
    announces it; they are kept only if an actor mention resolves them.
    """
    clause = next((c for c in token.children if c.dep_ == "xcomp"), None) or _purpose_of_bare_act(token)
    if clause is None or controlling_object(clause) is not None:
        return  # "instructed the mission to object to X's request": the mission is told, what it does is its own
    actor_ids = {t.i for t in found.actors}
    stack = [c for c in clause.children if c.dep_ not in ("nsubj", "nsubjpass", "relcl", "acl", "advcl")
             and c.lower_ not in ADJUNCT_PREPS]
    allowed = let_act(clause)  # "refused to allow UN planes to land": whom it would have let act
    heads = [t for t in with_conjuncts(allowed) if t.i not in actor_ids] if allowed is not None else []
    while stack:
        tok = stack.pop()
        if tok.dep_ in ("pobj", "dobj", "dative", "conj") and tok.pos_ in ("PROPN", "NOUN", "PRON") \
                and tok.i not in actor_ids and not own_thing(tok):  # "hand over its nationals to X": X
            heads.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")
                     and c.lower_ not in ADJUNCT_PREPS and not _circumstance(tok, c))
    if heads:
        heads.sort(key=lambda t: t.i)
        found.recipients.extend(heads)
        found.weak.update(t.i for t in heads)
        found.patterns.append(f"named in the complement '{clause.text}'")


def _purpose_of_bare_act(token: Any) -> Any | None:
    """"police opened fire to disperse the demonstrators", "fired tear gas to disperse them", "all that Ghana had
    done to support Togo": the purpose clause of an act whose object names no one (a bare mass noun, a
    relative pronoun) says whom the act is aimed at. Not when the object is someone ("killed five soldiers
    to avenge X": the soldiers are hit, not X)."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if token.pos_ != "VERB" or not objects or not all(_bare_thing(o) for o in objects):
        return None  # no object at all: "conceded to demands to overhaul the judiciary" is the demands' content
    return next((c for c in token.children if c.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _bare_thing(obj: Any) -> bool:
    """A singular common noun without determiner, owner or number ("fire", "tear gas", "action"), or a
    relative or interrogative pronoun ("that", "what"): an object that is the act's means, not its target."""
    if obj.tag_ in ("WDT", "WP"):
        return True
    return obj.tag_ == "NN" and not is_named(obj) and not any(
        c.dep_ in ("det", "poss", "nummod") for c in obj.children)


def _circumstance(parent: Any, child: Any) -> bool:
    """"break off relations with Congo over their ties with Israel": a phrase that says why
    or when ("over", "during"; "on the eve of" on an object) names no recipient of the act."""
    if child.dep_ != "prep":
        return False
    return child.lower_ in CIRCUMSTANCE_PREPS or (parent.dep_ == "pobj" and child.lower_ in ("on", "at"))
