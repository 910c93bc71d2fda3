"""Courtesies (events.courtesy through events.frame): thanks said to whoever is spoken to, or by the speaker to
no party, give no event; thanks between named parties stay SUPPORT. The lexicon's candidates are checked with
the learned verifier and detector off, so each test shows the rule, not a model's judgement."""

from __future__ import annotations

import pytest

from dateline.events.courtesy import courtesy
from dateline.events.frame_agent import agent_of
from stage_run import candidates


def thanks_events(nlp, text: str) -> list:
    return [e for e in candidates(nlp, text).events if e.evidence.trigger.lower().startswith("thank")]


@pytest.mark.parametrize("text", [
    "Mary Jones, Peter Smith, Sam Brown, thank you.",
    "Thank you very much, Maria, for joining us tonight.",
    "Doctor Lee, thank you so much for coming in.",
    "We should all thank God for the rain this spring.",
    "I thank you, and good night.",
])
def test_a_courtesy_gives_no_event(nlp, text: str) -> None:
    assert thanks_events(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister thanked Norway for its help with the refugee camps.",
    "I want to thank President Macron for his support, the Ukrainian leader said.",
])
def test_thanks_between_parties_stay_support(nlp, text: str) -> None:
    assert [e.type for e in thanks_events(nlp, text)] == ["SUPPORT"]


def test_what_a_courtesy_thanks_for_is_no_event(nlp) -> None:
    assert "SUPPORT" not in {e.type for e in candidates(nlp, "Thanks so much for your support, Maria.").events}


def test_courtesy_names_why(nlp) -> None:
    doc = nlp("Thanks so much, Maria.")
    thanks = doc[0]
    assert courtesy(thanks, agent_of) is not None
    minister = nlp("The minister thanked Chile for the loan.")
    assert courtesy(minister[2], agent_of) is None
