"""National parts of areas that belong to no one country: "Iranian Kurdistan", "the Brazilian Amazon", "Indian Kashmir".

A region the gazetteer holds with no country (Kurdistan, the Amazon, Kashmir: packaged points written for dateline)
lies across borders, and its one point can be hundreds of kilometres from the part the text names: the point of
Kurdistan is in Iraq, so fighting "in Iranian Kurdistan" placed there is a wrong dot. A country's demonym written
before the region says which country's part it is, and that country is the smallest area the text supports. The place
keeps its own words; its reading becomes the country the adjective names, with a basis that says so, and it is
marked found as a national part (`Place.found_by`): the events stage places an act stated there in the country, but
takes no story scene from it, as it took none from the region (a country scene would serve any later act of that
country's parties: "Iranian attacks on Israel" told two sentences on). A region whose
reading has a country, and a town, are left as they are: the adjective then says nothing the reading does not
("the Syrian city of Aleppo"), or it is part of a name the recognition already took ("British Columbia").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.names import fold
from dateline.model import Place

#: Dependency labels of an adjective that modifies the region's name ("Iranian" in "Iranian Kurdistan").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def mark_national_parts(parsed: Any, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """The places, each country-less region with a country's demonym before it read as that country."""
    return [_national_part(parsed, place, gazetteer) or place for place in places]


def _national_part(parsed: Any, place: Place, gazetteer: Gazetteer) -> Place | None:
    """The country part of a region the text names with a demonym ("Iranian Kurdistan": Iran), or None."""
    if place.name is None or place.country_code is not None or not place.token_start:
        return None
    word = parsed[place.token_start - 1]
    if not word.text[:1].isupper() or word.dep_ not in MODIFIER_DEPS or \
            not place.token_start <= word.head.i < (place.token_end or place.token_start + 1):
        return None
    code = gazetteer.demonym(fold(word.text))
    country = gazetteer.country(code) if code else None
    if country is None:
        return None
    return replace(place, geonameid=country.geonameid, name=country.name, lat=country.lat, lon=country.lon,
                   country_code=country.country_code, admin1=None, feature_code=country.feature_code,
                   precision="country", part=None, found_by="national_part",
                   basis=f"'{word.text} {place.text}': the part of {place.name} in {country.name}, which "
                         f"'{word.text}' names; placed at the country")
