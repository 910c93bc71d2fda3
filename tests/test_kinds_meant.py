"""An act noun that means its kind (events.kinds_meant via events.argument_senses and events.frame.not_an_act):
"banned all demonstrations" tells a ban, no demonstration. Candidates are read with the verifier and detector off,
so each test shows the rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("A decree of 1998 banned all demonstrations in the port city, the rights group said.", "demonstrations"),
    ("The junta passed a law to silence any criticism of the army.", "criticism"),
    ("The strike was partly inspired by similar protests that shook the capital.", "protests"),
])
def test_an_act_noun_meaning_its_kind_is_no_happening(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger"), [
    ("Similar protests broke out in the northern towns, police said.", "protests"),
    ("Students staged protests outside the ministry on Monday.", "protests"),
    ("The governor banned all 12 demonstrations planned for Friday.", "demonstrations"),
    ("The envoy condemned all the killings in the northern villages.", "killings"),
])
def test_an_act_noun_told_as_a_happening_stays(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger)
