"""Storage behind one interface: DuckDB by default (a single file), more backends later.

`open_store(target)` picks the backend from the target: a path (or `duckdb:PATH`) opens
a DuckDB file. Storage never does NLP: it stores and queries the data model.
"""

from __future__ import annotations

from pathlib import Path

from dateline.config import DEFAULT_DB, settings
from dateline.store.base import AddResult, EventFilter, Store, StoreError, StoreLayoutError
from dateline.store.duck import DuckDBStore

__all__ = ["DEFAULT_DB", "AddResult", "DuckDBStore", "EventFilter", "Store", "StoreError", "StoreLayoutError",
           "default_target", "open_store"]


def default_target() -> str:
    """The database to use: the settings' (`$DATELINE_DB`, else ./dateline.duckdb; see `dateline.config`)."""
    return settings().db


def open_store(target: str | Path | None = None, read_only: bool = False) -> Store:
    """Open the store named by `target` (a DuckDB path, or `duckdb:PATH`)."""
    raw = str(target or default_target())
    if raw.startswith(("postgres://", "postgresql://")):
        raise ValueError(
            f"PostgreSQL targets ({raw.split('@')[-1]}) are not supported yet; use a DuckDB file path"
        )
    path = raw.removeprefix("duckdb:")
    return DuckDBStore(path, read_only=read_only)
