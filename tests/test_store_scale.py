"""What keeps the store's work per call independent of its size: lookups by key rather than scans, the
DuckDB listing's top-N over integers, the digest index of schema 7, and a DuckDB store rewritten in
listing order that lists exactly as before."""

from __future__ import annotations

import datetime as dt
import re

from dateline.store import EventFilter, open_store
from dateline.store.listing import load_events
from dateline.store.merged import merged_count
from dateline.store.schema import SCHEMA_VERSION
from pg import raw_sql
from store_worker import make_document, numbered_document
from test_merge import A, B, C


def _plan(store, sql: str, params: list) -> str:
    """The plan DuckDB ran for a statement, as text (EXPLAIN alone plans without the parameters' values)."""
    return "\n".join(str(row[-1]) for row in store.rows("EXPLAIN ANALYZE " + sql, params))


def test_duckdb_reads_a_page_and_its_merge_state_through_the_keys(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([numbered_document(n) for n in range(40)])
        ids = [row[0] for row in store.rows("SELECT id FROM events ORDER BY id LIMIT 5")]
        statements = []

        def recorded(sql: str, params):
            statements.append((sql, list(params)))
            return store.rows(sql, params)

        load_events(recorded, ids, set())
        merged_count(recorded, ids)
        for sql, params in statements:  # an IN list with another condition beside it was a scan of every event
            assert "Index Scan" in _plan(store, sql, params), sql


def test_a_page_load_says_which_events_several_articles_report_and_an_ingest_counts_them(store):
    store.add([A, C, make_document("alone", "PROTEST", "2011-01-25")])
    ((merged_id,),) = store.rows("SELECT DISTINCT merged_id FROM events WHERE article_id IN ('kyiv-post', 'gazeta')")
    ids = [row[0] for row in store.rows("SELECT id FROM events ORDER BY id")]
    several: set[str] = set()
    assert [e.id for e in load_events(store.rows, ids, several)] == ids
    assert several == {merged_id}  # the merged event, not its other report nor the lone protest
    assert merged_count(store.rows, ids) == 2 and store.add([B]).merged == 1


def test_the_digest_lookup_of_an_ingest_is_an_index_scan_on_duckdb(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([numbered_document(n) for n in range(20)])
        digest = store.rows("SELECT digest FROM articles WHERE id = 'art00007'")[0][0]
        assert store.article_with_digest(digest) == "art00007"
        assert "Index Scan" in _plan(store, "SELECT id FROM articles WHERE digest = ?", [digest])  # as it asks


def test_a_schema_6_store_gains_the_digest_index(store_target):
    with open_store(store_target) as store:
        store.add([make_document("a1"), make_document("a2", text="Russia and Turkey met on Monday.")])
    raw_sql(store_target, f"DROP INDEX articles_digest; UPDATE schema_version SET version = 6 "
                          f"WHERE version = {SCHEMA_VERSION}")
    with open_store(store_target, read_only=True) as store:
        assert store.rows("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert store.counts()["events"] == 2 and store.article("a2") is not None
    names = ("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
             if store_target.startswith("postgresql") else "SELECT index_name FROM duckdb_indexes()")
    assert ("articles_digest",) in raw_sql(store_target, names)


def test_a_duckdb_store_rewritten_in_listing_order_lists_the_same_and_keeps_its_keys(tmp_path):
    docs = [numbered_document(n) for n in range(60)]
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(docs[::-1])  # stored against the listing order
        filters = [EventFilter(), EventFilter(type="CONSULT"), EventFilter(limit=7), EventFilter(text="Report 4")]
        before = [[e.to_json(with_article=True) for e in store.events(f)] for f in filters]
        days = "SELECT listing_day FROM events ORDER BY rowid"
        assert store.rows(days) != sorted(store.rows(days))
        store.put_in_listing_order()
        assert [[e.to_json(with_article=True) for e in store.events(f)] for f in filters] == before
        assert store.rows(days) == sorted(store.rows(days))
        again = store.add([*docs[:3], numbered_document(60)])  # the keys and the merge lookups survive
        assert (again.added, again.existing) == (1, 3)
        assert ("events_merged",) in store.rows("SELECT index_name FROM duckdb_indexes()")


def test_a_schema_7_postgresql_store_gets_listing_walks_that_carry_the_filtered_columns(postgres_url):
    with open_store(postgres_url) as store:
        store.add([make_document("a1")])
    raw_sql(postgres_url, "DROP INDEX events_listing; DROP INDEX events_type; "
                          "CREATE INDEX events_listing ON events (listing_day, listing_key); "
                          f"CREATE INDEX events_type ON events (type); UPDATE schema_version SET version = 7 "
                          f"WHERE version = {SCHEMA_VERSION}")
    open_store(postgres_url, read_only=True).close()
    definitions = dict(raw_sql(postgres_url, "SELECT indexname, indexdef FROM pg_indexes "
                                             "WHERE indexname IN ('events_listing', 'events_type')"))
    assert "(type, listing_day, listing_key COLLATE \"C\")" in definitions["events_type"]
    for definition in definitions.values():  # a walk past non-matching reports reads the index alone
        assert "INCLUDE (merged_id, negated, hypothetical, confidence" in definition and "countries)" in definition


def test_dateline_optimize_puts_a_duckdb_file_in_listing_order_and_says_so(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    db = str(tmp_path / "s.duckdb")
    with open_store(db) as store:
        store.add([numbered_document(n) for n in range(30)][::-1])  # an archive stored newest first
        before = [e.to_json(with_article=True) for e in store.events(EventFilter(limit=10))]
    days = "SELECT listing_day FROM events ORDER BY rowid"
    assert raw_sql(db, days) != sorted(raw_sql(db, days))
    result = CliRunner().invoke(app, ["optimize", "--db", db])
    assert result.exit_code == 0, result.output
    assert "rewriting 60 events in listing order" in result.output and "optimized" in result.output
    assert raw_sql(db, days) == sorted(raw_sql(db, days))
    with open_store(db, read_only=True) as store:
        assert [e.to_json(with_article=True) for e in store.events(EventFilter(limit=10))] == before
    missing = CliRunner().invoke(app, ["optimize", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no database" in missing.output and not (tmp_path / "none.duckdb").exists()


def test_optimize_puts_postgresql_events_in_listing_order_and_refreshes_statistics(postgres_url):
    days = "SELECT listing_day FROM events ORDER BY ctid"  # the order of the rows in the table's pages
    with open_store(postgres_url) as store:
        store.add([numbered_document(n) for n in range(12)][::-1])
        before = [e.to_json(with_article=True) for e in store.events(EventFilter())]
        assert store.rows(days) != sorted(store.rows(days))
        heard: list[str] = []
        store.optimize(say=heard.append)
        assert "CLUSTER" in heard[0] and "VACUUM ANALYZE" in heard[1]
        assert store.rows(days) == sorted(store.rows(days))
        assert [e.to_json(with_article=True) for e in store.events(EventFilter())] == before
    # the planner's row count of events, -1 until a table is analysed (the activity views report late)
    ((planned, stored),) = raw_sql(postgres_url, "SELECT reltuples, (SELECT count(*) FROM events) FROM pg_class "
                                                 "WHERE oid = 'events'::regclass")
    assert planned == stored > 0


def test_a_duckdb_listing_reads_widening_windows_of_days_and_lists_as_an_unbounded_one(tmp_path):
    from dateline.store.listing import listed_ids
    from dateline.store.schema import DUCKDB

    with open_store(tmp_path / "s.duckdb") as store:
        store.add([numbered_document(n) for n in range(300)][::-1])  # 300 days of reports, 64 days a first window
        store.optimize()
        statements: list[str] = []

        def recorded(sql: str, params):
            statements.append(sql)
            return store.rows(sql, params)

        for flt in (EventFilter(), EventFilter(type="CONSULT"), EventFilter(text="Report 29"),
                    EventFilter(text="none")):
            windowed = list(listed_ids(recorded, flt, DUCKDB, page=4))
            assert windowed == list(listed_ids(store.rows, flt, None, page=4))  # no windows: one top-N a page
            assert windowed == list(listed_ids(store.rows, flt, DUCKDB, page=1000))
            after = windowed[len(windowed) // 2][1] if windowed else None
            assert list(listed_ids(recorded, flt, DUCKDB, after=after, page=3)) == [
                pair for pair in windowed if after is None or pair[1] > after]
        assert any("e.listing_day <= ?" in sql for sql in statements)  # the windows were read
        statements.clear()  # a filter of dates is pruned by its own columns: no windows
        dated = EventFilter(since=dt.date(2018, 3, 1), until=dt.date(2018, 3, 9))
        assert list(listed_ids(recorded, dated, DUCKDB, page=4)) == list(listed_ids(store.rows, dated, None, page=4))
        assert statements and not any("e.listing_day <= ?" in sql for sql in statements)


def test_merging_finds_its_candidates_by_key_not_by_a_scan_of_merge_keys(tmp_path):
    from dateline.store.merged import find_links

    with open_store(tmp_path / "s.duckdb") as store:
        store.add([numbered_document(n) for n in range(30)] + [A, C])
        statements = []

        def recorded(sql: str, params):
            statements.append((sql, list(params)))
            return store.rows(sql, params)

        new = [event for event in load_events(store.rows, [A.events[0].id], set())]
        links = find_links(recorded, new, {})
        assert set(links) == {frozenset((A.events[0].id, C.events[0].id))}  # stored already: linked again here
        assert any("window_key IN" in sql for sql, _ in statements)
        for sql, params in statements:  # a self-join of merge_keys was a scan of the whole table per batch
            assert "Index Scan" in _plan(store, sql, params), sql


def test_merging_reads_again_no_stored_event_the_caller_holds(tmp_path):
    from dateline.store.merged import find_links

    with open_store(tmp_path / "s.duckdb") as store:
        store.add([A, C])
        statements = []

        def recorded(sql: str, params):
            statements.append((sql, list(params)))
            return store.rows(sql, params)

        new = load_events(store.rows, [A.events[0].id], set())
        known = {event.id: event for event in load_events(store.rows, [C.events[0].id], set())}
        links = find_links(recorded, new, known)
        assert set(links) == {frozenset((A.events[0].id, C.events[0].id))}
        assert not [sql for sql, params in statements  # the ids are written into the statement or bound
                    if "FROM events WHERE id IN" in sql and (C.events[0].id in params or C.events[0].id in sql)]


def test_a_schema_8_store_gets_windowed_merge_keys_and_background_spans_like_a_new_one(store_target, tmp_path,
                                                                                      postgres_server):
    from test_merge import BLAST, undated

    vigil = undated("evening-post", "2010-05-24", "Families of the 9 workers killed in the Ocean Star refinery "
                    "blast held a vigil in Port Avel.", "killed")
    fresh = postgres_server.new_database() if store_target.startswith("postgresql") else str(tmp_path / "fresh.db")
    for target in (store_target, fresh):
        with open_store(target) as store:
            store.add([A, B, C, BLAST, vigil])
    raw_sql(store_target, "DROP TABLE merge_keys; CREATE TABLE merge_keys (event_id TEXT NOT NULL, type TEXT NOT NULL, "
                          "country TEXT NOT NULL, lo DATE NOT NULL, hi DATE NOT NULL); "
                          "CREATE UNIQUE INDEX merge_keys_key ON merge_keys (event_id, country); "
                          "UPDATE events SET merge_lo = merge_hi; "  # the spans of schema 8 reached a week back
                          f"UPDATE schema_version SET version = 8 WHERE version = {SCHEMA_VERSION}")
    keys = "SELECT event_id, type, window_key, lo, hi FROM merge_keys ORDER BY event_id, window_key"
    spans = "SELECT id, merge_lo, merge_hi FROM events ORDER BY id"
    with open_store(store_target, read_only=True) as store:
        assert store.rows("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        upgraded = store.rows(keys), store.rows(spans)
    with open_store(fresh, read_only=True) as store:
        assert upgraded == (store.rows(keys), store.rows(spans))
    vigil_span = [row for row in upgraded[1] if row[0] == vigil.events[0].id]
    # 42 days back from its article's day, and a day's slack after it
    assert vigil_span == [(vigil.events[0].id, dt.date(2010, 4, 12), dt.date(2010, 5, 25))]


def test_a_duckdb_listing_reads_the_rows_its_top_n_keeps_through_the_row_numbers_index(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([numbered_document(n) for n in range(30)][::-1])
        before = [e.id for e in store.events(EventFilter(type="CONSULT", limit=12))]
        store.optimize()  # the rewrite numbers the rows again, in listing order
        store.add([numbered_document(n) for n in range(30, 36)])  # an ingest after it draws new numbers
        ((rows, numbers),) = store.rows("SELECT count(*), count(DISTINCT row_seq) FROM events")
        assert numbers == rows > 0
        statements = []

        def recorded(sql: str, params):
            statements.append((sql, list(params)))
            return store.rows(sql, params)

        from dateline.store.listing import listed_ids

        assert [i for i, _ in listed_ids(recorded, EventFilter(type="CONSULT"), store.dialect, page=5)][:12] == before
        reads = [(sql, params) for sql, params in statements if "row_seq IN (" in sql]
        assert reads and all("Index Scan" in _plan(store, sql, params) for sql, params in reads)


def test_a_schema_9_duckdb_store_gets_its_row_numbers_and_lists_as_before(tmp_path):
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.add([numbered_document(n) for n in range(12)])
        listing = [e.id for e in store.events()]
    raw_sql(str(path), "DROP INDEX events_row_seq; DROP INDEX events_merged; ALTER TABLE events DROP COLUMN row_seq; "
                       "CREATE INDEX events_merged ON events (merged_id); DROP SEQUENCE events_row_seq_source; "
                       f"UPDATE schema_version SET version = 9 WHERE version = {SCHEMA_VERSION}")
    with open_store(path, read_only=True) as store:
        assert store.rows("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        assert store.rows("SELECT count(*) = count(DISTINCT row_seq) FROM events") == [(True,)]
        assert [e.id for e in store.events()] == listing


def test_a_schema_9_postgresql_store_answers_a_near_filter_from_the_points_index_alone(postgres_url):
    from dateline.model import Location

    with open_store(postgres_url) as store:
        kinds = ("PROTEST", "ASSAULT", "AGREE", "CONSULT", "ACCUSE", "REQUEST")  # other types: no merging
        store.add([make_document(f"t{n}", kind, text=f"Report {n}: {kind}.",
                                 location=Location("Tartu", 588335, 58.38 + n / 100, 26.72, "EE"))
                   for n, kind in enumerate(kinds)])
    raw_sql(postgres_url, "DROP INDEX events_point; CREATE INDEX events_point ON events (lat, lon); "
                          f"UPDATE schema_version SET version = 9 WHERE version = {SCHEMA_VERSION}")
    with open_store(postgres_url) as store:  # upgraded: the points' index carries the listing's columns
        # six analysed rows (schema 11 gathers statistics) let any index serve, so no plan tells: the points' index
        # holds every column the listing of a near filter reads, which makes its box an index-only scan at scale
        flt = EventFilter(near=(58.40, 26.72, 10), since=dt.date(2018, 1, 1), until=dt.date(2018, 12, 31), limit=3)
        definition = store.rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'events_point'")[0][0]
        held = set(re.findall(r"\w+", definition.split(" USING ", 1)[1]))
        assert held >= {"merged_id", "listing_key", "listing_day", "negated", "hypothetical", "lat", "lon", "date_lo",
                        "date_hi"}, definition
        assert len(store.events(flt)) == 3


def test_postgresql_plans_each_listing_query_for_its_own_parameters(postgres_url):
    # a generic plan, made once a statement is prepared, cannot tell a busy country from a rare one
    with open_store(postgres_url) as store:
        assert store.rows("SHOW plan_cache_mode") == [("force_custom_plan",)]
        for code in ("TUR", "RUS", "SYR", "TUR", "IRQ", "TUR", "EGY"):  # past psycopg's preparing threshold
            store.events(EventFilter(country=code, limit=5))
        assert store.rows("SHOW plan_cache_mode") == [("force_custom_plan",)]


def _statistics_targets(store) -> dict[str, int | None]:
    """The statistics target PostgreSQL keeps for each substring-searched column of events (None: the default)."""
    rows = store.rows("SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = 'events'::regclass "
                      "AND attname IN ('party_text', 'countries', 'sentence')")
    return {name: None if target in (None, -1) else target for name, target in rows}


def test_postgresql_estimates_substring_filters_from_a_finer_histogram_new_or_upgraded(postgres_url):
    # a party in 0.17 % of the events matched one of the 100 default histogram entries or none: estimated at
    # 0.55 % or 0.005 %, the planner walked the listing index past 82,220 reports or read the trigram bitmap
    with open_store(postgres_url) as store:
        store.add([make_document("s1", "PROTEST", text="Report: PROTEST.")])
        assert _statistics_targets(store) == dict.fromkeys(("party_text", "countries", "sentence"), 1000)
    raw_sql(postgres_url, "ALTER TABLE events ALTER COLUMN party_text SET STATISTICS -1; "
                          "ALTER TABLE events ALTER COLUMN countries SET STATISTICS -1; "
                          "ALTER TABLE events ALTER COLUMN sentence SET STATISTICS -1; "
                          f"DELETE FROM schema_version WHERE version = {SCHEMA_VERSION}; "
                          "INSERT INTO schema_version VALUES (10, 'old', 'then')")
    with open_store(postgres_url) as store:  # upgraded from schema 10
        assert _statistics_targets(store) == dict.fromkeys(("party_text", "countries", "sentence"), 1000)
