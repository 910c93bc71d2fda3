"""Triggers that name no act of their type (events.frame.not_an_act): a report read as the deed it tells of, a
participle describing a noun, a conflict word of a contest without violence, a question asked. The same words used
of a real act keep their event. Candidates are read with the verifier and detector off, so each test shows the rule.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def coded(doc: Document) -> set[tuple[str, str]]:
    """(type, trigger) of every candidate."""
    return {(e.type, e.evidence.trigger) for e in doc.events}


def test_a_report_of_attacks_is_not_itself_an_attack(nlp) -> None:
    doc = candidates(nlp, "The ministry reported two attacks on the convoy last week.")
    assert ("ASSAULT", "reported") not in coded(doc)
    assert ("ASSAULT", "attacks") in coded(doc)  # the attacks are their own mention


def test_a_declaration_is_the_deed_it_declares(nlp) -> None:
    doc = candidates(nlp, "The governor declared a state of emergency in the province on Monday.")
    assert ("COERCE", "declared") in coded(doc)


@pytest.mark.parametrize(("text", "word"), [
    ("Dozens of shops closed as the escalating crisis reached the capital.", "escalating"),
    ("The suspect pointed a pipe at the approaching officers before he fled.", "approaching"),
])
def test_a_participle_describing_a_noun_is_no_act(nlp, text: str, word: str) -> None:
    assert not any(trigger == word for _, trigger in coded(candidates(nlp, text)))


@pytest.mark.parametrize(("text", "word"), [
    ("The oil company will begin its legal offensive this month against the fishermen.", "offensive"),
    ("The new tariffs that have targeted Chinese steel anger Beijing.", "targeted"),
    ("The insurer expects years of regulatory and legal battles over the collapsed dam.", "battles"),
])
def test_a_contest_without_violence_is_no_assault(nlp, text: str, word: str) -> None:
    assert ("ASSAULT", word) not in coded(candidates(nlp, text))


@pytest.mark.parametrize(("text", "word"), [
    ("The army launched an offensive against the rebels in the south.", "offensive"),
    ("Militants targeted a police convoy near the border on Monday.", "targeted"),
])
def test_armed_contests_stay_assaults(nlp, text: str, word: str) -> None:
    assert ("ASSAULT", word) in coded(candidates(nlp, text))


def test_asking_a_question_is_no_request(nlp) -> None:
    doc = candidates(nlp, "Reporters asked the governor whether he considers the inquiry closed.")
    assert ("REQUEST", "asked") not in coded(doc)


def test_a_demand_told_before_a_relative_clause_stays_a_request(nlp) -> None:
    text = '"The government must stop the miners," the governor said, "who want to sell the forest."'
    assert ("REQUEST", "said") in coded(candidates(nlp, text))


def test_asking_for_an_act_stays_a_request(nlp) -> None:
    doc = candidates(nlp, "The foreign minister asked Israel to withdraw its troops from the border.")
    assert ("REQUEST", "asked") in coded(doc)
