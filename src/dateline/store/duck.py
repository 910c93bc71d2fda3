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

Everything else (schema and migrations, idempotent atomic writes, reads, filters) is
shared with the other backends in `dateline.store.sql`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

from dateline.config import settings
from dateline.store.base import StoreBusyError, StoreError, StoreMissingError
from dateline.store.schema import DUCKDB, table_ddl
from dateline.store.sql import SQLStore

#: Idle seconds after which a writing store lets the file go.
LINGER = 0.2
_BUSY = ("Could not set lock on file", "different configuration than existing connections")
#: A dateline store never loads DuckDB extensions: opening a file must not download code (DuckDB would
#: fetch its SQLite extension to read a SQLite file given as --db).
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _connect(path: str, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting while another process (or a differently opened store here) holds it."""
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=_CONFIG)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not any(marker in str(exc) for marker in _BUSY):
                raise _unusable(path, exc) from None
            if time.monotonic() >= deadline:
                raise StoreBusyError(
                    f"{path} is in use by another process (DuckDB lets one process write a file and nobody "
                    f"else open it meanwhile) and was not freed within {timeout:g} s. Wait for the ingest to "
                    "finish, raise DATELINE_DB_TIMEOUT, or use PostgreSQL for several writers.") from exc
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _unusable(path: str, exc: Exception) -> StoreError:
    """The message for a --db that DuckDB cannot open as a database file, saying what it is instead."""
    target = Path(path)
    if target.is_dir():
        return StoreError(f"{path} is a folder, not a database file; give a file such as {target / 'dateline.duckdb'}")
    try:
        with target.open("rb") as file:
            head = file.read(len(_SQLITE_MAGIC))
    except OSError as err:
        return StoreError(f"{path} cannot be opened: {err.strerror or err}")
    if head == _SQLITE_MAGIC:
        return StoreError(f"{path} is a SQLite database, not a DuckDB one; give a new file name to create a dateline "
                          "store, or a postgresql:// URL")
    if "not a valid DuckDB database file" in str(exc):
        return StoreError(f"{path} exists but is not a DuckDB database (is it an article or an export?); give "
                          "another file name to create a dateline store there")
    return StoreError(f"{path} cannot be opened as a DuckDB database: {exc}")


class _Lease:
    """One DuckDB connection, opened on demand and closed after `linger` idle seconds (None: kept until close)."""

    def __init__(self, path: str, read_only: bool, timeout: float, linger: float | None) -> None:
        self.path, self.read_only, self.timeout, self.linger = path, read_only, timeout, linger
        self._lock = threading.RLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0  # calls in progress (a call may make nested calls)
        self._generation = 0  # bumped by every use, so a stale timer does not close a fresh connection
        self._pinned = False

    @contextmanager
    def hold(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            if self._con is None:
                self._con = _connect(self.path, self.read_only, self.timeout)
            self._depth += 1
            self._generation += 1
            try:
                yield self._con
            finally:
                self._depth -= 1
                if self._depth == 0 and self.linger is not None and not self._pinned:
                    timer = threading.Timer(self.linger, self._release, (self._generation,))
                    timer.daemon = True
                    timer.start()

    def pin(self) -> duckdb.DuckDBPyConnection:
        """The connection, kept open until `close()`."""
        with self._lock:
            self._pinned = True
            if self._con is None:
                self._con = _connect(self.path, self.read_only, self.timeout)
            return self._con

    def _release(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation and self._depth == 0 and not self._pinned and self._con is not None:
                self._con.close()
                self._con = None

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            if self._con is not None:
                self._con.close()
                self._con = None


class DuckDBStore(SQLStore):
    """Processed articles in a DuckDB file."""

    dialect = DUCKDB
    errors = (duckdb.Error,)

    def __init__(self, path: str | Path, read_only: bool = False, timeout: float | None = None,
                 release_when_idle: bool = False) -> None:
        """`release_when_idle`: a read-only store lets the file go after `LINGER` idle seconds, as a writer
        does, instead of holding it until `close()` (for a long-lived reader such as the HTTP API)."""
        self.path = self.name = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreMissingError(
                f"no database at {self.path}: ingest articles first (`dateline ingest FILE --db {self.path}`)"
            )
        self.read_only = read_only
        self.timeout = settings().db_timeout if timeout is None else timeout
        holds = read_only and not release_when_idle
        self._lease = _Lease(self.path, read_only, self.timeout, linger=None if holds else LINGER)
        try:
            if holds:
                self._lease.pin()
            self._prepare_schema(create=not read_only)
        except BaseException:
            self._lease.close()
            raise

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The raw connection, held until `close()` (for inspection; other processes wait meanwhile)."""
        return self._lease.pin()

    def close(self) -> None:
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

    @contextmanager
    def _schema_writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only store upgrades an old file through a writable connection of its own, then reopens."""
        if not self.read_only:
            with self._writing() as con:
                yield con
            return
        self._lease.close()
        writer = _connect(self.path, False, self.timeout)
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



def schema_sql() -> str:
    """The DDL of every data table, in DuckDB."""
    return ";\n".join(table_ddl(DUCKDB)) + ";"


__all__ = ["LINGER", "DuckDBStore", "schema_sql"]
