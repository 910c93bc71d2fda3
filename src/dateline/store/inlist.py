"""IN lists of stored keys that DuckDB answers through an index: at most `MAX_KEYS` keys, written into the statement.

DuckDB reads an IN list on an indexed column through its ART index only up to `index_scan_max_count` keys (2,048);
a longer list scans every row group of the table, each column the statement reads included (an event's JSON). The
bulk writer's merge asked for up to 5,000 ids a list, so each partition's reads scanned the events table and its
time and the table pages it loaded grew with the store (measured on a store of 37,396 events: 2,000 ids read 0 of
4 row groups, 2,100 ids all 4). Keys written in as literals are looked up faster than bound ones (300 ids of
2,000,000 rows: 7 ms written in, 63 ms bound; 92 ms without an index).

Only keys that cannot end a string literal are written in (letters, digits and `_:=./~#+-`: the store's event
ids and merge window keys, and the usual article ids); a list holding any other key stays parameters, so no text
that could change the statement is ever spliced into it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

Execute = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]

#: Keys per IN list: under DuckDB's `index_scan_max_count` (2,048), above which it scans the table.
MAX_KEYS = 2000
_PLAIN = re.compile(r"[A-Za-z0-9_:=./~#+-]+\Z")


def in_list(keys: Sequence[Any]) -> tuple[str, list[Any]]:
    """The inside of an IN list of `keys` and the parameters it binds: the keys written in as string literals
    when every one is a plain key, else one placeholder each."""
    if keys and all(isinstance(key, str) and _PLAIN.match(key) for key in keys):
        return ", ".join(f"'{key}'" for key in keys), []
    return ", ".join("?" * len(keys)), list(keys)


def in_chunks(execute: Execute, sql: str, ids: Sequence[str], extra: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run `sql` (its `{ids}` an IN list) over `ids` in chunks of `MAX_KEYS`; all rows. The ids are written into the
    statement where they are plain keys (`in_list`), so DuckDB looks them up by index instead of scanning the table."""
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), MAX_KEYS):
        listed, params = in_list(list(ids[start:start + MAX_KEYS]))
        rows += execute(sql.format(ids=listed), [*params, *extra])
    return rows


__all__ = ["MAX_KEYS", "Execute", "in_chunks", "in_list"]
