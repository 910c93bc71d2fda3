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
from collections.abc import Collection, Container
from dataclasses import dataclass, field
from typing import Any

from dateline.store.base import EventFilter
from dateline.store.listing import (
    ArticleMarks,
    KeptArticles,
    Mention,
    article_marks,
    newest_article_marks,
    report_rows,
    with_every_report,
)
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
    """One page of events in their listing JSON form (`Event.to_json(with_article=True)`), the mentions of their
    articles that their evidence sentences may mark, and the cursor of the next page (None on the last)."""

    events: list[dict[str, Any]]
    mentions: dict[str, list[Mention]]
    next_cursor: str | None
    #: The ids of every event of the page in listing order, those left out of `events` (`known`) included.
    ids: list[str] = field(default_factory=list)
    #: The articles read for this page (not given as kept), for the caller to keep.
    articles: dict[str, ArticleMarks] = field(default_factory=dict)
    #: How many events the listing holds, when the page was asked to count them.
    total: int | None = None


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


#: Each read-only DuckDB store's change mark, with the `times_opened` it was read at.
_VERSIONS: weakref.WeakKeyDictionary[SQLStore, tuple[int, tuple[Any, ...]]] = weakref.WeakKeyDictionary()


def store_version(store: SQLStore) -> tuple[Any, ...]:
    """A mark that changes whenever what a store holds changes: articles and events added, events merged anew,
    zones drawn or removed. Results computed from a store (timelines, zone memberships, counts) are kept under it.

    Asked on every request that may reuse a result, so a read-only DuckDB store reads it only when its file was
    opened again since (no one can write the file while it is open); PostgreSQL is asked each time."""
    opened = getattr(store, "times_opened", None) if getattr(store, "read_only", False) else None
    if opened is None:
        return _version_now(store)
    with store._reading():  # the file held open: it cannot change meanwhile
        opened = store.times_opened  # type: ignore[attr-defined]  # a DuckDB store (checked above)
        kept = _VERSIONS.get(store)
        if kept is None or kept[0] != opened:
            kept = _VERSIONS[store] = (opened, _version_now(store))
        return kept[1]


def _version_now(store: SQLStore) -> tuple[Any, ...]:
    """The change mark as the database says it now (three small statements: one costs more in DuckDB)."""
    events = store.rows("SELECT count(*), coalesce(sum(n_articles), 0) FROM events") if _merging(store) else \
        store.rows("SELECT count(*), 0 FROM events")
    articles = store.rows("SELECT count(*), max(id) FROM articles")
    zones = store.rows("SELECT count(*), max(created_at), max(name) FROM zones")
    return (*articles[0], *events[0], *zones[0])


def events_page(store: SQLStore, flt: EventFilter, size: int, cursor: str | None = None,
                within: Collection[str] | None = None, known: Container[str] = frozenset(),
                kept_articles: KeptArticles | None = None, counted: bool = False) -> Page:
    """The `size` events matching `flt` that follow `cursor` (from the first when None), in listing order;
    `within`: only events with a report among these ids (as in every function here). Events whose ids are in
    `known` (a caller's JSON of them is current) are only named in `Page.ids`: nothing more is read for them.
    `kept_articles`: a caller's `ArticleMarks` of the articles it has read before (only the others are read);
    `counted`: a first page (no cursor) also counts the listing (`Page.total`) in its own statement.

    At most three statements make a page: one cuts it on its sort key and reads its events' JSON with it (carrying
    the JSON of 51 rows through the top-N costs less than a second lookup by id), counting every match over the same
    rows when asked; one reads the reports of the events several articles report (`listing.report_rows`), when there
    are any; one reads the articles not kept, the page's and its reports', with every timex and place their
    evidence may mark (`listing.article_marks`). No event is decoded into an `Event` and encoded again: an event
    one article reports is sent as stored, a merged one gets its reports' mentions from their JSON
    (`listing.with_every_report`)."""
    merging = _merging(store)
    condition, params = listed_condition(store, flt, merging, within)
    if cursor:
        condition += f" AND ({', '.join(_SORT_KEY)}) > ({', '.join('?' * len(_SORT_KEY))})"
        params = [*params, *decode_cursor(cursor)]
    page, total = _page_rows(store, condition, params, merging, size, counted and not cursor)
    more = len(page) > size
    cut = page[size - 1][3:] if more else None
    page = page[:size]
    ids = [row[-1] for row in page]
    page = [row for row in page if row[-1] not in known]
    listed = [json.loads(row[0]) for row in page]
    several = [event for event, row in zip(listed, page, strict=True) if row[2] > 1]
    reports = report_rows(store.rows, [event["id"] for event in several])
    wanted = sorted({row[1] for row in page} | {row[1] for row in reports})
    articles = dict(kept_articles(wanted)) if kept_articles else {}
    read = article_marks(store.rows, [article_id for article_id in wanted if article_id not in articles])
    articles.update(read)
    for event, row in zip(listed, page, strict=True):
        marks = articles[row[1]]
        event.update(article_id=row[1], article_title=marks.title,
                     article_date=marks.date.isoformat() if marks.date else None)
    with_every_report(several, reports, articles)
    return Page(listed, {row[1]: list(articles[row[1]].mentions) for row in page},
                encode_cursor(tuple(cut)) if cut else None, ids, read, total)


def _page_rows(store: SQLStore, condition: str, params: list[Any], merging: bool, size: int, counted: bool,
               ) -> tuple[list[tuple[Any, ...]], int | None]:
    """The first `size` + 1 rows of a page cut on its sort key (event JSON, article id, reports, the sort key),
    and, when `counted`, how many events match the condition, from the same statement (a statement of its own cost
    2-4 ms CPU of a first page at 16.5k events, about 1 ms together). The matches are not materialized for the two
    (DuckDB would keep every match's JSON): each branch reads what it needs, the count no JSON."""
    keys = [f"k{n}" for n in range(len(_SORT_KEY))]
    listed = (f"SELECT r.event, r.article_id, {'r.n_articles' if merging else '1'} AS n, "
              f"{', '.join(f'{x} AS {k}' for x, k in zip(_SORT_KEY, keys, strict=True))} "
              f"FROM events r WHERE {condition}")
    if not counted:
        return store.rows(f"{listed} ORDER BY {', '.join(keys)} LIMIT ?", [*params, size + 1]), None
    order = ", ".join(keys)  # the union is ordered again (52 rows), as a union keeps no order; the count row last
    rows = store.rows(f"WITH listed AS NOT MATERIALIZED ({listed}) SELECT * FROM ((SELECT *, NULL AS total FROM listed "
                      f"ORDER BY {order} LIMIT ?) UNION ALL SELECT {', '.join(['NULL'] * (3 + len(keys)))}, count(*) "
                      f"FROM listed) AS counted ORDER BY {order}", [*params, size + 1])
    return [row[:-1] for row in rows[:-1]], int(rows[-1][-1])


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


__all__ = ["ArticleMarks", "CursorError", "KeptArticles", "Mention", "Page", "PlaceCount", "article_marks",
           "count_events", "day_counts", "decode_cursor", "encode_cursor", "events_page", "newest_article_marks",
           "party_counts", "place_counts", "store_summary", "store_version"]
