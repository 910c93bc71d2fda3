"""Reads for browsing a store page by page: keyset pages of events, and counts by day, party and place.

The HTTP API and the web page ask a store for one page of events at a time and for the
aggregates a chart and a map draw (events per day and type, the most named parties, the
places events happened at). Each is one SQL statement over the same filter as
`Store.events` (`dateline.store.sql.event_where`), so a page, a chart and a listing of the
same query always agree, on DuckDB and PostgreSQL alike.

Pages are keyset pages: a page ends with the sort key of its last event, and the next page
starts strictly after that key. Unlike an offset, a key stays right while an ingest adds
events, and costs the same on the hundredth page as on the first.

In a store that merges events across articles (an `events.merged_id` column), what is listed
and counted is the merged events with a report matching the filter, one per happening, as
`Store.events` lists them; each carries the mentions of every report.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import weakref
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from dateline.model import Event
from dateline.store.base import EventFilter
from dateline.store.rows import stored_event
from dateline.store.sql import SQLStore, event_where

#: The order of a page, oldest first, then by article and position in it; NULLs are given values that sort
#: them last (dates) or first. All columns of `events`, so the page is cut before anything is joined to it.
_SORT_KEY = ("coalesce(r.date_lo, DATE '9999-12-31')", "coalesce(r.date, '')", "r.article_id", "r.sent_start",
             "coalesce(r.trigger_start, -1)", "r.id")
_KEY_TYPES = (dt.date, str, str, int, int, str)


class CursorError(ValueError):
    """A page cursor this store did not give out (mistyped, cut short, or forged)."""


def encode_cursor(key: tuple[Any, ...]) -> str:
    """An opaque, URL-safe cursor for the sort key of a page's last event."""
    plain = [value.isoformat() if isinstance(value, dt.date) else value for value in key]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, ...]:
    """The sort key a cursor stands for; CursorError for anything `encode_cursor` did not make."""
    try:
        plain = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(plain, list) or len(plain) != len(_KEY_TYPES):
            raise ValueError
        return tuple(dt.date.fromisoformat(value) if kind is dt.date else _exact(value, kind)
                     for value, kind in zip(plain, _KEY_TYPES, strict=True))
    except (ValueError, TypeError, UnicodeDecodeError):
        raise CursorError(f"{cursor[:40]!r} is not a cursor this server gave out; start again without one") from None


def _exact(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise ValueError
    return value


@dataclass
class Page:
    """One page of events, and the cursor of the next page (None on the last)."""

    events: list[Event]
    next_cursor: str | None


#: Whether each open store merges events, asked once per store object (a query costs as much as a page).
_MERGING: weakref.WeakKeyDictionary[SQLStore, bool] = weakref.WeakKeyDictionary()


def _merging(store: SQLStore) -> bool:
    """Whether the store merges events across articles (it has `events.merged_id`)."""
    if store not in _MERGING:
        _MERGING[store] = bool(store.rows(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = 'events' AND column_name = 'merged_id'")[0][0])
    return _MERGING[store]


def listed_condition(store: SQLStore, flt: EventFilter, merging: bool | None = None,
                     within: Collection[str] | None = None) -> tuple[str, list[Any]]:
    """A condition on `events r` keeping the events a listing shows for `flt` (merged events in a merging store);
    the filter's own alias, e, is the reports. `within`: only reports with these ids count (a zone's events)."""
    where, params = event_where(flt)
    if within is not None:
        where = f"{where} AND e.id = ANY(?)" if where else "WHERE e.id = ANY(?)"
        params = [*params, sorted(within)]
    column = "e.merged_id" if (_merging(store) if merging is None else merging) else "e.id"
    return f"r.id IN (SELECT {column} FROM events e {where})", params



def store_version(store: SQLStore) -> tuple[Any, ...]:
    """A mark that changes whenever what a store holds changes: articles and events added, events merged anew,
    zones drawn or removed. Results computed from a store (timelines, zone memberships) are kept under it."""
    events = store.rows("SELECT count(*), coalesce(sum(n_articles), 0) FROM events") if _merging(store) else \
        store.rows("SELECT count(*), 0 FROM events")
    articles = store.rows("SELECT count(*), max(id) FROM articles")
    zones = store.rows("SELECT count(*), max(created_at), max(name) FROM zones")
    return (*articles[0], *events[0], *zones[0])


def events_page(store: SQLStore, flt: EventFilter, size: int, cursor: str | None = None,
                within: Collection[str] | None = None) -> Page:
    """The `size` events matching `flt` that follow `cursor` (from the first when None), in listing order;
    `within`: only events with a report among these ids (as in every function here)."""
    merging = _merging(store)
    condition, params = listed_condition(store, flt, merging, within)
    if cursor:
        condition += f" AND ({', '.join(_SORT_KEY)}) > ({', '.join('?' * len(_SORT_KEY))})"
        params = [*params, *decode_cursor(cursor)]
    keys = [f"k{n}" for n in range(len(_SORT_KEY))]
    page = store.rows(f"SELECT r.id, {', '.join(f'{x} AS {k}' for x, k in zip(_SORT_KEY, keys, strict=True))} "
                      f"FROM events r WHERE {condition} ORDER BY {', '.join(keys)} LIMIT ?", [*params, size + 1])
    more = len(page) > size
    page = page[:size]
    events = _events_by_id(store, [row[0] for row in page], merging)
    return Page(events, encode_cursor(tuple(page[-1][1:])) if more and page else None)


def _events_by_id(store: SQLStore, ids: list[str], merging: bool) -> list[Event]:
    """These events in this order, each with its article's date and title (and, merged, every report's mentions).

    Only the page's rows are read in full: the JSON column is the widest, and reading it for every candidate
    before the page is cut cost more than the rest of a request."""
    if not ids:
        return []
    merged = "n_articles" if merging else "1"
    rows = {row[0]: row[1:] for row in store.rows(  # by key, then the articles: a join under it scans every event
        f"SELECT id, event, article_id, {merged} FROM events WHERE id IN ({', '.join('?' * len(ids))})", ids)}
    wanted = sorted({row[1] for row in rows.values()})
    articles = {row[0]: row[1:] for row in store.rows(
        f"SELECT id, date, title FROM articles WHERE id IN ({', '.join('?' * len(wanted))})", wanted)}
    events = [stored_event(rows[i][0], rows[i][1], *articles[rows[i][1]]) for i in ids]
    several = [ev for ev in events if rows[ev.id][2] > 1]
    if several:
        from dateline.store.merged import with_mentions  # present wherever the merged layout is

        with_mentions(store.rows, several)
    return events


def count_events(store: SQLStore, flt: EventFilter, within: Collection[str] | None = None) -> int:
    """How many events a listing of `flt` shows."""
    condition, params = listed_condition(store, flt, within=within)
    return int(store.rows(f"SELECT count(*) FROM events r WHERE {condition}", params)[0][0])


def day_counts(store: SQLStore, flt: EventFilter, within: Collection[str] | None = None,
               ) -> list[tuple[dt.date, str, int]]:
    """(day, type, events) for the events of `flt` dated to one day; vaguer dates fit no day of a chart."""
    condition, params = listed_condition(store, flt, within=within)
    rows = store.rows(f"SELECT r.date_lo, r.type, count(*) FROM events r WHERE {condition} AND r.date_lo = r.date_hi "
                      "GROUP BY r.date_lo, r.type ORDER BY r.date_lo, r.type", params)
    return [(day, kind, int(n)) for day, kind, n in rows]


def party_counts(store: SQLStore, flt: EventFilter, limit: int,
                 within: Collection[str] | None = None) -> list[dict[str, Any]]:
    """The parties of the events of `flt` (name, country, sector), most events first."""
    condition, params = listed_condition(store, flt, within=within)
    rows = store.rows(
        f"SELECT ep.name, ep.country, ep.sector, count(DISTINCT ep.event_id) AS n FROM event_parties ep "
        f"WHERE ep.event_id IN (SELECT r.id FROM events r WHERE {condition}) GROUP BY ep.name, ep.country, ep.sector "
        "ORDER BY n DESC, ep.name LIMIT ?", [*params, limit])
    return [{"name": name, "country": country, "sector": sector, "events": int(n)}
            for name, country, sector, n in rows]


@dataclass
class PlaceCount:
    """A place events of a query happened at, with how many of each type."""

    name: str | None
    country_code: str | None
    lat: float
    lon: float
    types: dict[str, int] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return sum(self.types.values())

    @property
    def main_type(self) -> str:
        """The type most of its events have (ties: alphabetical), the colour a map gives it."""
        return min(self.types, key=lambda kind: (-self.types[kind], kind))


def place_counts(store: SQLStore, flt: EventFilter, limit: int,
                 within: Collection[str] | None = None) -> list[PlaceCount]:
    """The located places of the events of `flt`, most events first, at most `limit` of them."""
    condition, params = listed_condition(store, flt, within=within)
    rows = store.rows(f"SELECT r.loc_name, r.country_code, r.lat, r.lon, r.type, count(*) FROM events r WHERE "
                      f"{condition} AND r.lat IS NOT NULL AND r.lon IS NOT NULL "
                      "GROUP BY r.loc_name, r.country_code, r.lat, r.lon, r.type", params)
    places: dict[tuple[Any, ...], PlaceCount] = {}
    for name, country, lat, lon, kind, n in rows:
        key = (name, country, lat, lon)
        place = places.get(key) or places.setdefault(key, PlaceCount(name, country, float(lat), float(lon)))
        place.types[kind] = int(n)
    return sorted(places.values(), key=lambda p: (-p.events, p.name or ""))[:limit]


@dataclass(frozen=True)
class Mention:
    """A timex or place mention of an article: where it is, and its value (a TIMEX3 value or a geonameid)."""

    kind: str  # "date" or "place"
    start: int
    end: int
    value: str | None
    text: str


def article_mentions(store: SQLStore, article_ids: list[str]) -> dict[str, list[Mention]]:
    """The timexes and places of these articles, by article, to mark them in evidence sentences."""
    found: dict[str, list[Mention]] = defaultdict(list)
    if not article_ids:
        return found
    marks = ", ".join("?" * len(article_ids))
    rows = store.rows(
        f"SELECT 'date', article_id, \"start\", \"end\", value, \"text\" FROM timexes WHERE article_id IN ({marks}) "
        f"UNION ALL SELECT 'place', article_id, \"start\", \"end\", CAST(geonameid AS VARCHAR), \"text\" FROM places "
        f"WHERE article_id IN ({marks})", [*article_ids, *article_ids])
    for kind, article_id, start, end, value, text in rows:
        found[article_id].append(Mention(kind, int(start), int(end), value, text))
    return found


def store_summary(store: SQLStore) -> dict[str, Any]:
    """What a store holds: row counts, the span of article dates, and events by type and status."""
    first, last = store.rows("SELECT min(date), max(date) FROM articles")[0]
    by_type = Counter({kind: int(n) for kind, n in store.rows("SELECT type, count(*) FROM events GROUP BY type")})
    status: dict[str, int] = defaultdict(int)
    for negated, hypothetical, n in store.rows(
            "SELECT negated, hypothetical, count(*) FROM events GROUP BY negated, hypothetical"):
        status["negated" if negated else "hypothetical" if hypothetical else "fact"] += int(n)
    return {"counts": store.counts(), "article_dates": [first, last], "event_types": dict(by_type.most_common()),
            "event_status": dict(status)}


__all__ = ["CursorError", "Mention", "Page", "PlaceCount", "article_mentions", "count_events", "day_counts",
           "decode_cursor", "encode_cursor", "events_page", "party_counts", "place_counts", "store_summary"]
