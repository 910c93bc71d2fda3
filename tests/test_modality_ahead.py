"""Acts ahead: what a clause awaits, faces, puts on a schedule or tells in the plain present of a week not over is
a scheduled future, not a fact (`events.modality_ahead`, `events.modality.dated_ahead`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from dateline.events.modality import dated_ahead
from stage_run import modality_of, token, told_as_fact


@pytest.mark.parametrize(("text", "trigger"), [
    ("The former minister stays in prison as he awaits trial.", "trial"),
    ("The deposed ruler faces another four trials for the killings.", "trials"),
    ("The mayor will face a vote of confidence.", "vote"),
])
def test_an_awaited_or_faced_act_is_a_scheduled_future(make_doc, text: str, trigger: str) -> None:
    found = modality_of(make_doc, text, trigger)
    assert found.future and found.scheduled and not found.negated, found


@pytest.mark.parametrize(("text", "trigger"), [
    ("The colonel faced trial in 2005 for the killings.", "trial"),  # a past facing: the trial was held
    ("The opposition leader faces charges of treason.", "charges"),  # faced while they last: laid
    ("The governor faces mounting criticism over the floods.", "criticism"),
])
def test_a_past_facing_or_a_state_faced_stays_a_fact(make_doc, text: str, trigger: str) -> None:
    assert told_as_fact(modality_of(make_doc, text, trigger))


def test_a_possible_facing_is_hypothetical_not_scheduled(make_doc) -> None:
    found = modality_of(make_doc, "The deposed ruler could face trial for the killings.", "trial")
    assert found.hypothetical and not found.scheduled, found


def test_an_act_scheduled_in_a_passive_is_a_scheduled_future(make_doc) -> None:
    found = modality_of(make_doc, "A bail hearing for the three dockers has been scheduled for Tuesday.", "hearing")
    assert found.future and found.scheduled, found
    found = modality_of(make_doc, "New talks were set for Monday.", "talks")
    assert found.future and found.scheduled, found


def test_set_without_a_for_phrase_schedules_nothing(make_doc) -> None:
    assert told_as_fact(modality_of(make_doc, "The blaze was set by the rebels.", "blaze"))


@pytest.mark.parametrize(("text", "trigger"), [
    ("The magistrates are expected to start the trial in the autumn.", "trial"),
    ("The army is expected to hold the talks with the rebels next week.", "talks"),
])
def test_a_known_act_carried_by_a_support_verb_shares_its_schedule(make_doc, text: str, trigger: str) -> None:
    found = modality_of(make_doc, text, trigger)
    assert found.future and found.scheduled, found


def test_a_known_act_a_verb_only_serves_or_intends_stays_a_fact(make_doc) -> None:
    assert told_as_fact(modality_of(make_doc, "Reporters are expected to cover the clashes.", "clashes"))
    text = "The group's decision to carry out the Friday attacks proved to be a disaster."
    assert told_as_fact(modality_of(make_doc, text, "attacks"))


def test_the_plain_present_of_a_week_not_over_is_ahead(make_doc) -> None:
    # The article is of Wednesday 2018-09-19: its week (2018-W38) runs to Sunday the 23rd.
    doc = make_doc("The colonel goes on trial this week.")
    assert dated_ahead(doc, token(doc, "trial"), "2018-W38")
    assert not dated_ahead(doc, token(doc, "trial"), "2018-W37")  # a week over
    doc = make_doc("The colonel went on trial this week.")
    assert not dated_ahead(doc, token(doc, "trial"), "2018-W38")
    doc = make_doc("The colonel is holding talks this week.")
    assert not dated_ahead(doc, token(doc, "talks"), "2018-W38")  # under way


def test_an_act_with_an_infinitive_that_tells_it_happening_is_ahead(make_doc) -> None:
    found = modality_of(make_doc, "They sent a letter laying out the charges to come this week.", "charges")
    assert found.future and found.scheduled, found


def test_an_act_with_a_purpose_infinitive_stays_a_fact(make_doc) -> None:
    assert told_as_fact(modality_of(make_doc, "Thousands joined protests to demand reforms.", "protests"))
