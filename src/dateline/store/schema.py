"""The store's schema, shared by every SQL backend; its versioned migrations are `dateline.store.migrations`.

A database records its schema version in `schema_version` (one row per migration applied).
A new database gets the current tables (from `dateline.store.rows`) and every version up
to `SCHEMA_VERSION`; an older one is upgraded by the migrations from its version on, in one
transaction, or refused with what to do when no migration leads from its version; a newer
one is refused. Databases written before `schema_version` existed are recognised by their
marks: layout 2 wrote `dateline_meta`, layout 1 nothing.

Backends differ only in a `Dialect` (column types, which secondary indexes pay off); the
tables, columns and unique keys are the same everywhere, which is what the concurrent
writers rely on (ON CONFLICT needs the keys). DuckDB, one writer at a time, keeps three of
the unique keys by how it writes instead of by an index (`WRITER_KEPT_KEYS`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from dateline.store.base import StoreError
from dateline.store.inlist import Execute
from dateline.store.rows import table_columns
from dateline.store.watch import WATCH_KEYS, WATCH_TABLES

#: The schema this dateline reads and writes.
SCHEMA_VERSION = 13
#: The digest of the table layout (`layout_digest()`) each schema version has; a test keeps the current
#: one true, so a change to the tables (a new model field) cannot ship without a version and a migration.
LAYOUT_DIGESTS = {3: "4e20dbc8b7d03897", 4: "597cd33275f5ebb7", 5: "60c22d079a10dbb5", 6: "d4d96ff88212b749",
                  7: "d4d96ff88212b749", 8: "d4d96ff88212b749", 9: "85afcecdfac74e79",
                  10: "85afcecdfac74e79", 11: "85afcecdfac74e79", 12: "85afcecdfac74e79",
                  13: "85afcecdfac74e79"}

#: The single-column primary key of a table, where it has one.
PRIMARY_KEYS = {"articles": "id", "events": "id"}

#: Unique keys beyond the primary keys: a party is one per (event, role, position).
UNIQUE_KEYS = {"event_parties_key": ("event_parties", ("event_id", "role", "position")),
               "merge_keys_key": ("merge_keys", ("event_id", "window_key")),
               "event_links_key": ("event_links", ("a", "b"))}

#: Secondary indexes for the filters; a dialect creates those it benefits from.
FILTER_INDEXES = {
    "events_article": ("events", ("article_id",)), "events_type": ("events", ("type", "listing_day", "listing_key")),
    "events_date": ("events", ("date_lo", "date_hi")), "events_point": ("events", ("lat", "lon")),
    "parties_country": ("event_parties", ("country",)),
    "timexes_article": ("timexes", ("article_id",)), "places_article": ("places", ("article_id",)),
    "actors_article": ("actors", ("article_id",)),
    "events_listing": ("events", ("listing_day", "listing_key")),
}

#: Indexes PostgreSQL walks in listing order, stopping after a page; the columns the filters test ride along
#: (INCLUDE), so a walk past reports that do not match reads the index alone (an index-only scan) instead of a
#: table row per report skipped. `party_text` stays out: a B-tree entry holds at most about 2.7 kB, and an event
#: with many long party names would make its article's insert fail.
LISTING_WALKS = ("events_listing", "events_type")
WALK_COLUMNS = ("merged_id", "negated", "hypothetical", "confidence", "type", "date_lo", "date_hi", "lat", "lon",
                "countries")
#: PostgreSQL's index of points carries the listing's columns and the filtered ones too: a `near` or a zone filter
#: reads the entries of its box (latitude band, longitude within it) and sorts the few it keeps by day, an
#: index-only scan. Without them its bitmap read a table page per match (a busy city, 50 km at a million events:
#: 38,479 matches on 36,630 pages, 445 ms, for a page of 110 rows).
POINT_COLUMNS = ("listing_day", "listing_key", *WALK_COLUMNS)

#: Single-column indexes for the point lookups of merging and of merged events' reports (ids in an IN list);
#: every dialect creates them (DuckDB reads an IN list through one, and scans the table without).
LOOKUP_INDEXES = {
    "events_merged": ("events", ("merged_id",)), "merge_keys_window": ("merge_keys", ("window_key",)),
    "event_links_a": ("event_links", ("a",)), "event_links_b": ("event_links", ("b",)),
    # an ingest asks, for every article it reads, whether its content is stored under another id
    "articles_digest": ("articles", ("digest",)),
}

#: PostgreSQL's index of the days an event may lie on, for the date-range filter (`Dialect.day_overlap`): a
#: btree on (date_lo, date_hi) answers only one side of an overlap; a GiST index on the range answers both.
_DAYS = "daterange(least({0}date_lo, {0}date_hi), greatest({0}date_lo, {0}date_hi), '[]')"
#: Columns PostgreSQL searches by substring (ILIKE/LIKE '%...%') through a trigram index, when pg_trgm is there.
TRIGRAM_COLUMNS = {"events_party_trgm": "party_text", "events_countries_trgm": "countries",
                   "events_sentence_trgm": "sentence"}
#: The statistics target of those columns. PostgreSQL estimates a LIKE '%...%' from the share of its histogram's
#: entries that match; of the default 100, one entry or none matches a party in 0.17 % of a million events, which
#: was estimated at 0.57 % or 0.006 % by the sample ANALYZE drew. At 0.57 % the planner walked the listing index (a
#: table row per report passed, 82,220 for 110 kept: 113 ms) instead of the trigram bitmap (1,658 rows, 18 ms).
SEARCHED_STATISTICS = 1000


@dataclass(frozen=True)
class Dialect:
    """What differs between SQL backends: type names, and whether secondary indexes are worth creating."""

    name: str
    types: dict[type, str]
    filter_indexes: bool
    #: a condition (placeholders: first day, last day) on `events e` that an index answers, implied by the
    #: date-range filter's own conditions and added to them; None where a scan is what answers
    day_overlap: str | None = None
    #: what makes a text comparison bytewise (the order Python compares strings in), whatever the collation
    bytewise: str = ""
    #: the column of `events` that numbers its rows, with an index that reads rows back by number cheaply, where
    #: the listing's top-N is cheaper over numbers than over its strings (`store.listing`, `row_number_ddl`)
    row_number: str | None = None
    #: the `UNIQUE_KEYS` the dialect keeps without an index, because its write path cannot break them
    #: (`WRITER_KEPT_KEYS`)
    writer_kept_keys: tuple[str, ...] = ()


#: Unique keys the writer keeps by how it writes: the rows of `event_parties` and `merge_keys` are written only
#: for articles the same transaction has just inserted (their keys hold the event id, and so the article's), once
#: per key inside a batch (`duck._first_per_key`); a link only when no stored link joins the same two events
#: (`merged._insert_links`, under the writers' lock). In DuckDB an index on them costs the writer memory in the
#: size of the store: the keys are hashes, so a batch's inserts touch nearly every node of the index, which DuckDB
#: loads and cannot evict. PostgreSQL, with indexes on disk, keeps them as indexes as well.
WRITER_KEPT_KEYS = ("event_parties_key", "merge_keys_key", "event_links_key")

# DuckDB scans filters with zone maps; its ART indexes serve only point lookups
DUCKDB = Dialect("duckdb", {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"},
                 filter_indexes=False, row_number="row_seq", writer_kept_keys=WRITER_KEPT_KEYS)
POSTGRES = Dialect("postgresql", {str: "TEXT", int: "BIGINT", float: "DOUBLE PRECISION", bool: "BOOLEAN",
                                  dt.date: "DATE"}, filter_indexes=True,
                   day_overlap=_DAYS.format("e.") + " && daterange(CAST(? AS DATE), CAST(? AS DATE), '[]')",
                   bytewise=' COLLATE "C"')


def sql_type(hint: Any, dialect: Dialect) -> tuple[str, bool]:
    """The SQL type of a model type hint in `dialect`, and whether the column may be NULL."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return sql_type(inner, dialect)[0], True
    if origin is Literal:
        return dialect.types[str], False
    if origin is list:
        return sql_type(args[0], dialect)[0] + "[]", False
    return dialect.types[hint], False


def layout_digest() -> str:
    """A short digest of every table's columns, types and keys."""
    text = repr(sorted((t, n, sql_type(h, DUCKDB)) for t, cols in table_columns().items() for n, h in cols))
    watch = repr(sorted((t, n, sql_type(h, DUCKDB)) for t, cols in WATCH_TABLES.items() for n, h in cols))
    keys = repr(sorted(UNIQUE_KEYS.items())) + repr(sorted(WATCH_KEYS.items()))
    return hashlib.sha256((text + watch + keys).encode()).hexdigest()[:16]


def watch_table_ddl(dialect: Dialect) -> list[str]:
    """CREATE TABLE of the watch tables (feeds, seen entries, zones, reported violations; `store.watch`)."""
    statements = []
    for table, columns in WATCH_TABLES.items():
        defs = []
        for name, hint in columns:
            type_name, nullable = sql_type(hint, dialect)
            defs.append(f'"{name}" {type_name}{"" if nullable else " NOT NULL"}')
        defs.append(f"PRIMARY KEY ({_columns(WATCH_KEYS[table])})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(defs)})")
    return statements


def table_ddl(dialect: Dialect) -> list[str]:
    """CREATE TABLE of every data table, in the current layout."""
    statements = []
    for table, columns in table_columns().items():
        defs = []
        for name, hint in columns:
            type_name, nullable = sql_type(hint, dialect)
            key = " PRIMARY KEY" if PRIMARY_KEYS.get(table) == name else ""
            defs.append(f'"{name}" {type_name}{"" if nullable else " NOT NULL"}{key}')
        statements.append(f"CREATE TABLE {table} ({', '.join(defs)})")
    return statements


def index_ddl(dialect: Dialect, present: set[tuple[str, str]] | None = None) -> list[str]:
    """CREATE INDEX of the unique keys, and of the filter indexes where the dialect wants them.

    With `present` (the (table, column) pairs a database has), only the indexes whose every column is there: a
    migration of an old database builds what its layout can hold, and a later step the rest (a layout-6
    `merge_keys` has no `window_key` until layout 9 builds the table again)."""
    def holds(name: str, table: str, cols: tuple[str, ...]) -> bool:
        needed = (*cols, *_carried(name))
        return present is None or all((table, column) in present for column in needed)

    statements = [f"CREATE UNIQUE INDEX IF NOT EXISTS {name} ON {table} ({_columns(cols)})"
                  for name, (table, cols) in UNIQUE_KEYS.items()
                  if holds(name, table, cols) and name not in dialect.writer_kept_keys]
    statements += [f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({_columns(cols)})"
                   for name, (table, cols) in LOOKUP_INDEXES.items() if holds(name, table, cols)]
    if dialect.filter_indexes:
        statements += [f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({_columns(cols)}){_included(name, cols)}"
                       for name, (table, cols) in FILTER_INDEXES.items() if holds(name, table, cols)]
        statements = [statement.replace('"listing_key")', f'"listing_key"{dialect.bytewise})')
                      for statement in statements]  # a day's keys are read in the order Python sorts them
    if dialect.day_overlap:
        statements.append(f"CREATE INDEX IF NOT EXISTS events_days ON events USING gist ({_DAYS.format('')})")
    return statements


def row_number_ddl(dialect: Dialect) -> list[str]:
    """The statements that give `events` its row numbers (`Dialect.row_number`), where the dialect has them: a
    BIGINT each inserted row draws from a sequence (an ingest's INSERTs name the data columns only), filled in for
    the rows there are, and its index. DuckDB's `rowid` numbers rows too, but a `rowid IN (...)` list is a scan of
    the table (110 scattered rows of a million: 116-178 ms); an IN list on an indexed column is read through the
    index (9-40 ms)."""
    if dialect.row_number is None:
        return []
    column, sequence = dialect.row_number, f"events_{dialect.row_number}_source"
    return [f"CREATE SEQUENCE IF NOT EXISTS {sequence}",
            f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} BIGINT DEFAULT nextval('{sequence}')",
            f"CREATE INDEX IF NOT EXISTS events_{column} ON events ({column})"]


def _carried(name: str) -> tuple[str, ...]:
    """The columns an index carries beside its keys: a listing walk's (`LISTING_WALKS`), the points'
    (`POINT_COLUMNS`)."""
    return WALK_COLUMNS if name in LISTING_WALKS else POINT_COLUMNS if name == "events_point" else ()


def _included(name: str, keys: tuple[str, ...]) -> str:
    """The INCLUDE clause of a listing walk's index or of the points'; nothing for another index."""
    carried = _carried(name)
    if not carried:
        return ""
    return f" INCLUDE ({_columns(tuple(c for c in carried if c not in keys))})"


def trigram_index_ddl(execute: Execute, dialect: Dialect) -> list[str]:
    """CREATE INDEX of the trigram indexes (PostgreSQL with pg_trgm), creating the extension where it may.

    pg_trgm ships with PostgreSQL; a database where it cannot be created (no contrib package, no right to
    create it) gets no trigram index, and its substring filters scan. The extension lives in one schema of
    the database, so its operator class is named with that schema."""
    if dialect.name != "postgresql":
        return []
    schema = _trigram_schema(execute)
    if schema is None:
        execute("SAVEPOINT dateline_trgm", [])
        try:
            execute("CREATE EXTENSION IF NOT EXISTS pg_trgm", [])
        except Exception:  # noqa: BLE001 - any refusal (missing package, privileges) leaves the filters scanning
            execute("ROLLBACK TO SAVEPOINT dateline_trgm", [])
            return []
        execute("RELEASE SAVEPOINT dateline_trgm", [])
        schema = _trigram_schema(execute)
    opclass = '"' + str(schema).replace('"', '""') + '".gin_trgm_ops'
    return [*(f'CREATE INDEX IF NOT EXISTS {name} ON events USING gin ("{column}" {opclass})'
              for name, column in TRIGRAM_COLUMNS.items()), *searched_statistics_ddl(dialect)]


def searched_statistics_ddl(dialect: Dialect) -> list[str]:
    """PostgreSQL: the finer statistics of the substring-searched columns (`SEARCHED_STATISTICS`)."""
    return [f'ALTER TABLE events ALTER COLUMN "{column}" SET STATISTICS {SEARCHED_STATISTICS}'
            for column in TRIGRAM_COLUMNS.values()] if dialect.name == "postgresql" else []


def _trigram_schema(execute: Execute) -> str | None:
    """The schema pg_trgm is installed in, or None."""
    rows = execute("SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace "
                   "WHERE x.extname = 'pg_trgm'", [])
    return rows[0][0] if rows else None


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in names)


VERSION_TABLE = ("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description {text} NOT NULL, "
                 "applied_at {text} NOT NULL)")


def version_record(version: int, description: str) -> tuple[str, list[Any]]:
    return ("INSERT INTO schema_version VALUES (?, ?, ?)",
            [version, description, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")])


def create_schema(execute: Execute, dialect: Dialect) -> None:
    """Create the current tables, keys and version record in an empty database."""
    for statement in (*table_ddl(dialect), *watch_table_ddl(dialect), *index_ddl(dialect), *row_number_ddl(dialect),
                      VERSION_TABLE.format(text=dialect.types[str])):
        execute(statement, [])
    for statement in trigram_index_ddl(execute, dialect):
        execute(statement, [])
    execute(*version_record(SCHEMA_VERSION, "created"))


def found_version(tables: set[str], execute: Execute, name: str) -> int | None:
    """The schema version of a database with these tables (None when it has none); a foreign database is refused."""
    if not tables:
        return None
    if "schema_version" in tables:
        return int(execute("SELECT max(version) FROM schema_version", [])[0][0] or 0)
    if "dateline_meta" in tables:
        row = execute("SELECT value FROM dateline_meta WHERE key = 'layout'", [])
        return int(row[0][0]) if row else 0
    if "articles" in tables and "events" in tables:
        return 1  # dateline before 0.2 wrote no mark
    raise StoreError(f"{name} is a database without dateline's tables (it has {', '.join(sorted(tables))}): "
                     "give a new database with --db")


__all__ = ["DUCKDB", "LISTING_WALKS", "POSTGRES", "SCHEMA_VERSION", "VERSION_TABLE", "WRITER_KEPT_KEYS", "Dialect",
           "Execute", "create_schema", "found_version", "index_ddl", "layout_digest", "row_number_ddl",
           "searched_statistics_ddl", "sql_type", "table_ddl", "trigram_index_ddl", "version_record", "watch_table_ddl"]
