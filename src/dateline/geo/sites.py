"""Streets and venues: names that say by themselves that they are places.

The gazetteer holds no streets or buildings, and spaCy tags them ORG, FAC, LOC or
nothing, so neither can vouch for them. Their own last word can:

* a name ending in a street word ("Royal Street", "North State Street", "Collins Avenue")
  is a place wherever it stands;
* a name ending in a building word ("Barclays Center", "Northwestern Memorial Hospital") is
  a place when the text puts something in or at it ("at Barclays Center"); elsewhere it is
  as often the institution ("Barclays Center said ...").

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
