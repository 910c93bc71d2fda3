"""Roles a passive or an act noun gives a party the parser placed as the other one: a passive infinitive takes
the subject it inherits as the one it is done to ("X is to be released", "with X expected to be criticised",
`parties_participles.passive_inheritor`); the named "of" object of a noun whose "of" phrase does the act is its
actor ("the resignation of X", `doer_of_nouns`), of any other act noun its recipient ("the release of X"); a
country named alone before a protest noun is its people, who protest at their own government ("the Zambian
protests", `targets.own_government`). Sentences written for these tests, run through every stage with the
lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_a_passive_infinitive_is_done_to_the_subject_it_inherits(nlp) -> None:
    doc = candidates(nlp, "The Zambian opposition leader is to be released on Monday, officials said.")
    event = event_at(doc, "released")
    assert countries(event.recipients) == ["ZMB"]
    assert "ZMB" not in countries(event.actors)


def test_a_raised_subject_of_a_passive_is_its_recipient(nlp) -> None:
    doc = candidates(nlp, "The audit comes out next week, with the Kenyan president likely to be blamed.")
    event = event_at(doc, "blamed")
    assert countries(event.recipients) == ["KEN"]
    assert countries(event.actors) == []


def test_an_active_infinitive_keeps_the_subject_it_inherits_as_its_actor(nlp) -> None:
    doc = candidates(nlp, "The Kenyan president wants to criticise Zambia on Monday.")
    event = event_at(doc, "criticise")
    assert countries(event.actors) == ["KEN"]


def test_the_named_of_object_of_a_resignation_resigns(nlp) -> None:
    doc = candidates(nlp, "Crowds welcomed the resignation of Zambian President Frederick Chiluba on Friday.")
    event = event_at(doc, "resignation")
    assert countries(event.actors) == ["ZMB"]
    assert countries(event.recipients) == []


def test_the_named_of_object_of_an_arrest_is_arrested(nlp) -> None:
    doc = candidates(nlp, "The arrest of Zambian President Frederick Chiluba on Friday surprised many.")
    event = event_at(doc, "arrest")
    assert countries(event.recipients) == ["ZMB"]
    assert "ZMB" not in countries(event.actors)


def test_a_country_named_alone_before_a_protest_noun_protests_at_its_government(nlp) -> None:
    doc = candidates(nlp, "The Zambian protests have spread quickly this week.")
    event = event_at(doc, "protests")
    assert countries(event.actors) == ["ZMB"]
    assert countries(event.recipients) == ["ZMB"]


def test_a_country_that_protests_as_a_state_names_no_crowd(nlp) -> None:
    doc = candidates(nlp, "Zambia protested strongly on Monday.")
    assert countries(event_at(doc, "protested").recipients) == []
