"""A DuckDB store's connection (`dateline.store.duck`): opened on demand, let go after `LINGER` idle seconds.

DuckDB lets one process write a file, and no other process open it meanwhile, not even to read. So a store
holds its file through a `Lease`: a call opens the connection (waiting while another process holds the file,
up to the store's timeout, then saying so with a `StoreBusyError`), and the connection is closed once no call
has used it for `LINGER` seconds, or kept until `close()` when pinned. Every lease still open is closed at
interpreter exit. A file that is no DuckDB database is reported for what it is (`connect`).
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import functools
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from dateline.config import settings
from dateline.store.base import StoreBusyError, StoreError

#: Idle seconds after which a writing store lets the file go.
LINGER = 0.2
_BUSY = ("Could not set lock on file", "different configuration than existing connections")
#: A dateline store never loads DuckDB extensions: opening a file must not download code (DuckDB would
#: fetch its SQLite extension to read a SQLite file given as --db).
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_SQLITE_MAGIC = b"SQLite format 3\x00"


def connection_config(default_memory_mb: int | None = None) -> dict[str, Any]:
    """DuckDB's configuration for a store's connections: no extension loading, and the memory limit and threads
    of the settings (`DATELINE_DB_MEMORY`, `DATELINE_DB_THREADS`) where they are given; without a limit in the
    settings, `default_memory_mb` (a writing store's current limit; None: DuckDB's own)."""
    config: dict[str, Any] = dict(_CONFIG)
    current = settings()
    if current.db_memory:
        config["memory_limit"] = current.db_memory
    elif default_memory_mb:
        config["memory_limit"] = f"{default_memory_mb}MB"
    if current.db_threads:
        config["threads"] = current.db_threads
    return config


#: glibc's `mallopt` parameter for the most arenas its malloc makes (`M_ARENA_MAX` in malloc.h), and how many a
#: process that writes a store keeps (the main thread's and one more).
_M_ARENA_MAX = -8
WRITER_ARENAS = 2


@functools.cache
def share_malloc_arenas(arenas: int = WRITER_ARENAS) -> bool:
    """Make glibc's malloc share at most `arenas` arenas among this process's threads from now on (once a process);
    False where the C library has no `mallopt` (macOS, musl) or refuses. Called before a writing store's first
    connection: arenas made before stay.

    glibc gives each thread that allocates while the others' arenas are busy an arena of its own, up to 8 per core,
    and each keeps its free memory apart: opening one DuckDB connection makes ten (its threads'), and the bulk
    parent's short-lived threads (the idle closer below, a pool's manager) add more. Replayed (3,162 short articles,
    the connection closed by its idle closer after each write, `benchmarks/parent_replay.py --pause 0.3`), glibc's
    arenas held 133 MB at the end against 66 MB with two (`MALLOC_ARENA_MAX=2`), and the parent's PSS grew 30 MB per
    1,000 articles over the second half against 5; this call, with the connection let go after each write
    (`DuckDBStore.release`), 136 -> 70 MB held, RSS at the end 380 -> 362 MB."""
    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name).mallopt if name else None
    except (OSError, AttributeError):
        return False
    return bool(mallopt and mallopt(_M_ARENA_MAX, arenas) == 1)


def connect(path: str, read_only: bool, timeout: float, memory_mb: int | None = None) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting while another process (or a differently opened store here) holds it. A writer's
    process shares its malloc arenas first (`share_malloc_arenas`)."""
    if not read_only:
        share_malloc_arenas()
    deadline = time.monotonic() + timeout
    pause = 0.01
    config = connection_config(memory_mb)
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=config)
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


#: Every lease not yet collected, closed at interpreter exit (`_close_at_exit`).
_LEASES: weakref.WeakSet[Lease] = weakref.WeakSet()


@atexit.register
def _close_at_exit() -> None:
    """Close every open connection before the interpreter finalises. A program that exits without closing its
    store (a script, an interrupted tool) left the idle closer thread to close the connection during
    finalisation, and DuckDB aborted the process ("terminate called ... FATAL: exception not rethrown", exit
    status 134) when the exit came about `LINGER` seconds after the last call; it also left the file's WAL
    unmerged. Closing takes the lease's lock, so a closer thread already closing is waited for."""
    for lease in list(_LEASES):
        lease.close()


class Lease:
    """One DuckDB connection, opened on demand and closed after `linger` idle seconds (None: kept until close)."""

    def __init__(self, path: str, read_only: bool, timeout: float, linger: float | None,
                 memory_mb: int | None = None) -> None:
        self.path, self.read_only, self.timeout, self.linger = path, read_only, timeout, linger
        self.memory_mb = memory_mb  # the limit of the connections opened from now on, where the settings give none
        self.lifts = 0  # how often a write needed `memory_mb` raised
        self._lock = threading.RLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0  # calls in progress (a call may make nested calls)
        self._pinned = False
        self.opened = 0  # connections opened so far
        self._idle_since = 0.0  # monotonic time the last call ended
        self._closer: threading.Thread | None = None  # one per idle spell, not a timer thread per call
        _LEASES.add(self)

    @contextmanager
    def hold(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one call, opened if it is not; after the last call ends, a closer thread lets it go
        `linger` idle seconds later (unless pinned)."""
        with self._lock:
            if self._con is None:
                self._con = connect(self.path, self.read_only, self.timeout, self.memory_mb)
                self.opened += 1
            self._depth += 1
            try:
                yield self._con
            finally:
                self._depth -= 1
                if self._depth == 0 and self.linger is not None and not self._pinned:
                    self._idle_since = time.monotonic()
                    if self._closer is None:
                        self._closer = threading.Thread(target=self._close_when_idle, name="dateline-duckdb-linger",
                                                        daemon=True)
                        self._closer.start()

    def pin(self) -> duckdb.DuckDBPyConnection:
        """The connection, kept open until `close()`."""
        with self._lock:
            self._pinned = True
            if self._con is None:
                self._con = connect(self.path, self.read_only, self.timeout, self.memory_mb)
                self.opened += 1
            return self._con

    def _close_when_idle(self) -> None:
        """Close the connection once no call has used it for `linger` seconds; calls meanwhile push that back.
        Started by the first call of a busy spell and gone when the connection is, so a burst of calls costs one
        thread, not one timer thread each."""
        assert self.linger is not None
        while True:
            with self._lock:
                idle = time.monotonic() - self._idle_since
                if self._con is None or self._pinned or (self._depth == 0 and idle >= self.linger):
                    if self._con is not None and not self._pinned:
                        self._con.close()
                        self._con = None
                    self._closer = None
                    return
                wait = self.linger - idle if self._depth == 0 else self.linger
            time.sleep(max(wait, 0.005))

    def close(self) -> None:
        """Close the connection now, if it is open (it opens again on the next call)."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


__all__ = ["LINGER", "Lease", "connect", "connection_config"]
