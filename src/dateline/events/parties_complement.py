"""Recipients an act's own arguments do not give: those named in its complement, and the state sent "from".

Split from `dateline.events.parties` (which reads a verb's subject, objects and passive parties): these look
past the trigger's own arguments when those name no recipient, into the infinitival or purpose clause saying
what the act is for ("offered to hand over suspects to Britain", "opened fire to disperse the demonstrators"),
or, for acts of sending out, to the place the removed are sent from ("diplomats expelled from Russia"), or, for
an amount given "in" some kind of help, to whom the amount or the help is for ("$3m in food aid for Chad"), or, for
help that travels, to where it goes ("food aid poured into Chad").
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.events.parties_syntax import (
    OBJECT_RECIPIENT_PREPS,
    PartyTokens,
    controlling_object,
    is_named,
    let_act,
    with_conjuncts,
)
from dateline.words import word_class, word_set

__all__ = ["ADJUNCT_PREPS", "CIRCUMSTANCE_PREPS", "REMOVAL_WORDS", "add_amount_recipients",
           "add_complement_recipients", "add_destination", "add_removal_source", "amount_kinds", "is_amount",
           "own_thing"]

#: Time and circumstance adjuncts: who is named there is not the act's recipient.
ADJUNCT_PREPS = word_class("prepositions", "time-adjunct")
#: Prepositions on a complement's object that give a reason or an occasion, not a party.
CIRCUMSTANCE_PREPS = word_class("prepositions", "circumstance")
#: Acts that send someone out of a place: unless an agent is named, the place sent "from" acts.
REMOVAL_WORDS = word_set("removal_words")
#: Entity labels of a sum of money ("$1.4 billion").
AMOUNT_ENTITIES = frozenset({"MONEY"})
#: Heads of a sum that the entity tagger may leave untagged ("300m yen", "$3m").
AMOUNT_WORDS = word_set("amount_words")


def is_amount(token: Any) -> bool:
    """A sum given: a number, a money entity, or a currency or sum word with a number before it ("300m yen");
    not a count of people ("46 civilians")."""
    if token.pos_ == "NUM" or token.ent_type_ in AMOUNT_ENTITIES:
        return True
    return token.lemma_.lower() in AMOUNT_WORDS and any(t.like_num or t.text[:1].isdigit() for t in token.subtree
                                                        if t.i < token.i)


def amount_kinds(obj: Any) -> list[Any]:
    """"lent 300m yen in food aid for Chad": the nouns of the "in" phrase of an amount, which say what
    kind of thing the amount is (the parser hangs the help's "for" phrase on them); [] for anything else, or an
    "in" phrase naming a place or a time ("$2m in Geneva", "in May")."""
    if not is_amount(obj):
        return []
    return [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_]


def add_amount_recipients(noun: Any, found: PartyTokens) -> None:
    """"Norway gave $3 million in food aid for Chad": a nominal trigger that names the kind of an amount
    (`amount_kinds`) is for whom the amount's own "for"/"to" phrase names, where the parser hung that phrase on the
    amount. Weak: kept only if an actor mention resolves it."""
    amount = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
    if found.recipients or amount is None or noun not in amount_kinds(amount):
        return
    for prep in amount.children:
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_RECIPIENT_PREPS and prep.i > noun.i and objects:
            heads = with_conjuncts(objects[0])
            found.recipients.extend(heads)
            found.weak.update(t.i for t in heads)
            found.patterns.append(f"'{prep.lower_}' object of the amount '{amount.text}'")
            return


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


#: Verbs of help reaching a place ("food aid poured into Chad", "supplies began to reach Niger").
ARRIVING_VERBS = word_set("arriving_verbs")
#: Prepositions of where something arriving ends up.
DESTINATION_PREPS = word_class("prepositions", "arrival")
#: Entity labels of a place or a body help can reach.
DESTINATION_ENTITIES = frozenset({"GPE", "LOC", "NORP", "ORG"})


def add_destination(noun: Any, found: PartyTokens) -> None:
    """"Tonnes of food aid poured into Chad", "relief supplies began to reach Niger": an AID noun that is
    (or is the "of" phrase of) the subject of a verb of arriving (`ARRIVING_VERBS`, through "start to", "begin to")
    is for the place or body that verb's "into"/"to"/"in" phrase names, or its object ("reached Gaza"). Weak:
    kept only if an actor mention resolves it; a time ("arrived in May") is no destination."""
    entry = load_lexicon().noun_entry(noun)
    if found.recipients or entry is None or entry.type != "AID":
        return
    head = noun
    while head.dep_ in ("pobj", "appos") and (head.dep_ == "appos" or head.head.lower_ == "of"):
        head = head.head.head if head.dep_ == "pobj" else head.head  # "billions of dollars-worth of aid"
    if head.dep_ != "nsubj":
        return
    verb = head.head
    while verb.lemma_.lower() not in ARRIVING_VERBS:
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if verb is None:
            return
    goals = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS
             for g in c.children if g.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]
    goal = next((g for g in goals if g.ent_type_ in DESTINATION_ENTITIES), None)
    if goal is not None:
        heads = with_conjuncts(goal)
        found.recipients.extend(heads)
        found.weak.update(t.i for t in heads)
        found.patterns.append(f"where the help goes ('{verb.text}')")
