"""A stance held, not an act undergone (`parties._stance_participle`): "X is opposed to Y", "X remains committed to
Y" name X as the one who opposes or commits (the actor) and Y as whom it is towards; "the plan was opposed by X"
and "the plan was opposed" stay passives. Sentences written for these tests, run through every stage with the
lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_the_subject_of_is_opposed_to_holds_the_stance(nlp) -> None:
    doc = candidates(nlp, "Egypt is opposed to Ethiopian control of the dam, its foreign minister said.")
    event = event_at(doc, "opposed")
    assert countries(event.actors) == ["EGY"]
    assert "EGY" not in countries(event.recipients)


def test_the_subject_of_the_copula_holds_the_stance(nlp) -> None:
    doc = candidates(nlp, "Chile was strongly opposed to the Bolivian claims.")
    event = event_at(doc, "opposed")
    assert countries(event.actors) == ["CHL"]
    assert countries(event.recipients) == ["BOL"]


def test_a_by_agent_keeps_the_passive(nlp) -> None:
    doc = candidates(nlp, "The Bolivian claim was opposed by Chile.")
    assert countries(event_at(doc, "opposed").actors) == ["CHL"]


def test_a_stance_verb_without_a_to_phrase_stays_a_passive(nlp) -> None:
    # no "to" phrase, no agent: the proposal is what was opposed, not who opposes
    doc = candidates(nlp, "The Chilean proposal was opposed at the meeting.")
    event = event_at(doc, "opposed")
    assert countries(event.actors) == []
    assert countries(event.recipients) == ["CHL"]
