"""A letting or stopping done by a thing (events.thing_doers, read by events.frame): a vote, a rule, the weather or
a clause of result makes something possible, so no party concedes. Candidates are read with the verifier and
detector off, so each test shows the rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.events.thing_doers import LETTING_VERBS, thing_lets
from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("The approval of the budget allows the mayor to hire forty teachers.", "allows"),
    ("The new rules permit foreign banks to open branches in the capital.", "permit"),
    ("The repaired pipeline reached the depot on Tuesday, allowing crews to restart the pumps.", "allowing"),
    ("A second runway enabled the airline to double its flights to the island.", "enabled"),
])
def test_a_thing_that_lets_is_no_concession(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger"), [
    ("The authorities allowed the stranded passengers to leave the ship on Monday.", "allowed"),
    ("The junta permitted the opposition leader to hold a rally in the capital.", "permitted"),
    ("The court allowed the journalists to attend the hearing.", "allowed"),
    ("The ministry's decision allows the refugees to work legally.", "allows"),
])
def test_a_party_that_lets_still_concedes(nlp, text: str, trigger: str) -> None:
    assert "CONCEDE" in types_at(candidates(nlp, text), trigger)


#: The parties of the sentences below, as the actors stage would find them.
PARTIES = frozenset({"police", "junta", "army"})


@pytest.mark.parametrize(("text", "why"), [
    ("Police kept preventing protesters from reaching the square on Monday.", None),
    ("The junta has lifted the ban and is allowing opposition rallies in the capital.", None),
    ("The army began allowing journalists into the city on Tuesday.", None),
    ("The repaired pipeline reached the depot, thus allowing crews to restart the pumps.", "result"),
])
def test_only_a_participle_set_off_by_a_comma_is_a_result(nlp, text: str, why: str | None) -> None:
    """A participle a verb takes as complement, or a conjunct with no comma, is the subject's own act."""
    found = [thing_lets(t, lambda noun: noun.lower_ in PARTIES) for t in nlp(text)
             if t.tag_ == "VBG" and t.lemma_.lower() in LETTING_VERBS]
    assert [reason.split(":")[0] if reason else None for reason in found] == [why]

