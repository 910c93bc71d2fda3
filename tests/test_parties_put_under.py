"""A nominal trigger in an "under" phrase of a verb that puts someone into a state (`under_putting_verbs`,
`parties_nominal._add_put_under`): "Y placed X under house arrest", "X, who was put under house arrest" is Y's act
done to X, not the act of the noun's modifier ("house"). Sentences written for these tests, run through every stage
with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at


def test_whom_soldiers_placed_under_house_arrest_is_the_recipient(nlp) -> None:
    doc = candidates(nlp, "Soldiers placed the opposition leader under house arrest in Harare.")
    event = event_at(doc, "arrest")
    assert [p.text for p in event.recipients] == ["the opposition leader"]
    assert [p.text for p in event.actors] == ["Soldiers"]


def test_a_relative_pronoun_placed_under_arrest_stands_for_its_antecedent(nlp) -> None:
    text = "The government detained hundreds of people, including opposition leader Ayman Nour, who was placed " \
           "under house arrest."
    event = event_at(candidates(nlp, text), "arrest")
    assert [p.text for p in event.recipients] == ["opposition leader Ayman Nour"]


def test_a_curfew_put_on_a_town_is_done_to_the_town(nlp) -> None:
    event = event_at(candidates(nlp, "Malian soldiers have put Gao under curfew since Monday."), "curfew")
    assert [p.text for p in event.recipients] == ["Gao"]
