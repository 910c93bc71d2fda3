"""TIMEX3 values from reading TimeBank's value errors cold (issue 10, eighth session): each test holds a class
of misreading a held-out news set would share, on sentences written for these tests."""

from __future__ import annotations

from dateline.time import tag_timexes


def readings(make_doc, text: str, date: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_timexes(make_doc(text, date)).timexes]


def test_a_month_a_past_act_happened_in_is_not_the_coming_one(make_doc) -> None:
    """Written in late October, "changed ... in December" is last December, though the coming one is nearer."""
    text = "The retailer changed its name in December."
    assert readings(make_doc, text, "2019-10-28") == [("December", "2018-12")]


def test_a_month_on_a_noun_or_a_plan_keeps_the_nearest_reading(make_doc) -> None:
    """A planned vote, or a reported plan whose time the parser hangs on the reporting verb, says nothing
    about the past."""
    assert readings(make_doc, "Officials confirmed plans for a summit in December.", "2019-10-28") == [
        ("December", "2019-12")]
    assert readings(make_doc, "The board scheduled a vote in December.", "2019-10-28") == [("December", "2019-12")]


def test_one_day_before_a_verb_that_looks_ahead_is_a_time_to_come(make_doc) -> None:
    assert readings(make_doc, "She believes the valley will one day be a city.", "2019-10-28") == [
        ("one day", "FUTURE_REF")]
    assert readings(make_doc, "Some day the river may run dry.", "2019-10-28") == [("Some day", "FUTURE_REF")]


def test_one_day_after_its_verb_or_in_a_past_story_stays_a_length(make_doc) -> None:
    assert readings(make_doc, "The strike will last one day.", "2019-10-28")[-1][1] == "P1D"
    assert readings(make_doc, "The talks lasted one day.", "2019-10-28") == [("one day", "P1D")]


def test_days_later_than_a_year_name_no_day(make_doc) -> None:
    """"Three days later" after a time named only as a year: the length is known, the day is not (it was
    dated to the middle of that year)."""
    text = "The fund was set up in 2004. Three days later, the first investors arrived."
    assert readings(make_doc, text, "2019-10-28") == [("2004", "2004"), ("Three days later", "P3D")]


def test_days_later_than_a_day_still_date_a_day(make_doc) -> None:
    text = "The fund was set up on March 3, 2004. Three days later, the first investors arrived."
    assert readings(make_doc, text, "2019-10-28")[-1] == ("Three days later", "2004-03-06")


def test_a_year_ago_quarter_with_its_ordinal_is_that_quarter_a_year_back(make_doc) -> None:
    text = "In the year-ago second quarter, the bakery earned $4 million."
    assert readings(make_doc, text, "2019-10-28") == [("the year-ago second quarter", "2018-Q2")]


def test_year_earlier_months_are_a_span_of_months(make_doc) -> None:
    text = "Profit for the year-earlier six months included a one-time gain."
    assert readings(make_doc, text, "2019-10-28") == [("the year-earlier six months", "P6M")]


def test_a_spelled_number_counting_years_is_a_length_not_a_year(make_doc) -> None:
    text = "The monastery has stood on the hill for more than two thousand years."
    assert readings(make_doc, text, "2019-10-28") == [("more than two thousand years", "P2000Y")]


def test_a_spelled_number_counting_people_is_no_year(make_doc) -> None:
    assert readings(make_doc, "Two thousand people marched to the square.", "2019-10-28") == []
    assert readings(make_doc, "The law took effect in two thousand one.", "2019-10-28") == [
        ("two thousand one", "2001")]
