"""Streets and venues: names that say by themselves that they are places.

The gazetteer holds no streets or buildings, and spaCy tags them ORG, FAC, LOC or
nothing, so neither can vouch for them. Their own last word can:

* a name ending in a street word ("Royal Street", "North State Street", "Collins Avenue")
  is a place wherever it stands;
* a name ending in a building word ("Barclays Center", "Northwestern Memorial Hospital") is
  a place when the text puts something in or at it ("at Barclays Center"); elsewhere it is
  as often the institution ("Barclays Center said ...");
* a name the gazetteer lacks before a lower-case noun of a site or a part of a town, the two the
  object of a preposition of place ("in the Alarbeen neighborhood", "at the El Tobogan restaurant"),
  is a site too: the noun says what it is, the preposition that something happened there.

A recognised site carries the label `SITE_LABEL`, so the resolver never reads it as the
town its first words name ("Washington Avenue" is no reading of Washington) and the
fallback places it in the town named near it.
"""

from __future__ import annotations

from typing import Any, Literal

from dateline.geo.mentions import Mention
from dateline.geo.names import fold
from dateline.words import word_class

#: Last words of street names ("street", "avenue", "st", "blvd").
STREET_WORDS = word_class("place_words", "street")
#: Last words of names of streets and buildings ("hospital", "stadium", "center").
SITE_WORDS = word_class("place_words", "site")
#: Lower-case nouns after a name that make it a site when a preposition of place takes the two ("in the Alarbeen
#: neighborhood"); the building and street words count as well ("at the Rolando hotel").
SITE_NOUNS = word_class("place_words", "site-noun") | SITE_WORDS
#: Prepositions that put something at a site ("in", "at", "near").
SITE_PREPS = word_class("prepositions", "event-place")
#: Last words of names of hills and islands, and the prepositions that put things on them ("on Capitol Hill").
LANDFORM_WORDS = word_class("place_words", "landform")
LANDFORM_PREPS = word_class("prepositions", "landform-cue")
#: The label sites get: the spaCy label of buildings and streets, which the fallback reads.
SITE_LABEL = "FAC"

SiteKind = Literal["street", "venue"]


def site_kind(parsed: Any, mention: Mention) -> SiteKind | None:
    """Whether a mention names a street or a venue by its capitalised last word.

    A single word ("Street") or a lower-case head ("the Ritz hotel") says nothing.
    """
    if mention.token_end - mention.token_start < 2:
        return None
    last = parsed[mention.token_end - 1]
    if not last.text[:1].isupper():
        return None
    key = fold(last.text)
    if key in STREET_WORDS:
        return "street"
    return "venue" if key in SITE_WORDS else None


def as_site(mention: Mention) -> Mention:
    """Mark a mention as a site: a place in its own right, located by its neighbours."""
    mention.label = SITE_LABEL
    mention.strong = True
    return mention


def named_site_before_noun(parsed: Any, mention: Mention) -> bool:
    """True for a name between "the" and a lower-case site noun that a preposition of place takes ("took place in the
    Alarbeen neighborhood", "a bomb exploded at the El Tobogan restaurant"): the name is of that site. The caller
    asks only for names the gazetteer lacks ("in the Kabul market" is Kabul's)."""
    if mention.token_end >= len(parsed) or mention.token_start == 0 or parsed[mention.token_start - 1].lower_ != "the":
        return False  # "in Kemira's existing R&D centre": a possessor's unit, not a named site
    noun = parsed[mention.token_end]
    return (noun.is_lower and noun.pos_ == "NOUN" and noun.lower_ in SITE_NOUNS and noun.dep_ == "pobj"
            and noun.head.lower_ in SITE_PREPS and all(parsed[i].head.i == noun.i or parsed[i].head.i in
                                                       range(mention.token_start, mention.token_end)
                                                       for i in range(mention.token_start, mention.token_end)))


def landform_cued(parsed: Any, mention: Mention) -> bool:
    """True for a capitalised name ending in a landform word right after a preposition English puts things on
    landforms with ("a hearing on Capitol Hill", "stranded on Lantau Island"): "on" cues no town ("on Monday", "on
    BP"), but it cues a hill or an island as "in" cues a town."""
    last = parsed[mention.token_end - 1]
    before = parsed[mention.token_start - 1] if mention.token_start else None
    return (before is not None and before.lower_ in LANDFORM_PREPS and last.text[:1].isupper()
            and fold(last.text) in LANDFORM_WORDS)
