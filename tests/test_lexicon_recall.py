"""Candidates the lexicon used to miss, by class: a "needs" word that opens the clause after the verb, a noun
trigger governed by a support verb of its own ("staged a strike"), and the entries learned from RAMS and
WikiEvents triggers (`tools/mine_triggers.py --propose`)."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    return {e.type for e in doc.events if e.evidence.trigger == trigger}


def test_call_for_someone_to_act_is_a_request(nlp) -> None:
    doc = candidates(nlp, "Opposition leaders called for the governor to resign over the scandal.")
    assert "REQUEST" in types_at(doc, "called")
    assert "REQUEST" in types_at(candidates(nlp, "Farmers called for lower fuel prices."), "called")


def test_calling_without_for_is_no_request(nlp) -> None:
    assert "REQUEST" not in types_at(candidates(nlp, "The minister called his counterpart a liar."), "called")


def test_a_strike_staged_or_organised_is_a_protest(nlp) -> None:
    doc = candidates(nlp, "Port workers staged a strike in Durban on Monday.")
    assert types_at(doc, "strike") == {"PROTEST"}
    doc = candidates(nlp, "The teachers' union organised a strike that closed schools across the province.")
    assert types_at(doc, "strike") == {"PROTEST"}


def test_a_strike_alone_is_no_protest(nlp) -> None:
    doc = candidates(nlp, "The strike destroyed a bridge near the town on Friday.")
    assert "PROTEST" not in types_at(doc, "strike")


def test_learned_nominal_triggers(nlp) -> None:
    assert types_at(candidates(nlp, "The coup toppled the elected president."), "coup") == {"ASSAULT"}
    doc = candidates(nlp, "Militiamen were accused of the intimidation of voters in the capital.")
    assert types_at(doc, "intimidation") == {"THREATEN"}


def test_learned_verbal_triggers(nlp) -> None:
    doc = candidates(nlp, "Armed men tried to intimidate election officials in the northern province.")
    assert types_at(doc, "intimidate") == {"THREATEN"}
    assert types_at(candidates(nlp, "Agents poisoned the dissident in Berlin."), "poisoned") == {"ASSAULT"}


def test_instructing_an_official_is_a_request(nlp) -> None:
    doc = candidates(nlp, "The president instructed the finance ministry to review the tax law.")
    assert types_at(doc, "instructed") == {"REQUEST"}


def test_an_insurgency_is_an_assault(nlp) -> None:
    doc = candidates(nlp, "An insurgency broke out in the northern hills in 2012.")
    assert types_at(doc, "insurgency") == {"ASSAULT"}


def test_easing_restrictions_is_a_concession(nlp) -> None:
    doc = candidates(nlp, "The government lifted the curfew in the capital on Sunday.")
    assert types_at(doc, "lifted") == {"CONCEDE"}
    doc = candidates(nlp, "Authorities relaxed restrictions on public gatherings in Hanoi.")
    assert types_at(doc, "relaxed") == {"CONCEDE"}


def test_a_cyber_attack_is_coercion_not_an_assault(nlp) -> None:
    doc = candidates(nlp, "A cyber attack on the electoral commission disrupted the count in Kyiv.")
    assert types_at(doc, "attack") == {"COERCE"}


def test_downgrading_ties_is_a_sanction(nlp) -> None:
    doc = candidates(nlp, "Bahrain downgraded diplomatic ties with Iran on Monday.")
    assert types_at(doc, "downgraded") == {"SANCTION"}


def test_a_conviction_is_a_sanction_and_a_prison_term_coercion(nlp) -> None:
    assert types_at(candidates(nlp, "A military court convicted the opposition leader."), "convicted") == {"SANCTION"}
    doc = candidates(nlp, "A court in Minsk sentenced the blogger to six years in prison.")
    assert types_at(doc, "sentenced") == {"COERCE"}


def test_taking_to_the_streets_is_a_protest(nlp) -> None:
    doc = candidates(nlp, "Thousands of teachers took to the streets of Lagos on Tuesday over unpaid salaries.")
    assert types_at(doc, "took") == {"PROTEST"}


@pytest.mark.parametrize("text", ["The colonel took power in a bloodless move on Sunday.",
                                  "The envoy took the street car to the ministry."])
def test_taking_without_the_streets_is_no_protest(nlp, text: str) -> None:
    assert "PROTEST" not in types_at(candidates(nlp, text), "took")


def test_a_coordinated_object_is_in_the_verbs_phrase(nlp) -> None:
    """CAMEO's "send ... medical" pattern reaches the second of two coordinated objects."""
    doc = candidates(nlp, "Norway sent two engineers and medical supplies to Gaza on Monday.")
    assert types_at(doc, "sent") == {"AID"}


def test_striking_targets_is_an_assault_and_striking_a_deal_is_not(nlp) -> None:
    doc = candidates(nlp, "Warplanes struck rebel positions near the town on Sunday.")
    assert types_at(doc, "struck") == {"ASSAULT"}
    doc = candidates(nlp, "The two parties struck a deal on Sunday after weeks of talks.")
    assert "ASSAULT" not in types_at(doc, "struck")
