"""An act named as a kind in a statement of the simple present (events.generic_senses via
events.frame.not_an_act): a bare plural judged by a copula, listed by "include", or said to happen as a habit.
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
    ("Sanctions are useless against such a regime, the senator said.", "Sanctions"),
    ("Attacks on aid convoys are unacceptable, the envoy said.", "Attacks"),
    ("The abuses include assaults, detentions and threats, the monitors said.", "detentions"),
    ("The abuses include assaults, detentions and threats, the monitors said.", "assaults"),
    ("Kidnappings happen regularly on the road to the border.", "Kidnappings"),
])
def test_a_bare_plural_in_a_statement_names_a_kind_not_an_act(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Attacks on aid convoys were reported near the border on Friday.", "Attacks", "ASSAULT"),
    ("The attacks on the convoy are unacceptable, the envoy said.", "attacks", "ASSAULT"),
    ("Taliban attacks are common in the south of the province.", "attacks", "ASSAULT"),
    ("Talks are under way in Geneva between the two delegations.", "Talks", "CONSULT"),
    ("Protests are planned for Friday in the capital.", "Protests", "PROTEST"),
    ("The measures include sanctions on three banks announced on Monday.", "sanctions", "SANCTION"),
])
def test_particular_acts_stay(nlp, text: str, trigger: str, kind: str) -> None:
    assert kind in types_at(candidates(nlp, text), trigger)
