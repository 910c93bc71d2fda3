"""The store's versioned migrations: each step from one schema version to the next, and the upgrade that runs them.

Split from `dateline.store.schema` (which creates the current schema and reads a database's version): a
database older than `SCHEMA_VERSION` is upgraded here, in the caller's transaction, or refused with what to do
when no migration leads from its version; a newer one is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dateline.store.base import StoreLayoutError
from dateline.store.rows import table_columns
from dateline.store.schema import (
    LISTING_WALKS,
    SCHEMA_VERSION,
    VERSION_TABLE,
    Dialect,
    Execute,
    index_ddl,
    row_number_ddl,
    searched_statistics_ddl,
    sql_type,
    table_ddl,
    trigram_index_ddl,
    version_record,
    watch_table_ddl,
)
from dateline.store.search import fill_search_columns


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
    found = _columns_present(execute)
    tables = {table for table, _ in found}
    for table, columns in table_columns().items():
        if table not in tables:
            continue  # a table of a later version: its migration creates it
        for name, hint in columns:
            if (table, name) not in found:
                execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql_type(hint, dialect)[0]}', [])


def _held_index_ddl(execute: Execute, dialect: Dialect) -> list[str]:
    """The current layout's indexes that the database's tables can hold now (`index_ddl` with `present`): a step
    before layout 9 must not index a column that step adds (the old `merge_keys` had none of `window_key`)."""
    return index_ddl(dialect, _columns_present(execute))


def _columns_present(execute: Execute) -> set[tuple[str, str]]:
    """The (table, column) pairs the database holds now."""
    return set(execute("SELECT table_name, column_name FROM information_schema.columns "
                       "WHERE table_schema = current_schema()", []))


def _from_layout_2(execute: Execute, dialect: Dialect) -> None:
    """Layout 2 (dateline 0.2, DuckDB only): no version table, no party key, fewer mention columns."""
    execute(VERSION_TABLE.format(text=dialect.types[str]), [])
    add_missing_columns(execute, dialect)
    for statement in _held_index_ddl(execute, dialect):
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
    for statement in _held_index_ddl(execute, dialect):
        execute(statement, [])
    from dateline.store.merged import remerge_all  # it reads stored rows, so it comes after this schema

    remerge_all(execute)


def _listing_columns(execute: Execute, dialect: Dialect) -> None:
    """Layout 6: the listing's order keys and the party search columns of `events` (`store.search`), filled
    in from the stored rows; the lookup indexes of merging; PostgreSQL's range and trigram indexes."""
    add_missing_columns(execute, dialect)
    fill_search_columns(execute)
    for statement in (*_held_index_ddl(execute, dialect), *trigram_index_ddl(execute, dialect)):
        execute(statement, [])


def _digest_index(execute: Execute, dialect: Dialect) -> None:
    """Layout 7: the lookup index of the articles' content digests (`Store.article_with_digest`, asked once per
    article an ingest reads, scanned every article before: ingest time grew with the store)."""
    for statement in _held_index_ddl(execute, dialect):
        execute(statement, [])


def _covering_walks(execute: Execute, dialect: Dialect) -> None:
    """Layout 8: PostgreSQL's listing walks carry the filtered columns (`LISTING_WALKS`), and the type index is
    ordered as the listing within a type; both are built again."""
    if dialect.filter_indexes:
        for name in LISTING_WALKS:
            execute(f"DROP INDEX IF EXISTS {name}", [])
    for statement in _held_index_ddl(execute, dialect):
        execute(statement, [])


def _windowed_merge_keys(execute: Execute, dialect: Dialect) -> None:
    """Layout 9: merging's candidate index by windows of days (`rows.window_keys`), read by key instead of a
    self-join that scanned it; merge spans with the background reach (`merge.spans.BACKGROUND_DAYS`). The index
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
    for statement in _held_index_ddl(execute, dialect):
        execute(statement, [])


def _row_numbers_and_covered_points(execute: Execute, dialect: Dialect) -> None:
    """Layout 10: DuckDB numbers the events' rows (`row_number_ddl`), so a listing reads the rows its top-N keeps
    through an index instead of a scan; PostgreSQL's index of points is built again carrying the listing's and the
    filtered columns (`POINT_COLUMNS`)."""
    if dialect.filter_indexes:
        execute("DROP INDEX IF EXISTS events_point", [])
    for statement in (*_held_index_ddl(execute, dialect), *row_number_ddl(dialect)):
        execute(statement, [])


def _searched_statistics(execute: Execute, dialect: Dialect) -> None:
    """Layout 11: PostgreSQL keeps finer statistics of the substring-searched columns, gathered again now."""
    for statement in (*searched_statistics_ddl(dialect), "ANALYZE events") if dialect.filter_indexes else ():
        execute(statement, [])


def _copy_keys(execute: Execute, dialect: Dialect) -> None:
    """Layout 12: merging's candidate index gets a row per event keyed by its sentence's fingerprint
    (`rows.copy_key`), so one sentence printed on pages of other days is compared whatever dates the pages gave it
    (`merge.rules.copied`); the stored events that share a fingerprint with another article's are then merged again
    (`merged.merge_new_events`: their links are found and their groups clustered anew), so the store holds what an
    ingest of its articles into a new store gives."""
    from dateline.store.merged import insert_merge_keys, merge_new_events
    from dateline.store.rows import copy_key, copy_span

    execute("DELETE FROM merge_keys WHERE window_key LIKE '%=%'", [])  # any copy rows (none before layout 12)
    rows = execute("SELECT e.id, e.type, e.sentence, e.article_id, a.date FROM events e "
                   "JOIN articles a ON a.id = e.article_id WHERE e.merge_lo IS NOT NULL", [])
    keyed = [(event_id, type_, key, published, article_id) for event_id, type_, sentence, article_id, published in rows
             if (key := copy_key(type_, sentence))]
    insert_merge_keys(execute, [(event_id, type_, key, *copy_span(published))
                                for event_id, type_, key, published, _ in keyed])
    articles: dict[str, set[str]] = {}
    for _, _, key, _, article_id in keyed:
        articles.setdefault(key, set()).add(article_id)
    copies = sorted(event_id for event_id, _, key, _, _ in keyed if len(articles[key]) > 1)
    if copies:
        merge_new_events(execute, copies)  # it also lists the events it moves under their new merged event's key


def _writer_kept_keys(execute: Execute, dialect: Dialect) -> None:
    """Layout 13: DuckDB drops the unique indexes its write path keeps anyway (`schema.WRITER_KEPT_KEYS`): a
    batch's hashed keys touched nearly every node of them, loaded into the writer's memory in the size of the
    store. PostgreSQL keeps them."""
    for name in dialect.writer_kept_keys:
        execute(f"DROP INDEX IF EXISTS {name}", [])


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
    11: Migration(11, "PostgreSQL: statistics target 1000 on the substring-searched columns (party_text, countries, "
                      "sentence)", _searched_statistics),
    12: Migration(12, "merge_keys: a row per event by its sentence's fingerprint (one sentence printed on other days "
                      "is compared whatever its pages' dates); stored copies merged again", _copy_keys),
    13: Migration(13, "DuckDB: no index on the unique keys of event_parties, merge_keys and event_links, which its "
                      "write path keeps (their hashed keys cost the writer memory in the size of the store)",
                  _writer_kept_keys),
}


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
        execute(*version_record(step, migration.description))


__all__ = ["MIGRATIONS", "Migration", "add_missing_columns", "check_upgradable", "upgrade"]
