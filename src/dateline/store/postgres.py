"""The PostgreSQL store: one database a team shares, many writers and readers at once.

The same tables, keys, migrations, writes and filters as the DuckDB store (all in
`dateline.store.sql` and `dateline.store.schema`); this module only connects (psycopg 3)
and runs statements, with parameters always passed apart from the SQL. PostgreSQL takes
care of concurrency: readers see committed batches, two ingests racing on one article
store it once (the article insert's ON CONFLICT decides, inside each batch's transaction),
and a client killed mid-batch leaves nothing of that batch. Schema creation and upgrades
are serialised between processes by a transaction-level advisory lock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from dateline.store.base import StoreError
from dateline.store.schema import POSTGRES
from dateline.store.sql import SQLStore

#: The advisory lock key that serialises schema creation and upgrades ("date" in ASCII).
SCHEMA_LOCK = 0x64617465


def redacted(url: str) -> str:
    """A connection URL fit for messages: its password replaced by ***."""
    return re.sub(r"^(\w+://[^:/@]+):[^@]*@", r"\1:***@", url)


def _placeholders(sql: str) -> str:
    """The shared SQL's `?` placeholders as psycopg's `%s` (the shared SQL holds no other ? or %)."""
    return sql.replace("?", "%s")


class PostgresStore(SQLStore):
    """Processed articles in a PostgreSQL database."""

    dialect = POSTGRES
    errors = (psycopg.errors.IntegrityError, psycopg.errors.DataError)  # faults of one article's rows

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.name = redacted(url)
        self.read_only = read_only
        try:
            self._con = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {self.name}: {str(exc).strip()}. Check the URL "
                             "(postgresql://USER@HOST:PORT/DATABASE) and that the server is running") from None
        try:
            # psycopg prepares a statement run five times, and PostgreSQL then may plan it once for any parameters:
            # a listing's best plan depends on them (walk an index for a busy country, not for a rare one), and the
            # generic plan of `type + country + year` took 350-520 ms where each draw's own took 3-6 ms
            self._con.execute("SET plan_cache_mode = force_custom_plan")
            self._prepare_schema(create=not read_only)
        except BaseException:
            self._con.close()
            raise

    def close(self) -> None:
        self._con.close()

    @contextmanager
    def _reading(self) -> Iterator[psycopg.Connection]:
        yield self._con

    @contextmanager
    def _writing(self) -> Iterator[psycopg.Connection]:
        with self._con.transaction():
            yield self._con

    def _lock_schema(self, con: psycopg.Connection) -> None:
        con.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])

    def optimize(self, say: Callable[[str], None] = lambda _: None) -> None:
        """The maintenance step after a bulk ingest (`dateline optimize`): events rewritten in listing order
        (CLUSTER on the listing walk's index), then dead rows reclaimed and the planner's statistics refreshed.

        A filtered listing walks `events_listing` and reads the table row of every report it passes whose
        tested column is not in the index (an actor's `party_text`, a text's `sentence`): in a table filled out
        of date order each is a page of its own, in listing order they share pages. CLUSTER locks the table
        (readers wait) and does not keep the order for later inserts, hence a step to run again, not a setting."""
        total = self.counts().get("events", 0)
        say(f"rewriting {total} events in listing order (CLUSTER; readers wait meanwhile) …")
        self._con.execute("CLUSTER events USING events_listing")
        say("reclaiming dead rows and refreshing the planner's statistics (VACUUM ANALYZE) …")
        self._con.execute("VACUUM ANALYZE")  # the connection is in autocommit: VACUUM runs outside a transaction

    def _fetch(self, con: psycopg.Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = con.execute(_placeholders(sql), list(params) or None)
        return cur.fetchall() if cur.description else []



__all__ = ["PostgresStore", "redacted"]
