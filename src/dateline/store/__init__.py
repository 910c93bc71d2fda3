"""Storage behind one interface: DuckDB by default (a single file), PostgreSQL for a team.

`open_store(target)` picks the backend from the target: a `postgresql://` (or
`postgres://`) URL opens a PostgreSQL database, anything else a DuckDB file (a path, or
`duckdb:PATH`). Both share one schema with versioned migrations (`dateline.store.schema`)
and one body of SQL (`dateline.store.sql`). Storage never does NLP: it stores and queries
the data model.
"""

from __future__ import annotations

from pathlib import Path

from dateline.config import DEFAULT_DB, settings
from dateline.store.base import (
    AddResult,
    EventFilter,
    Store,
    StoreBusyError,
    StoreError,
    StoreLayoutError,
    StoreMissingError,
)
from dateline.store.duck import DuckDBStore

__all__ = ["DEFAULT_DB", "AddResult", "DuckDBStore", "EventFilter", "Store", "StoreBusyError", "StoreError",
           "StoreLayoutError", "StoreMissingError", "default_target", "is_postgres_url", "open_store"]


def default_target() -> str:
    """The database to use: the settings' (`$DATELINE_DB`, else ./dateline.duckdb; see `dateline.config`)."""
    return settings().db


def is_postgres_url(target: str) -> bool:
    """Whether `target` names a PostgreSQL database rather than a DuckDB file."""
    return target.startswith(("postgres://", "postgresql://"))


def open_store(target: str | Path | None = None, read_only: bool = False) -> Store:
    """Open the store named by `target` (a DuckDB path, `duckdb:PATH`, or a `postgresql://` URL)."""
    raw = str(default_target() if target is None else target)
    if not raw.strip() or raw.strip() == "duckdb:":
        raise StoreError("no database named: --db (or DATELINE_DB) is empty; give a DuckDB file such as "
                         "dateline.duckdb, or a postgresql:// URL")
    if is_postgres_url(raw):
        from dateline.store.postgres import PostgresStore  # psycopg is loaded only for PostgreSQL

        return PostgresStore(raw, read_only=read_only)
    return DuckDBStore(raw.removeprefix("duckdb:"), read_only=read_only)
