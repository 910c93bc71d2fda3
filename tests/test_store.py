"""The DuckDB store: round trip, idempotent ingest, atomic batches, and every filter."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Actor, Article, Document, Event, Evidence, Location, Place, Timex, event_id
from dateline.store import EventFilter, StoreError, StoreLayoutError, open_store
from dateline.store.base import date_bounds

SENT = "Turkey and Russia on Monday agreed to turn Idlib into a demilitarised zone."


def make_document(aid: str, type_: str = "AGREE", date: str = "2018-09-17", negated: bool = False,
                  location: Location | None = None) -> Document:
    art = Article(id=aid, date=dt.date(2018, 9, 19), text=SENT, origin=f"{aid}.txt")
    turkey = Actor("Turkey", 0, 6, "Turkey", "TUR", "GOV", "TUR", "countries: TURKEY")
    russia = Actor("Russia", 11, 17, "Russia", "RUS", "GOV", "RUS", "countries: RUSSIA")
    ev = Event(
        id=event_id(aid, type_, 28, 0), type=type_, mode=None, contexts=["military"], quad=1, intensity=3.0,
        cameo="057", actors=[turkey.as_party(), russia.as_party()], date=date, date_precision="day",
        location=location or Location("Idlib", 169387, 35.93, 36.63, "SY", "PPLA"),
        negated=negated, evidence=Evidence(SENT, 0, len(SENT), "agreed", 28, 34, "verb: AGREE"),
        confidence=0.8, article_id=aid)
    return Document(
        article=art, timexes=[Timex("Monday", 21, 27, "DATE", "2018-09-17")],
        places=[Place("Idlib", 46, 51, 169387, "Idlib", 35.93, 36.63, "SY", "12", "PPLA", 0.9)],
        actors=[turkey, russia], events=[ev])


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "t.duckdb")
    yield s
    s.close()


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
    assert result.added == 2 and [o for o, _ in result.failed] == ["bad.txt"]
    assert "store error" in result.failed[0][1]
    assert not store.has_article("bad")
    for table in ("places", "timexes", "actors"):
        assert store.con.execute(f"SELECT count(*) FROM {table} WHERE article_id = 'bad'").fetchone()[0] == 0
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
    assert store.event(store.events(EventFilter(type="AGREE"))[0].id[:6]).type == "AGREE"


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


# -- the table layout --------------------------------------------------------------------------

OLD_LAYOUT = """
CREATE TABLE articles (id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, source VARCHAR, url VARCHAR,
    origin VARCHAR, text VARCHAR NOT NULL, digest VARCHAR NOT NULL);
CREATE TABLE events (id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL,
    date VARCHAR, date_precision VARCHAR, date_lo DATE, date_hi DATE, sentence VARCHAR, confidence DOUBLE);
INSERT INTO articles VALUES ('a1', '2018-09-19', NULL, NULL, NULL, 'a1.txt', 'text', 'digest');
"""


def test_a_database_of_the_old_layout_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(OLD_LAYOUT)
    con.close()
    for read_only in (True, False):
        with pytest.raises(StoreLayoutError, match=r"older dateline \(store layout 1.*dateline ingest .* --db NEW"):
            open_store(path, read_only=read_only)
    con = duckdb.connect(str(path), read_only=True)  # and it is left as it was
    assert con.execute("SELECT id FROM articles").fetchall() == [("a1",)]
    con.close()


def test_a_database_of_a_newer_layout_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE dateline_meta SET value = '99' WHERE key = 'layout'")
    con.close()
    with pytest.raises(StoreLayoutError, match=r"newer dateline .* Upgrade dateline"):
        open_store(path, read_only=True)


def test_a_foreign_or_empty_duckdb_file_is_refused(tmp_path):
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match=r"without dateline's tables .*sales"):
        open_store(foreign)
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(StoreError, match="holds no dateline data: ingest"):
        open_store(empty, read_only=True)


def test_the_cli_reports_an_old_database_instead_of_a_traceback(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(OLD_LAYOUT)
    con.close()
    for command in ("events", "timeline"):
        result = CliRunner().invoke(app, [command, "--db", str(path)])
        assert result.exit_code == 1 and "Re-ingest your articles into a new file" in result.stderr
