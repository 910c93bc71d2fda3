"""The lede's day for the sayings a story goes on to report (issue 10, twelfth session); sentences written for
these tests. The article date is Wednesday 2018-09-19."""

from __future__ import annotations

from stage_run import dating

#: Three sentences that name no time, told in the present and the present perfect, between a lede and a report.
_MIDDLE = ("The rebels hold most of the northern hills. "
           "Their leaders have rejected every offer of a truce so far. "
           "Aid groups fear a long winter for the villages there. ")


def test_a_saying_far_below_the_lede_is_made_on_the_lede_day(make_doc) -> None:
    """"The minister added ..." five sentences after "said on Tuesday": the story is Tuesday's news."""
    text = ("KABUL (Wire) _ The defence minister said on Tuesday that talks with the rebels would resume. "
            + _MIDDLE + "The minister added that the army would hold its fire.")
    when = dating(make_doc, text, "added")
    assert (when.value, when.mod) == ("2018-09-18", None)
    assert "lede" in when.basis


def test_an_act_that_is_no_saying_keeps_no_lede_day(make_doc) -> None:
    """The convention dates what the story reports being said; a past act told later may be background."""
    text = ("The defence minister said on Tuesday that talks with the rebels would resume. "
            + _MIDDLE + "The army shelled two villages near the pass.")
    assert dating(make_doc, text, "shelled").mod == "ON_OR_BEFORE"


def test_another_day_dating_a_main_clause_moves_the_story_off_the_lede_day(make_doc) -> None:
    text = ("The defence minister said on Tuesday that talks with the rebels would resume. "
            "On Sunday, the rebels attacked a convoy near the pass. " + _MIDDLE
            + "The minister added that the army would hold its fire.")
    assert dating(make_doc, text, "added").mod == "ON_OR_BEFORE"


def test_a_day_named_after_the_opening_sentences_is_no_lede(make_doc) -> None:
    text = ("The rebels hold the northern hills. " + _MIDDLE
            + "The defence minister met their envoys on Tuesday. " + _MIDDLE
            + "The minister added that the army would hold its fire.")
    assert dating(make_doc, text, "added").mod == "ON_OR_BEFORE"


def test_a_lede_day_weeks_before_the_article_is_no_day_of_its_news(make_doc) -> None:
    text = ("The defence minister said on Aug. 20 that talks with the rebels would resume. "
            + _MIDDLE + "The minister added that the army would hold its fire.")
    assert dating(make_doc, text, "added").mod == "ON_OR_BEFORE"


def test_a_saying_in_the_present_perfect_keeps_no_lede_day(make_doc) -> None:
    text = ("The defence minister said on Tuesday that talks with the rebels would resume. "
            + _MIDDLE + "The minister has added that the army would hold its fire.")
    assert dating(make_doc, text, "added").mod == "ON_OR_BEFORE"
