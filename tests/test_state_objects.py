"""A threat, a backing or an attack done to a state of things, not a party (events.state_objects, read by
events.argument_senses): it endangers, sustains or fights it, and no party acts on another. Candidates are read
with the verifier and detector off, so each test shows the rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger", "type_name"), [
    ("The strike at the port could threaten the stability of the whole coast.", "threaten", "THREATEN"),
    ("The minister said the bank must act to support the economy after the floods.", "support", "SUPPORT"),
    ("Farmers have been battling rumours that their grain is unsafe.", "battling", "ASSAULT"),
    ("The mill faces threats to its ability to pay its workers.", "threats", "THREATEN"),
])
def test_an_act_done_to_a_state_of_things_is_no_act(nlp, text: str, trigger: str, type_name: str) -> None:
    assert type_name not in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger", "type_name"), [
    ("The rebels threatened the governor of the province.", "threatened", "THREATEN"),
    ("The opposition party backed the governor in the vote on Monday.", "backed", "SUPPORT"),
    ("The rebels issued threats to the villagers of the valley.", "threats", "THREATEN"),
])
def test_an_act_done_to_a_party_stays(nlp, text: str, trigger: str, type_name: str) -> None:
    assert type_name in types_at(candidates(nlp, text), trigger)
