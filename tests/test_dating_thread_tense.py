"""The story's day and the tense of what carries it (issue 10, eighteenth session): a plan's or the present's day
begins no past narration and ends the one before it, and a pluperfect act is by the story's day rather than on it.
Sentences written for these tests; the article date is Wednesday 2018-09-19."""

from __future__ import annotations

from stage_run import dating


def test_a_day_set_for_a_plan_is_not_carried_to_the_next_past_sentence(make_doc) -> None:
    """"is travelling to Kabul today" is a plan: the shelling told after it is not dated today exactly."""
    text = ("The foreign minister is travelling to Kabul today to meet the new cabinet. "
            "Militants shelled two police posts in the east.")
    when = dating(make_doc, text, "shelled")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_a_plan_for_today_ends_the_story_before_it(make_doc) -> None:
    """A sentence that sets today for a visit has left the narration: Monday, the day of the story before it, does
    not reach the past act told after it."""
    text = ("On Monday, soldiers stormed the rebel camp. "
            "The governor is visiting the camp today. "
            "Police detained three organisers.")
    when = dating(make_doc, text, "detained")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_a_narrated_day_still_carries(make_doc) -> None:
    """A day that dates a past act goes on dating the past-tense sentence after it."""
    text = "On Monday, soldiers stormed the rebel camp. Police detained three organisers."
    when = dating(make_doc, text, "detained")
    assert (when.value, when.mod) == ("2018-09-17", None)


def test_a_pluperfect_act_is_by_the_story_day(make_doc) -> None:
    """"had seized" after "On Monday, rebels stormed": the seizure came before Monday, not on it."""
    text = "On Monday, rebels stormed the town of Kilo. They had seized the airport."
    when = dating(make_doc, text, "seized")
    assert (when.value, when.mod) == ("2018-09-17", "ON_OR_BEFORE")


def test_a_simple_past_act_keeps_the_story_day_exactly(make_doc) -> None:
    text = "On Monday, rebels stormed the town of Kilo. They seized the airport."
    when = dating(make_doc, text, "seized")
    assert (when.value, when.mod) == ("2018-09-17", None)

