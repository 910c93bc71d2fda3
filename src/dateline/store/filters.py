"""The WHERE clause of an event filter on `events e`: what each `EventFilter` field means in SQL.

Every listing, export and page (`Store.events`, `dateline.store.export`, the API's browse) reads its
filter from `event_where`, so one filter means the same everywhere. User text only ever travels as an
escaped parameter. Party filters read the event's own search columns (`dateline.store.search`).
"""

from __future__ import annotations

from math import cos, isfinite, radians
from typing import Any

from dateline.store.base import EventFilter
from dateline.store.schema import Dialect
from dateline.store.search import country_pattern, party_text_pattern

KM_PER_DEGREE = 111.195  # along a meridian, on the 6371 km sphere the distance below uses


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its `%`, `_` and `!` taken literally (ESCAPE '!')."""
    escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"



def _near(lat: float, lon: float, km: float) -> tuple[list[str], list[Any]]:
    """Events within `km` of a point: a bounding box the indexes can use, then the great-circle distance."""
    clauses = ["e.lat IS NOT NULL", "e.lat BETWEEN ? AND ?"]
    dlat = km / KM_PER_DEGREE
    params: list[Any] = [lat - dlat, lat + dlat]
    shrink = cos(radians(min(abs(lat) + dlat, 90.0)))
    if shrink > 0.01 and km / (KM_PER_DEGREE * shrink) < 180:  # no box in longitude near the poles
        dlon = km / (KM_PER_DEGREE * shrink)
        if -180 <= lon - dlon and lon + dlon <= 180:  # a box that crosses the antimeridian is left out
            clauses.append("e.lon BETWEEN ? AND ?")
            params += [lon - dlon, lon + dlon]
    clauses.append("2 * 6371 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2) + "
                   "cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2))) <= ?")
    params += [lat, lat, lon, km]
    return clauses, params


def check_filter(f: EventFilter) -> None:
    """Refuse a filter that would silently mean something else: a negative limit, or a `near` whose
    numbers are not a point and a distance (NaN compares false, so it used to match every located event)."""
    if f.limit is not None and f.limit < 0:
        raise ValueError(f"limit must be 0 or more, not {f.limit}")
    if f.near is not None:
        lat, lon, km = f.near
        if not all(isfinite(x) for x in f.near) or not -90 <= lat <= 90 or not -180 <= lon <= 180 or km < 0:
            raise ValueError(f"near must be a latitude (-90..90), a longitude (-180..180) and a distance of 0 km or "
                             f"more, not {lat},{lon},{km}")


def event_where(f: EventFilter, dialect: Dialect | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters of a filter on `events e`; user text only ever travels as an escaped
    parameter. With a `dialect`, conditions its indexes answer are added (implied by the others)."""
    check_filter(f)
    clauses: list[str] = []
    params: list[Any] = []
    if not f.include_negated:
        clauses.append("NOT e.negated AND NOT e.hypothetical")
    if f.min_confidence:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.type:
        clauses.append("e.type = ?")
        params.append(f.type.upper())
    for clause, values in [*([_actor(f.actor)] if f.actor else []), *([_country(f.country)] if f.country else [])]:
        clauses.append(clause)
        params += values
    if f.place:
        clauses.append("(e.loc_name ILIKE ? ESCAPE '!' OR e.loc_text ILIKE ? ESCAPE '!')")
        params += [like_pattern(f.place), like_pattern(f.place)]
    if f.near:
        near_clauses, near_params = _near(*f.near)
        clauses += near_clauses
        params += near_params
    if f.since:
        clauses.append("e.date_hi >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("e.date_lo <= ?")
        params.append(f.until)
    if (f.since or f.until) and dialect and dialect.day_overlap:
        clauses.append(dialect.day_overlap)
        params += [f.since, f.until]
    if f.text:
        clauses.append("e.sentence ILIKE ? ESCAPE '!'")
        params.append(like_pattern(f.text))
    if f.article:
        clauses.append("e.article_id = ?")
        params.append(f.article)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


_PARTY_ROWS = "EXISTS (SELECT 1 FROM event_parties p WHERE p.event_id = e.id AND ({}))"


def _actor(actor: str) -> tuple[str, list[Any]]:
    """A party's name or mention text holds `actor`, or its country code is `actor` (case aside): read from the
    event's own `party_text` and `countries` (`store.search`), or, for text those cannot hold, the party rows."""
    text, code = party_text_pattern(actor), country_pattern(actor)
    if text is None:
        return _PARTY_ROWS.format("p.name ILIKE ? ESCAPE '!' OR p.text ILIKE ? ESCAPE '!' OR "
                                  "upper(p.country) = upper(?)"), [like_pattern(actor), like_pattern(actor), actor]
    if code is None:
        return "e.party_text LIKE ? ESCAPE '!'", [text]
    return "(e.party_text LIKE ? ESCAPE '!' OR e.countries LIKE ? ESCAPE '!')", [text, code]


def _country(code: str) -> tuple[str, list[Any]]:
    """A party's country or the location's country is `code` (case aside); nothing matches a code with a space."""
    party, location = country_pattern(code), country_pattern(code, location=True)
    if party is None or location is None:
        return "FALSE", []
    return "(e.countries LIKE ? ESCAPE '!' OR e.countries LIKE ? ESCAPE '!')", [party, location]



__all__ = ["KM_PER_DEGREE", "check_filter", "event_where", "like_pattern"]
