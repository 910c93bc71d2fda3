"""A trigger's type from its arguments, where one word reports acts of two PLOVER types.

The lexicon gives a word one type (with VERBOBJ rows for the objects that name another); some senses are told
not by the object's word but by how the phrase stands. Read by the coder (`code_trigger`) after the lexicon and
the detector proposed the trigger, from the parse only:

* a ban of goods coming from a place is a trade embargo, SANCTION (mode discontinue), not a restriction of
  something done at home (COERCE): "banned pork from countries reporting cases", "a ban on beef from Britain".
  The "from" phrase must name a place (a GPE, or a noun such as "countries") and the banned thing must be no
  person, group or pronoun: "banned the candidates from the race" and "banned them from the country" keep their
  coercion, and so does "banned opposition parties from taking part" (a verb after "from");
* a warning whose reported clause says what others *should* do is advice, a REQUEST, not a threat: "officials
  warned that anyone with symptoms should stay away from farms". A threat says what its speaker will do or what
  will befall someone ("warned that the army will not allow any more marches"): no "should" clause, kept THREATEN.

* an attack on a party for something it did, told by a possessive ("attacked the network for its coverage",
  "attacked the president for his handling of the floods"), is a verbal attack, ACCUSE (disapprove): the "for"
  phrase is the conduct blamed. A physical attack's "for" phrase is a span of time or a gerund ("attacked the
  convoy for two hours", "for harbouring rebels") and keeps ASSAULT.

Each rule names itself in the event's `rule`, so `dateline show` explains the type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline.events.lexicon import TriggerEntry
from dateline.words import word_set

#: Lemmas whose COERCE reading turns SANCTION when the banned goods come from a place.
BAN_LEMMAS = word_set("embargo_ban_verbs")
#: Nouns that stand for countries in a "from" phrase ("from countries reporting cases").
PLACE_NOUNS = word_set("goods_origin_nouns")
#: Entity types of a place.
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
#: Entity types of a party: a ban of these is a coercion of them, wherever they come from.
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
#: Modals of advice in a warning's reported clause.
ADVICE_MODALS = word_set("advice_modals")
WARNING_LEMMAS = word_set("warning_words")

EMBARGO_RULE = "goods banned from a place: an embargo (SANCTION)"
ADVICE_RULE = "a warning of what others should do: advice (REQUEST)"
#: Lemmas of attacking that can be verbal.
ATTACK_LEMMAS = word_set("verbal_attack_verbs")
BLAME_RULE = "an attack for its target's own conduct: verbal (ACCUSE)"


def sense_type(token: Any, entry: TriggerEntry) -> TriggerEntry:
    """The entry a trigger is coded by once its arguments are read: `entry` itself unless a rule above applies."""
    lemma = token.lemma_.lower()
    if entry.type == "COERCE" and lemma in BAN_LEMMAS and _goods_from_a_place(token):
        return replace(entry, type="SANCTION", mode="discontinue", cameo="163", rule=f"{entry.rule}; {EMBARGO_RULE}")
    if entry.type == "THREATEN" and lemma in WARNING_LEMMAS and _advice_clause(token):
        return replace(entry, type="REQUEST", mode=None, cameo="100", rule=f"{entry.rule}; {ADVICE_RULE}")
    if entry.type == "ASSAULT" and lemma in ATTACK_LEMMAS and token.pos_ == "VERB" and _blamed_for_conduct(token):
        return replace(entry, type="ACCUSE", mode="disapprove", cameo="111", rule=f"{entry.rule}; {BLAME_RULE}")
    return entry


def _blamed_for_conduct(verb: Any) -> bool:
    """Whether an active verb with an object has a "for" phrase naming someone's conduct: a noun with a possessor."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    conduct = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
               for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    return any(c.dep_ == "poss" for o in conduct for c in o.children)


def _goods_from_a_place(token: Any) -> bool:
    """Whether a ban (verb or noun) keeps out a thing, not a party, that comes from a named or generic place."""
    banned = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ == "NOUN":  # "a ban on beef from Britain": the thing is the object of "on"
        banned = [o for p in token.children if p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
    if not banned or any(_is_party(b) for b in banned):
        return False
    heads = [token, *banned]  # the "from" phrase may hang on the trigger or on the banned noun,
    if token.pos_ == "NOUN" and token.dep_ == "dobj":  # or on the verb that imposes the ban ("imposed a ban ... from")
        heads.append(token.head)
    return any(_names_a_place(p) for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "from")


def _is_party(token: Any) -> bool:
    return token.pos_ in ("PRON", "PROPN") or token.ent_type_ in PARTY_ENTITIES


def _names_a_place(preposition: Any) -> bool:
    objects = [o for o in preposition.children if o.dep_ == "pobj"]
    return any(o.ent_type_ in PLACE_ENTITIES or o.lemma_.lower() in PLACE_NOUNS for o in objects)


def _advice_clause(token: Any) -> bool:
    """Whether the warning reports a clause whose verb carries "should" or "ought": what others are advised to do."""
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "acl")]
    return any(a.dep_ == "aux" and a.lower_ in ADVICE_MODALS for c in clauses for a in c.children)
