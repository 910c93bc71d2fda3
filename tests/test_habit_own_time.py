"""A verb with a time of its own tells its own happening, though the verb it is coordinated with is a habit of years
(`events.habits._own_time`): "have protested for decades and on Monday occupied the ministry" keeps the occupying.
Candidates are read with the verifier and detector off, so the tests show the rule. Every sentence is written for
these tests."""

from __future__ import annotations

import pytest

from stage_run import candidates


def triggers(nlp, text: str) -> set[str]:
    """The triggers of every candidate the stages keep for `text`, over all their mentions."""
    return {m.trigger for e in candidates(nlp, text).events for m in (e.evidence, *e.mentions)}


@pytest.mark.parametrize(("text", "dated"), [
    ("Students have protested against the fees for decades and on Monday occupied the ministry.", "occupied"),
    ("Rebels have fought the army for years and on Sunday seized the airport.", "seized"),
    ("The group has campaigned for years to free prisoners and on Friday it sued the government.", "sued"),
])
def test_a_dated_conjunct_of_a_habit_is_its_own_happening(nlp, text: str, dated: str) -> None:
    assert dated in triggers(nlp, text)


@pytest.mark.parametrize(("text", "habit"), [
    ("Students have protested against the fees for decades and on Monday occupied the ministry.", "protested"),
    ("Villagers have marched for decades, demanding a vote on the dam.", "demanding"),
])
def test_the_habit_and_its_undated_continuation_stay_no_happening(nlp, text: str, habit: str) -> None:
    assert habit not in triggers(nlp, text)


def test_a_dated_verb_passed_on_the_way_up_leaves_the_habit_a_habit(nlp) -> None:
    """Only the trigger's own verb's time stops the walk: "marching" continues "striking in 1984", which continues
    the habit of "campaigned for decades"; the strike itself is dated and stays."""
    found = triggers(nlp, "The miners have campaigned for decades , striking in 1984 and marching on the capital .")
    assert "marching" not in found
    assert "striking" in found
