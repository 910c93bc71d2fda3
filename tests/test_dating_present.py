"""An act or state told in the present with no time of its own holds on the day the text speaks from (issue 10,
nineteenth session, `events/dating_present`); a past act with no time stays bounded by it. Sentences written for
these tests; the article date is Wednesday 2018-09-19."""

from __future__ import annotations

from stage_run import dating

_LEAD = "Government troops shelled the northern district of Kilo overnight. "


def test_a_simple_present_accusation_is_of_the_day_the_text_speaks_from(make_doc) -> None:
    when = dating(make_doc, _LEAD + "The opposition accuses the army of targeting clinics.", "accuses")
    assert (when.value, when.mod) == ("2018-09-19", None)
    assert "told in the present" in when.basis


def test_a_progressive_inquiry_is_of_that_day(make_doc) -> None:
    when = dating(make_doc, _LEAD + "The ministry is investigating the deaths of two farmers.", "investigating")
    assert (when.value, when.mod) == ("2018-09-19", None)


def test_a_past_act_with_no_time_stays_bounded(make_doc) -> None:
    when = dating(make_doc, _LEAD + "The ministry investigated the deaths of two farmers.", "investigated")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_a_present_perfect_act_stays_bounded(make_doc) -> None:
    """"has detained" happened before now, on a day the text does not give."""
    when = dating(make_doc, _LEAD + "The army has detained the mayor of Kilo.", "detained")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_a_habit_is_no_act_of_the_day(make_doc) -> None:
    when = dating(make_doc, _LEAD + "The border police routinely detain traders from Kilo.", "detain")
    assert when.mod == "ON_OR_BEFORE"


def test_a_condition_in_the_present_is_not_now(make_doc) -> None:
    """"if the army attacks the town": a present that speaks of a time that may come."""
    when = dating(make_doc, _LEAD + "The rebels say that they would leave Kilo if the army attacks the town.",
                  "attacks")
    assert when.mod is not None or when.value != "2018-09-19"


def test_a_present_below_a_clause_told_ahead_is_not_now(make_doc) -> None:
    """"will sign an accord that guarantees ...": the guarantee comes with the accord, not today."""
    when = dating(make_doc, _LEAD + "The two parties will sign an accord that guarantees the return of refugees.",
                  "guarantees")
    assert (when.value, when.mod) != ("2018-09-19", None)


def test_a_headline_present_narrates_a_past_act(make_doc) -> None:
    """The text's first sentence is where a headline stands: "Rebels seize airport" happened by the article date."""
    when = dating(make_doc, "Rebels seize airport in Kilo\nRebels took the airport of Kilo after a battle.", "seize")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_quoted_present_words_of_an_undated_saying_stay_bounded(make_doc) -> None:
    """'"We condemn ...," the mayor said.' with no day for the saying: the words were said by the article date."""
    when = dating(make_doc, _LEAD + '"We condemn the shelling of our homes," the mayor said.', "condemn")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_reported_present_words_take_the_day_of_their_saying(make_doc) -> None:
    """The saying goes on with Monday's story, so what it reports in the present was said on Monday."""
    text = _LEAD + "On Monday, the mayor toured the ruins. She said the council condemns the shelling of homes."
    when = dating(make_doc, text, "condemns")
    assert (when.value, when.mod) == ("2018-09-17", None)


def test_a_recap_told_in_the_historic_present_stays_bounded(make_doc) -> None:
    """"Thousands pour into the streets" recaps past days: the simple present of an act verb is no act of now."""
    when = dating(make_doc, _LEAD + "Thousands of students pour into the streets of the capital.", "pour")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_a_present_passive_tells_the_state_an_earlier_act_left(make_doc) -> None:
    """"are charged with" says the charges stand; the charging was on a day the text does not give."""
    when = dating(make_doc, _LEAD + "Three officers are charged with obstructing the inquiry.", "charged")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")


def test_a_perfect_written_with_an_apostrophe_stays_bounded(make_doc) -> None:
    """"he's dismissed his cabinet": the "'s" is "has", and the dismissal came before now."""
    when = dating(make_doc, _LEAD + "The president is holding on, but he's dismissed his cabinet.", "dismissed")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")
