"""Whether an event lies in a zone, how sure that is, and which events violate a zone.

An event's place says more or less: a town is a point, a governorate an admin area, "Syria"
a whole country. Membership keeps that difference (`Membership`):

* `point` — the event's point lies inside the zone's geometry, or its place lies in an admin
  area the zone is made of (Kafranbel, a town of Idlib governorate, for an Idlib zone);
* `admin` — the event is placed only at an admin area, and the zone covers all of it (an event
  "in Idlib province" for a zone of Idlib governorate, or of one of its districts' province);
* `uncertain` — the place is too coarse to say: a country the zone lies in, an admin area the
  zone covers only in part. Never counted as inside.

A violation is a conflict event (`CONFLICT_TYPES`, configurable) inside a zone (point or admin)
whose date lies within the zone's validity; an event inside whose date only overlaps it (a month
that starts before the zone took effect), or an uncertain one, is a *possible* violation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from shapely import geometry as geom
from shapely.prepared import prep

from dateline.geo import get_gazetteer
from dateline.model import Article, Event, Location
from dateline.store import EventFilter, Store
from dateline.store.base import date_bounds
from dateline.store.watch import ZoneRecord
from dateline.zones.shapes import COUNTRY_CODES, admin_key

Membership = Literal["point", "admin", "uncertain"]
INSIDE: tuple[Membership, ...] = ("point", "admin")
#: The PLOVER types that break a ceasefire or de-escalation agreement, by default.
CONFLICT_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN")


@dataclass(frozen=True)
class PlaceAreas:
    """The area keys a place lies in (country, admin1, admin2) and how precise the place is."""

    keys: tuple[str, ...]  # from the widest: ("SY", "SY.12") for a town of Idlib governorate
    precision: Literal["point", "admin", "country"]


def areas_of(location: Location) -> PlaceAreas | None:
    """Which areas an event's place lies in, from the gazetteer; None for a place it does not know."""
    found = get_gazetteer().place(location.geonameid) if location.geonameid else None
    if found is None:
        return None
    place, admin2 = found
    if place.feature_code in COUNTRY_CODES:
        return PlaceAreas((place.country_code,), "country")
    keys = [place.country_code]
    if place.admin1:
        keys.append(admin_key(place.country_code, place.admin1))
        if admin2:
            keys.append(admin_key(place.country_code, place.admin1, admin2))
    precision = location.precision or ("admin" if place.feature_code.startswith("ADM") else "point")
    return PlaceAreas(tuple(keys), "country" if len(keys) == 1 and precision != "point" else precision)


class Zone:
    """A stored zone with its geometry ready for point tests."""

    def __init__(self, record: ZoneRecord) -> None:
        self.record = record
        self.name = record.name

    @cached_property
    def shape(self) -> Any:
        return geom.shape(self.record.geometry)

    @cached_property
    def _prepared(self) -> Any:
        return prep(self.shape)

    def contains_point(self, lat: float, lon: float) -> bool:
        return self.record.kind != "admin" and self._prepared.covers(geom.Point(lon, lat))

    def membership(self, location: Location | None) -> Membership | None:
        """How an event at `location` lies in the zone (see the module doc); None when it does not."""
        if location is None:
            return None
        areas = areas_of(location)
        if self.record.kind == "admin":
            return self._admin_membership(location, areas)
        precision = areas.precision if areas else (location.precision or "point")
        if precision == "point" and location.lat is not None and location.lon is not None:
            return "point" if self.contains_point(location.lat, location.lon) else None
        if precision == "admin" and areas and set(areas.keys[1:]) & set(self.record.admin_areas):
            return "uncertain"  # a province the drawn zone crosses
        country = areas.keys[0] if areas else location.country_code
        return "uncertain" if precision == "country" and country in self.record.countries else None

    def _admin_membership(self, location: Location, areas: PlaceAreas | None) -> Membership | None:
        zone_keys = set(self.record.admin_areas)
        if areas is None:  # a place the gazetteer lacks: at best, the same country
            return "uncertain" if location.country_code in self.record.countries else None
        if zone_keys & set(areas.keys):
            return "point" if areas.precision == "point" else "admin"
        if any(key.startswith(areas.keys[-1] + ".") for key in zone_keys):
            return "uncertain"  # placed in a wider area that holds the zone (the country, the province)
        return None


def timing(event: Event, zone: ZoneRecord) -> Literal["during", "overlaps"] | None:
    """Whether the event's date lies within the zone's validity, only overlaps it, or falls outside."""
    first, last = date_bounds(event.date, event.article_date)
    if first is None or last is None:
        return None
    end = zone.valid_to or dt.date.max
    if last < zone.valid_from or first > end:
        return None
    return "during" if first >= zone.valid_from and last <= end else "overlaps"


@dataclass
class Violation:
    """A conflict event inside a zone during its validity, with the article that reports it."""

    zone: str
    event: Event
    membership: Membership
    timing: Literal["during", "overlaps"]
    article: Article | None = None

    @property
    def certain(self) -> bool:
        """Inside the zone and within its dates, beyond doubt from what the text says."""
        return self.membership in INSIDE and self.timing == "during"

    def to_json(self) -> dict[str, Any]:
        """The violation as one JSON object: the event, where and when it lies in the zone, its source."""
        art = self.article
        return {
            "zone": self.zone, "event_id": self.event.id, "type": self.event.type, "date": self.event.date,
            "membership": self.membership, "timing": self.timing, "certain": self.certain,
            "event": self.event.to_json(with_article=True),
            "source": {"article_id": self.event.article_id, "title": art.title if art else self.event.article_title,
                       "url": art.url if art else None, "outlet": art.source if art else None,
                       "date": self.event.article_date.isoformat() if self.event.article_date else None},
        }


def violations(store: Store, zone: ZoneRecord, since: dt.date | None = None, types: Iterable[str] = CONFLICT_TYPES,
               min_confidence: float = 0.0, include_uncertain: bool = False) -> list[Violation]:
    """The zone's violations (certain ones; possible ones too with `include_uncertain`), oldest first."""
    wanted = {t.upper() for t in types}
    start = max(zone.valid_from, since) if since else zone.valid_from
    judged = Zone(zone)
    found: list[Violation] = []
    articles: dict[str, Article | None] = {}
    for event in store.events(EventFilter(since=start, until=zone.valid_to, min_confidence=min_confidence)):
        if event.type not in wanted:
            continue
        inside, when = judged.membership(event.location), timing(event, zone)
        if inside is None or when is None:
            continue
        violation = Violation(zone.name, event, inside, when)
        if violation.certain or include_uncertain:
            if event.article_id not in articles:
                articles[event.article_id] = store.article(event.article_id) if event.article_id else None
            violation.article = articles[event.article_id]
            found.append(violation)
    return found


def events_inside(store: Store, zone: ZoneRecord) -> set[str]:
    """Ids of the stored events (every report) whose place lies in the zone, at any date: point or admin
    membership, never an uncertain one. Each distinct place is judged once; only the location of each
    event's JSON is read (a listing filtered by zone asks this of thousands of events)."""
    judged, verdicts = Zone(zone), {}
    inside = set()
    for event_id, event_json in store.rows(  # type: ignore[attr-defined]  # every SQL store has rows()
            "SELECT id, event FROM events WHERE lat IS NOT NULL OR country_code IS NOT NULL"):
        where = json.loads(event_json).get("location")
        if not where:
            continue
        key = json.dumps(where, sort_keys=True)
        if key not in verdicts:
            verdicts[key] = judged.membership(Location.from_json(where)) in INSIDE
        if verdicts[key]:
            inside.add(event_id)
    return inside


__all__ = ["CONFLICT_TYPES", "INSIDE", "Membership", "PlaceAreas", "Violation", "Zone", "areas_of",
           "events_inside", "timing", "violations"]
