"""Drawing watch zones: a GeoJSON polygon, a buffer around a point or a line, or administrative areas.

Every zone is kept as a GeoJSON geometry (what a map draws) plus the admin areas and countries
it covers, found in the gazetteer when the zone is made, so that membership can be judged for
events the text places only at an admin area or a country. Buffers are made in kilometres on a
local equirectangular projection around the shape's centre, which is exact enough for zones a
few hundred kilometres across (the error grows with the cosine of the latitude across the zone).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import shapely
from shapely import geometry as geom
from shapely.geometry.base import BaseGeometry

from dateline.geo import get_gazetteer
from dateline.store.watch import ZoneRecord

KM_PER_DEGREE = 111.195  # along a meridian, on the 6371 km sphere
#: GeoNames feature codes of countries and of first- and second-level areas (what `--admin` accepts).
COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"}
ADMIN_CODES = {"ADM1", "ADM2", "ADM1H", "ADM2H"}


class ZoneError(ValueError):
    """A zone that cannot be made as asked; the message says what to give instead."""


def buffer_km(shape: BaseGeometry, km: float) -> BaseGeometry:
    """The area within `km` kilometres of a point, a line or a polygon."""
    if km <= 0:
        raise ZoneError(f"a buffer must be wider than 0 km, not {km:g}")
    centre = shape.centroid
    scale = (KM_PER_DEGREE * math.cos(math.radians(centre.y)), KM_PER_DEGREE)  # numpy broadcasts the pairs
    origin = (centre.x, centre.y)
    in_km = shapely.transform(shape, lambda xy: (xy - origin) * scale)
    return shapely.transform(in_km.buffer(km, quad_segs=16), lambda xy: xy / scale + origin)


def read_geojson(path: Path) -> BaseGeometry:
    """The geometry of a GeoJSON file: a geometry, a Feature, or a FeatureCollection (its parts united)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ZoneError(f"{path}: not a readable GeoJSON file ({exc})") from None
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "FeatureCollection":
        shapes = [geom.shape(f["geometry"]) for f in data.get("features", []) if f.get("geometry")]
    elif kind == "Feature":
        shapes = [geom.shape(data["geometry"])] if data.get("geometry") else []
    elif kind:
        shapes = [geom.shape(data)]
    else:
        raise ZoneError(f"{path}: GeoJSON needs a 'type' (Polygon, MultiPolygon, LineString, Feature ...)")
    if not shapes:
        raise ZoneError(f"{path}: the GeoJSON holds no geometry")
    united = shapes[0] if len(shapes) == 1 else geom.GeometryCollection(shapes).buffer(0)
    if not united.is_valid:
        united = united.buffer(0)  # a self-touching ring drawn by hand
    return united


def covered_areas(shape: BaseGeometry) -> tuple[list[str], list[str]]:
    """The admin1 keys ("SY.12") and countries of the gazetteer's places inside a drawn zone."""
    south, west, north, east = shape.bounds[1], shape.bounds[0], shape.bounds[3], shape.bounds[2]
    areas, countries = set(), set()
    for place in get_gazetteer().places_in_box(south, west, north, east):
        if shape.covers(geom.Point(place.lon, place.lat)):
            countries.add(place.country_code)
            if place.admin1_key:
                areas.add(place.admin1_key)
    if not countries:  # a zone between places: the country of the nearest one to its centre
        centre = shape.centroid
        near = get_gazetteer().places_in_box(centre.y - 1, centre.x - 1, centre.y + 1, centre.x + 1, limit=2000)
        if near:
            closest = min(near, key=lambda p: (p.lat - centre.y) ** 2 + (p.lon - centre.x) ** 2)
            countries.add(closest.country_code)
    return sorted(areas), sorted(c for c in countries if c)


def drawn_zone(name: str, shape: BaseGeometry, kind: str, valid_from: dt.date, valid_to: dt.date | None = None,
               note: str | None = None) -> ZoneRecord:
    """A zone from a geometry: it must cover an area (a point or a line needs a buffer)."""
    if shape.is_empty or shape.area == 0:
        raise ZoneError(f"zone {name!r}: a {shape.geom_type} covers no area; give a polygon, or a buffer in km "
                        "(`--buffer KM` with a line or point file, `--around LAT,LON,KM`)")
    areas, countries = covered_areas(shape)
    return ZoneRecord(name, kind, geom.mapping(shape), areas, countries, valid_from, valid_to, note)


def geojson_zone(name: str, path: Path, valid_from: dt.date, valid_to: dt.date | None = None,
                 note: str | None = None, buffer: float | None = None) -> ZoneRecord:
    """A zone from a GeoJSON file; `buffer` km around its shape (a contact line "15–20 km deep")."""
    shape = read_geojson(path)
    if buffer:
        shape = buffer_km(shape, buffer)
    return drawn_zone(name, shape, "geojson", valid_from, valid_to, note)


def around_zone(name: str, lat: float, lon: float, km: float, valid_from: dt.date, valid_to: dt.date | None = None,
                note: str | None = None) -> ZoneRecord:
    """A zone of `km` kilometres around a point."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ZoneError(f"{lat},{lon} is not a point on Earth (latitude first, then longitude)")
    return drawn_zone(name, buffer_km(geom.Point(lon, lat), km), "around", valid_from, valid_to, note)


def admin_key(country: str, admin1: str = "", admin2: str = "") -> str:
    """The key of an area: "SY" (a country), "SY.12" (Idlib governorate), "SY.12.169388" (a district)."""
    return ".".join(part for part in (country, admin1, admin2 if admin1 else "") if part)


def admin_zone(name: str, geonameids: list[int], valid_from: dt.date, valid_to: dt.date | None = None,
               note: str | None = None) -> ZoneRecord:
    """A zone made of administrative areas by GeoNames id (Idlib governorate: 169387).

    GeoNames has no boundaries, so the zone's geometry is the areas' centre points, for a map
    to mark; membership goes by the admin codes of the event's place, not by the points.
    """
    keys, countries, points = [], [], []
    for geonameid in geonameids:
        found = get_gazetteer().place(geonameid)
        if found is None:
            raise ZoneError(f"GeoNames id {geonameid} is not in the gazetteer (look it up on geonames.org, or "
                            "import the country's dump with `dateline gazetteer import`)")
        area, admin2 = found
        if area.feature_code in COUNTRY_CODES:
            keys.append(area.country_code)
        elif area.feature_code in ADMIN_CODES:
            district = admin2 if area.feature_code.startswith("ADM2") else ""
            keys.append(admin_key(area.country_code, area.admin1, district))
        else:
            raise ZoneError(f"{area.name} ({geonameid}) is a {area.feature_code}, not an administrative area; give "
                            "a country, province or district id, or draw the zone with --around or --geojson")
        countries.append(area.country_code)
        points.append(geom.Point(area.lon, area.lat))
    shape = points[0] if len(points) == 1 else geom.MultiPoint(points)
    return ZoneRecord(name, "admin", geom.mapping(shape), sorted(set(keys)), sorted(set(countries)),
                      valid_from, valid_to, note)


__all__ = ["ZoneError", "admin_key", "admin_zone", "around_zone", "buffer_km", "covered_areas", "geojson_zone",
           "read_geojson"]
