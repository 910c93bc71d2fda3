"""The detector's training labels: which word of an NGEC lead carries the story's type (train_event_detector)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.events.coder import find_triggers
from dateline.events.lexicon import load_lexicon
from dateline.nlp import load_model as load_spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from train_event_detector import _lead_target


def lead(text: str) -> tuple[Any, dict[int, str]]:
    """The first sentence of `text` parsed, and the lexicon's trigger types in it by token index."""
    sent = next(load_spacy()(text).sents)
    return sent, {t.token.i: t.entry.type for t in find_triggers(sent, load_lexicon())}


def target_word(text: str, story_type: str) -> str | None:
    sent, types = lead(text)
    at = _lead_target(sent, types, [(0, 0, story_type)])
    return None if at is None else sent.doc[at].text


@pytest.mark.parametrize(("text", "act"), [
    ("Officials in the capital said the garrison had pulled out of the northern valley.", "pulled"),
    ("The ministry announced on Tuesday that the two governments would pool their fishing quotas.", "pool"),
])
def test_a_lead_reported_by_a_verb_of_saying_labels_the_reported_act_not_the_saying(text: str, act: str) -> None:
    """NGEC's story label put on "said" taught the detector that verbs of saying are CONCEDE or ACCUSE."""
    assert target_word(text, "CONCEDE") == act


def test_a_saying_that_reports_no_clause_labels_nothing() -> None:
    assert target_word("The foreign ministry said so in a brief statement on its website.", "CONCEDE") is None


def test_a_lead_whose_root_is_an_act_still_labels_the_root() -> None:
    assert target_word("The garrison quietly pulled out of the northern valley overnight.", "RETREAT") == "pulled"


def test_the_lexicon_trigger_of_the_story_type_is_still_preferred() -> None:
    sent, types = lead("Officials said the two rival parties had agreed on a new constitution.")
    at = _lead_target(sent, types, [(0, 0, "AGREE")])
    assert at is not None and types.get(at) == "AGREE"
