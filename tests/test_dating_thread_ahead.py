"""A time ahead of the day the text was written dates a plan, not the past act a sentence narrates: naming one
does not take the sentence out of the story's day (`events.dating_thread.continues_thread`; sentences written for
these tests)."""

from __future__ import annotations

from stage_run import dating

SUNDAY = "2019-05-12"


def test_a_sentence_naming_a_time_ahead_continues_the_story(make_doc) -> None:
    text = ("Everything changed on Thursday. The mayor announced that the budget would be cut in October, and "
            "teachers blocked the road.")
    got = dating(make_doc, text, "blocked", SUNDAY)
    assert (got.value, got.mod) == ("2019-05-09", None)


def test_the_morning_after_counts_from_the_story_day_across_a_time_ahead(make_doc) -> None:
    text = ("Everything changed on Thursday. The morning after the mayor announced the budget would be cut in "
            "October, teachers blocked the road.")
    got = dating(make_doc, text, "announced", SUNDAY)
    assert (got.value, got.mod) == ("2019-05-08", None)


def test_a_sentence_naming_a_past_time_of_its_own_leaves_the_story(make_doc) -> None:
    text = "Everything changed on Thursday. Crowds had filled the square in March."
    assert dating(make_doc, text, "filled", SUNDAY).value != "2019-05-09"


def test_a_time_ahead_is_no_day_of_the_story_either(make_doc) -> None:
    text = "Everything changed on Thursday. The mayor announced that the budget would be cut in October."
    assert dating(make_doc, text, "announced", SUNDAY).value == "2019-05-09"
