"""One value for a weekday named more than once in an article (issue 10, thirteenth session): the value most of
its readings give, and each mention its own when the readings are split (two days are meant). Sentences written
for these tests; the article date is Wednesday 2018-09-19."""

from __future__ import annotations

from stage_run import dating


def test_a_weekday_read_ahead_first_does_not_move_the_later_past_ones(make_doc) -> None:
    """"The testimony ... on Thursday suggests" is read a day ahead (a noun in a present clause); the two later
    Thursdays are told in the past, so the minister spoke on the Thursday before, not on or before the article date."""
    text = ("The testimony to parliament on Thursday suggests the leak is far larger. The minister told parliament "
            "on Thursday that the pipeline was closed. On Thursday, protesters marched to the ministry.")
    when = dating(make_doc, text, "told")
    assert (when.value, when.mod) == ("2018-09-13", None)


def test_a_weekday_split_by_tense_names_two_days(make_doc) -> None:
    """A past Monday and a future one, once each: the protesters leave on the coming Monday."""
    text = "She returned to the camp on Monday. The protesters will leave the camp on Monday."
    assert dating(make_doc, text, "leave").value == "2018-09-24"
    assert dating(make_doc, text, "returned").value == "2018-09-17"


def test_a_future_told_with_a_modal_keeps_its_own_weekday(make_doc) -> None:
    """Two past Thursdays and "could hit the coast on Thursday": the storm's Thursday is the coming one, not the
    one most mentions mean."""
    text = ("The minister told parliament on Thursday that the dam was safe. On Thursday, the river rose by a metre. "
            "Forecasters said a storm could hit the coast on Thursday.")
    assert dating(make_doc, text, "hit").value == "2018-09-20"
