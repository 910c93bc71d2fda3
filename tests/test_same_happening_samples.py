"""The grouping samples' keys become the pair model's labelled pairs; the measuring samples are never fitted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.events.group import Cues
from dateline.model import Event, Evidence

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2019, 3, 4)


def _event(at: int, trigger: str) -> Event:
    return Event(id=f"e{at}", type="PROTEST", confidence=0.7,
                 evidence=Evidence(sentence=f"sentence {at}", start=at, end=at + 30, trigger=trigger,
                                   trigger_start=at, trigger_end=at + len(trigger)))


def _capture() -> list[dict]:
    """One captured article: four mentions, the way `grouping_sample.py capture` keeps them."""
    events = [_event(0, "march"), _event(100, "protest"), _event(200, "rally"), _event(300, "strike")]
    cues = [Cues(sentence=k, stems=frozenset({e.evidence.trigger}), trigger=e.evidence.trigger, ordinal=k)
            for k, e in enumerate(events)]
    return [{"id": "paper-1", "date": DAY, "events": events, "cues": cues, "lead": None}]


def _keys(happenings: dict[int, str | None]) -> list[dict]:
    return [{"article": "paper-1", "trigger_span": [at, at + length], "happening": key}
            for at, (length, key) in happenings.items()]


def test_keyed_mentions_pair_up_and_unkeyed_or_null_ones_say_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import same_happening_samples as samples

    # the march and the protest tell one happening, the rally another; the strike is keyed null (no event)
    labels = _keys({0: (5, "march_monday"), 100: (7, "march_monday"), 200: (5, "rally_tuesday"), 300: (6, None)})
    article = samples.sample_articles(1414, _capture(), labels, "t17-heldout")[0]
    assert article["labels"] == {(0, 1): True, (0, 2): False, (1, 2): False}
    assert article["source"] == "t17-grouping-1414"
    unkeyed = samples.sample_articles(1414, _capture(), labels[:1], "t17-heldout")[0]
    assert unkeyed["labels"] == {}  # one keyed mention alone makes no pair


def test_the_measuring_samples_are_held_out_of_the_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import same_happening_samples as samples
    import train_same_happening as trainer

    same = _keys({0: (5, "a"), 100: (7, "a"), 200: (5, "b"), 300: (6, "c")})
    apart = _keys({0: (5, "a"), 100: (7, "b"), 200: (5, "c"), 300: (6, "d")})
    fitted = samples.sample_articles(1515, _capture(), same, trainer.HELD_OUT)
    for seed in samples.HELD_OUT_SEEDS:
        measuring = samples.sample_articles(seed, _capture(), apart, trainer.HELD_OUT)
        assert trainer.is_held_out(measuring[0])
        assert trainer.fit([*fitted, *measuring]) == trainer.fit(fitted)
    assert not trainer.is_held_out(fitted[0])
    assert trainer.fit([*fitted, *samples.sample_articles(1616, _capture(), apart, trainer.HELD_OUT)]) != \
        trainer.fit(fitted)
