"""A verb whose political act is done to a party, done to a text instead (events.text_objects, read by
events.argument_senses): releasing a text publishes it, investigating a text with nothing said of what it tells
checks it. Candidates are read with the verifier and detector off, so each test shows the rule. Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize("text", [
    "The broadcaster released the interview with the harbour master on Friday.",
    "An interview released by the broadcaster on Friday showed the harbour master at his desk.",
    "The audit panel, which began its work in March, has released a series of interim reports.",
    "The quarterly figures were released by the port authority on Friday.",
])
def test_releasing_a_text_is_no_release(nlp, text: str) -> None:
    assert "RETREAT" not in types_at(candidates(nlp, text), "released")


def test_releasing_captives_stays_a_release(nlp) -> None:
    doc = candidates(nlp, "The militia released the kidnapped engineers on Friday.")
    assert "RETREAT" in types_at(doc, "released")


def test_investigating_a_text_is_no_investigation(nlp) -> None:
    doc = candidates(nlp, "Officials at the transport ministry are investigating the report.")
    assert "ACCUSE" not in types_at(doc, "investigating")


@pytest.mark.parametrize("text", [
    "Prosecutors are investigating reports of torture at the border camp.",
    "Prosecutors are investigating the report that guards beat the detainees.",
])
def test_investigating_what_a_report_tells_stays(nlp, text: str) -> None:
    assert "ACCUSE" in types_at(candidates(nlp, text), "investigating")
