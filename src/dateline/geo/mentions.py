"""Recognised toponyms (`Mention`) and how the text relates them to each other:
"X, Y" / "X in Y" containment, and lists of places of one kind ("A, B and C").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from dateline.words import word_class

#: Nouns of towns in "the Y city of X" ("the West Bank city of Ramallah", "the Sinai town of Arish"): Y holds X.
TOWN_KIND_NOUNS = word_class("place_words", "cue-P")


@dataclass
class Mention:
    """A span of the article recognised as a toponym, with what the text says about it."""

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    cue: str | None = None  # ADM1, ADM2 or P when a cue word says what kind of place
    strong: bool = False  # spaCy said place, or a cue word did
    label: str = ""  # spaCy's entity label, "" for proper nouns outside entities
    container: int | None = None  # index of Y in "X, Y" or "X in Y"
    owner: int | None = None  # index of Y in "Y's X" ("Louisiana's Barataria Bay"): where X lies if it has no reading
    peers: list[int] = field(default_factory=list)  # indexes of its neighbours in a list
    modifies: str = ""  # the noun right after the name, lower case ("court" in "a New York court")
    area: str | None = None  # admin1 key a state abbreviation after a town names ("US.IL" for "Ill.")


def link_containers(parsed: Any, mentions: list[Mention]) -> None:
    """Mark "X, Y" and "X in Y" pairs: Y (right after a comma or "in") contains X; and "the Y city of X"
    ("the West Bank city of Ramallah"): the area naming the kind of town holds the town, so a town the article's
    other places would not have suggested is read inside the area the text names, not replaced by a place near it.

    Lists are not containment: in "visits to Washington, New York and Boston" New York is
    the next item of a list, told by a conjunction after Y or a comma list before X.

    "Y's X" ("Louisiana's Barataria Bay") marks Y as X's `owner`, not its container: the possessive says where a
    name the gazetteer lacks lies (the area, not a town named nearby), but a known name keeps its own reading
    ("Israel's Gaza offensive" is not a namesake village inside Israel).
    """
    for i, (inner, outer) in enumerate(itertools.pairwise(mentions)):
        if _names_town_kind_of(parsed, inner, outer):
            outer.container = i  # "the West Bank city of Ramallah": the first holds the second
            continue
        if _owns(parsed, inner, outer):
            outer.owner = i
            continue
        if outer.token_start != inner.token_end + 1:
            continue
        link = parsed[inner.token_end].lower_
        if link == "in" or (link == "," and not _in_list(parsed, inner, outer)):
            inner.container = i + 1  # "Sochi, Russia", "Cape Peron in Rockingham"


def _owns(parsed: Any, owner: Mention, owned: Mention) -> bool:
    """True for "Y's X": only the possessive ending stands between the two names."""
    return owned.token_start == owner.token_end + 1 and parsed[owner.token_end].tag_ == "POS"


def _names_town_kind_of(parsed: Any, area: Mention, town: Mention) -> bool:
    """True for "the Y city of X": a noun of a kind of town and "of" stand between the two names, and "the" before
    the first says it names the kind ("in Torkula village of Guma" is the other way round: the village is Torkula)."""
    if town.token_start != area.token_end + 2 or area.token_start == 0 or parsed[area.token_start - 1].lower_ != "the":
        return False
    noun, link = parsed[town.token_start - 2], parsed[town.token_start - 1]
    return noun.lower_ in TOWN_KIND_NOUNS and link.lower_ == "of"


def _in_list(parsed: Any, inner: Mention, outer: Mention) -> bool:
    """True when "X, Y" is part of an enumeration ("A, X, Y", "X, Y and Z", "X, Y, or Z")."""
    after = outer.token_end
    if after < len(parsed) and parsed[after].pos_ == "CCONJ":
        return True
    if after + 1 < len(parsed) and parsed[after].text == "," and parsed[after + 1].pos_ == "CCONJ":
        return True
    before = inner.token_start - 1
    return before >= 1 and parsed[before].text == "," and parsed[before - 1].pos_ == "PROPN"


#: What may stand between two items of a list of places ("A, B and C", "A or B").
LIST_LINKS = frozenset({",", "and", "or", "&", ", and", ", or"})


def link_peers(parsed: Any, mentions: list[Mention]) -> None:
    """Mark the items of lists of places: "California or Washington" names two of a kind."""
    for i, (first, second) in enumerate(itertools.pairwise(mentions)):
        between = parsed[first.token_end:second.token_start].text.lower()
        if first.container != i + 1 and between in LIST_LINKS:
            first.peers.append(i + 1)
            second.peers.append(i)
