"""tools/typing_losses.py: where a gold event the lexicon never had is lost by the model pair."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import typing_losses as losses  # noqa: E402
from dateline.model import Event, Evidence  # noqa: E402

SENTENCE = "Gunmen stormed a village market on Friday."


def candidate(kind: str, trigger_start: int, status: str = "fact", verified: float | None = 0.6,
              probs: dict[str, float] | None = None) -> tuple:
    """A candidate as `judged_candidates` gives it: the event, its features, its probabilities, the verifier's
    event (None: rejected)."""
    evidence = Evidence(sentence=SENTENCE, start=0, end=len(SENTENCE), trigger="stormed",
                        trigger_start=trigger_start, trigger_end=trigger_start + 7)
    event = Event(id="e", type=kind, evidence=evidence, status=status)
    kept = None if verified is None else Event(id="e", type=kind, evidence=evidence, confidence=verified)
    return event, [], probs or {kind: 0.6, "NONE": 0.4}, kept


CASE = ("doc", 0, len(SENTENCE), "ASSAULT")


def test_no_candidate_in_the_sentence() -> None:
    assert losses.miss_class([candidate("ASSAULT", 100)], CASE, 0.35) == "no_candidate"


def test_candidates_of_other_types_only() -> None:
    assert losses.miss_class([candidate("COERCE", 7)], CASE, 0.35) == "other_type"


def test_a_candidate_of_the_type_read_as_hypothetical() -> None:
    assert losses.miss_class([candidate("ASSAULT", 7, status="hypothetical")], CASE, 0.35) == "modality"


def test_the_verifier_keeps_the_type_below_the_view() -> None:
    got = losses.miss_class([candidate("ASSAULT", 7, verified=0.2)], CASE, 0.35)
    assert got == "below_view"


def test_the_verifier_rejects_the_candidate() -> None:
    assert losses.miss_class([candidate("ASSAULT", 7, verified=None)], CASE, 0.35) == "rejected"
