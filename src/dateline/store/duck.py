"""The DuckDB store: one file, no server, the default for a laptop.

DuckDB lets one process write a file, and no other process open it meanwhile, not even
to read. So a store holds the file only while it works: a writing store opens it for a
call (a lookup, a batch written in one transaction) and lets it go after `LINGER` idle
seconds, which keeps a burst of lookups on one open file but frees it while the pipeline
parses the next batch; a read-only store holds it from `open_store` to `close()` (a
listing is quick). A store that finds the file held by another process waits and tries
again, up to `timeout` seconds (`DATELINE_DB_TIMEOUT`, default 30), then says so with a
`StoreBusyError` instead of a traceback. So `dateline events` works while an ingest runs,
waiting at most for one batch to be written.

Memory. A connection's memory is DuckDB's, freed when it closes, so a writing store holds it only
during a call; an ingest's parent holds what one partition's transaction and merge touch. That grows
with the store, measured on replayed bulk partitions: table pages the merge reads (evictable) and the
ART indexes of the keyed tables, which DuckDB loads as a write touches them and cannot evict (1,500
inserts into a 3,000,000-row table with two unique keys loaded 125 MB of index). `DATELINE_DB_MEMORY`
sets DuckDB's `memory_limit` (and `DATELINE_DB_THREADS` its `threads`) for every connection a store
opens: the limit bounds the evictable pages; a write whose index pages alone pass it fails with DuckDB's
out-of-memory error rather than being bounded. Without the setting, a writing store's connections get
`DEFAULT_DB_WRITE_MEMORY_MB` (a reader keeps DuckDB's own, 80 % of RAM), and a write that fails for memory
under that default is rolled back and written again under a limit half as large again (`_LIFT`), up to
`_MAX_LIFTS` times, then with DuckDB's own: bounded while the index pages fit, never failed by the default.
A limit the user set is kept as set.

The connection itself (opened on demand, waited for, let go when idle, closed at exit) is a
`dateline.store.duck_lease.Lease`. Everything else (schema and migrations, idempotent atomic
writes, reads, filters) is shared with the other backends in `dateline.store.sql`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from math import ceil
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from dateline.config import DEFAULT_DB_WRITE_MEMORY_MB, settings
from dateline.model import Document
from dateline.store.base import StoreMissingError
from dateline.store.duck_lease import LINGER, Lease, connect
from dateline.store.rows import table_columns
from dateline.store.schema import DUCKDB, PRIMARY_KEYS, UNIQUE_KEYS, index_ddl, row_number_ddl, sql_type, table_ddl
from dateline.store.sql import SQLStore

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
#: How much a writing store's default memory limit grows when a write fails for memory, and how often it grows
#: before the limit is dropped (256 MB grown 8 times by half is 6.6 GB).
_LIFT = 1.5
_MAX_LIFTS = 8
#: The Arrow type of each column type of the schema (`dateline.store.schema.sql_type` in DuckDB).
_ARROW_TYPES = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                "DATE": pa.date32()}


class DuckDBStore(SQLStore):
    """Processed articles in a DuckDB file."""

    dialect = DUCKDB
    errors = (duckdb.Error,)

    def __init__(self, path: str | Path, read_only: bool = False, timeout: float | None = None,
                 release_when_idle: bool = False, write_memory_mb: int | None = DEFAULT_DB_WRITE_MEMORY_MB) -> None:
        """`release_when_idle`: a read-only store lets the file go after `LINGER` idle seconds, as a writer
        does, instead of holding it until `close()` (for a long-lived reader such as the HTTP API).
        `write_memory_mb`: a writing store's memory limit where `DATELINE_DB_MEMORY` gives none, raised when a
        write needs more (`_lift_memory`); None: DuckDB's own."""
        self.path = self.name = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreMissingError(
                f"no database at {self.path}: ingest articles first (`dateline ingest FILE --db {self.path}`)"
            )
        self.read_only = read_only
        self.timeout = settings().db_timeout if timeout is None else timeout
        holds = read_only and not release_when_idle
        self._lease = Lease(self.path, read_only, self.timeout, linger=None if holds else LINGER,
                             memory_mb=None if read_only else write_memory_mb)
        try:
            if holds:
                self._lease.pin()
            self._prepare_schema(create=not read_only)
        except BaseException:
            self._lease.close()
            raise

    @property
    def times_opened(self) -> int:
        """How often the file was opened so far. A read-only store's file cannot change while it stays open
        (DuckDB lets nobody write a file another connection holds), so it holds what it held when last opened."""
        return self._lease.opened

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The raw connection, held until `close()` (for inspection; other processes wait meanwhile)."""
        return self._lease.pin()

    def close(self) -> None:
        self._lease.close()

    def release(self) -> None:
        """Close the connection now rather than `LINGER` idle seconds later (a store that holds its file until
        `close()` keeps it). A connection used by writes that come back to back never idles that long, and keeps
        what DuckDB loaded for them: on the bulk parent's writes replayed without waiting (3,162 short articles),
        DuckDB's pages and its catalog's objects grew the parent 56 MB per 1,000 articles against 26 with the
        connection let go after each write (`benchmarks/parent_replay.py`)."""
        if self._lease.linger is not None:
            self._lease.close()

    def _reading(self) -> Any:
        return self._lease.hold()

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lease.hold() as con:
            con.begin()
            try:
                yield con
                con.commit()
            except BaseException:
                with suppress(duckdb.Error):  # a failed commit has already ended the transaction
                    con.rollback()
                raise

    def _store(self, docs: list[Document]) -> list[Document]:
        """`SQLStore._store`, written again under a larger memory limit when the default one was too small for the
        write (`_lift_memory`); a limit the user set is not raised."""
        return self._lifting(lambda: super(DuckDBStore, self)._store(docs))

    def _merged_count(self, event_ids: list[str]) -> int:
        """`SQLStore._merged_count`, read again under a larger default limit when it was too small."""
        return self._lifting(lambda: super(DuckDBStore, self)._merged_count(event_ids))

    def _lifting(self, work: Callable[[], _T]) -> _T:
        """`work()` (one transaction, or reads outside one), done again after each `_lift_memory` while it fails for
        DuckDB's memory limit and the limit is one this store may raise."""
        while True:
            try:
                return work()
            except duckdb.OutOfMemoryException:
                if not self._lift_memory():
                    raise

    def _lift_memory(self) -> bool:
        """Raise the default memory limit of this store's connections by `_LIFT` (after `_MAX_LIFTS` raises, drop it
        for DuckDB's own), on the open connection and those opened later; False when there is nothing to raise: the
        user's limit (`DATELINE_DB_MEMORY`) or DuckDB's own is in force. A write's ART index pages cannot be
        evicted, so a limit under them makes the write fail rather than bounding it."""
        lease = self._lease
        if settings().db_memory or lease.memory_mb is None:
            return False
        lease.lifts += 1
        lease.memory_mb = ceil(lease.memory_mb * _LIFT) if lease.lifts <= _MAX_LIFTS else None
        limit = "RESET memory_limit" if lease.memory_mb is None else f"SET memory_limit = '{lease.memory_mb}MB'"
        with lease.hold() as con:
            con.execute(limit)
        _log.warning("%s: a write needed more memory than DuckDB's limit; the limit is now %s (DATELINE_DB_MEMORY "
                     "sets it)", self.name, f"{lease.memory_mb} MB" if lease.memory_mb else "DuckDB's own")
        return True

    @property
    def memory_limit_mb(self) -> int | None:
        """The memory limit (MB) this store gives the connections it opens when the settings give none."""
        return self._lease.memory_mb

    @contextmanager
    def _schema_writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only store upgrades an old file through a writable connection of its own, then reopens."""
        if not self.read_only:
            with self._writing() as con:
                yield con
            return
        self._lease.close()
        writer = connect(self.path, False, self.timeout)
        try:
            writer.begin()
            yield writer
            writer.commit()
        finally:
            writer.close()
            if self._lease.linger is None:
                self._lease.pin()

    def _fetch(self, con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return con.execute(sql, list(params)).fetchall()

    def _insert(self, con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Insert rows as one Arrow table: DuckDB binds a statement of thousands of parameters slowly (an article's
        360 actor rows: 357 ms as parameters, 75 ms as Arrow). Articles keep the shared path, for RETURNING.

        The rows are those of articles just stored (`SQLStore._store`), so their keys (which hold the article's id)
        meet no stored row; a key repeated inside the batch keeps its first row, as ON CONFLICT DO NOTHING did.
        DuckDB's ON CONFLICT costs more the bigger the table (40 rows into 10k / 100k: 4.4 / 6.3 ms, plain 1.2 /
        1.0 ms), and an ingest inserts into three keyed tables per batch."""
        if table == "articles" or not rows:
            return super()._insert(con, table, rows)
        columns = table_columns()[table]
        rows = _first_per_key(table, [name for name, _ in columns], rows)
        incoming = pa.table({name: pa.array([row[i] for row in rows], _ARROW_TYPES[sql_type(hint, DUCKDB)[0]])
                             for i, (name, hint) in enumerate(columns)})
        names = ", ".join(f'"{name}"' for name, _ in columns)
        con.register("dateline_incoming", incoming)
        try:
            con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM dateline_incoming")
        finally:
            con.unregister("dateline_incoming")
        return []

    def put_in_listing_order(self) -> None:
        """Rewrite the events table in listing order (`listing_day`, then `listing_key`), in one transaction.

        DuckDB has no secondary index for ranges: a listing is a scan that its min-max summaries per row
        group (zone maps) can cut short only where rows of neighbouring days sit together, and reading the
        strings of scattered rows decompresses a whole vector for each. An ingest appends, so a store filled
        out of date order (an archive, a merge that moves reports) lists slowly until rewritten; this is that
        rewrite (DuckDB has no CLUSTER). At a million events: about 100 s on two busy cores."""
        ddl = dict(zip(table_columns(), table_ddl(DUCKDB), strict=True))["events"]
        columns = ", ".join(f'"{name}"' for name, _ in table_columns()["events"])
        with self._writing() as con:
            con.execute(ddl.replace("CREATE TABLE events ", "CREATE TABLE events_in_order ", 1))
            con.execute(f"INSERT INTO events_in_order SELECT {columns} FROM events ORDER BY listing_day, listing_key")
            con.execute("DROP TABLE events")
            con.execute("ALTER TABLE events_in_order RENAME TO events")
            for statement in index_ddl(DUCKDB):
                if " ON events " in statement:
                    con.execute(statement)
            for statement in row_number_ddl(DUCKDB):  # numbered again, in the new order
                con.execute(statement)
        with self._lease.hold() as con:
            con.execute("CHECKPOINT")

    def optimize(self, say: Callable[[str], None] = lambda _: None) -> None:
        """The maintenance step after a bulk ingest (`dateline optimize`): events rewritten in listing order
        (`put_in_listing_order`), then the planner's statistics refreshed. `say` hears what is being done."""
        total = self.counts().get("events", 0)
        say(f"rewriting {total} events in listing order (about 100 s a million) …")
        self.put_in_listing_order()
        say("refreshing the planner's statistics …")
        with self._lease.hold() as con:
            con.execute("ANALYZE")



def _first_per_key(table: str, names: list[str], rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows of a keyed table (primary or unique key) whose key no earlier row holds; other tables' rows all."""
    keys = [(PRIMARY_KEYS[table],)] if table in PRIMARY_KEYS else []
    keys += [columns for keyed, columns in UNIQUE_KEYS.values() if keyed == table]
    for key in keys:
        where = [names.index(name) for name in key]
        first: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        for row in rows:
            first.setdefault(tuple(row[i] for i in where), row)
        rows = list(first.values())
    return rows


def schema_sql() -> str:
    """The DDL of every data table, in DuckDB."""
    return ";\n".join(table_ddl(DUCKDB)) + ";"


__all__ = ["LINGER", "DuckDBStore", "schema_sql"]
