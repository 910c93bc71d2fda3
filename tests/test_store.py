"""The store, on both backends (a DuckDB file and a PostgreSQL database): round trip, idempotent
ingest, atomic batches, every filter, escaped text search, and the versioned schema."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Event, Location
from dateline.store import EventFilter, StoreError, StoreLayoutError, open_store
from dateline.store.base import date_bounds
from dateline.store.migrations import MIGRATIONS
from dateline.store.postgres import redacted
from dateline.store.schema import LAYOUT_DIGESTS, SCHEMA_VERSION, layout_digest
from pg import raw_sql
from store_worker import finished, make_document, numbered_document, worker


def test_round_trip_returns_the_same_model_objects(store):
    doc = make_document("a1")
    doc.events[0].date_mod = "ON_OR_BEFORE"
    result = store.add([doc])
    assert (result.added, result.existing, result.events) == (1, 0, 1)
    (ev,) = store.events()
    assert isinstance(ev, Event) and ev == doc.events[0]  # every serialised field, date_mod included
    assert ev.date_mod == "ON_OR_BEFORE" and ev.evidence.trigger_start == 28
    assert (ev.article_id, ev.article_date, ev.article_title) == ("a1", dt.date(2018, 9, 19), None)
    assert store.event(ev.id[:6]) == ev
    assert store.article("a1") == doc.article and store.article("a1").origin == "a1.txt"
    assert store.article("nope") is None
    assert store.counts() == {"articles": 1, "events": 1, "event_parties": 2, "places": 1, "timexes": 1,
                              "actors": 2}


def test_ingesting_the_same_article_twice_adds_nothing(store):
    store.add([make_document("a1")])
    again = store.add([make_document("a1"), make_document("a1")])
    assert (again.added, again.existing) == (0, 2)
    assert store.counts()["events"] == 1 and store.counts()["event_parties"] == 2


def test_a_failing_article_leaves_no_trace_and_the_rest_of_the_batch_is_stored(store):
    good, bad, other = make_document("good"), make_document("bad"), make_document("other")
    bad.events[0].type = None  # violates NOT NULL: the database refuses this article
    result = store.add([good, bad, other])
    assert result.added == 2 and result.existing == 0 and [o for o, _ in result.failed] == ["bad.txt"]
    assert "store error" in result.failed[0][1]
    assert not store.has_article("bad")
    for table in ("places", "timexes", "actors"):
        assert store.rows(f"SELECT count(*) FROM {table} WHERE article_id = ?", ["bad"]) == [(0,)]
    assert store.counts()["articles"] == 2


def test_filters(store):
    sochi = Location("Sochi", 491422, 43.60, 39.73, "RU", "PPLA2")
    store.add([make_document("a1"), make_document("a2", "CONSULT", "2017", location=sochi),
               make_document("a3", "ASSAULT", "2018-09-16", negated=True)])
    ids = lambda **kw: sorted(e.article_id for e in store.events(EventFilter(**kw)))  # noqa: E731
    assert ids() == ["a1", "a2"]
    assert ids(include_negated=True) == ["a1", "a2", "a3"]
    assert ids(type="consult") == ["a2"]
    assert ids(actor="russia") == ["a1", "a2"] and ids(actor="RUS") == ["a1", "a2"]
    assert ids(country="SY") == ["a1"]
    assert ids(place="soch") == ["a2"]
    assert ids(near=(43.5, 39.8, 50)) == ["a2"]
    assert ids(since=dt.date(2018, 1, 1)) == ["a1"]
    assert ids(until=dt.date(2017, 6, 30)) == ["a2"]  # "2017" overlaps the first half of 2017
    assert ids(text="demilitarised", type="AGREE") == ["a1"]
    assert ids(min_confidence=0.9) == []
    assert ids(min_confidence=0.8) == ["a1", "a2"]
    assert ids(include_negated=True, limit=2) == ["a2", "a3"]  # oldest first: 2017, then 2018-09-16
    assert store.event(store.events(EventFilter(type="AGREE"))[0].id[:6]).type == "AGREE"


def test_the_near_filter_measures_great_circle_distance(store):
    # Sochi (43.60, 39.73) is about 111 km north of a point one degree south of it, and not 90 km away
    sochi = Location("Sochi", 491422, 43.60, 39.73, "RU", "PPLA2")
    store.add([make_document("a1", location=sochi)])
    assert [e.article_id for e in store.events(EventFilter(near=(42.60, 39.73, 112)))] == ["a1"]
    assert store.events(EventFilter(near=(42.60, 39.73, 110))) == []
    # across the antimeridian: 179.9 E and 179.9 W are 22 km apart at 10 N
    fiji = Location("Somewhere", None, 10.0, 179.9, "FJ", None)
    store.add([make_document("a2", location=fiji)])
    assert [e.article_id for e in store.events(EventFilter(near=(10.0, -179.9, 30)))] == ["a2"]


def test_text_filters_take_percent_and_underscore_literally(store):
    # four days, so that cross-article merging keeps them four happenings
    store.add([make_document("pct", date="2018-09-10", text="Prices rose 50% in Idlib after the strike."),
               make_document("digits", date="2018-09-12", text="Prices rose 500 in Idlib after the strike."),
               make_document("under", date="2018-09-14", text="The group al_Nusra attacked a convoy near Idlib."),
               make_document("space", date="2018-09-16", text="The group al Nusra attacked a convoy near Idlib.")])
    ids = lambda **kw: sorted(e.article_id for e in store.events(EventFilter(**kw)))  # noqa: E731
    assert ids(text="50%") == ["pct"]
    assert ids(text="al_nusra") == ["under"]
    assert ids(text="100%") == [] and ids(text="!") == [] and ids(place="%") == [] and ids(actor="_") == []
    assert ids(text="'; DROP TABLE events; --") == [] and store.counts()["events"] == 4
    assert store.event("%") is None and store.event("_") is None


def test_two_articles_written_in_one_batch_or_apart_give_the_same_rows(store_target, tmp_path):
    with open_store(store_target) as store:
        store.add([make_document("a1", events=2), make_document("a2", events=3)])
        together = store.counts()
    with open_store(tmp_path / "apart.duckdb") as apart:
        apart.add([make_document("a1", events=2)])
        apart.add([make_document("a2", events=3)])
        assert apart.counts() == together == {"articles": 2, "events": 5, "event_parties": 10, "places": 2,
                                             "timexes": 2, "actors": 4}


@pytest.mark.parametrize("value, lo, hi", [
    ("2018-09-17", "2018-09-17", "2018-09-17"), ("2018-09", "2018-09-01", "2018-09-30"),
    ("2017", "2017-01-01", "2017-12-31"), ("2018-W37", "2018-09-10", "2018-09-16"),
    ("2018-Q3", "2018-07-01", "2018-09-30"), ("2018-SU", "2018-06-01", "2018-08-31"),
    ("201", "2010-01-01", "2019-12-31"), ("2018-12", "2018-12-01", "2018-12-31"),
    ("2018-WI", "2017-12-01", "2018-02-28"),  # a winter is named by the year of its January
])
def test_date_bounds(value, lo, hi):
    assert date_bounds(value) == (dt.date.fromisoformat(lo), dt.date.fromisoformat(hi))


def test_date_bounds_of_values_without_a_calendar_span():
    assert date_bounds("PAST_REF") == (None, None) and date_bounds(None) == (None, None)


def test_reading_a_missing_database_says_how_to_create_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="dateline ingest"):
        open_store(tmp_path / "none.duckdb", read_only=True)


def test_a_postgres_server_that_is_not_there_is_reported_without_the_password():
    with pytest.raises(StoreError, match=r"cannot connect to PostgreSQL at postgresql://me:\*\*\*@127.0.0.1:9/x"):
        open_store("postgresql://me:secret@127.0.0.1:9/x")
    assert redacted("postgresql://me@host/db") == "postgresql://me@host/db"


# -- the schema and its versions ------------------------------------------------------------------

LAYOUT_1 = """
CREATE TABLE articles (id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, source VARCHAR, url VARCHAR,
    origin VARCHAR, text VARCHAR NOT NULL, digest VARCHAR NOT NULL);
CREATE TABLE events (id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL,
    date VARCHAR, date_precision VARCHAR, date_lo DATE, date_hi DATE, sentence VARCHAR, confidence DOUBLE PRECISION);
INSERT INTO articles VALUES ('a1', '2018-09-19', NULL, NULL, NULL, 'a1.txt', 'text', 'digest');
"""


def layout_2(target: str) -> None:
    """Make `target` a database as dateline 0.2 left it (layout 2: a dateline_meta mark, no version table, no
    party key, no `basis` of places), holding one article."""
    with open_store(target) as store:
        store.add([make_document("a1")])
    raw_sql(target, "DROP TABLE schema_version; DROP INDEX IF EXISTS event_parties_key; "  # no index on DuckDB
                    "ALTER TABLE places DROP COLUMN basis; "
                    "CREATE TABLE dateline_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL); "
                    "INSERT INTO dateline_meta VALUES ('layout', '2')")


def layout_6(target: str) -> None:
    """Make `target` a database as a layout-6 dateline left it: its `merge_keys` keyed by country, without the
    `window_key` that layout 9 brought (the index steps 7 and 8 build must not reach for it), holding one article."""
    with open_store(target) as store:
        store.add([make_document("a1")])
    raw_sql(target, "DROP TABLE merge_keys; "
                    "CREATE TABLE merge_keys (event_id VARCHAR, type VARCHAR, country VARCHAR, lo DATE, hi DATE); "
                    "DELETE FROM schema_version; INSERT INTO schema_version VALUES "
                    + ", ".join(f"({v}, '{MIGRATIONS[v].description.replace(chr(39), chr(39) * 2)}', '2026-01-01')"
                                for v in range(3, 7)))


def schema_of(target: str) -> list[tuple]:
    """Tables, columns, types and nullability, and the unique indexes, of a database."""
    columns = raw_sql(target, "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                              "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")
    if target.startswith("postgresql://"):
        indexes = raw_sql(target, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                                  "AND indexdef LIKE 'CREATE UNIQUE%%' ORDER BY indexname")
    else:
        indexes = raw_sql(target, "SELECT index_name FROM duckdb_indexes() WHERE is_unique ORDER BY index_name")
    return columns + indexes


@pytest.mark.parametrize("old_layout", [layout_2, layout_6], ids=["layout 2", "layout 6"])
def test_an_old_database_is_upgraded_to_the_schema_a_new_one_gets(old_layout, store_target, tmp_path,
                                                                   postgres_server):
    old_layout(store_target)
    for read_only in (True, False):  # a reader upgrades it as well (under the writers' lock)
        with open_store(store_target, read_only=read_only) as store:
            assert [e.article_id for e in store.events()] == ["a1"]
            assert store.rows("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
    fresh = postgres_server.new_database() if store_target.startswith("postgresql") else str(tmp_path / "fresh.db")
    open_store(fresh).close()
    assert schema_of(store_target) == schema_of(fresh)
    versions = raw_sql(store_target, "SELECT version, description FROM schema_version ORDER BY version")
    assert [v for v, _ in versions] == list(range(3, SCHEMA_VERSION + 1))
    assert "unique key of event_parties" in versions[0][1]


def test_the_table_layout_changes_only_with_a_new_schema_version():
    assert layout_digest() == LAYOUT_DIGESTS[SCHEMA_VERSION], (
        "the tables changed (a new model field?): raise SCHEMA_VERSION, add a migration to MIGRATIONS in "
        "dateline/store/schema.py, and record the new layout_digest() in LAYOUT_DIGESTS")


def test_a_database_of_layout_1_is_refused_with_what_to_do(store_target):
    raw_sql(store_target, LAYOUT_1)
    for read_only in (True, False):
        with pytest.raises(StoreLayoutError, match=r"older dateline \(store layout 1.*dateline ingest .* --db NEW"):
            open_store(store_target, read_only=read_only)
    assert raw_sql(store_target, "SELECT id FROM articles") == [("a1",)]  # and it is left as it was


def test_a_database_of_a_newer_schema_is_refused(store_target):
    open_store(store_target).close()
    raw_sql(store_target, "INSERT INTO schema_version VALUES (99, 'from the future', 'now')")
    for read_only in (True, False):
        with pytest.raises(StoreLayoutError, match=r"newer dateline \(store layout 99.* Upgrade dateline"):
            open_store(store_target, read_only=read_only)


def test_a_foreign_or_empty_database_is_refused(store_target, tmp_path):
    if not store_target.startswith("postgresql://"):
        duckdb.connect(store_target).close()
    with pytest.raises(StoreError, match="holds no dateline data: ingest"):
        open_store(store_target, read_only=True)
    raw_sql(store_target, "CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match=r"without dateline's tables .*sales"):
        open_store(store_target)


def test_the_cli_reports_an_old_database_instead_of_a_traceback(store_target):
    raw_sql(store_target, LAYOUT_1)
    for command in ("events", "timeline"):
        result = CliRunner().invoke(app, [command, "--db", store_target])
        assert result.exit_code == 1 and "Re-ingest your articles into a new database" in result.stderr


# -- concurrent use: real processes ---------------------------------------------------------------

def expected_events(numbers: range) -> int:
    return sum(len(numbered_document(n).events) for n in numbers)


def test_readers_list_events_while_an_ingest_writes(store_target):
    open_store(store_target).close()
    writer = worker("write", store_target, 30, "--batch", 2, "--pause", 0.05)
    reader = worker("read", store_target, 8)
    seen = finished(reader)["events_seen"]
    assert finished(writer)["added"] == 30
    assert seen == sorted(seen), "a reader saw events disappear"
    assert all(0 <= n <= expected_events(range(30)) for n in seen)
    with open_store(store_target, read_only=True) as store:
        assert len(store.events(EventFilter(include_negated=True))) == expected_events(range(30))


def test_two_ingests_of_the_same_articles_store_each_article_event_and_party_once(store_target):
    # the second writer does not look before it writes: the store alone must keep it from duplicating
    first = worker("write", store_target, 30, "--batch", 3)
    second = worker("write", store_target, 30, "--batch", 3, "--no-precheck")
    one, two = finished(first), finished(second)
    total = expected_events(range(30))
    assert one["added"] + two["added"] == 30 and one["events"] + two["events"] == total
    with open_store(store_target) as store:
        assert store.counts() == {"articles": 30, "events": total, "event_parties": 2 * total, "places": 30,
                                  "timexes": 30, "actors": 60}
        assert store.rows("SELECT count(DISTINCT id) FROM events") == [(total,)]
