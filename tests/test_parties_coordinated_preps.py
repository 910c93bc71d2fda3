"""A prepositional phrase coordinated with another of the verb's phrases still names the act's recipient (issue 9,
`parties._verb_prep`): the parser hangs "at the police" in "hurled stones inside the compound and at the police" as a
conjunct of "inside", not on the verb, and the recipient was left empty. Sentences written for these tests."""

from __future__ import annotations

from stage_run import candidates, event_at


def test_a_coordinated_at_phrase_names_whom_the_rocks_were_hurled_at(nlp) -> None:
    text = "Tunisian protesters hurled stones inside the compound and at the police outside."
    event = event_at(candidates(nlp, text), "hurled")
    assert [p.text for p in event.recipients] == ["the police"]


def test_a_coordinated_at_phrase_names_whom_troops_fired_at(nlp) -> None:
    text = "Yemeni soldiers fired into the air and at demonstrators in Taiz."
    event = event_at(candidates(nlp, text), "fired")
    assert [p.text for p in event.recipients] == ["demonstrators"]


def test_a_lone_place_phrase_still_names_no_recipient(nlp) -> None:
    text = "Yemeni soldiers fired into the air in Taiz."
    event = event_at(candidates(nlp, text), "fired")
    assert not event.recipients
