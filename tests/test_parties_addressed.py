"""A verb that tells its object to act ("asked X to", "urged X to") names whom it addresses in that object, whether or
not the actors stage knows it: no recipient is sought in what the object is told to do (`targets._addressed_object`;
"asked the sprinter to put off her flight back from the US" is not a request to the US). With no object, the
infinitive may still name the recipient ("asked to meet the Kenyan president"). Sentences written for these tests,
run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_what_the_addressed_object_is_told_to_do_names_no_recipient(nlp) -> None:
    doc = candidates(nlp, "Officials in Manila asked the nation's top sprinter to put off her flight back from Japan.")
    assert "JPN" not in countries(event_at(doc, "asked").recipients)


def test_without_an_object_the_infinitive_still_names_the_recipient(nlp) -> None:
    doc = candidates(nlp, "Farmers asked to meet the Kenyan president on Monday.")
    assert countries(event_at(doc, "asked").recipients) == ["KEN"]
