"""What every SQL backend shares: the schema check, idempotent atomic writes, reads and the filters.

A backend (`duck.py`, `postgres.py`) says how to get a connection for reading and one
inside a write transaction, how to run a statement, and which errors are the database's;
everything else is here, written once with `?` placeholders (a backend may rewrite them)
and no user text ever spliced into SQL.

Writes are idempotent under concurrency: a batch inserts its articles with
`ON CONFLICT DO NOTHING RETURNING id` and writes the rows of exactly those articles it
inserted, in the same transaction, so two writers racing on one article store it once
(the loser counts it as already stored). Events and parties have unique keys as well.
A batch is one transaction: killed half way, it leaves nothing; when a batch fails, its
articles are written one by one so only the failing one is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from itertools import islice
from math import cos, isfinite, radians
from typing import Any

from dateline.model import Article, Document, Event
from dateline.store.base import AddResult, EventFilter, StoreError
from dateline.store.merged import merge_new_events, merged_count, merged_id_of, with_mentions
from dateline.store.rows import MERGE_TABLES, document_rows, stored_event, table_columns
from dateline.store.schema import SCHEMA_VERSION, Dialect, check_upgradable, create_schema, found_version, upgrade
from dateline.store.search import country_pattern, key_day, party_text_pattern, refresh_listing_keys
from dateline.store.watch import WatchTables

#: Rows read per listing query when no limit is given (keyset pages: each starts after the last key).
LISTING_PAGE = 5000
#: tables whose rows have unique keys: ON CONFLICT DO NOTHING
_KEYED_TABLES = ("events", "event_parties", "merge_keys", "event_links")
_MAX_PARAMETERS = 30_000  # per statement; PostgreSQL's limit is 65535
KM_PER_DEGREE = 111.195  # along a meridian, on the 6371 km sphere the distance below uses

Connection = Any  # a DB-API-like connection of the backend
Fetch = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its `%`, `_` and `!` taken literally (ESCAPE '!')."""
    escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def _insert_sql(table: str, rows: int) -> str:
    """A multi-row INSERT of `rows` rows into `table`, columns in `table_columns()` order (one statement
    per table and batch: row-by-row executemany costs tens of milliseconds a call in DuckDB)."""
    columns = table_columns()[table]
    names = ", ".join(f'"{name}"' for name, _ in columns)
    one = "(" + ", ".join("?" * len(columns)) + ")"
    conflict = " ON CONFLICT DO NOTHING" if table in _KEYED_TABLES else ""
    returning = " ON CONFLICT DO NOTHING RETURNING id" if table == "articles" else ""
    return f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * rows)}{conflict}{returning}"


class SQLStore(WatchTables):
    """The shared body of the SQL backends; subclasses supply connections and statement execution.

    The watch tables (feeds, zones, reported violations) are read and written by `WatchTables`."""

    dialect: Dialect
    name: str  # how messages name the database (a path, or a URL without its password)
    errors: tuple[type[Exception], ...]  # the database's own errors: a batch that raises one is isolated

    # -- supplied by a backend --------------------------------------------------------------

    def _reading(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _writing(self) -> AbstractContextManager[Connection]:
        """A connection inside a transaction, committed when the block ends and rolled back on an error."""
        raise NotImplementedError

    def _schema_writing(self) -> AbstractContextManager[Connection]:
        """A write transaction for creating or upgrading the schema (a read-only store may need one)."""
        return self._writing()

    def _fetch(self, con: Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; its rows, or [] for a statement that returns none."""
        raise NotImplementedError

    def _lock_schema(self, con: Connection) -> None:
        """Serialise schema creation and upgrades between processes (a no-op where writers are already serial)."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the schema -------------------------------------------------------------------------

    def _tables(self, con: Connection) -> set[str]:
        return {row[0] for row in self._fetch(
            con, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def _version(self, con: Connection) -> int | None:
        return found_version(self._tables(con), lambda sql, params: self._fetch(con, sql, params), self.name)

    def _prepare_schema(self, create: bool) -> None:
        """Create the schema in an empty database (if `create`), upgrade an old one, refuse what cannot be read."""
        with self._reading() as con:
            version = self._version(con)
        if version == SCHEMA_VERSION:
            return
        if version is None and not create:
            raise StoreError(f"{self.name} holds no dateline data: ingest articles first "
                             f"(`dateline ingest FILE --db {self.name}`)")
        if version is not None:
            check_upgradable(version, self.name)
        with self._schema_writing() as con:
            self._lock_schema(con)
            version = self._version(con)  # again, under the lock: another process may have done it
            execute = lambda sql, params: self._fetch(con, sql, params)  # noqa: E731
            if version is None:
                create_schema(execute, self.dialect)
            elif version != SCHEMA_VERSION:
                check_upgradable(version, self.name)
                upgrade(version, execute, self.dialect)

    # -- writing ----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.article_digest(article_id) is not None

    def article_digest(self, article_id: str) -> str | None:
        """The content digest of a stored article (None if not stored), to tell re-ingests from id clashes."""
        with self._reading() as con:
            rows = self._fetch(con, "SELECT digest FROM articles WHERE id = ?", [article_id])
        return rows[0][0] if rows else None

    def add(self, docs: Iterable[Document]) -> AddResult:
        """Store a batch of processed documents atomically; see the module docstring."""
        result = AddResult()
        fresh: dict[str, Document] = {}
        for doc in docs:
            if doc.article.id in fresh:
                result.existing += 1
            else:
                fresh[doc.article.id] = doc
        if not fresh:
            return result
        try:
            stored = self._store(list(fresh.values()))
        except Exception:  # noqa: BLE001 - a database error, or rows that cannot be built: isolate the article
            stored = []
            for doc in fresh.values():  # isolate the article that broke the batch
                try:
                    stored += self._store([doc])
                except Exception as exc:  # noqa: BLE001 - reported by name; the rest of the batch is stored
                    result.failed.append((doc.article.origin or doc.article.id,
                                          f"store error: {type(exc).__name__}: {exc}"))
            result.existing += len(fresh) - len(stored) - len(result.failed)
        else:
            result.existing += len(fresh) - len(stored)
        result.added += len(stored)
        result.events += sum(len(d.events) for d in stored)
        result.merged += self._merged_count([ev.id for doc in stored for ev in doc.events])
        return result

    def _merged_count(self, event_ids: list[str]) -> int:
        """How many of these stored events belong to a merged event that several articles report."""
        with self._reading() as con:
            return sum(row[0] for row in merged_count(lambda sql, p: self._fetch(con, sql, p), event_ids))

    def _store(self, docs: list[Document]) -> list[Document]:
        """Write the documents whose articles are not stored yet, in one transaction; return those written."""
        rows = {doc.article.id: document_rows(doc) for doc in docs}
        with self._writing() as con:
            self._lock_schema(con)  # merging reads what other writers stored: one writer merges at a time
            new = {r[0] for r in self._insert(con, "articles", [r["articles"][0] for r in rows.values()])}
            for table in table_columns():
                if table != "articles":
                    self._insert(con, table, [row for aid in new for row in rows[aid][table]])
            execute = lambda sql, params: self._fetch(con, sql, params)  # noqa: E731
            new_ids = [row[0] for aid in sorted(new) for row in rows[aid]["events"]]
            if merge_new_events(execute, new_ids):
                refresh_listing_keys(execute, new_ids)  # the merged events a link moved are listed under new keys
        return [doc for doc in docs if doc.article.id in new]

    def _insert(self, con: Connection, table: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Insert rows in chunks that keep every statement under PostgreSQL's 65535 parameters; rows returned."""
        returned: list[tuple[Any, ...]] = []
        per_chunk = max(1, _MAX_PARAMETERS // len(table_columns()[table]))
        for start in range(0, len(rows), per_chunk):
            chunk = rows[start:start + per_chunk]
            returned += self._fetch(con, _insert_sql(table, len(chunk)), [v for row in chunk for v in row])
        return returned

    # -- reading ----------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of one read-only SQL statement (`?` placeholders), for inspection and tests."""
        with self._reading() as con:
            return self._fetch(con, sql, params)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (not of the merge tables derived from them)."""
        with self._reading() as con:
            return {table: self._fetch(con, f"SELECT count(*) FROM {table}")[0][0] for table in table_columns()
                    if table not in MERGE_TABLES}

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Merged events with a report matching the filter, oldest first, one per happening.

        Each is its earliest report's event (with that article's id, date and title); one reported by
        several articles carries the mentions of every report (`Evidence.article_id`, `source`,
        `article_date`); `dateline.merge.mention_counts` gives its counts, as the columns
        `events.n_mentions`, `n_articles` and `n_sources` of its row do.
        """
        flt = flt or EventFilter()
        check_filter(flt)  # before the listing is cut: a negative limit is refused by name, not by islice
        if flt.limit == 0:  # 0 means none, not all
            return []
        with self._reading() as con:
            fetch = lambda sql, p: self._fetch(con, sql, p)  # noqa: E731
            page = LISTING_PAGE if flt.limit is None else 2 * flt.limit + 10  # whole days, mostly
            ids = [merged_id for merged_id, _ in islice(listed_ids(fetch, flt, self.dialect, page=page), flt.limit)]
            return with_mentions(fetch, load_events(fetch, ids))

    def event(self, event_id: str) -> Event | None:
        """The merged event holding an event given by id (a unique prefix is enough), with every report's
        mentions; None when no event or several match."""
        prefix = like_pattern(event_id)[1:]  # anchored at the start
        with self._reading() as con:
            found = self._fetch(con, "SELECT e.id FROM events e WHERE e.id LIKE ? ESCAPE '!' LIMIT 2", [prefix])
            if len(found) != 1:
                return None
            execute = lambda sql, p: self._fetch(con, sql, p)  # noqa: E731
            merged_id = merged_id_of(execute, found[0][0]) or found[0][0]
            return with_mentions(execute, load_events(execute, [merged_id]))[0]

    def article_with_digest(self, digest: str) -> str | None:
        """The id of a stored article with this content digest (`model.content_id`), under whatever id; None if none."""
        with self._reading() as con:
            rows = self._fetch(con, "SELECT id FROM articles WHERE digest = ? ORDER BY id LIMIT 1", [digest])
        return rows[0][0] if rows else None

    def article_origin(self, article_id: str) -> str | None:
        """Where a stored article was read from (`path[:line]`, a feed entry's address), or None."""
        with self._reading() as con:
            rows = self._fetch(con, "SELECT origin FROM articles WHERE id = ?", [article_id])
        return rows[0][0] if rows else None

    def article(self, article_id: str) -> Article | None:
        """One stored article (with its text) by id, or None."""
        names = [name for name, _ in table_columns()["articles"] if name != "digest"]
        columns = ", ".join(f'"{name}"' for name in names)
        with self._reading() as con:
            found = self._fetch(con, f"SELECT {columns} FROM articles WHERE id = ?", [article_id])
        return Article(**dict(zip(names, found[0], strict=True))) if found else None


def listed_ids(fetch: Fetch, flt: EventFilter, dialect: Dialect | None = None, after: str | None = None,
               page: int = LISTING_PAGE) -> Iterator[tuple[str, str]]:
    """(merged id, listing key) of each merged event with a report matching `flt`, in listing order, once each,
    from the first after the key `after`; `flt.limit` is not applied (take what you need: it stops there).

    One table, one order: reports matching the filter, ordered by the merged event each belongs to
    (`events.listing_day`, then `listing_key`; `dateline.store.search`). The database orders the day
    numbers, a top-N scan (DuckDB) or an ordered index walk (PostgreSQL), never a sort of every match
    behind a join; a page cut inside a day is completed with that day's rows, and those are ordered by
    their key here. The reports of one merged event share its key, so they are adjacent, listed once."""
    where, params = event_where(flt, dialect)
    base = f"SELECT e.merged_id, e.listing_key, e.listing_day FROM events e {where}{' AND' if where else 'WHERE'}"
    in_key_order = f"e.listing_key{dialect.bytewise if dialect else ''}"
    day = key_day(after) - 1 if after else 0
    shown: list[str | None] = [None]  # the merged event listed last

    def listed(rows: list[tuple[Any, ...]]) -> Iterator[tuple[str, str]]:
        for merged_id, key, _ in sorted(rows, key=lambda row: (row[2], row[1])):
            if merged_id != shown[0] and (after is None or key > after):
                shown[0] = merged_id
                yield merged_id, key

    while True:
        rows = fetch(f"{base} e.listing_day > ? ORDER BY e.listing_day LIMIT ?", [*params, day, page])
        if not rows:
            return
        day, full = rows[-1][2], len(rows) == page
        yield from listed([row for row in rows if row[2] < day or not full])
        if not full:
            return
        # the page may have cut the last day: read it in key order, a page at a time, while the caller wants more
        since = [after] if after and key_day(after) == day else []
        while True:
            rows = fetch(f"{base} e.listing_day = ?{f' AND {in_key_order} > ?' if since else ''} "
                         f"ORDER BY {in_key_order} LIMIT ?",
                         [*params, day, *since, page])
            yield from listed(rows)
            if len(rows) < page:
                break
            since = [rows[-1][1]]


def load_events(fetch: Fetch, ids: Sequence[str]) -> list[Event]:
    """The stored events with these ids, in this order, with their article's id, date and title.

    Two lookups by key (events, then their articles), not a join: DuckDB plans a join under an IN list as a
    scan of the whole events table (seconds at a million events), and reads an IN list alone through the key."""
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 1000):
        chunk = list(ids[start:start + 1000])
        found |= {row[0]: row[1:] for row in fetch(
            f"SELECT id, event, article_id FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    article_ids = sorted({article_id for _, article_id in found.values()})
    articles: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(article_ids), 1000):
        chunk = article_ids[start:start + 1000]
        articles |= {row[0]: row[1:] for row in fetch(
            f"SELECT id, date, title FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    return [stored_event(found[i][0], found[i][1], *articles[found[i][1]]) for i in ids if i in found]


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


__all__ = ["LISTING_PAGE", "SQLStore", "check_filter", "event_where", "like_pattern", "listed_ids", "load_events"]
