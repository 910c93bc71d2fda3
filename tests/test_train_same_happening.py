"""The pair model's trainer keeps hand pairs of unseen outlets out of fitting and reports them apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.events.group import Cues
from dateline.model import Event, Evidence, Party

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2018, 9, 19)


def _mention(at: int, sentence: int, trigger: str, actor: str | None = None) -> tuple[Event, Cues]:
    actors = [Party(name=actor, country=actor)] if actor else []
    event = Event(id=f"e{at}", type="ACCUSE", actors=actors, confidence=0.6,
                  evidence=Evidence(sentence=f"sentence {at}", start=at, end=at + 10, trigger=trigger,
                                    trigger_start=at, trigger_end=at + 2))
    return event, Cues(sentence=sentence, stems=frozenset({trigger}), trigger=trigger, ordinal=sentence)


def _article(source: str, same: bool) -> dict:
    """Four mentions: two tellings of one accusation (labelled `same`) and two unrelated ones (apart)."""
    mentions = [_mention(0, 0, "accuse", "GBR"), _mention(100, 5, "accuse", "GBR"),
                _mention(200, 9, "blame"), _mention(300, 12, "condemn")]
    return {"id": source, "source": source, "date": DAY, "lead": None, "events": [e for e, _ in mentions],
            "cues": [c for _, c in mentions], "labels": {(0, 1): same, (2, 3): False, (0, 2): False}}


def test_held_out_pairs_are_never_fitted_and_are_judged_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_same_happening as trainer

    seen = [_article("events-gold/GWN", True), _article("t17-hand", True)]
    contrary = _article(trainer.HELD_OUT, False)  # labels that would pull the weights the other way
    assert trainer.fit([*seen, contrary]) == trainer.fit(seen)
    figures = trainer.held_out([*seen, contrary], threshold=0.5)
    assert figures["all"]["links"] == 0  # only the held-out article's labels are counted: it links nothing
    assert set(figures) == {"all", "shown"}
