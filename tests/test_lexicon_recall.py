"""Candidates the lexicon used to miss, by class: a "needs" word that opens the clause after the verb, a noun
trigger governed by a support verb of its own ("staged a strike"), and the entries learned from RAMS and
WikiEvents triggers (`tools/mine_triggers.py --propose`)."""

from __future__ import annotations

import pytest

from stage_run import candidates, types_at

#: A candidate the lexicon must find: (the class it stands for, sentence, trigger, its only type).
FOUND = [
    ("a strike staged is a protest", "Port workers staged a strike in Durban on Monday.", "strike", "PROTEST"),
    ("a strike organised is a protest",
     "The teachers' union organised a strike that closed schools across the province.", "strike", "PROTEST"),
    ("learned noun: coup", "The coup toppled the elected president.", "coup", "ASSAULT"),
    ("learned noun: intimidation", "Militiamen were accused of the intimidation of voters in the capital.",
     "intimidation", "THREATEN"),
    ("learned verb: intimidate", "Armed men tried to intimidate election officials in the northern province.",
     "intimidate", "THREATEN"),
    ("learned verb: poison", "Agents poisoned the dissident in Berlin.", "poisoned", "ASSAULT"),
    ("instructing an official is a request", "The president instructed the finance ministry to review the tax law.",
     "instructed", "REQUEST"),
    ("an insurgency is an assault", "An insurgency broke out in the northern hills in 2012.", "insurgency", "ASSAULT"),
    ("lifting a curfew is a concession", "The government lifted the curfew in the capital on Sunday.", "lifted",
     "CONCEDE"),
    ("relaxing restrictions is a concession", "Authorities relaxed restrictions on public gatherings in Hanoi.",
     "relaxed", "CONCEDE"),
    ("a cyber attack is coercion, not an assault",
     "A cyber attack on the electoral commission disrupted the count in Kyiv.", "attack", "COERCE"),
    ("downgrading ties is a sanction", "Bahrain downgraded diplomatic ties with Iran on Monday.", "downgraded",
     "SANCTION"),
    ("a conviction is a sanction", "A military court convicted the opposition leader.", "convicted", "SANCTION"),
    ("a prison term is coercion", "A court in Minsk sentenced the blogger to six years in prison.", "sentenced",
     "COERCE"),
    ("taking to the streets is a protest",
     "Thousands of teachers took to the streets of Lagos on Tuesday over unpaid salaries.", "took", "PROTEST"),
    ("a coordinated object is in the verb's phrase (CAMEO's send ... medical)",
     "Norway sent two engineers and medical supplies to Gaza on Monday.", "sent", "AID"),
    ("striking targets is an assault", "Warplanes struck rebel positions near the town on Sunday.", "struck",
     "ASSAULT"),
]

#: A reading the lexicon must not give: (the class, sentence, trigger, the type it must not have).
NOT_FOUND = [
    ("calling without 'for' is no request", "The minister called his counterpart a liar.", "called", "REQUEST"),
    ("a strike alone is no protest", "The strike destroyed a bridge near the town on Friday.", "strike", "PROTEST"),
    ("taking power is no protest", "The colonel took power in a bloodless move on Sunday.", "took", "PROTEST"),
    ("taking the street car is no protest", "The envoy took the street car to the ministry.", "took", "PROTEST"),
    ("striking a deal is no assault", "The two parties struck a deal on Sunday after weeks of talks.", "struck",
     "ASSAULT"),
]


@pytest.mark.parametrize("text, trigger, type_", [pytest.param(*row[1:], id=row[0]) for row in FOUND])
def test_the_lexicon_finds_the_candidate_of_its_class(nlp, text: str, trigger: str, type_: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == {type_}


@pytest.mark.parametrize("text, trigger, type_", [pytest.param(*row[1:], id=row[0]) for row in NOT_FOUND])
def test_the_lexicon_does_not_give_the_reading(nlp, text: str, trigger: str, type_: str) -> None:
    assert type_ not in types_at(candidates(nlp, text), trigger)


def test_call_for_someone_to_act_is_a_request(nlp) -> None:
    doc = candidates(nlp, "Opposition leaders called for the governor to resign over the scandal.")
    assert "REQUEST" in types_at(doc, "called")
    assert "REQUEST" in types_at(candidates(nlp, "Farmers called for lower fuel prices."), "called")
