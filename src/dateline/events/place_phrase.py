"""The phrase that ties a place to a sentence: the preposition that introduces it, walked up its noun phrase ("the
villages of Foua and Kefraya", "Syria's Idlib province"), and the site it locates ("at a nightclub in Orlando"), with
the words a reader is shown for it. Read off the parse; `events.place_links` ranks what the phrase says about an act.
"""

from __future__ import annotations

from typing import Any

from dateline.events.clause_links import MAX_HOPS, SITE_NOUNS, SITE_PREPS, TARGET_PREPS
from dateline.model import Place
from dateline.words import word_class, word_set

#: Links inside one noun phrase, walked up from a place to the preposition that introduces it
#: ("the villages of Foua and Kefraya", "Syria's Idlib province", "the city of Aleppo, Syria").
NOUN_LINKS = frozenset({"conj", "appos", "compound", "poss", "nmod", "amod", "npadvmod", "cc"})
#: Links by which a place modifies a noun ("a Chicago teen", "Syria's president"), and the nouns of kinds of place
#: such a place names the kind of ("the Idlib province", "the villages of Syria's Idlib province").
THING_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
PLACE_KIND_NOUNS = word_class("place_words", "cue-ADM1") | word_class("place_words", "cue-ADM2") | \
    word_class("place_words", "cue-P") | word_class("place_words", "settlement")
#: Words of a bearing ("east of Cairo", "50 km north of Baghdad"): with no determiner, the place after "of" is a
#: landmark the site is measured from, not where it is ("the north of Syria" is in Syria).
BEARING_WORDS = word_class("place_words", "compass")
#: Nouns of a place's edge ("on the outskirts of Damascus"): a preposition with one as object is of place.
EDGE_NOUNS = word_set("edge_nouns")
#: Last words of street names ("Northumberland Avenue"): "on" one is at a place, as "in" is.
STREET_WORDS = word_class("place_words", "street")
#: Last words of names of hills and islands ("Capitol Hill"): "on" one is at a place, as "in" is.
LANDFORM_WORDS = word_class("place_words", "landform")
#: Prepositions naming examples of a noun ("in several towns, including Thala"): the place is one of its places.
EXAMPLE_PREPS = word_set("example_prepositions")


def locative(prep: Any, phrase: Any) -> bool:
    """True when the preposition puts an act at the place of its phrase: "in", "at", "near" ...; or any
    preposition of place or aim whose object is the edge of a place ("on the outskirts of Damascus") or
    a street or a hill or island ("on Northumberland Avenue", "on Capitol Hill")."""
    if prep.lower_ in SITE_PREPS:
        return True
    return prep.lower_ in TARGET_PREPS and (phrase.lemma_.lower() in EDGE_NOUNS or phrase.lower_ in STREET_WORDS
                                            or (phrase.text[:1].isupper() and phrase.lower_ in LANDFORM_WORDS))


def site_preposition(prep: Any | None, phrase: Any) -> tuple[Any | None, Any]:
    """The preposition that puts an act at a place through a site the place locates, with its object:
    'at' in "killed 49 people at a nightclub in Orlando", 'on' in "air strikes on two hospitals in Aleppo";
    `prep` itself when the place's phrase hangs on no site noun, or the site's phrase on no place or
    target preposition. An abstract noun carries no place up ("rallied in support of the rebels in Syria")."""
    for _ in range(MAX_HOPS):
        if prep is None or not locative(prep, phrase):
            return prep, phrase
        site = prep.head
        if site.pos_ != "NOUN" or site.lemma_.lower() not in SITE_NOUNS:
            return prep, phrase
        outer, _, outer_phrase = introducing_word(site)
        if outer is None or outer.lower_ not in SITE_PREPS | TARGET_PREPS:
            return prep, phrase
        prep, phrase = outer, outer_phrase
    return prep, phrase


def phrase_words(place: Place, prep: Any | None, outer: Any | None) -> str:
    """The words that tie a place to the act, quoted: "'in Benghazi'", or the whole phrase from the outer
    preposition when the place locates a site ("'at a gay nightclub in Orlando'"), is an example of the
    places a noun names ("'in several towns, including Thala'") or has an edge ("'on the outskirts of Homs'")."""
    if prep is None:
        return f"'{place.text}'"
    if place.token_start is None or place.token_end is None:
        return f"'{prep.text} {place.text}'"
    between = prep.doc[prep.i + 1:place.token_start]
    told_apart = any((t.dep_ == "prep" and _names_an_example(t)) or t.lemma_.lower() in EDGE_NOUNS for t in between)
    if outer is prep and not told_apart:
        return f"'{prep.text} {place.text}'"
    words = prep.doc[outer.i:place.token_end]
    return f"'{words.text}'" if len(words) <= MAX_HOPS else f"'{outer.text} … {place.text}'"


def place_token(parsed: Any, place: Place) -> Any:
    """The token heading a place's span in the parse."""
    return parsed[place.token_start:place.token_end].root


def introducing_word(token: Any) -> tuple[Any | None, Any, Any]:
    """The preposition that introduces a place (None when there is none), the word it hangs on,
    and the head of the place's phrase.

    Walks up the noun phrase ("the villages of Foua and Kefraya", "Syria's Idlib province");
    without a preposition the word the phrase hangs on is its head's head (a verb whose object it is).
    """
    for _ in range(MAX_HOPS):
        if token.head.i == token.i:
            break
        if token.dep_ == "pobj" and token.head.lower_ != "of" and not _names_an_example(token.head):
            return token.head, token.head.head, token
        if token.dep_ == "pobj" and _bearing_from(token.head):
            return None, token.head, token  # "in Aqaba, a port town south of Amman": Amman is no place of the act
        if token.dep_ == "pobj":  # "the villages of Foua", "towns including Thala": the phrase goes on above
            token = token.head.head
        elif _modifies_a_thing_after_of(token):
            break
        elif token.dep_ in NOUN_LINKS:
            token = token.head
        else:
            break
    return None, token.head, token


def _bearing_from(prep: Any) -> bool:
    """True when "of" follows a bearing with no determiner ("a port city east of Cairo", "50 km north of Baghdad"): the
    place after it is the landmark a site is measured from. "In the north of Syria" names a part of Syria."""
    bearing = prep.head
    undetermined = not any(c.dep_ == "det" for c in bearing.children)
    return prep.lower_ == "of" and bearing.lower_ in BEARING_WORDS and undetermined


def _modifies_a_thing_after_of(token: Any) -> bool:
    """True when a place modifies a noun of something other than a place after "of" ("in the death of a Chicago
    teen", "in the scale of the US military deployment", "in the wake of the Orlando shooting"): it says where that
    thing is from or was, not where the phrase above it puts the act. A noun of a kind of place or a site carries it
    up ("in parts of the Idlib province", "in the car park of a Kabul hospital")."""
    head = token.head
    if token.dep_ not in THING_MODIFIER_DEPS or head.pos_ != "NOUN" or head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    return head.lemma_.lower() not in PLACE_KIND_NOUNS | SITE_NOUNS | EDGE_NOUNS


def _names_an_example(prep: Any) -> bool:
    """True when the preposition names an example of the noun it hangs on ("towns, including Thala",
    "cities such as Mosul", "places like Brussels")."""
    if prep.lower_ not in EXAMPLE_PREPS or prep.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return prep.lower_ != "as" or (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such")
