"""Compass parts of areas: "southern Iraq", "eastern Ukraine", "northern Idlib province".

The text names a part of a country or a first-level area with a lower-case compass adjective
before it. The area's own point (its centre) can lie hundreds of kilometres from that part, so
an event said to happen there would get a wrong dot. The part's point is read off the gazetteer:
the middle (median) of the area's populated places that lie in the third of the area on that side
(the extent measured between the 5th and 95th percentiles, so an outlying island does not stretch
it). The place itself keeps the area's point (a toponym "Iraq" is Iraq); the part goes on the
`Place.part` that an event's location takes. An area with too few known places gives no part.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from dateline.geo.gazetteer import Gazetteer
from dateline.model import Location, Place
from dateline.words import word_table

#: Compass adjective -> (latitude side, longitude side): 1 north/east, -1 south/west, 0 either.
SIDES: dict[str, tuple[int, int]] = {word: (int(lat), int(lon)) for word, (lat, lon) in
                                     word_table("compass_parts").items()}
#: Precisions of the places a part can be taken of: a country or an area, not a town.
AREA_PRECISIONS = frozenset({"country", "admin"})
#: How many places an area and its part must hold for the part's point to mean anything.
MIN_AREA_PLACES, MIN_PART_PLACES = 12, 4
#: The share of the area's extent a part covers, and the share of places at each end left out of the extent.
PART_SHARE, TRIM = 1 / 3, 0.05


def mark_parts(parsed: Any, places: list[Place], gazetteer: Gazetteer) -> None:
    """Give every country or area the text names with a compass adjective its part (`Place.part`)."""
    for place in places:
        word = _compass_before(parsed, place)
        if word is None or place.precision not in AREA_PRECISIONS or place.geonameid is None:
            continue
        point = part_point(gazetteer, place.geonameid, SIDES[word])
        if point is not None:
            place.part = Location(
                name=f"{word} {place.name}", geonameid=place.geonameid, lat=round(point[0], 5),
                lon=round(point[1], 5), country_code=place.country_code, feature_code=place.feature_code,
                text=f"{parsed[place.token_start - 1].text} {place.text}", precision="admin",
                basis=f"the {word} part of {place.name}: the middle of its gazetteer places on that side")


def _compass_before(parsed: Any, place: Place) -> str | None:
    """The lower-case compass adjective right before a place ("southern" Iraq); a capitalised one is
    part of a name ("Northern Ireland", "Western Cape")."""
    if not place.token_start:
        return None
    word = parsed[place.token_start - 1].text
    return word if word.islower() and word in SIDES else None


def part_point(gazetteer: Gazetteer, geonameid: int, sides: tuple[int, int]) -> tuple[float, float] | None:
    """The point of the part of a country or first-level area on the given sides, or None when the
    entry is neither or the gazetteer knows too few of its places."""
    entry = gazetteer.place(geonameid)
    if entry is None:
        return None
    area = entry[0]
    if area.feature_code.startswith("PCL"):
        points = gazetteer.area_points(area.country_code)
    elif area.feature_code == "ADM1":
        points = gazetteer.area_points(area.country_code, area.admin1)
    else:
        return None
    if len(points) < MIN_AREA_PLACES:
        return None
    lat_low, lat_high = _band([p[0] for p in points], sides[0])
    lon_low, lon_high = _band([p[1] for p in points], sides[1])
    chosen = [p for p in points if lat_low <= p[0] <= lat_high and lon_low <= p[1] <= lon_high]
    if len(chosen) < MIN_PART_PLACES:
        return None
    return statistics.median(p[0] for p in chosen), statistics.median(p[1] for p in chosen)


def _band(values: Sequence[float], side: int) -> tuple[float, float]:
    """The range of one coordinate a part covers: the low or high `PART_SHARE` of the area's trimmed
    extent, or all of it (side 0)."""
    if side == 0:
        return float("-inf"), float("inf")
    ordered = sorted(values)
    low, high = ordered[int(TRIM * (len(ordered) - 1))], ordered[int((1 - TRIM) * (len(ordered) - 1))]
    width = (high - low) * PART_SHARE
    return (float("-inf"), low + width) if side < 0 else (high - width, float("inf"))
