"""A protest's message is the protest (PLOVER: the topic of a protest is not coded as a separate event): the demand,
support or criticism a demonstration voices in a clause of its own is no second event beside it, while a demand
told as the main act, an act on the protest and the acts that moved it stay events. Sentences written for these
tests."""

from __future__ import annotations

from typing import Any

from dateline.events.protest_topics import topic_protest
from stage_run import candidates


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def _protest_of(nlp, text: str, topic: str, protest: str, acts: tuple[str, ...] = ()) -> Any:
    doc = nlp(text)
    acts_at = frozenset(_token(doc, w).i for w in acts)
    found = topic_protest(_token(doc, topic), frozenset({_token(doc, protest).i}), acts_at)
    return None if found is None else found.text


def test_a_purpose_infinitive_of_a_march_is_its_topic(nlp) -> None:
    text = "Thousands of students marched through the capital on Monday to demand the release of their teachers."
    assert _protest_of(nlp, text, "demand", "marched") == "marched"


def test_a_clause_on_a_noun_of_protest_is_its_topic(nlp) -> None:
    text = "Farmers joined a noisy demonstration outside parliament asking for lower fuel prices."
    assert _protest_of(nlp, text, "asking", "demonstration") == "demonstration"


def test_support_told_by_in_support_of_is_the_protests_aim(nlp) -> None:
    text = "Dockworkers rallied in the port city in support of the striking miners."
    assert _protest_of(nlp, text, "support", "rallied") == "rallied"


def test_a_protest_against_an_accusation_keeps_the_accusation(nlp) -> None:
    text = "Students protested against the accusations made by the ministry."
    assert _protest_of(nlp, text, "accusations", "protested") is None


def test_an_act_on_the_protest_makes_its_own_demand(nlp) -> None:
    text = "The mayor condemned the protest on Sunday, demanding an inquiry into the damage."
    assert _protest_of(nlp, text, "demanding", "protest", acts=("condemned",)) is None


def test_a_conjunct_of_a_purpose_clause_is_the_protests_topic_too(nlp) -> None:
    text = "Workers demonstrated in the square to show their anger and criticize the managers."
    assert _protest_of(nlp, text, "criticize", "demonstrated") == "demonstrated"


def test_a_relative_clause_with_the_protest_as_object_is_another_act(nlp) -> None:
    text = "It was the rally that the governor criticised most sharply."
    assert _protest_of(nlp, text, "criticised", "rally") is None


def test_the_coder_shows_one_event_for_a_march_and_its_demand(nlp) -> None:
    text = "Thousands of students marched through Nairobi on Monday to demand the release of their teachers."
    doc = candidates(nlp, text)
    shown = [(m.trigger, e.type) for e in doc.events for m in e.mentions]
    assert ("marched", "PROTEST") in shown
    assert not any(trigger == "demand" for trigger, _ in shown)


def test_a_demand_told_as_the_main_act_stays_an_event(nlp) -> None:
    doc = candidates(nlp, "Protesters in Nairobi demanded the resignation of the governor on Friday.")
    assert any(e.type == "REQUEST" and e.evidence.trigger == "demanded" for e in doc.events)
