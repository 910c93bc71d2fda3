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
    second = _article(f"{trainer.HELD_OUT}-2", True)
    assert trainer.fit([*seen, contrary, second]) == trainer.fit(seen)
    figures = trainer.held_out([*seen, contrary, second], threshold=0.5)
    assert set(figures) == {trainer.HELD_OUT, f"{trainer.HELD_OUT}-2"}  # each sample apart
    assert figures[trainer.HELD_OUT]["all"]["links"] == 0  # only its own labels are counted: it links nothing
    assert figures[f"{trainer.HELD_OUT}-2"]["all"]["links"] == 1
    assert set(figures[trainer.HELD_OUT]) == {"all", "shown"}


def test_weights_keep_the_direction_fixed_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_same_happening as trainer

    # labels where sharing the trigger word goes with being apart: a free fit would weigh it against a join
    x = [[1.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
    y = [0.0, 0.0, 1.0, 1.0, 1.0, 0.0]
    weights, _ = trainer._bounded_logistic(x, y, [(0.0, None), (None, None)])
    assert weights[0] >= 0.0 and weights[1] > 0.0
    free, _ = trainer._bounded_logistic(x, y, [(None, None), (None, None)])
    assert free[0] < 0.0


def test_one_word_said_twice_on_one_gold_mention_is_not_labelled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_same_happening as trainer

    text = "Britain expelled diplomats, and Russia expelled diplomats in return. London imposed sanctions."
    gold = [{"sentence": text[:text.index(" London")], "trigger": "expelled", "type": "SANCTION", "same_as": None},
            {"sentence": "London imposed sanctions.", "trigger": "imposed sanctions", "type": "SANCTION",
             "same_as": None}]

    def mention(word: str, nth: int = 0) -> Event:
        at = text.index(word)
        for _ in range(nth):
            at = text.index(word, at + 1)
        return Event(id=f"e{at}", type="SANCTION", evidence=Evidence(sentence=text, start=0, end=len(text),
                                                                   trigger=word, trigger_start=at))

    events = [mention("expelled"), mention("expelled", 1), mention("imposed"), mention("sanctions")]
    labels = trainer.gold_labels({"text": text, "events": events}, gold)
    assert (0, 1) not in labels  # the coder coded one of the two "expelled": the gold says nothing of the other
    assert labels[(2, 3)] is True  # both words of one gold trigger
    assert labels[(0, 2)] is False


def test_the_draw_offers_only_pairs_a_grouping_could_get_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_same_happening_draw as draw

    def event(at: int, sentence: int, trigger: str, confidence: float) -> Event:
        return Event(id=f"e{at}", type="ACCUSE", confidence=confidence,
                     evidence=Evidence(sentence=f"s{sentence}", start=sentence, end=sentence + 50, trigger=trigger,
                                       trigger_start=at))

    hearing, later_hearing = event(10, 0, "hearing", 0.1), event(400, 300, "hearings", 0.1)
    faint_blame, sure_blame, sure_charge = event(500, 450, "blamed", 0.1), event(600, 550, "accused", 0.6), \
        event(700, 650, "charged", 0.5)
    assert draw.worth_labelling(hearing, later_hearing)  # the same word's first four letters
    assert draw.worth_labelling(event(20, 0, "criticised", 0.1), hearing)  # one sentence
    assert draw.worth_labelling(sure_blame, sure_charge)  # both confident enough to be shown
    assert not draw.worth_labelling(faint_blame, sure_charge)  # nothing shared, one of them faint
    already = draw.excluded_articles([])
    assert "H1N1_guardian-636" in already  # articles already labelled are never drawn again


def test_a_mention_of_a_sentence_telling_two_happenings_by_one_word_is_not_labelled_with_either(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import train_same_happening as trainer

    both = "Envoys were expelled by both Britain and Russia."
    retold = "The quarrel set off expulsions from London and retaliatory expulsions from Moscow."
    text = f"{both} {retold} Paris imposed sanctions."
    gold = [{"sentence": both, "trigger": "expelled", "type": "SANCTION", "same_as": None},
            {"sentence": both, "trigger": "expelled", "type": "SANCTION", "same_as": None},
            {"sentence": retold, "trigger": "expulsions", "type": "SANCTION", "same_as": 0},
            {"sentence": retold, "trigger": "retaliatory expulsions", "type": "SANCTION", "same_as": 1},
            {"sentence": "Paris imposed sanctions.", "trigger": "imposed sanctions", "type": "SANCTION",
             "same_as": None}]

    def mention(word: str) -> Event:
        at = text.index(word)
        return Event(id=f"e{at}", type="SANCTION", evidence=Evidence(sentence=text, start=0, end=len(text),
                                                                   trigger=word, trigger_start=at))

    labels = trainer.gold_labels({"text": text, "events": [mention("expelled"), mention("expulsions"),
                                                           mention("imposed")]}, gold)
    assert (0, 1) not in labels  # either expulsion, told twice: which one each mention tells is not said
    assert labels[(0, 2)] is False and labels[(1, 2)] is False
