"""`/events` pages kept until the store changes (`apiforms.KeptListings`): a page asked again, or a page of
another query reaching events already listed, is byte for byte what a server that kept nothing sends; an
ingest makes every kept page and event stale; a page of the library leaves out the events a caller holds."""

from __future__ import annotations

import datetime as dt
import json
import time

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.store import EventFilter, browse, open_store
from dateline.store.duck import LINGER
from test_api import DEFAULT, KYIV, RUSSIA, SOCHI, TURKEY, UKRAINE, corpus, report, wait_for_front_page


def walk(client: TestClient, query: str, limit: int = 6) -> list[bytes]:
    """Every page body of `query`, following the cursors."""
    bodies, cursor = [], None
    while True:
        response = client.get(f"/events?limit={limit}&{query}" + (f"&cursor={cursor}" if cursor else ""))
        assert response.status_code == 200
        bodies.append(response.content)
        cursor = json.loads(response.content)["next_cursor"]
        if cursor is None:
            return bodies


def test_kept_pages_and_events_are_what_a_server_that_kept_nothing_sends(store_target):
    with open_store(store_target) as store:
        store.add(corpus())
    warm = TestClient(create_app(store_target))
    for query in ("", "actor=Turkey", "type=AGREE"):  # later queries reach events the first one listed
        walk(warm, query)
    for query in ("", "actor=Turkey", "type=AGREE", "country=UKR", "all=true&min_confidence=0"):
        cold = TestClient(create_app(store_target))
        assert walk(warm, query) == walk(cold, query)


def test_an_ingest_makes_kept_pages_stale(tmp_path):
    target = str(tmp_path / "kept.duckdb")
    with open_store(target) as store:
        store.add(corpus()[:10])
    client = TestClient(create_app(target))
    before = json.loads(client.get("/events?limit=50&actor=Ukraine").content)
    time.sleep(3 * LINGER)  # the server lets the file go, so an ingest can write it
    with open_store(target) as store:
        store.add([report(90, "CONSULT", dt.date(2022, 2, 1), UKRAINE, TURKEY, KYIV)])
    after = json.loads(client.get("/events?limit=50&actor=Ukraine").content)
    assert len(after["events"]) == len(before["events"]) + 1 and after["total"] == before["total"] + 1
    assert after["events"][0]["article_id"] == "r090"  # the earliest event now leads the page


def test_a_library_page_leaves_out_the_events_a_caller_holds(store_target):
    with open_store(store_target) as store:
        store.add([report(n, "CONSULT", dt.date(2022, 3, 1 + n), TURKEY, RUSSIA, SOCHI) for n in range(5)])
        flt = EventFilter(min_confidence=DEFAULT)
        whole = browse.events_page(store, flt, 3)
        held = {whole.ids[0], whole.ids[2]}
        part = browse.events_page(store, flt, 3, known=held)
    assert part.ids == whole.ids == [ev["id"] for ev in whole.events]
    assert [ev["id"] for ev in part.events] == [whole.ids[1]] and part.next_cursor == whole.next_cursor
    assert set(whole.mentions) == {ev["article_id"] for ev in whole.events}  # every listed event has marks
    assert set(part.mentions) == {whole.events[1]["article_id"]}  # none read for the held events


def test_a_server_makes_the_page_s_first_answers_when_it_starts(tmp_path):
    from dataclasses import astuple

    from dateline.api import PLACES, WEB
    from dateline.apiforms import PAGE_SIZE

    assert f"const PAGE = {PAGE_SIZE};" in (WEB / "static" / "app.js").read_text()  # the page's first /events
    target = str(tmp_path / "front.duckdb")
    with open_store(target) as store:
        store.add(corpus())
    with TestClient(create_app(target)) as client:
        wait_for_front_page()
        state = client.app.state
        version = browse.store_version(state.reader.store())
        flt = EventFilter(min_confidence=DEFAULT)
        first_page = (astuple(flt), None, PAGE_SIZE, None)
        assert state.listings.pages.peek(version, [first_page])
        assert len(state.kept.peek(version, [("stats", astuple(flt), None), ("places", astuple(flt), None, PLACES)]
                                   )) == 2
        assert json.loads(client.get(f"/events?limit={PAGE_SIZE}").content)["total"] == 40


def test_a_first_page_counted_with_its_events_is_the_page_and_the_count_apart(store_target):
    with open_store(store_target) as store:
        store.add(corpus())
        for flt in (EventFilter(min_confidence=DEFAULT), EventFilter(actor="Turkey", min_confidence=DEFAULT),
                    EventFilter(type="AGREE", include_negated=True, min_confidence=0)):
            counted, plain = browse.events_page(store, flt, 4, counted=True), browse.events_page(store, flt, 4)
            assert counted.total == browse.count_events(store, flt) and plain.total is None
            assert (counted.ids, counted.events, counted.next_cursor) == (plain.ids, plain.events, plain.next_cursor)
            assert browse.events_page(store, flt, 4, plain.next_cursor, counted=True).total is None  # not a first page


def test_a_page_of_articles_a_caller_holds_reads_none_and_marks_the_same(store_target):
    with open_store(store_target) as store:
        store.add(corpus())
        flt = EventFilter(min_confidence=DEFAULT)
        plain = browse.events_page(store, flt, 8)
        held = browse.article_marks(store.rows, {ev["article_id"] for ev in plain.events})
        from_held = browse.events_page(store, flt, 8, kept_articles=lambda ids: {i: held[i] for i in ids if i in held})
        newest = browse.newest_article_marks(store.rows, 3)
    assert plain.articles == held and from_held.articles == {}  # read when not held, then nothing read
    assert from_held.events == plain.events and from_held.mentions == plain.mentions
    assert len(newest) == 3 and min(marks.date for marks in newest.values()) >= max(
        marks.date for article_id, marks in held.items() if article_id not in newest)


def test_pages_of_a_server_that_read_the_articles_ahead_are_what_one_that_did_not_sends(store_target):
    from dateline.apiforms import KeptListings, KeptUntilChange

    with open_store(store_target) as store:
        store.add(corpus())
    ahead, cold = KeptListings(articles=6), KeptListings()
    with open_store(store_target, read_only=True) as store:
        assert ahead.read_articles_ahead(store) == 6  # no more than it keeps
        for flt in (EventFilter(min_confidence=DEFAULT), EventFilter(country="UKR", min_confidence=DEFAULT)):
            assert ahead.body(store, flt, 50, None, None, None, KeptUntilChange()) == cold.body(
                store, flt, 50, None, None, None, KeptUntilChange())
