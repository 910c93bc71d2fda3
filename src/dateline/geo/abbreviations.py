"""Abbreviated first words of place names, spelled out for a second lookup.

News writes "St. Bernard Parish", "Ft. Worth", "Mt. Vernon"; GeoNames keeps many such places (counties and parishes
above all) only under the full word: "Saint Bernard Parish", "Fort Worth". A name the gazetteer holds under no key
of its own is looked up again with its first word written in full (`gazetteer.Gazetteer.lookup`). A saint's bare
name ("St Patrick": GeoNames' parish of Dominica, for a church in Ireland on GeoWebNews) or in the possessive ("St
Mary's") names a saint, a church, a school or a feast more often than a place, and is left as it is. The table is
`data/words/name_abbreviations.tsv`. Read at lookup time, not when the index is built (`geo.names` keys the index),
so the index stays as it was.
"""

from __future__ import annotations

import re

from dateline.geo.names import fold
from dateline.words import word_table

#: Abbreviated first words of place names: the full word GeoNames writes ("st" -> "saint", "ft" -> "fort") and how
#: many words must follow (a saint's bare name is a saint, a church or a feast: "St Patrick").
ABBREVIATED_WORDS = {short: (full, int(words)) for short, (full, words) in word_table("name_abbreviations").items()}
#: A name ending in a possessive ("St Patrick's", "St. Mary’s").
POSSESSIVE_END = re.compile(r"['’]s?$")


def spelled_out(name: str) -> str | None:
    """The lookup key of a name with its abbreviated first word written in full ("St. Bernard Parish" -> "saint
    bernard parish", "Ft. Worth" -> "fort worth"), or None when it opens with no abbreviation, too few words follow
    it ("St Patrick"), or it ends in a possessive (a building named after a saint)."""
    if POSSESSIVE_END.search(name.strip()):
        return None
    first, _, rest = fold(name).partition(" ")
    full, words = ABBREVIATED_WORDS.get(first, (None, 0))
    return f"{full} {rest}" if full and rest and len(rest.split()) >= words else None
