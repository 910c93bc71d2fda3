"""The watch tables: followed feeds, the feed entries already seen, watch zones and the violations reported.

They sit beside the article and event tables in both backends, created by the schema and its
migrations (`dateline.store.schema`), and are read and written through `WatchTables`, a part
of every SQL store. Storage does no geometry and no fetching: a zone is kept as its GeoJSON
text and the admin areas and countries it covers, a feed as its URL and the validators of its
last answer (ETag, Last-Modified); `dateline.zones` and `dateline.feeds` give them meaning.

Every write is idempotent: adding an entry or a report that is already there does nothing and
says so, which is what lets `dateline watch` be stopped at any moment and started again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

#: Columns of the watch tables as (name, type hint), and each table's key (ON CONFLICT needs one).
WATCH_TABLES: dict[str, list[tuple[str, Any]]] = {
    "feeds": [("url", str), ("name", str | None), ("etag", str | None), ("last_modified", str | None),
              ("added_at", str), ("checked_at", str | None), ("status", str | None)],
    "feed_entries": [("feed_url", str), ("entry_key", str), ("link", str | None), ("article_id", str | None),
                     ("outcome", str), ("seen_at", str)],
    "zones": [("name", str), ("kind", str), ("geometry", str), ("admin_areas", str), ("countries", str),
              ("valid_from", dt.date), ("valid_to", dt.date | None), ("note", str | None), ("created_at", str)],
    "zone_reports": [("zone", str), ("event_id", str), ("membership", str), ("reported_at", str),
                     ("delivered_at", str | None)],
}
WATCH_KEYS: dict[str, tuple[str, ...]] = {
    "feeds": ("url",), "feed_entries": ("feed_url", "entry_key"), "zones": ("name",),
    "zone_reports": ("zone", "event_id"),
}


@dataclass
class ZoneRecord:
    """A watch zone as stored: its GeoJSON geometry (text), covered admin areas and countries, validity."""

    name: str
    kind: str  # "geojson", "around" or "admin": how the user drew it
    geometry: dict[str, Any]  # GeoJSON geometry object
    admin_areas: list[str] = field(default_factory=list)  # GeoNames admin keys: "SY.12", "SY.12.SY1200"
    countries: list[str] = field(default_factory=list)  # ISO alpha-2 codes the zone lies in
    valid_from: dt.date = dt.date.min
    valid_to: dt.date | None = None
    note: str | None = None


@dataclass
class FeedRecord:
    """A followed feed and the validators of its last answer, for conditional GETs."""

    url: str
    name: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None
    status: str | None = None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class WatchTables:
    """Feeds, seen entries, zones and reported violations; mixed into every SQL store."""

    def _reading(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _writing(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _fetch(self, con: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _run(self, sql: str, params: Sequence[Any] = (), write: bool = True) -> list[tuple[Any, ...]]:
        with self._writing() if write else self._reading() as con:
            return self._fetch(con, sql, params)

    # -- feeds -----------------------------------------------------------------------------

    def add_feed(self, url: str, name: str | None = None) -> bool:
        """Follow a feed; False when it was already followed (nothing changes)."""
        return bool(self._run("INSERT INTO feeds (url, name, added_at) VALUES (?, ?, ?) "
                              "ON CONFLICT DO NOTHING RETURNING url", [url, name, _now()]))

    def feeds(self) -> list[FeedRecord]:
        """The followed feeds, in the order they were added."""
        rows = self._run("SELECT url, name, etag, last_modified, checked_at, status FROM feeds "
                         "ORDER BY added_at, url", write=False)
        return [FeedRecord(*row) for row in rows]

    def remove_feed(self, url_or_name: str) -> bool:
        """Stop following a feed (by URL or name); its seen entries go with it. False when none matched."""
        with self._writing() as con:
            found = self._fetch(con, "SELECT url FROM feeds WHERE url = ? OR name = ?", [url_or_name, url_or_name])
            for (url,) in found:
                self._fetch(con, "DELETE FROM feed_entries WHERE feed_url = ?", [url])
                self._fetch(con, "DELETE FROM feeds WHERE url = ?", [url])
        return bool(found)

    def update_feed(self, url: str, status: str, etag: str | None = None, last_modified: str | None = None,
                    keep_validators: bool = False) -> None:
        """Record a feed's last check; its validators are replaced unless `keep_validators` (a 304, an error)."""
        if keep_validators:
            self._run("UPDATE feeds SET checked_at = ?, status = ? WHERE url = ?", [_now(), status, url])
        else:
            self._run("UPDATE feeds SET checked_at = ?, status = ?, etag = ?, last_modified = ? WHERE url = ?",
                      [_now(), status, etag, last_modified, url])

    def entry_seen(self, feed_url: str, entry_key: str, link: str | None) -> bool:
        """Whether this entry (or, from any feed, an article at this link) has been dealt with already."""
        rows = self._run("SELECT 1 FROM feed_entries WHERE (feed_url = ? AND entry_key = ?) "
                         "OR (link = ? AND article_id IS NOT NULL) LIMIT 1", [feed_url, entry_key, link or ""],
                         write=False)
        return bool(rows)

    def mark_entry(self, feed_url: str, entry_key: str, link: str | None, article_id: str | None,
                   outcome: str) -> None:
        """Remember an entry as dealt with (`outcome`: stored, existing, or why it was given up)."""
        self._run("INSERT INTO feed_entries VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  [feed_url, entry_key, link, article_id, outcome, _now()])

    # -- zones -----------------------------------------------------------------------------

    def add_zone(self, zone: ZoneRecord) -> bool:
        """Store a zone; False when a zone of that name exists (it is left as it is)."""
        return bool(self._run(
            "INSERT INTO zones VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING name",
            [zone.name, zone.kind, json.dumps(zone.geometry), json.dumps(zone.admin_areas),
             json.dumps(zone.countries), zone.valid_from, zone.valid_to, zone.note, _now()]))

    def zones(self) -> list[ZoneRecord]:
        """Every stored zone, by name; each with its GeoJSON geometry (what a map draws)."""
        return list(self._zone_rows("", []))

    def zone(self, name: str) -> ZoneRecord | None:
        """One zone by name, or None."""
        return next(self._zone_rows("WHERE name = ?", [name]), None)

    def _zone_rows(self, where: str, params: list[Any]) -> Iterator[ZoneRecord]:
        rows = self._run("SELECT name, kind, geometry, admin_areas, countries, valid_from, valid_to, note "
                         f"FROM zones {where} ORDER BY name", params, write=False)
        for name, kind, geometry, admin, countries, valid_from, valid_to, note in rows:
            yield ZoneRecord(name, kind, json.loads(geometry), json.loads(admin), json.loads(countries),
                             valid_from, valid_to, note)

    def remove_zone(self, name: str) -> bool:
        """Delete a zone and the record of what was reported for it; False when there was none."""
        with self._writing() as con:
            found = self._fetch(con, "DELETE FROM zones WHERE name = ? RETURNING name", [name])
            self._fetch(con, "DELETE FROM zone_reports WHERE zone = ?", [name])
        return bool(found)

    # -- reported violations -----------------------------------------------------------------

    def reported(self, zone: str) -> set[str]:
        """Ids of the events already reported as violations of `zone`."""
        return {row[0] for row in self._run("SELECT event_id FROM zone_reports WHERE zone = ?", [zone],
                                            write=False)}

    def mark_reported(self, zone: str, event_id: str, membership: str, delivered: bool = True) -> bool:
        """Record a violation as reported; False when it already was (by this or another watcher).

        `delivered=False` leaves it to be posted (see `undelivered`); a watcher that posts
        nowhere records its reports as delivered, so a URL given later does not replay the past.
        """
        now = _now()
        return bool(self._run("INSERT INTO zone_reports VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
                              "RETURNING event_id", [zone, event_id, membership, now, now if delivered else None]))

    def undelivered(self) -> list[tuple[str, str]]:
        """(zone, event id) of reported violations not yet delivered to a URL, oldest first."""
        return [(z, e) for z, e in self._run("SELECT zone, event_id FROM zone_reports WHERE delivered_at IS NULL "
                                             "ORDER BY reported_at, zone, event_id", write=False)]

    def mark_delivered(self, zone: str, event_id: str) -> None:
        """Record that a violation reached the URL it is posted to."""
        self._run("UPDATE zone_reports SET delivered_at = ? WHERE zone = ? AND event_id = ?", [_now(), zone, event_id])


__all__ = ["WATCH_KEYS", "WATCH_TABLES", "FeedRecord", "WatchTables", "ZoneRecord"]
