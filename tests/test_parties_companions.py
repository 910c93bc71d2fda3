"""Companions joined by a comma and "along with" to a verb's subject or direct object share its role
(`parties_companions.add_companions`); without the comma the phrase is a circumstance and adds no one. Sentences
written for these tests, run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_companions_of_the_object_are_recipients_too(nlp) -> None:
    text = "On Tuesday the Kenyan trade minister rebuked Uganda, along with Peru and Chile, over the tea tariffs."
    doc = candidates(nlp, text)
    assert countries(event_at(doc, "rebuked").recipients) == ["CHL", "PER", "UGA"]


def test_companions_of_the_subject_are_actors_too(nlp) -> None:
    doc = candidates(nlp, "Kenya, along with Uganda, condemned the attack on Monday.")
    assert countries(event_at(doc, "condemned").actors) == ["KEN", "UGA"]


def test_without_a_comma_the_phrase_adds_no_party(nlp) -> None:
    doc = candidates(nlp, "The Kenyan minister criticised Uganda along with his aides on Monday.")
    assert countries(event_at(doc, "criticised").recipients) == ["UGA"]
