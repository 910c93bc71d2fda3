"""A length named between a day and a later sentence ends the day's thread (issue 10, twelfth session); sentences
written for these tests. The article date is Wednesday 2018-09-19."""

from __future__ import annotations

from stage_run import dating


def test_a_length_of_months_between_moves_the_story_off_the_day(make_doc) -> None:
    """"It took three months to rebuild": the criticism that follows is not of the day of the flood."""
    text = ("The river burst its banks on Saturday, flooding the lower town. "
            "It took three months to rebuild the bridge. "
            "The mayor was sharply criticised for the slow repairs.")
    assert dating(make_doc, text, "criticised").mod == "ON_OR_BEFORE"


def test_without_the_length_the_day_still_carries(make_doc) -> None:
    text = ("The river burst its banks on Saturday, flooding the lower town. "
            "Rescue boats reached the main square. "
            "The mayor was sharply criticised for the slow response.")
    when = dating(make_doc, text, "criticised")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_a_length_of_hours_keeps_the_day(make_doc) -> None:
    """A length within the day ("three hours") does not move the story to another one."""
    text = ("Rebels attacked the border post on Saturday. "
            "The fighting lasted three hours. "
            "The army sent reinforcements from the capital.")
    when = dating(make_doc, text, "sent")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_a_length_in_the_days_own_sentence_keeps_the_day(make_doc) -> None:
    """"the dispute that has divided the town for months" describes the background of Saturday's act."""
    text = ("On Saturday the council voted on the dispute that has divided the town for months. "
            "The mayor condemned the result.")
    when = dating(make_doc, text, "condemned")
    assert (when.value, when.mod) == ("2018-09-15", None)
