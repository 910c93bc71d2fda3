"""A feeling or a substance as the doer of a verb of an act (events.doer_senses, read by events.argument_senses):
a figure, no party acts. Candidates are read with the verifier and detector off, so each test shows the rule.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger", "type_name"), [
    ("Fear has overtaken the residents of the port town.", "overtaken", "ASSAULT"),
    ("Panic seized the grain markets on Monday.", "seized", "COERCE"),
    ("The villagers spoke of a dread which has overtaken the valley since the floods.", "overtaken", "ASSAULT"),
    ("Leaking chemicals threaten the sea turtles of the bay.", "threaten", "THREATEN"),
])
def test_a_feeling_or_a_substance_does_no_act(nlp, text: str, trigger: str, type_name: str) -> None:
    assert type_name not in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger", "type_name"), [
    ("The rebels threatened the governor of the province.", "threatened", "THREATEN"),
    ("Police seized the grain trucks on Monday.", "seized", "COERCE"),
])
def test_a_party_as_the_doer_keeps_the_act(nlp, text: str, trigger: str, type_name: str) -> None:
    assert type_name in types_at(candidates(nlp, text), trigger)
