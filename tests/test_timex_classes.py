"""TIMEX3 values beyond TimeBank (issue 10): the benchmark sorts value errors into classes the same way
for every corpus, and the time stage's fixes by class, each on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.time import find_timexes


@pytest.fixture
def timex_bench(monkeypatch):
    """The benchmark module benchmarks/timex.py."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import timex

    return timex


@pytest.mark.parametrize(("gold", "system", "text", "expected"), [
    ("1998-10-23", "1998-10-23TNI", "Friday night", "part of day"),
    ("1968-XX", "1968", "1968", "gold X placeholder"),
    ("P1W", "1998-W33", "last week", "duration vs point"),
    ("1998-08-04", "1998-W32", "last week", "granularity"),
    ("2000-01-05", "2000-01-12", "Wednesday", "weekday a week off"),
    ("1998-08-18", "1998-08-11", "Tuesday", "weekday a week off"),
    ("1989-11-06", "1989-10-31", "Monday", "direction (other side of DCT)"),
    ("1988-12", "1987-12", "December", "anchor (same side)"),
    ("1988-12", "1989-12", "December", "direction (other side of DCT)"),
    ("1988-Q3", "1988", "a year earlier", "quarter, half, fiscal"),
    ("PAST_REF", "PXY", "recent years", "vague (_REF)"),
    ("1998-10-23", "1998-10-23", "Friday", None),
])
def test_value_errors_are_sorted_by_class(timex_bench, gold, system, text, expected) -> None:
    from dateline.model import Timex

    pair_gold = timex_bench.GoldTimex(0, len(text), "DATE", gold)
    pair_system = Timex(text=text, start=0, end=len(text), type="DATE", value=system)
    assert timex_bench.error_class(pair_gold, pair_system, text, dt.date(1989, 11, 1)) == expected


def test_a_miss_and_a_timex_no_gold_has_are_classes_of_their_own(timex_bench) -> None:
    doc = timex_bench.TimeMLDoc("x.tml", dt.date(1998, 8, 20), "It fell Friday and rose for years.",
                                [timex_bench.GoldTimex(8, 14, "DATE", "1998-08-14")])
    system = find_timexes(doc.text[15:], doc.dct)  # "rose for years." alone: the gold day is not found
    for t in system:
        t.start, t.end = t.start + 15, t.end + 15
    assert timex_bench.class_counts(doc, system) == {"missed": 1, "system timex no gold has": 1}


@pytest.mark.parametrize(("text", "kept"), [
    ("Cheap phones are changing today's youth more than any school.", []),
    ("The people of tomorrow's world will judge these choices.", []),
    ("Many of today's personal computers run on batteries.", []),
    ("Observers expect today's vote to be close.", ["today"]),
    ("Lawyers prepared for tomorrow's hearing.", ["tomorrow"]),
    ("She wants to train the leaders of tomorrow.", []),
    ("The figures were first printed in USA Today.", []),
    ("Today, the talks resumed.", ["Today"]),
])
def test_today_naming_an_age_or_a_paper_is_no_day(make_doc, text, kept) -> None:
    doc = make_doc(text, "2019-05-14")
    assert [t.text for t in find_timexes(text, doc.article.date, doc.parsed)] == kept


def test_that_day_under_a_month_names_the_month_not_a_made_up_day() -> None:
    dct = dt.date(1999, 2, 6)
    month = find_timexes("The clinic was attacked last October. Its name was removed that same day.", dct)
    assert [t.value for t in month] == ["1998-10", "1998-10"]
    day = find_timexes("The clinic was attacked on Oct. 23. Its name was removed that same day.", dct)
    assert [t.value for t in day] == ["1998-10-23", "1998-10-23"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The day before last Tuesday's hearing, the lawyer flew home.", [("The day before last Tuesday", "2000-02-21")]),
    ("Stores reopened the day after Christmas.", [("the day after Christmas", "1999-12-26")]),
    ("Stores reopened two days after Christmas.", [("two days", "P2D"), ("Christmas", "1999-12-25")]),
    ("They met again the day after.", []),
])
def test_the_day_before_or_after_a_day_is_one_expression(text, expected) -> None:
    found = find_timexes(text, dt.date(2000, 2, 24), tense="past")
    assert [(t.text, t.value) for t in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The treaty was signed on Friday. The minister said it was a great day for the country.",
     [("Friday", "1999-03-12"), ("a great day", "1999-03-12")]),
    ("Today is the eighth day of the blockade.", [("Today", "1999-03-13"), ("the eighth day", "1999-03-13")]),
    ("It's the second day of the strike.", [("the second day", "1999-03-13")]),
    ("The mayor called the parade a great day out.", []),
])
def test_a_day_said_of_the_day_itself_is_that_day(make_doc, text, expected) -> None:
    doc = make_doc(text, "1999-03-13")
    assert [(t.text, t.value) for t in find_timexes(text, doc.article.date, doc.parsed)] == expected


def test_a_number_after_a_quotation_mark_of_two_apostrophes_is_no_year() -> None:
    found = find_timexes("He spoke on CBS's ''60 Minutes.'' He was in the class of '68.", dt.date(2000, 4, 17))
    assert [(t.text, t.value) for t in found] == [("'68", "1968")]


def test_the_day_after_the_last_day_of_the_calendar_stays_that_day() -> None:
    from dateline.time.anchored import counted_from
    from dateline.time.calendar import Point
    from dateline.time.rules import date_reading

    last = date_reading(Point(dt.date.max, "day"))
    assert counted_from("the day after X", 14, 0, last) == (14, last)
