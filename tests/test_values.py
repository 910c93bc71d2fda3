"""TIMEX3 values read in one place: precision and interval of every form the time stage writes,
the winter convention the normaliser and the store share, and event date mods end to end."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors import tag_actors
from dateline.events import code_events
from dateline.geo import tag_places
from dateline.store import EventFilter, open_store
from dateline.store.base import date_bounds
from dateline.time import normalize, tag_timexes
from dateline.timex3 import Interval, date_part, interval, is_calendar, precision, season_value

D = dt.date.fromisoformat


@pytest.mark.parametrize(("value", "want_precision", "first", "last"), [
    ("2018-09-17", "day", "2018-09-17", "2018-09-17"),
    ("2018-09-19T17:00", "time", "2018-09-19", "2018-09-19"),
    ("2018-09-16TMO", "part_of_day", "2018-09-16", "2018-09-16"),
    ("2018-09-16TAF", "part_of_day", "2018-09-16", "2018-09-16"),
    ("2018-09-16TEV", "part_of_day", "2018-09-16", "2018-09-16"),
    ("2018-09-16TNI", "part_of_day", "2018-09-16", "2018-09-16"),
    ("2018-W37", "week", "2018-09-10", "2018-09-16"),
    ("2018-W37-WE", "week", "2018-09-15", "2018-09-16"),
    ("2018-09", "month", "2018-09-01", "2018-09-30"),
    ("2016-02", "month", "2016-02-01", "2016-02-29"),
    ("2018-SP", "season", "2018-03-01", "2018-05-31"),
    ("2018-SU", "season", "2018-06-01", "2018-08-31"),
    ("2018-FA", "season", "2018-09-01", "2018-11-30"),
    ("2018-AU", "season", "2018-09-01", "2018-11-30"),
    ("2018-WI", "season", "2017-12-01", "2018-02-28"),
    ("2016-WI", "season", "2015-12-01", "2016-02-29"),
    ("2018-Q1", "quarter", "2018-01-01", "2018-03-31"),
    ("2018-Q4", "quarter", "2018-10-01", "2018-12-31"),
    ("2018-H1", "half", "2018-01-01", "2018-06-30"),
    ("2018-H2", "half", "2018-07-01", "2018-12-31"),
    ("2017", "year", "2017-01-01", "2017-12-31"),
    ("201", "decade", "2010-01-01", "2019-12-31"),
    ("18", "century", "1800-01-01", "1899-12-31"),
    ("00", "century", "0001-01-01", "0099-12-31"),
])
def test_precision_and_interval_of_every_calendar_form(value: str, want_precision: str, first: str, last: str) -> None:
    assert precision(value) == want_precision and is_calendar(value)
    assert interval(value) == Interval(D(first), D(last))


@pytest.mark.parametrize("value", ["PAST_REF", "PRESENT_REF", "FUTURE_REF", "P3M", "PXY", "P1W", "XXXX-09",
                                   "2018-02-30", "2018-W54", "2018-13", "", None, "yesterday"])
def test_references_durations_and_impossible_values_have_no_interval_of_their_own(value) -> None:
    assert interval(value) is None
    assert precision(value) is None or value in {"2018-02-30", "2018-W54", "2018-13"}


def test_references_cover_days_relative_to_the_reference_date() -> None:
    day = D("2018-09-19")
    assert interval("PRESENT_REF", day) == Interval(day, day)
    assert interval("PAST_REF", day) == Interval(dt.date.min, day)
    assert interval("FUTURE_REF", day) == Interval(day, dt.date.max)
    assert precision("PAST_REF") is None and not is_calendar("FUTURE_REF")
    assert interval("P3M", day) is None


def test_date_part_drops_only_the_time_of_day() -> None:
    assert date_part("2018-09-16TEV") == "2018-09-16" and date_part("2018-09-19T17:00") == "2018-09-19"
    assert date_part("2018-W37-WE") == "2018-W37-WE" and date_part("PAST_REF") == "PAST_REF"


def test_overlaps_treats_missing_ends_as_open() -> None:
    winter = interval("2018-WI")
    assert winter.overlaps(until=D("2018-09-30")) and not winter.overlaps(since=D("2018-03-01"))
    assert winter.overlaps() and winter.overlaps(D("2018-02-28"), D("2018-02-28"))
    assert not winter.overlaps(D("2017-01-01"), D("2017-11-30"))


@pytest.mark.parametrize(("day", "value"), [
    ("2017-12-20", "2018-WI"), ("2018-01-10", "2018-WI"), ("2018-02-28", "2018-WI"),
    ("2018-03-01", "2018-SP"), ("2018-07-01", "2018-SU"), ("2018-11-30", "2018-FA"),
])
def test_season_value_names_a_winter_by_the_year_of_its_january(day: str, value: str) -> None:
    assert season_value(D(day)) == value and interval(value).contains(D(day))


# What the text means, seen from the article date: the winter of the interval must be that one.
@pytest.mark.parametrize(("phrase", "article", "means_day"), [
    ("last winter", "2018-09-19", "2018-01-15"), ("this winter", "2018-09-19", "2019-01-15"),
    ("next winter", "2018-09-19", "2019-01-15"), ("last winter", "2018-01-10", "2017-01-15"),
    ("this winter", "2018-01-10", "2018-01-15"), ("next winter", "2018-01-10", "2019-01-15"),
    ("last winter", "2018-12-20", "2018-01-15"), ("this winter", "2018-12-20", "2019-01-15"),
    ("next winter", "2018-12-20", "2020-01-15"), ("next summer", "2018-09-19", "2019-07-15"),
    ("next summer", "2018-01-10", "2018-07-15"), ("last summer", "2018-01-10", "2017-07-15"),
])
def test_normalised_seasons_cover_the_season_the_text_means(phrase: str, article: str, means_day: str) -> None:
    value = normalize(phrase, D(article)).value
    assert precision(value) == "season" and interval(value).contains(D(means_day)), value


def test_store_bounds_are_the_interval_of_the_value() -> None:
    assert date_bounds("2018-WI") == (D("2017-12-01"), D("2018-02-28"))
    assert date_bounds("PAST_REF", D("2018-09-19")) == (dt.date.min, D("2018-09-19"))


@pytest.fixture
def winter_store(tmp_path, make_doc):
    """A store holding the events of one article of 2018-09-19 about "last winter"."""
    text = ("Turkey and Russia signed a ceasefire agreement last winter. "
            "Rebels attacked the convoy near the border.")
    doc = code_events(tag_actors(tag_places(tag_timexes(make_doc(text, "2018-09-19")))))
    store = open_store(tmp_path / "winter.duckdb")
    store.add([doc])
    yield store, doc
    store.close()


def _event_ids(events: list) -> set[str]:
    """Ids of stored events, whether the store hands back model objects or their JSON."""
    return {e["id"] if isinstance(e, dict) else e.id for e in events}


def test_last_winter_is_inside_until_september_and_outside_since_march(winter_store) -> None:
    store, doc = winter_store
    (signed,) = [e for e in doc.events if e.evidence.trigger == "signed"]
    assert (signed.date, signed.date_precision, signed.date_mod) == ("2018-WI", "season", None)
    until_sept = _event_ids(store.events(EventFilter(until=D("2018-09-30"))))
    since_march = _event_ids(store.events(EventFilter(since=D("2018-03-01"))))
    assert signed.id in until_sept and signed.id not in since_march


def test_events_dated_by_the_fallback_carry_on_or_before(winter_store) -> None:
    _, doc = winter_store
    (attack,) = [e for e in doc.events if e.evidence.trigger == "attacked"]
    assert (attack.date, attack.date_precision, attack.date_mod) == ("2018-09-19", "day", "ON_OR_BEFORE")
    assert attack.to_json()["date_mod"] == "ON_OR_BEFORE"
