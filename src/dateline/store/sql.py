"""What every SQL backend shares: the schema check, idempotent atomic writes and reads.

The filters' SQL is `dateline.store.filters`, the listing order and its pages `dateline.store.listing`.

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

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from itertools import islice
from typing import Any

from dateline.model import Article, Document, Event
from dateline.store.base import AddResult, EventFilter, StoreError
from dateline.store.filters import check_filter, event_where, like_pattern
from dateline.store.listing import LISTING_PAGE, listed_ids, load_events
from dateline.store.merged import merge_new_events, merged_count, merged_id_of, with_mentions
from dateline.store.migrations import check_upgradable, upgrade
from dateline.store.rows import MERGE_TABLES, document_rows, table_columns
from dateline.store.schema import SCHEMA_VERSION, Dialect, create_schema, found_version
from dateline.store.watch import WatchTables

#: tables whose rows have unique keys: ON CONFLICT DO NOTHING
KEYED_TABLES = ("events", "event_parties", "merge_keys", "event_links")
_MAX_PARAMETERS = 30_000  # per statement; PostgreSQL's limit is 65535

Connection = Any  # a DB-API-like connection of the backend


def _with_every_report(fetch: Any, ids: list[str]) -> list[Event]:
    """The stored events with these ids (`load_events`), those several articles report with the mentions of every
    report (`with_mentions`, told which they are)."""
    several: set[str] = set()
    return with_mentions(fetch, load_events(fetch, ids, several), merged=several)


def _insert_sql(table: str, rows: int) -> str:
    """A multi-row INSERT of `rows` rows into `table`, columns in `table_columns()` order (one statement
    per table and batch: row-by-row executemany costs tens of milliseconds a call in DuckDB)."""
    columns = table_columns()[table]
    names = ", ".join(f'"{name}"' for name, _ in columns)
    one = "(" + ", ".join("?" * len(columns)) + ")"
    conflict = " ON CONFLICT DO NOTHING" if table in KEYED_TABLES else ""
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

    def release(self) -> None:
        """Nothing to let go between calls unless the backend says otherwise (`DuckDBStore.release`)."""

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
            return merged_count(lambda sql, p: self._fetch(con, sql, p), event_ids)

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
            merge_new_events(execute, new_ids)  # an event it moves to another merged event is listed under its key
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
            return _with_every_report(fetch, ids)

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
            return _with_every_report(execute, [merged_id])[0]

    def article_with_digest(self, digest: str) -> str | None:
        """The id of a stored article with this content digest (`model.content_id`), under whatever id; None if none."""
        with self._reading() as con:
            rows = self._fetch(con, "SELECT id FROM articles WHERE digest = ?", [digest])  # alone: read by index
        return min(row[0] for row in rows) if rows else None

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


__all__ = ["LISTING_PAGE", "SQLStore", "check_filter", "event_where", "like_pattern", "listed_ids", "load_events"]
