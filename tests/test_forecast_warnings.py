"""A warning that forecasts or informs (events.forecast_warnings, read by events.frame): the reported clause's
subject is a thing, so no party threatens. Candidates are read with the verifier and detector off, so each test
shows the rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize("text", [
    "The mining company warned the flooding could cost it two billion dollars this year.",
    "Doctors in the capital warned that infections could climb sharply before winter.",
    "The health ministry warned that the new strain has been found in three provinces.",
    "The charity warned that food prices will rise in the north.",
])
def test_a_warning_of_what_a_thing_will_do_is_no_threat(nlp, text: str) -> None:
    assert "THREATEN" not in types_at(candidates(nlp, text), "warned")


@pytest.mark.parametrize("text", [
    "The governor warned that the guards will arrest anyone who marches near the palace.",
    "The rebel commander warned that his fighters would attack the convoy.",
    "The general warned that any incursion would be met with force.",
    "The junta warned that the answer to any rally would be harsh.",
    "The mayor warned that the riot units stand ready to halt any march downtown.",
    "The cabinet warned that Iran's navy could close the strait.",
])
def test_a_warning_of_what_a_party_will_do_stays_a_threat(nlp, text: str) -> None:
    assert "THREATEN" in types_at(candidates(nlp, text), "warned")


@pytest.mark.parametrize("text", [
    "The health agency warned against the spread of counterfeit vaccines in the border provinces.",
    "The central bank governor warned against complacency over rising prices.",
])
def test_a_caution_against_a_danger_is_no_threat(nlp, text: str) -> None:
    assert "THREATEN" not in types_at(candidates(nlp, text), "warned")


@pytest.mark.parametrize("text", [
    "The defence minister warned the rebels against a new offensive.",
    "The general warned against any attack on the border posts.",
    "The foreign minister warned against any attempt to invade the islands.",
])
def test_a_warning_against_an_act_or_to_a_party_stays(nlp, text: str) -> None:
    assert "THREATEN" in types_at(candidates(nlp, text), "warned")
