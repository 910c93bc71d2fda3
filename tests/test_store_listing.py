"""Listings at scale, on both backends: the order key kept on each event row, merged events listed once
under their earliest report and paged without repeats, the party filters read from the event's own row,
and a store of schema 5 upgraded in place to the listing columns and indexes."""

from __future__ import annotations

import datetime as dt

from dateline.model import Location
from dateline.store import EventFilter, open_store
from dateline.store.listing import listed_ids
from dateline.store.schema import SCHEMA_VERSION
from dateline.store.search import order_key
from pg import raw_sql
from store_worker import make_document
from test_merge import A, B, C


def others() -> list:
    """Three articles about other happenings: another type, another day, and an undated one."""
    protest = make_document("cairo", "PROTEST", "2011-01-25", location=Location("Cairo", 360630, 30.06, 31.25, "EG"))
    later = make_document("later", "ASSAULT", "2023-03-01")
    undated = make_document("undated", "CONSULT", "2018-09-17")
    undated.events[0].date = undated.events[0].date_precision = None
    return [protest, later, undated]


def test_the_order_key_sorts_as_the_listing_order_it_stands_for():
    day, earlier = dt.date(2018, 1, 1), dt.date(2017, 12, 31)
    rows = [(day, "2018", day, 5, 7, "b"), (day, "2018-01-01", day, 0, 0, "a"), (None, None, day, 0, 0, "c"),
            (earlier, "2017-12-31", day, 900, None, "d"), (earlier, "2017-12-31", day, 900, 3, "e"),
            (day, "2018", earlier, 10_000, 2, "f"), (None, "PAST_REF", day, 0, 0, "g")]
    listing_order = sorted(rows, key=lambda r: (r[0] is None, r[0] or day, r[1] is None, r[1] or "", r[2], r[3],
                                                r[4] is None, r[4] or 0, r[5]))
    assert sorted(rows, key=lambda r: order_key(*r)) == listing_order


def test_a_merged_event_is_listed_once_under_its_earliest_report_and_pages_never_repeat_it(store):
    for batch in ([A], [C], others(), [B]):  # B, published first, arrives last: the merged event moves
        store.add(batch)
    rows = store.rows("SELECT e.listing_key, m.order_key, e.listing_day, m.listing_day FROM events e "
                      "JOIN events m ON m.id = e.merged_id")
    assert all(key == merged and day == merged_day for key, merged, day, merged_day in rows)
    ((merged_id,),) = store.rows("SELECT DISTINCT merged_id FROM events WHERE article_id IN ('reuters-1', "
                                 "'kyiv-post', 'gazeta')")  # one merged event of the three reports
    listed = store.events()
    assert [e.article_id for e in listed] == ["cairo", listed[1].article_id, "later", "undated"]  # undated last
    listing = [e.id for e in listed]
    assert listing[1] == merged_id
    for limit in range(len(listing) + 1):  # a limit counts merged events, not their reports
        assert [e.id for e in store.events(EventFilter(limit=limit))] == listing[:limit]
    (by_later_report,) = store.events(EventFilter(text="struck a deal"))  # only Gazeta's report says so
    assert by_later_report.id == merged_id and len(by_later_report.mentions) == 3
    assert [e.id for e in store.events(EventFilter(actor="Ukraine"))] == [merged_id]


def test_the_party_filters_match_names_and_texts_anywhere_and_codes_exactly(store):
    store.add([make_document("a1"), *others()])
    everything = len(store.events())
    assert len(store.events(EventFilter(actor="URKE"))) == everything  # "Turkey", case aside
    assert len(store.events(EventFilter(actor="tur"))) == everything  # the code TUR, case aside
    assert store.events(EventFilter(actor="TR")) == []  # a code matches whole (TUR), a name anywhere
    assert store.events(EventFilter(actor="SY")) == []  # the location's country is no party's
    assert store.events(EventFilter(actor="Turkey\nRussia")) == []  # a line break: no party holds it
    assert store.events(EventFilter(actor="key%")) == []  # LIKE's wildcards are taken literally
    assert [e.article_id for e in store.events(EventFilter(country="eg"))] == ["cairo"]  # the location's
    assert len(store.events(EventFilter(country="RUS"))) == everything  # a party's
    assert store.events(EventFilter(country="RUS SY")) == []


def _drop_schema_6(target: str) -> None:
    """Make `target` a database as schema 5 left it: no listing columns, none of the indexes schemas 6 and 7 add."""
    indexes = ("events_merged", "merge_keys_event", "event_links_a", "event_links_b", "events_listing",
               "articles_digest", "events_days", "events_party_trgm", "events_countries_trgm", "events_sentence_trgm",
               "events_row_seq")
    columns = ("row_seq", "order_key", "listing_key", "listing_day", "party_text", "countries")
    raw_sql(target, "; ".join([*(f"DROP INDEX IF EXISTS {name}" for name in indexes),
                               *(f"ALTER TABLE events DROP COLUMN IF EXISTS {name}" for name in columns),
                               f"UPDATE schema_version SET version = 5 WHERE version = {SCHEMA_VERSION}"]))
    if target.startswith("postgresql"):  # schema 5 had these two on PostgreSQL
        raw_sql(target, "CREATE INDEX events_merged ON events (merged_id); "
                        "CREATE INDEX event_links_b ON event_links (b)")


def _indexes(target: str) -> list[str]:
    if target.startswith("postgresql"):
        return [r[0] for r in raw_sql(target, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                                              "ORDER BY indexname")]
    return [r[0] for r in raw_sql(target, "SELECT index_name FROM duckdb_indexes() ORDER BY index_name")]


def test_a_schema_5_store_is_upgraded_in_place_to_what_an_ingest_writes(store_target, tmp_path, postgres_server):
    fresh = postgres_server.new_database() if store_target.startswith("postgresql") else str(tmp_path / "fresh.db")
    columns = "SELECT id, order_key, listing_key, listing_day, party_text, countries FROM events ORDER BY id"
    for target in (store_target, fresh):
        with open_store(target) as store:
            for batch in ([A], [C], others(), [B]):
                store.add(batch)
    _drop_schema_6(store_target)
    with open_store(store_target, read_only=True) as store:
        assert store.rows("SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]
        upgraded = (store.rows(columns), [e.to_json(with_article=True) for e in store.events()])
    with open_store(fresh, read_only=True) as store:
        assert upgraded == (store.rows(columns), [e.to_json(with_article=True) for e in store.events()])
    assert _indexes(store_target) == _indexes(fresh)


def test_postgresql_answers_substring_and_date_range_filters_from_indexes(postgres_url):
    with open_store(postgres_url) as store:
        store.add([make_document("a1")])
        found = set(_indexes(postgres_url))
        assert {"events_listing", "events_days", "events_party_trgm", "events_sentence_trgm"} <= found
        store.rows("SET enable_seqscan = off")  # a table of one row: ask which index it would use at all
        plan = " ".join(r[0] for r in store.rows(
            "EXPLAIN SELECT id FROM events e WHERE e.party_text LIKE '%urke%' AND "
            "daterange(least(e.date_lo, e.date_hi), greatest(e.date_lo, e.date_hi), '[]') && "
            "daterange(DATE '2018-09-01', DATE '2018-09-30', '[]')"))
        assert "events_party_trgm" in plan or "events_days" in plan


def test_pages_cut_inside_a_day_give_the_order_of_one_page(store):
    kinds = ("PROTEST", "ASSAULT", "AGREE", "CONSULT", "ACCUSE", "REQUEST")  # other types: no merging
    store.add([make_document(f"d{n}", kind, "2018-09-17", text=f"Report {n}: {kind}.", events=2)
               for n, kind in enumerate(kinds)])  # twelve events of one day
    whole = list(listed_ids(store.rows, EventFilter(), store.dialect))
    assert len(whole) == 12 and [key for _, key in whole] == sorted(key for _, key in whole)
    for page in (1, 2, 5):
        assert list(listed_ids(store.rows, EventFilter(), store.dialect, page=page)) == whole
    assert list(listed_ids(store.rows, EventFilter(), store.dialect, after=whole[4][1], page=2)) == whole[5:]
