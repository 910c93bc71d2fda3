"""Event dates through the discourse, tenth session (issue 10): a narration of an earlier year keeps its year
while every sentence goes on in the past, a plan told in the present passive lies ahead, and a time a thing is
"set for" lies ahead; on sentences written for these tests."""

from __future__ import annotations

from dateline.time import tag_timexes
from stage_run import dating


def test_a_narration_of_an_earlier_year_keeps_its_year(make_doc) -> None:
    """Four sentences after the day that began it, the narration of 1967 goes on: the year, not the article's day."""
    text = ("It was on 18 March 1967 that the tanker struck the rock. The oil spread along the coast. "
            "The slick killed most marine life. Attempts to float the ship failed, and a salvage worker drowned.")
    when = dating(make_doc, text, "drowned", "2018-09-19")
    assert when.date == ("1967", "year", None)
    assert "narration of 1967" in when.basis


def test_a_sentence_of_now_ends_the_narration(make_doc) -> None:
    text = ("The rebel group was founded in 2009. It remains active in the north. "
            "Its fighters attacked an army base.")
    assert dating(make_doc, text, "attacked", "2018-09-19").date == ("2018-09-19", "day", "ON_OR_BEFORE")


def test_a_narration_of_the_article_s_own_year_carries_no_year(make_doc) -> None:
    """A month of this year is the news of now, not a story told apart: no year is lent past it (the same story a
    year earlier is a narration of that year)."""
    text = "The army captured the town in March {}. The rebels withdrew to the hills."
    assert dating(make_doc, text.format(2018), "withdrew", "2018-09-19").date == ("2018-09-19", "day", "ON_OR_BEFORE")
    assert dating(make_doc, text.format(2017), "withdrew", "2018-09-19").date == ("2017", "year", None)


def test_a_thursday_of_a_present_passive_lies_ahead(make_doc) -> None:
    """'is expected' is no past tense: the meeting on Thursday is the coming one, not the article date."""
    text = "An African Union meeting on Thursday is expected to discuss the crisis."
    assert dating(make_doc, text, "meeting", "2018-09-19").date == ("2018-09-20", "day", None)


def test_a_time_a_thing_is_set_for_lies_ahead(make_doc) -> None:
    """'set for Thursday' on a noun: a participle of planning, whose time is the planned thing's, ahead."""
    doc = tag_timexes(make_doc("The summit, set for Thursday, will discuss the crisis.", "2018-09-19"))
    assert [t.value for t in doc.timexes] == ["2018-09-20"]


def test_a_day_a_thing_was_agreed_on_is_past(make_doc) -> None:
    doc = tag_timexes(make_doc("A ceasefire agreed on Thursday was broken within hours.", "2018-09-19"))
    assert next(t.value for t in doc.timexes) == "2018-09-13"


def test_a_day_right_after_a_verb_of_saying_is_the_saying_s_past_day(make_doc) -> None:
    """'said on Monday they would attack ... on Friday': the parser hangs Monday on the attack, whose 'would'
    had put it ahead; it is the day of the saying, the Monday before."""
    doc = tag_timexes(make_doc("The rebels said on Monday they would attack the city on Friday.", "2018-09-19"))
    assert [t.value for t in doc.timexes] == ["2018-09-17", "2018-09-21"]


def test_an_act_the_saying_reports_is_dated_by_its_own_day(make_doc) -> None:
    text = "The rebels said on Monday they would attack the city on Friday."
    assert dating(make_doc, text, "attack", "2018-09-19", hypothetical=True).date == ("2018-09-21", "day", None)


def test_a_time_after_since_is_where_the_acts_begin_not_their_day(make_doc) -> None:
    """'Since Monday, rebels have seized three towns': the seizures lie from Monday on, not on Monday."""
    text = "Since Monday, rebels have seized three towns in the north."
    assert dating(make_doc, text, "seized", "2018-09-19").date == ("2018-09-17", "day", "AFTER")


def test_a_month_after_since_lies_behind_and_its_when_clause_is_on_it(make_doc) -> None:
    """Written in September, 'since November' is last November (the nearer November lies ahead), and what the
    clause on that time tells happened then, not after it."""
    text = "Her family has looked after her since November, when she was found hiding in a barn."
    assert dating(make_doc, text, "found", "2018-09-19").date == ("2017-11", "month", None)
