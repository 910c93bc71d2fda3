"""Which occurrence a mention names, compared between two mentions (split from `events.same_happening`).

Two mentions of one type may name two occurrences of it however much else they share, and the words that say
so are vetoes of the within-article grouping (`same_happening.clash`), not weights:

* a word marking another occurrence on one side only ("had already toured" / "her Monday trip"; on a noun, also
  one putting it in another place: "protests there", "the protests back home"), or two ordinals that differ ("her
  fourth trip" / "her fifth trip"; `other_occurrences`);
* nouns counting different numbers of occurrences ("two assaults" / "the assault"; `counts_differ`);
* figures around the triggers that differ ("duties on $80 million" / "on $20 million"; `amounts_differ`);
* the kinds two nouns name by their own noun modifiers ("a mortar attack" / "the oilfield attack"; `kinds_differ`):
  a definite noun so modified says which of the story's acts it means, and it is not one of another kind.
"""

from __future__ import annotations

from typing import Any

from dateline.words import word_set

__all__ = ["OTHER_OCCURRENCE", "OTHER_PLACE", "amounts_differ", "counts_differ", "kinds_differ", "occurrence_kinds",
           "other_occurrences"]

#: Words marking another occurrence than the one in focus ("previously", "another", "similar").
OTHER_OCCURRENCE = word_set("other_occurrence_words")
#: Adverbs putting a noun's act in another place than the story's ("protests there", "the protests back home"): on
#: the grouping samples 1414-2222, 5 keyed pairs with such a word on one side only, none one happening.
OTHER_PLACE = word_set("other_place_words")
#: The dependency of a noun modifier that names a kind ("mortar attack", "oilfield attack", "Geneva talks").
KIND_DEP = "compound"
#: Kinds are common nouns: a name says who held the act or where ("the Senate hearing", "the Kirkuk attack"), which
#: the parties and places compare, and a body may be named by its part ("a committee hearing" is the Senate's);
#: a date or number says when or how many ("the Monday attack"), which the dates and counts compare.
KIND_POS = "NOUN"


def other_occurrences(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether the occurrence markers of two triggers (`Mention.markers`) tell two occurrences: a word marking
    another occurrence on one side only ("had already toured" / "her Monday trip"), or ordinals on both
    sides that differ ("her fourth trip" / "her fifth trip"). An ordinal on one side only names which
    occurrence the other tells too ("arrived on her fifth trip" / "her Monday trip": of the labelled pairs
    so marked, all are one happening)."""
    other = OTHER_OCCURRENCE | OTHER_PLACE
    if first & other != second & other:
        return True
    first_ordinals, second_ordinals = first - other, second - other
    return bool(first_ordinals and second_ordinals and first_ordinals != second_ordinals)


def counts_differ(first: int | None, second: int | None) -> bool:
    """Whether two noun triggers name different numbers of occurrences ("two assaults" / "the assault"): a mention
    of several happenings is not one of them. An uncounted plural or a verb (None) says nothing."""
    return first is not None and second is not None and first != second


def amounts_differ(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether both trigger phrases give figures (words with digits) and share none of them."""
    mine, theirs = ({w for w in words if any(c.isdigit() for c in w)} for words in (first, second))
    return bool(mine and theirs and not mine & theirs)


def occurrence_kinds(token: Any) -> frozenset[str]:
    """The kinds a noun trigger names by its own noun modifiers, in lower-case lemmas ("an insurgent mortar
    attack": insurgent, mortar; "the oilfield attack": oilfield); none for a verb, and no name, date or number
    (`KIND_POS`)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return frozenset()
    return frozenset(c.lemma_.lower() for c in token.children
                     if c.dep_ == KIND_DEP and c.pos_ == KIND_POS and not c.ent_type_ and not c.like_num)


def kinds_differ(first: frozenset[str], second: frozenset[str], first_words: frozenset[str],
                 second_words: frozenset[str]) -> bool:
    """Whether two nouns name occurrences of different kinds: each has kinds of its own (`occurrence_kinds`), they
    share none, and neither's kinds are named in the other's phrase (`first_words`, `second_words`: "a mortar attack
    in Samarra" is "the Samarra attack"). "A mortar attack" is not "the oilfield attack"; a noun with no modifier
    ("the attack") may be either."""
    if not first or not second or first & second:
        return False
    return not (first & second_words or second & first_words)
