"""A civil suit against a company that no state body brings (events.private_suits, read by events.frame): a private
dispute, no ACCUSE. Candidates are read with the verifier and detector off, so each test shows the rule. Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Shareholders sued the board of Exxon Mobil on Tuesday over its safety record.", "sued"),
    ("A Texas lawyer is leading dozens of lawsuits against Exxon Mobil over the refinery fire.", "lawsuits"),
    ("Fishermen filed a lawsuit against Exxon Mobil in a Houston court on Monday.", "lawsuit"),
])
def test_a_private_suit_against_a_company_is_no_accusation(nlp, text: str, trigger: str) -> None:
    assert "ACCUSE" not in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("The U.S. government sued Exxon Mobil on Tuesday over the refinery fire.", "sued"),
    ("The Justice Department filed a lawsuit against Exxon Mobil in a Houston court on Monday.", "lawsuit"),
    ("Fishermen filed a lawsuit against the Ministry of Fisheries on Monday.", "lawsuit"),
    ("The attorney general filed a lawsuit against Exxon Mobil on Monday.", "lawsuit"),
])
def test_a_suit_with_a_state_party_stays(nlp, text: str, trigger: str) -> None:
    assert "ACCUSE" in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Officials in Texas announced on Friday that it is suing Exxon Mobil over the refinery fire.", "suing"),
    ("Brazil may decide next month how to sue Exxon Mobil over the refinery fire.", "sue"),
    ("The lawsuit against Exxon Mobil claims the refinery fire cost fishermen a season.", "lawsuit"),
])
def test_a_suit_whose_plaintiff_is_unknown_stays(nlp, text: str, trigger: str) -> None:
    assert "ACCUSE" in types_at(candidates(nlp, text), trigger)


def test_the_charge_of_a_private_suit_is_no_accusation(nlp) -> None:
    doc = candidates(nlp, "Oyster farmers filed a lawsuit against Exxon Mobil on Monday, accusing it of carelessness.")
    assert "ACCUSE" not in types_at(doc, "accusing") | types_at(doc, "filed")
