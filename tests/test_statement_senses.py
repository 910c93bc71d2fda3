"""Verbs of saying or believing read as an act they only report (events.statement_senses via
events.frame.not_an_act): a warning or an admission whose clause states a fact, and a passive of belief with an
infinitive. Candidates are read with the verifier and detector off, so each test shows the rule. Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("The health ministry warned that the outbreak has reached three more provinces.", "warned"),
    ("The finance minister admitted that the deficit had been larger than expected.", "admitted"),
])
def test_a_saying_whose_clause_states_a_fact_is_no_threat_or_backing(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger"), [
    ("The exiled leader is believed to be behind the kidnap of two engineers.", "believed"),
    ("The colonel is considered to be the strongest rival of the president.", "considered"),
    ("The cell has been tied to two bank robberies and believed to be behind the kidnap of a judge.", "believed"),
])
def test_a_passive_of_belief_with_an_infinitive_is_no_act(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The army warned that it will strike the camps if the rebels do not withdraw.", "warned", "THREATEN"),
    ("Tehran warned that any raid on its ports would be answered with force.", "warned", "THREATEN"),
    ("The general warned the villagers to leave their homes before dawn.", "warned", "THREATEN"),
    ("The prime minister said he supports the peace plan for the north.", "supports", "SUPPORT"),
])
def test_warnings_of_what_will_be_done_and_backing_stay(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Doctors have warned that the rising number of measles cases could become an epidemic by spring.", "warned"),
    ("The charity warned that it will be very hard to deliver food to the valley.", "warned"),
    ("Officials warned that the situation in the camps could turn violent.", "warned"),
    ("Doctors warned that rural clinics could see a surge of patients after the floods.", "warned"),
    ("The agency warned that the islands may experience long shortages of fuel.", "warned"),
])
def test_a_warning_that_foretells_a_state_is_no_threat(nlp, text: str, trigger: str) -> None:
    assert "THREATEN" not in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The defence minister warned that there will be consequences for the raid on the border post.", "warned"),
    ("The junta warned that the response to any march would be swift.", "warned"),
    ("The rebels warned that the price would be high if troops entered the town.", "warned"),
    ("The army warned that it will be ruthless with deserters.", "warned"),
    ("The foreign minister warned that Moscow could see new sanctions within days.", "warned"),
])
def test_a_warning_of_consequences_or_on_a_condition_stays_a_threat(nlp, text: str, trigger: str) -> None:
    assert "THREATEN" in types_at(candidates(nlp, text), trigger)
