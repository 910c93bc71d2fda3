"""An act named as the landmark of a time (events.time_landmarks via events.argument_senses and
events.frame.not_an_act): "on the anniversary of the invasion" dates what the sentence tells, it tells no invasion.
Candidates are read with the verifier and detector off, so each test shows the rule. Every sentence is written for
these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Veterans gathered in the capital on the tenth anniversary of the invasion of the island.", "invasion"),
    ("Two ministers were reshuffled in the run-up to an invasion that never came.", "invasion"),
    ("Prices rose sharply in the immediate aftermath of the bombing of the port.", "bombing"),
])
def test_an_act_named_as_a_time_is_no_happening(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Troops began the invasion of the island on Monday.", "invasion", "ASSAULT"),
    ("The report blamed the bombing of the port on the rebels.", "bombing", "ASSAULT"),
    ("On the anniversary of the coup, thousands of students protested outside parliament.", "protested", "PROTEST"),
])
def test_an_act_told_in_its_own_right_stays(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)
