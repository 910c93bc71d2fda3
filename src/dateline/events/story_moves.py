"""Whether a sentence has moved away from the story's scene: it names a town or area outside the scene.

The story's scene (`events.scene`) carries the place of the last placed act to later acts that state none. On a page
that strings several stories together ("... was last spotted at the bus station in Salina, Kansas. ... Denver
detectives say they are looking into two more killings"), or when the story turns to another town, the scene of
the first is no place for the acts of the second: a wrong dot is worse than none. Only the act's own sentence is read: a
town named in passing between the scene and the act does not end the scene (a lapse on every later mention lost the Iraq
war's "fought and occupied" and a Chattanooga arrest on events-gold). Only a scene finer than a country lapses so: a
country holds the towns of many stories (a story set in Iraq names its soldiers' home towns and the capitals of its
allies: "Ruiz of Tulsa, Oklahoma, has just gone back to Iraq"). A country named says little (a party's state, "US
troops", is named in every sentence of a war abroad), so only a town or an area finer than a country counts, and only
one outside the scene: a town in the scene's first-level area ("Nasr City" after "Cairo") keeps it. Read by
`events.scene`; reads `doc.places` only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.events.index import ArticleIndex
from dateline.events.place_links import place_precision
from dateline.model import Document, Place

#: Areas that hold many stories (a continent, a region, a sea), and rivers, which run past many towns ("a bridge over
#: the Nile River" in a story filed from Cairo): naming one does not move the story.
WIDE_CODES = frozenset({"CONT", "RGN", "RGNE", "OCN", "SEA", "GULF", "STM"})


def moved_away(doc: Document, scene: Place, trigger: Any,
               passing: Callable[[Place], bool] | None = None) -> Place | None:
    """The first town or area finer than a country named in the trigger's sentence (after the scene's place, when
    the scene was set in the same sentence) that lies outside the scene, or None when the sentence stays there.
    Places `passing` says are named in passing (a journey's origin, for `events.seats`) are not counted."""
    if place_precision(scene) == "country":
        return None  # a country holds the towns of many stories: its soldiers' home towns, its allies' capitals
    sent = trigger.sent
    for place in ArticleIndex.of(doc).places_in_tokens(max(sent.start, scene.token_end or 0), sent.end):
        if place.name is None or place.feature_code in WIDE_CODES or place_precision(place) == "country":
            continue
        if passing is not None and passing(place):
            continue
        if not _inside(place, scene):
            return place
    return None


def _inside(place: Place, scene: Place) -> bool:
    """True when `place` lies in the scene, a town or area (`moved_away` never asks of a country scene): the scene
    itself or a place of the same first-level area."""
    if place.country_code != scene.country_code:
        return False
    if place.geonameid is not None and place.geonameid == scene.geonameid:
        return True
    return place.admin1 is not None and place.admin1 == scene.admin1
