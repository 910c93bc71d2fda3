"""tools/calibration_stages.py: the scorer's per-event judgement and the chance floor of the ECE."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import calibration_stages as stages  # noqa: E402

TEXT = "Rebels shelled the town on Monday. The shelling went on at night. Ministers met in Oslo."


def _event(kind: str, at: int, confidence: float) -> dict:
    return {"type": kind, "confidence": confidence, "evidence": {"trigger_start": at}}


def _gold() -> list[dict]:
    return [{"sentence": "Rebels shelled the town on Monday.", "type": "ASSAULT"},
            {"sentence": "The shelling went on at night.", "type": "ASSAULT", "same_as": 0},
            {"sentence": "Ministers met in Oslo.", "type": "CONSULT", "status": "future"}]


@pytest.mark.skipif(not stages.SCORER.exists(), reason="the shared scorer is not here")
def test_second_event_of_one_happening_is_wrong_and_the_surer_one_right() -> None:
    scorer = stages._scorer()
    first = _event("ASSAULT", TEXT.index("shelled"), 0.4)
    second = _event("ASSAULT", TEXT.index("shelling"), 0.7)
    # the surer event takes the happening, the other is a duplicate, wrong, though its sentence holds the gold
    assert stages.scorer_judgements([first, second], TEXT, _gold(), scorer) == [False, True]


@pytest.mark.skipif(not stages.SCORER.exists(), reason="the shared scorer is not here")
def test_wrong_type_and_unfactual_gold_are_wrong() -> None:
    scorer = stages._scorer()
    events = [_event("PROTEST", TEXT.index("shelled"), 0.5), _event("CONSULT", TEXT.index("met"), 0.9)]
    assert stages.scorer_judgements(events, TEXT, _gold(), scorer) == [False, False]


def test_chance_floor_of_ece_shrinks_with_more_events() -> None:
    few, _ = stages.null_ece([0.3, 0.6] * 20, draws=300)
    many, _ = stages.null_ece([0.3, 0.6] * 2000, draws=100)
    assert 0.03 < few < 0.2
    assert many < few / 4


def test_benchmark_groups_mentions_after_verifying_them(monkeypatch) -> None:
    """`event_sets` codes the gold articles' mentions with grouping off and groups them after the verifier, as the
    coder does: two tellings of one act become one event there."""
    import datetime as dt

    from dateline.events.group import grouping
    from dateline.events.verify import unverified
    from dateline.model import Article
    from dateline.pipeline import process

    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from event_sets import grouped_copy

    text = ("Hungary expelled two Russian diplomats on Monday.\n\n"
            "The expulsion of the two Russian diplomats by Hungary followed a spy case.")
    with unverified(), grouping.off():
        (doc,) = process([Article(id="g", date=dt.date(2024, 3, 5), text=text)])
    mentions = [e for e in doc.events if e.type == "SANCTION"]
    grouped = [e for e in grouped_copy(doc).events if e.type == "SANCTION"]
    assert len(mentions) == 2
    assert len(grouped) == 1 and len(grouped[0].mentions) == 2
