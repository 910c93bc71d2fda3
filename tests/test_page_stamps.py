"""A live page's entry stamps: the day each entry was written, read from its stamp (`time.page_stamps`), and what
the dater makes of it (`events.dating_hooks`: a stamp's clock time dates no act; an act no time dates was done by
its entry's day)."""

from __future__ import annotations

import datetime as dt

from dateline.events.dating import event_dating
from dateline.story import mark_story
from dateline.time import tag_timexes
from dateline.time.page_stamps import entries

TUESDAY = "2019-03-05"  # the day a feed dated the page by: the day it opened

#: Newest entry first, as a live page lists them; the stamps give the city's clock time first, then New York's.
LIVE_PAGE = (
    "Strikers march in Lagos.\n"
    "(Update 6:40 a.m. Thursday in Lagos, 12:40 a.m. ET Thursday) Police fired tear gas at marchers on "
    "Wednesday night near the stadium.\n"
    "(Update 9:15 p.m. in Lagos, 3:15 p.m. ET) The governor met union leaders earlier today.\n"
    "(Update 4:05 p.m. in Lagos, 10:05 a.m. ET) Marchers blocked the main bridge.\n"
)


def _staged(make_doc, text: str, date: str = TUESDAY):
    return tag_timexes(mark_story(make_doc(text, date)))


def _values(doc) -> dict[str, str]:
    return {t.text: t.value for t in doc.timexes}


def _dating(doc, trigger: str):
    return event_dating(doc, next(t.i for t in doc.parsed if t.text == trigger))


def test_a_stamp_weekday_is_the_nearest_one_and_the_latest_is_the_writing_day(make_doc) -> None:
    doc = _staged(make_doc, LIVE_PAGE)
    assert _values(doc)["6:40 a.m. Thursday"] == "2019-03-07T06:40"  # two days on, not five days back
    assert doc.written == dt.date(2019, 3, 7)
    assert _values(doc)["Wednesday night"] == "2019-03-06TNI"  # read from Thursday, not from Tuesday


def test_each_entry_is_read_from_its_own_stamp_day(make_doc) -> None:
    """"9:15 p.m." under "6:40 a.m. Thursday" on a newest-first page is Wednesday's: its "earlier today" is
    Wednesday, and "4:05 p.m." below it is Wednesday's too."""
    doc = _staged(make_doc, LIVE_PAGE)
    assert [day for _, _, day in entries(doc)] == [dt.date(2019, 3, 7), dt.date(2019, 3, 6), dt.date(2019, 3, 6)]
    assert _values(doc)["earlier today"] == "2019-03-06"


def test_a_stamp_clock_time_dates_no_act_and_an_undated_act_takes_its_entrys_day(make_doc) -> None:
    doc = _staged(make_doc, LIVE_PAGE)
    got = _dating(doc, "blocked")
    assert (got.value, got.mod) == ("2019-03-06", "ON_OR_BEFORE")
    assert "entry" in got.basis


def test_no_entry_takes_a_day_from_the_entry_above_it(make_doc) -> None:
    """The entry above was written later: its "Wednesday night" is no day of the story below."""
    text = ("(Update 6:40 a.m. Thursday in Lagos, 12:40 a.m. ET Thursday) Police fired tear gas at marchers on "
            "Wednesday morning.\n(Update 5:30 a.m. in Lagos, 11:30 p.m. ET) Marchers blocked the main bridge.\n")
    got = _dating(_staged(make_doc, text), "blocked")
    assert (got.value, got.mod) == ("2019-03-07", "ON_OR_BEFORE")


def test_no_midnight_is_read_between_clock_times_of_two_zones(make_doc) -> None:
    """"12:20 a.m. Friday in Lagos" then "11:30 p.m. ET": the clock goes up, but across zones; the second entry's
    day is not known, so it is read as the page is."""
    text = ("(Update 12:20 a.m. Friday in Lagos, 6:20 p.m. ET Thursday) Police arrested two organisers.\n"
            "(Update 11:30 p.m. ET) Marchers blocked the main bridge.\n"
            "(Update 10:10 p.m. ET) Shops closed early.\n")
    doc = _staged(make_doc, text, "2019-03-07")
    assert [(start, day) for start, _, day in entries(doc)] == [(0, dt.date(2019, 3, 8))]


def test_one_update_stamp_after_the_article_date_is_the_writing_day_of_the_whole_text(make_doc) -> None:
    doc = _staged(make_doc, "Updated 10:42 a.m. ET, Wed March 6, 2019\nThe mayor resigned on Wednesday.\n")
    assert doc.written == dt.date(2019, 3, 6)
    assert entries(doc) == []  # one stamp says when the page last changed: no entries
    assert _values(doc)["Wednesday"] == "2019-03-06"


def test_entry_stamps_are_page_stamps_not_story(make_doc) -> None:
    text = ("(Update 3 a.m. in Lagos, 9 p.m. ET) Marchers blocked the bridge.\n"
            "(Updated 10:05 a.m. ET) Shops closed early.\n")
    doc = mark_story(make_doc(text, TUESDAY))
    assert [text[s.start:s.end] for s in doc.excluded if s.kind == "timestamp"] == [
        "(Update 3 a.m. in Lagos, 9 p.m. ET)", "(Updated 10:05 a.m. ET)"]
