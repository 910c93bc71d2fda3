"""The store's schema and its versioned migrations, shared by every SQL backend.

A database records its schema version in `schema_version` (one row per migration applied).
A new database gets the current tables (from `dateline.store.rows`) and every version up
to `SCHEMA_VERSION`; an older one is upgraded by the migrations from its version on, in one
transaction, or refused with what to do when no migration leads from its version; a newer
one is refused. Databases written before `schema_version` existed are recognised by their
marks: layout 2 wrote `dateline_meta`, layout 1 nothing.

Backends differ only in a `Dialect` (column types, which secondary indexes pay off); the
tables, columns and unique keys are the same everywhere, which is what the concurrent
writers rely on (ON CONFLICT needs the keys).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from dateline.store.base import StoreError, StoreLayoutError
from dateline.store.rows import table_columns
from dateline.store.search import fill_search_columns
from dateline.store.watch import WATCH_KEYS, WATCH_TABLES

#: The schema this dateline reads and writes.
SCHEMA_VERSION = 10
#: The digest of the table layout (`layout_digest()`) each schema version has; a test keeps the current
#: one true, so a change to the tables (a new model field) cannot ship without a version and a migration.
LAYOUT_DIGESTS = {3: "4e20dbc8b7d03897", 4: "597cd33275f5ebb7", 5: "60c22d079a10dbb5", 6: "d4d96ff88212b749",
                  7: "d4d96ff88212b749", 8: "d4d96ff88212b749", 9: "85afcecdfac74e79",
                  10: "85afcecdfac74e79"}

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

Execute = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


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


# DuckDB scans filters with zone maps; its ART indexes serve only point lookups
DUCKDB = Dialect("duckdb", {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dt.date: "DATE"},
                 filter_indexes=False, row_number="row_seq")
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


def index_ddl(dialect: Dialect) -> list[str]:
    """CREATE INDEX of the unique keys, and of the filter indexes where the dialect wants them."""
    statements = [f"CREATE UNIQUE INDEX IF NOT EXISTS {name} ON {table} ({_columns(cols)})"
                  for name, (table, cols) in UNIQUE_KEYS.items()]
    statements += [f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({_columns(cols)})"
                   for name, (table, cols) in LOOKUP_INDEXES.items()]
    if dialect.filter_indexes:
        statements += [f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({_columns(cols)}){_included(name, cols)}"
                       for name, (table, cols) in FILTER_INDEXES.items()]
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


def _included(name: str, keys: tuple[str, ...]) -> str:
    """The INCLUDE clause of a listing walk's index (`LISTING_WALKS`) or of the points' (`POINT_COLUMNS`); nothing
    for another index."""
    carried = WALK_COLUMNS if name in LISTING_WALKS else POINT_COLUMNS if name == "events_point" else ()
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
    return [f'CREATE INDEX IF NOT EXISTS {name} ON events USING gin ("{column}" {opclass})'
            for name, column in TRIGRAM_COLUMNS.items()]


def _trigram_schema(execute: Execute) -> str | None:
    """The schema pg_trgm is installed in, or None."""
    rows = execute("SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace "
                   "WHERE x.extname = 'pg_trgm'", [])
    return rows[0][0] if rows else None


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in names)


VERSION_TABLE = ("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description {text} NOT NULL, "
                 "applied_at {text} NOT NULL)")


def _record(version: int, description: str) -> tuple[str, list[Any]]:
    return ("INSERT INTO schema_version VALUES (?, ?, ?)",
            [version, description, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")])


@dataclass(frozen=True)
class Migration:
    """One step from `version - 1` to `version`, run inside the upgrade's transaction."""

    version: int
    description: str
    apply: Callable[[Execute, Dialect], None]


def add_missing_columns(execute: Execute, dialect: Dialect) -> None:
    """Add the columns of the current layout a database lacks, NULL in its existing rows.

    For fields added to the model's mention types (a place's `precision`), which older
    rows simply did not have. An index column of `events` computed from the event needs
    a migration that also fills it in.
    """
    found = set(execute("SELECT table_name, column_name FROM information_schema.columns "
                        "WHERE table_schema = current_schema()", []))
    tables = {table for table, _ in found}
    for table, columns in table_columns().items():
        if table not in tables:
            continue  # a table of a later version: its migration creates it
        for name, hint in columns:
            if (table, name) not in found:
                execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql_type(hint, dialect)[0]}', [])


def _from_layout_2(execute: Execute, dialect: Dialect) -> None:
    """Layout 2 (dateline 0.2, DuckDB only): no version table, no party key, fewer mention columns."""
    execute(VERSION_TABLE.format(text=dialect.types[str]), [])
    add_missing_columns(execute, dialect)
    for statement in index_ddl(dialect):
        execute(statement, [])
    execute("DROP TABLE dateline_meta", [])


def _add_watch_tables(execute: Execute, dialect: Dialect) -> None:
    """Layout 4: the watch tables (feeds, feed entries, zones, zone reports); the data tables are unchanged."""
    for statement in watch_table_ddl(dialect):
        execute(statement, [])


def _merged_events(execute: Execute, dialect: Dialect) -> None:
    """Layout 5: cross-article merging. The merge columns of `events`, the candidate index and the links;
    every stored event is then merged, as an ingest of all of them would have."""
    found = {row[0] for row in execute("SELECT table_name FROM information_schema.tables "
                                       "WHERE table_schema = current_schema()", [])}
    for statement, table in zip(table_ddl(dialect), table_columns(), strict=True):
        if table not in found:
            execute(statement, [])
    add_missing_columns(execute, dialect)
    for statement in index_ddl(dialect):
        execute(statement, [])
    from dateline.store.merged import remerge_all  # it reads stored rows, so it comes after this schema

    remerge_all(execute)


def _listing_columns(execute: Execute, dialect: Dialect) -> None:
    """Layout 6: the listing's order keys and the party search columns of `events` (`store.search`), filled
    in from the stored rows; the lookup indexes of merging; PostgreSQL's range and trigram indexes."""
    add_missing_columns(execute, dialect)
    fill_search_columns(execute)
    for statement in (*index_ddl(dialect), *trigram_index_ddl(execute, dialect)):
        execute(statement, [])


def _digest_index(execute: Execute, dialect: Dialect) -> None:
    """Layout 7: the lookup index of the articles' content digests (`Store.article_with_digest`, asked once per
    article an ingest reads, scanned every article before: ingest time grew with the store)."""
    for statement in index_ddl(dialect):
        execute(statement, [])


def _covering_walks(execute: Execute, dialect: Dialect) -> None:
    """Layout 8: PostgreSQL's listing walks carry the filtered columns (`LISTING_WALKS`), and the type index is
    ordered as the listing within a type; both are built again."""
    if dialect.filter_indexes:
        for name in LISTING_WALKS:
            execute(f"DROP INDEX IF EXISTS {name}", [])
    for statement in index_ddl(dialect):
        execute(statement, [])


def _windowed_merge_keys(execute: Execute, dialect: Dialect) -> None:
    """Layout 9: merging's candidate index by windows of days (`rows.window_keys`), read by key instead of a
    self-join that scanned it; merge spans with the background reach (`merge.rules.BACKGROUND_DAYS`). The index
    is built again from the stored events' date columns and their articles' dates; the links stored stay (events
    stored before meet through the reach when a new article links them)."""
    from dateline.merge import merge_span_of
    from dateline.store.merged import insert_merge_keys, update_events
    from dateline.store.rows import window_keys

    execute("DROP TABLE IF EXISTS merge_keys", [])
    execute(next(ddl for ddl, table in zip(table_ddl(dialect), table_columns(), strict=True) if table == "merge_keys"),
            [])
    rows = execute("SELECT e.id, e.type, e.date, e.date_mod, e.date_precision, a.date, e.merge_lo, e.merge_hi "
                   "FROM events e JOIN articles a ON a.id = e.article_id", [])
    spans, moved = [], []
    for event_id, type_, date, mod, precision, published, lo, hi in rows:
        span = merge_span_of(date, mod, precision, published)
        bounds = (span.first, span.last) if span else (None, None)
        if bounds != (lo, hi):
            moved.append((event_id, *bounds))
        if span:
            spans += [(event_id, type_, key, span.first, span.last) for key in window_keys(type_, *bounds)]
    update_events(execute, (("merge_lo", "DATE"), ("merge_hi", "DATE")), moved)
    insert_merge_keys(execute, spans)
    for statement in index_ddl(dialect):
        execute(statement, [])


def _row_numbers_and_covered_points(execute: Execute, dialect: Dialect) -> None:
    """Layout 10: DuckDB numbers the events' rows (`row_number_ddl`), so a listing reads the rows its top-N keeps
    through an index instead of a scan; PostgreSQL's index of points is built again carrying the listing's and the
    filtered columns (`POINT_COLUMNS`)."""
    if dialect.filter_indexes:
        execute("DROP INDEX IF EXISTS events_point", [])
    for statement in (*index_ddl(dialect), *row_number_ddl(dialect)):
        execute(statement, [])


MIGRATIONS: dict[int, Migration] = {
    3: Migration(3, "schema_version table; unique key of event_parties (event_id, role, position); "
                    "new mention columns (a place's precision and basis); filter indexes", _from_layout_2),
    4: Migration(4, "watch tables: feeds, feed_entries, zones, zone_reports", _add_watch_tables),
    5: Migration(5, "cross-article merging: events.merged_id, merge_reason, n_mentions, n_articles, n_sources, "
                    "merge_lo, merge_hi; tables merge_keys and event_links; stored events merged", _merged_events),
    6: Migration(6, "listing and search columns of events (order_key, listing_key, listing_day, party_text, "
                    "countries), filled in; lookup indexes of merge_keys and event_links; PostgreSQL: listing, "
                    "day-range and trigram indexes", _listing_columns),
    7: Migration(7, "lookup index of articles' content digests", _digest_index),
    8: Migration(8, "PostgreSQL: listing walks by day and by type within day, covering the filtered columns",
                 _covering_walks),
    9: Migration(9, "merge_keys by windows of days (window_key, looked up by key), rebuilt with the background "
                    "reach of merge spans", _windowed_merge_keys),
    10: Migration(10, "DuckDB: events numbered by an indexed row_seq, read back by number in a listing; PostgreSQL: "
                      "the points' index carries the listing's and the filtered columns",
                  _row_numbers_and_covered_points),
}


def create_schema(execute: Execute, dialect: Dialect) -> None:
    """Create the current tables, keys and version record in an empty database."""
    for statement in (*table_ddl(dialect), *watch_table_ddl(dialect), *index_ddl(dialect), *row_number_ddl(dialect),
                      VERSION_TABLE.format(text=dialect.types[str])):
        execute(statement, [])
    for statement in trigram_index_ddl(execute, dialect):
        execute(statement, [])
    execute(*_record(SCHEMA_VERSION, "created"))


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


def check_upgradable(version: int, name: str) -> None:
    """Refuse, with what to do, a version this dateline cannot read or upgrade."""
    if version > SCHEMA_VERSION:
        raise StoreLayoutError(
            f"{name} was written by a newer dateline (store layout {version}; this version reads layout "
            f"{SCHEMA_VERSION}). Upgrade dateline to read it, or ingest into a new database with --db NEW.duckdb")
    missing = [v for v in range(version + 1, SCHEMA_VERSION + 1) if v not in MIGRATIONS]
    if missing:
        raise StoreLayoutError(
            f"{name} was written by an older dateline (store layout {version}; this version reads layout "
            f"{SCHEMA_VERSION} and cannot upgrade it). Re-ingest your articles into a new database: "
            "`dateline ingest ARTICLES... --db NEW.duckdb`")


def upgrade(version: int, execute: Execute, dialect: Dialect) -> None:
    """Apply every migration after `version`, recording each (the caller holds the transaction)."""
    for step in range(version + 1, SCHEMA_VERSION + 1):
        migration = MIGRATIONS[step]
        migration.apply(execute, dialect)
        execute(*_record(step, migration.description))


__all__ = ["DUCKDB", "MIGRATIONS", "POSTGRES", "SCHEMA_VERSION", "Dialect", "Migration", "add_missing_columns",
           "check_upgradable", "create_schema", "found_version", "index_ddl", "layout_digest", "row_number_ddl",
           "table_ddl",
           "trigram_index_ddl", "upgrade", "watch_table_ddl"]
