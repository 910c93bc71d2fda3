"""The bulk writer's work per partition independent of the store's size: merging's IN lists and updates read
through the indexes (keys written into the statement), and DuckDB without the unique indexes its write path keeps
anyway (schema 13), which an old store loses on upgrade while PostgreSQL keeps them."""

from __future__ import annotations

import dataclasses

import pytest

from dateline.store import open_store
from dateline.store.inlist import MAX_KEYS, in_list
from dateline.store.merged import load_reports, merge_new_events, update_events
from dateline.store.schema import SCHEMA_VERSION, UNIQUE_KEYS, WRITER_KEPT_KEYS
from pg import raw_sql
from store_worker import numbered_document
from test_merge import A, B, C, stored_state
from test_store_scale import _plan


def renamed(doc, article_id: str):
    """The same report under another article id (its event keeps its id: the merge decisions must not change)."""
    article = dataclasses.replace(doc.article, id=article_id)
    return dataclasses.replace(doc, article=article, events=[dataclasses.replace(e, article_id=article_id)
                                                             for e in doc.events])


def test_plain_keys_are_written_into_the_list_and_any_other_key_is_bound():
    assert in_list(["3f9a0c", "AGREE:2451", "AGREE=3f9a", "cnn/139~0"]) == (
        "'3f9a0c', 'AGREE:2451', 'AGREE=3f9a', 'cnn/139~0'", [])
    assert in_list(["3f9a0c", "it's"]) == ("?, ?", ["3f9a0c", "it's"])
    assert in_list(["a\\b"]) == ("?", ["a\\b"])


def test_article_ids_that_cannot_be_written_in_merge_exactly_as_plain_ones(store_target, postgres_server, tmp_path):
    odd = {"kyiv-post": "kyiv 'post'", "reuters-1": "reuters\\1", "gazeta": "gazeta; DROP TABLE events"}
    other = (postgres_server.new_database() if store_target.startswith("postgresql")
             else str(tmp_path / "other.duckdb"))
    for target, docs in ((store_target, [A, B, C]), (other, [renamed(d, odd[d.article.id]) for d in (A, B, C)])):
        with open_store(target) as store:
            store.add(docs[:1])
            store.add(docs[1:])
    (_, plain), (_, quoted) = stored_state(store_target), stored_state(other)
    for plain_id, odd_id in odd.items():  # a reason names the article an event joined
        quoted = [tuple(v.replace(odd_id, plain_id) if isinstance(v, str) else v for v in row) for row in quoted]
    assert plain == quoted and len({row[1] for row in plain}) == 1  # one merged event, the same decisions


def test_duckdb_merging_reads_and_updates_the_events_through_the_primary_key(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([numbered_document(n) for n in range(40)] + [A, C])
        statements = []

        def recorded(sql: str, params):
            statements.append((sql, list(params)))
            return store.rows(sql, params)

        assert merge_new_events(recorded, [A.events[0].id]) == 1  # stored already: linked and clustered again
        update_events(recorded, (("merge_reason", "VARCHAR"),), [(C.events[0].id, "same sentence")])
        on_events = [(sql, params) for sql, params in statements if "events WHERE id IN" in sql
                     or sql.startswith("UPDATE events")]
        assert any(sql.startswith("UPDATE events") for sql, _ in on_events)
        for sql, params in on_events:  # a VALUES join or a bound IN list scanned every stored event
            assert "Index Scan" in _plan(store, sql, params), sql
        assert store.rows("SELECT merge_reason FROM events WHERE id = ?", [C.events[0].id]) == [("same sentence",)]


def test_merging_asks_for_at_most_as_many_ids_as_duckdb_reads_by_index_and_updates_without_a_join(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([numbered_document(n) for n in range(3)])
        ids = [row[0] for row in store.rows("SELECT id FROM events")]
        statements = []

        def recorded(sql: str, params):
            statements.append(sql)
            return store.rows(sql, params)

        many = ids + [f"{n:016x}" for n in range(4500)]  # DuckDB scans the table for a list of over 2,048 keys
        assert set(load_reports(recorded, many)) == set(ids)
        update_events(recorded, (("n_sources", "BIGINT"),), [(event_id, 7) for event_id in many])
        assert store.rows("SELECT DISTINCT n_sources FROM events") == [(7,)]
    assert len(statements) == 3 + 1 + 3  # the events in three lists, their articles in one, then three updates
    for sql in statements:
        listed = sql[sql.rindex(" IN (") + 5:]
        assert listed.count("'") // 2 + listed.count("?") <= MAX_KEYS and "VALUES" not in sql


def _unique_indexes(target: str) -> set[str]:
    if target.startswith("postgresql://"):
        rows = raw_sql(target, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                               "AND indexdef LIKE 'CREATE UNIQUE%%'")
    else:
        rows = raw_sql(target, "SELECT index_name FROM duckdb_indexes() WHERE is_unique")
    return {row[0] for row in rows}


def test_duckdb_keeps_the_party_and_merge_keys_without_an_index_and_postgresql_with_one(store_target):
    with open_store(store_target) as store:
        store.add([numbered_document(n) for n in range(6)])
        store.add([numbered_document(n) for n in range(3, 9)])  # three stored already: their rows are not written
        duplicates = store.rows("SELECT count(*) - count(DISTINCT (event_id, role, position)) FROM event_parties")
        duplicate_keys = store.rows("SELECT count(*) - count(DISTINCT (event_id, window_key)) FROM merge_keys")
    assert duplicates == [(0,)] and duplicate_keys == [(0,)]
    kept = set(WRITER_KEPT_KEYS) & _unique_indexes(store_target)
    assert kept == (set(WRITER_KEPT_KEYS) if store_target.startswith("postgresql") else set())


def test_a_schema_12_duckdb_store_loses_the_indexes_its_writer_keeps_and_stores_as_before(tmp_path):
    target = str(tmp_path / "old.duckdb")
    with open_store(target) as store:
        store.add([A, numbered_document(1)])
    raw_sql(target, "".join(f"CREATE UNIQUE INDEX {name} ON {UNIQUE_KEYS[name][0]} "
                            f"({', '.join(repr(c).replace(chr(39), chr(34)) for c in UNIQUE_KEYS[name][1])}); "
                            for name in WRITER_KEPT_KEYS) + "UPDATE schema_version SET version = 12")
    assert set(WRITER_KEPT_KEYS) <= _unique_indexes(target)
    with open_store(target) as store:
        assert store.rows("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    assert not set(WRITER_KEPT_KEYS) & _unique_indexes(target)
    with open_store(target) as store:
        assert store.add([C]).merged == 1  # stored, and merged with what the old store held
        merged = store.rows("SELECT DISTINCT merged_id FROM events WHERE article_id IN ('kyiv-post', 'gazeta')")
        assert len(merged) == 1 and store.add([C]).existing == 1


@pytest.mark.parametrize("article_id", ["plain-id", "it's"])
def test_an_article_stored_twice_keeps_one_copy_of_each_row(tmp_path, article_id):
    doc = renamed(numbered_document(2), article_id)
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.add([doc, doc]).added == 1
        assert store.add([doc]).existing == 1
        counts = {**store.counts(), "merge_keys": store.rows("SELECT count(*) FROM merge_keys")}
    with open_store(tmp_path / "once.duckdb") as store:
        store.add([doc])
        once = {**store.counts(), "merge_keys": store.rows("SELECT count(*) FROM merge_keys")}
    assert counts["events"] == len(doc.events) and counts["event_parties"] == 2 * len(doc.events)
    assert counts == once  # merge keys and mentions too: DuckDB keeps no unique index on the keys


def test_a_link_found_again_is_stored_once_with_its_first_reason(store_target):
    with open_store(store_target) as store:
        store.add([A, C])
        (before,) = store.rows("SELECT a, b, reason FROM event_links")
        assert merge_new_events(store.rows, [A.events[0].id, C.events[0].id]) == 1  # found again
        assert store.rows("SELECT a, b, reason FROM event_links") == [before]
