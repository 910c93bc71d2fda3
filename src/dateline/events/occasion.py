"""Relative clauses about an occasion ("a summit in Sochi on Monday, at which they agreed"): the act
they tell happens at the occasion's place and time, which the event dater and locator both need.

The parser often hangs such a clause on the wrong word when commas, places and dates stand between
it and its noun ("a planning session at the AU in Addis Ababa, on June 3rd, at which member
states agreed" is parsed as a clause on "Kenya"), so the occasion is the nearest common noun
before the clause that is neither a name nor part of a date, as "which" refers back to it.

An act told in an occasion ("during the invasion of Normandy", "amid protests in Cairo", "during the attack on
Falluja") happened at the occasion's place (`occasion_choice`), when the sentence ties no place to the act itself.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import load_lexicon
from dateline.events.place_links import (
    LOCATED_TYPES,
    RANK_TARGET,
    SITE_PREPS,
    STATE_CODES,
    TALK_TYPES,
    TARGET_PREPS,
    Choice,
    aiming_words,
    introducing_word,
    place_choice,
    place_precision,
    place_token,
)
from dateline.model import Document, Place
from dateline.words import word_class, word_set

#: Words opening a relative clause about an occasion ("at which", "where"): it shares its noun's time.
OCCASION_WORDS = word_set("occasion_relatives")
PLACE_PREPS = word_class("prepositions", "event-place")
#: Prepositions putting an act in an occasion ("during the invasion of Normandy", "ahead of the match in Marseille").
OCCASION_PREPS = word_set("occasion_prepositions")
#: Rank of the place of the occasion an act was told in: below every place the sentence ties to the act itself.
RANK_OCCASION = 1.1
#: Parts of speech skipped on the way back from the clause to its noun: names, numbers, particles.
PASSED_OVER = frozenset({"PROPN", "NUM", "PUNCT", "ADP", "DET", "ADJ", "CCONJ", "PART", "SPACE"})


def occasion_clause(verb: Any) -> bool:
    """A relative clause about the occasion its noun names ("held a summit in Sochi on Monday, at
    which they agreed"; "a conference where they signed a truce"): it happens at that noun's place
    and time, unlike a relative clause of its own ("an attack that Britain has blamed on Russia")."""
    if verb.dep_ != "relcl":
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in OCCASION_WORDS:
            return True
        if child.dep_ == "prep" and (child.lower_ in OCCASION_WORDS or child.lower_ in PLACE_PREPS) \
                and any(g.lower_ == "which" for g in child.children):
            return True
    return False


def occasion_noun(doc: Document, trigger: Any) -> Any | None:
    """The noun naming the occasion of the trigger's relative clause, or None when the trigger is
    in no such clause: the nearest common noun before the clause, passing over names, dates and
    the words between them; the parse's own head when none is found before a verb."""
    clause = trigger.head if trigger.dep_ == "xcomp" else trigger
    if not occasion_clause(clause):
        return None
    in_dates = {i for t in doc.timexes if t.token_start is not None and t.token_end is not None
                for i in range(t.token_start, t.token_end)}
    for i in range(clause.left_edge.i - 1, clause.sent.start - 1, -1):
        token = doc.parsed[i]
        if i in in_dates or token.pos_ in PASSED_OVER:
            continue
        return token if token.pos_ == "NOUN" else clause.head
    return clause.head


def occasion_choice(place: Place, trigger: Any) -> Choice | None:
    """The place of the occasion a physical act was told in ("marines storm a beach during the landing in
    Sicily", "supporters brawl before the final in the harbour town of Genoa", "police detained thirty amid
    rallies in Cairo"): the preposition of occasion hangs on the trigger or the verb it continues or is the object
    of. Talks are no occasion for acts in the field, nor a place for them: the lexicon's reading of the occasion's
    noun must not be talks (the caller leaves talks themselves out)."""
    prep, head, phrase = introducing_word(place_token(trigger.doc, place))
    if prep is None:
        return None
    occasion = head if prep.lower_ in SITE_PREPS or _aimed_at_town(prep, place) else phrase
    link = occasion_link(occasion)
    if link is None or link[1].i not in aiming_words(trigger) or occasion.pos_ != "NOUN":
        return None
    reading = load_lexicon().noun_entry(occasion)
    if reading is not None and reading.type in TALK_TYPES:
        return None
    if place_precision(place) == "country" and not _after_of(place_token(trigger.doc, place), occasion):
        return None  # "during the US offensive", "Iraq war protests": a country naming the occasion is its party
    words = f"'{link[0]} … {occasion.text} … {place.text}'"
    if occasion.i == trigger.i:  # "attacked a convoy during the siege of Homs": the siege itself was there
        return Choice(RANK_OCCASION, place, f"{words}: the place of the occasion '{trigger.text}' names")
    return Choice(RANK_OCCASION, place, f"{words}: the occasion of '{trigger.text}'")


def _aimed_at_town(prep: Any, place: Place) -> bool:
    """True when the place is the town an occasion was aimed at ("during the attack on Falluja", "amid the offensive
    against Mosul"): the occasion happened there. A country or a capital aimed at stands for its state ("during the
    war on Iraq"): a party, not a place."""
    return prep.lower_ in TARGET_PREPS and prep.head.pos_ == "NOUN" and place.feature_code not in STATE_CODES


def told_in_choice(place: Place, trigger: Any) -> Choice | None:
    """The place of a physical happening the act is told "in" ("two soldiers were wounded in a raid on a camp
    near Aleppo", "five people died in a blast in Kabul"): the act was part of it, so it happened where the
    sentence places that happening (`place_choice` read for its noun: its own place, its participants', its
    target's). The noun must be one the lexicon reads as a physical act other than talks ("killed in clashes",
    not "convicted in terror cases", nor "agreed in talks"), and "in" must hang on the trigger or the verb it
    continues or is the object of."""
    for noun in _happenings_told_in(trigger):
        own = place_choice(place, noun, True)
        if own is not None and own.rank >= RANK_TARGET:
            words = f"'in {noun.text} … {place.text}'"
            return Choice(RANK_OCCASION, place, f"{words}: where the '{noun.text}' '{trigger.text}' was told in was")
    return None


def _happenings_told_in(trigger: Any) -> list[Any]:
    """The nouns of physical happenings other than talks that "in" puts the act in."""
    nouns = []
    for word in (trigger.doc[i] for i in sorted(aiming_words(trigger))):
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.i != trigger.i):
                reading = load_lexicon().noun_entry(noun)
                if reading is not None and reading.type in LOCATED_TYPES and reading.type not in TALK_TYPES:
                    nouns.append(noun)
    return nouns


def _after_of(token: Any, occasion: Any) -> bool:
    """True when the place's token hangs on the occasion's noun through "of" ("the invasion of Normandy"), not as
    a word of its name ("the Iraq war")."""
    while token.i != occasion.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ == "of":
            return True
        token = token.head
    return False


def occasion_link(noun: Any) -> tuple[str, Any] | None:
    """For the object of a preposition of occasion ("during the invasion", "ahead of the match"): the preposition's
    words and the word they hang on; None for any other noun."""
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ in OCCASION_PREPS:
        return prep.lower_, prep.head
    words = f"{prep.head.lower_} {prep.lower_}"
    return (words, prep.head.head) if words in OCCASION_PREPS else None
