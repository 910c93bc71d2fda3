"""The default view is part of the model: chosen by the training script's cross-validation, stored in the
verifier's metadata, read by every listing as its default (`events.view`, `tools/model_view.py`)."""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path

import pytest

from dateline import cli, timeline
from dateline.apiforms import EventQuery
from dateline.events import linear, verify
from dateline.events.view import FALLBACK_VIEW, stored_view, view_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from model_view import GRID, choose_view, f_beta

#: Made-up (confidence, right) pairs of ten candidates; six candidates report an event (one of them right at
#: 0.3, one never scored above 0.2). By hand, F0.5: 0.8 -> 0.714, 0.7 and 0.65 -> 0.833 (three right of three,
#: half the events), 0.6 and 0.55 -> 0.682, 0.5 -> 0.769, lower thresholds less.
PAIRS = [(0.9, True), (0.8, True), (0.7, True), (0.6, False), (0.5, True), (0.45, False), (0.4, False),
         (0.3, True), (0.25, False), (0.2, False)]


def test_the_view_is_the_lowest_threshold_near_the_best_f_half() -> None:
    chosen = choose_view(PAIRS, events=6)
    assert chosen["min_confidence"] == 0.65  # 0.7 ties it; the lower of the two keeps as much recall
    assert chosen["at_view"] == {"threshold": 0.65, "shown": 3, "right": 3, "precision": 1.0, "recall": 0.5,
                                 "f": 0.8333}
    assert [p["threshold"] for p in chosen["curve"]] == list(GRID)
    assert "F0.5" in chosen["criterion"]


def test_a_wider_slack_takes_a_lower_view_and_recall_counts_the_events_no_candidate_shows() -> None:
    assert choose_view(PAIRS, events=6, slack=0.07)["min_confidence"] == 0.5  # 0.769 is within 0.07 of 0.833
    # with many events no candidate carries, recall is low everywhere and precision weighs less: a lower view
    assert choose_view(PAIRS, events=60)["min_confidence"] < 0.65
    with pytest.raises(ValueError):
        choose_view(PAIRS, events=6, grid=())


def test_f_beta_counts_precision_twice_at_one_half() -> None:
    assert f_beta(1.0, 0.5) == pytest.approx(0.8333, abs=1e-4)
    assert f_beta(0.5, 1.0) == pytest.approx(0.5556, abs=1e-4)
    assert f_beta(0.0, 0.0) == 0.0


def test_the_default_view_is_read_from_the_verifiers_metadata(tmp_path: Path) -> None:
    """A folder whose verifier stored 0.55 shows from 0.55, not from the constant every session used before."""
    meta_path, weights_path = linear.model_files(tmp_path, verify.MODEL_NAME)
    meta_path.write_text(json.dumps({"name": verify.MODEL_NAME, "view": {"min_confidence": 0.55}}), encoding="utf-8")
    assert verify.default_view(tmp_path) == FALLBACK_VIEW  # metadata without weights: no verifier, the lexicon's view
    weights_path.write_bytes(b"")
    assert verify.default_view(tmp_path) == 0.55 != FALLBACK_VIEW
    assert verify.default_view(tmp_path / "no-model") == FALLBACK_VIEW  # no verifier: the lexicon's confidences
    meta_path.write_text(json.dumps({"name": verify.MODEL_NAME}), encoding="utf-8")
    assert stored_view(meta_path) == FALLBACK_VIEW  # a verifier trained before views were stored
    with pytest.raises(ValueError, match="no confidence"):
        view_of({"view": {"min_confidence": 3.5}})


def test_every_listing_defaults_to_the_packaged_verifiers_view() -> None:
    packaged = json.loads(linear.model_files(verify.MODEL_DIR, verify.MODEL_NAME)[0].read_text(encoding="utf-8"))
    stored = view_of(packaged)
    assert verify.DEFAULT_MIN_CONFIDENCE == (FALLBACK_VIEW if stored is None else stored)
    assert timeline.DEFAULT_MIN_CONFIDENCE == verify.DEFAULT_MIN_CONFIDENCE
    for command in (cli.extract, cli.events, cli.timeline):
        assert inspect.signature(command).parameters["min_confidence"].default == verify.DEFAULT_MIN_CONFIDENCE
    assert inspect.signature(EventQuery).parameters["min_confidence"].default == verify.DEFAULT_MIN_CONFIDENCE


def test_show_says_an_event_below_the_view_is_left_out_of_listings() -> None:
    from dateline.events.explain import explanation
    from dateline.model import Event, Evidence

    sentence = "The two ministers met in the capital on Monday."
    event = Event(id="e1", type="CONSULT", evidence=Evidence(sentence, 0, len(sentence), "met", 18, 21),
                  confidence=0.3, article_id="a1")
    assert "below the default view 0.55, left out of listings" in explanation(event, view=0.55)[0].text
    assert "below" not in explanation(event, view=0.25)[0].text
    default = explanation(event)[0].text
    assert (f"below the default view {verify.DEFAULT_MIN_CONFIDENCE}" in default) == (
        0.3 < verify.DEFAULT_MIN_CONFIDENCE)
