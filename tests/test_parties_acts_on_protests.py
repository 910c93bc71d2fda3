"""A state's act on a protest that names no one ("the police quelled the demonstrations") and a crackdown that
names no target are aimed at the state's own people (`targets.own_people`): the crowd a state answers at home.
A protest placed abroad by its own words is read before this, and an act with a named target keeps it.
Sentences written for these tests, run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_a_state_quelling_demonstrations_acts_on_its_people(nlp) -> None:
    doc = candidates(nlp, "After the vote, Kenyan police quickly quelled the demonstrations.")
    event = event_at(doc, "quelled")
    assert countries(event.recipients) == ["KEN"]
    assert all(p.sector == "CVL" for p in event.recipients)


def test_a_crackdown_naming_no_target_is_on_the_states_people(nlp) -> None:
    doc = candidates(nlp, "Observers compared it with the crackdown by the Belarusian government in 2020.")
    assert countries(event_at(doc, "crackdown").recipients) == ["BLR"]


def test_a_named_target_is_kept(nlp) -> None:
    doc = candidates(nlp, "Kenyan police quelled the Ugandan traders' riot.")
    assert countries(event_at(doc, "quelled").recipients) != ["KEN"]
