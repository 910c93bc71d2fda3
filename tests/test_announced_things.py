"""An announcement of a thing that is no deed (events.announced_things, read by events.frame.not_an_act): "declared
a pandemic" or "announced its concerts" does no act, whatever type the detector reads in the verb. Read with the
shipped detector on (the proposals this rule drops are the detector's) and the verifier off, so each test shows the
rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.events.verify import unverified
from dateline.model import Document
from stage_run import extracted


def proposals(nlp, text: str) -> Document:
    """Every stage run with the lexicon's and the shipped detector's candidates, the verifier off."""
    with unverified():
        return extracted(nlp, text)


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("The World Food Programme declared a famine in the region on Monday.", "declared"),
    ("The Kenyan government has declared the hunt for the missing climbers over.", "declared"),
    ("The United Nations declared a cholera epidemic on Tuesday.", "declared"),
    ("The Chilean government has declared the search for the miners over.", "declared"),
])
def test_an_announced_thing_is_no_deed(nlp, text: str, trigger: str) -> None:
    assert types_at(proposals(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The army announced the release of three activists.", "announced", "RETREAT"),
    ("The cabinet declared a state of emergency in the province.", "declared", "COERCE"),
])
def test_an_announced_deed_keeps_its_type(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(proposals(nlp, text), trigger)
