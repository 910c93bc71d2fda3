"""`tools/group_eval.py --duplicates`: which shown events repeat a happening another shown event tells, and what
keeps the two apart (the tally of duplicates by mechanism in BENCHMARKS.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.events.group import Cues
from dateline.model import Event, Evidence, Party

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2018, 9, 19)


def _mention(at: int, sentence: int, trigger: str, confidence: float, actors=(), recipients=(),
             rule: str = "") -> tuple[Event, Cues]:
    event = Event(id=f"e{at}", type="ACCUSE", actors=[Party(name=c, country=c) for c in actors],
                  recipients=[Party(name=c, country=c) for c in recipients], confidence=confidence,
                  evidence=Evidence(sentence=f"sentence {at}", start=at, end=at + 10, trigger=trigger,
                                    trigger_start=at, trigger_end=at + 2, rule=rule))
    return event, Cues(sentence=sentence, stems=frozenset({trigger[:5]}), trigger=trigger, ordinal=sentence)


def _article(*mentions: tuple[Event, Cues], gold: list[int | None]) -> dict:
    return {"id": "a", "source": "test", "date": DAY, "lead": None, "events": [e for e, _ in mentions],
            "cues": [c for _, c in mentions], "gold": gold}


@pytest.fixture
def group_eval(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import group_eval

    return group_eval


def test_a_shown_event_of_a_happening_already_shown_is_a_duplicate_of_the_surer_one(group_eval) -> None:
    # "Britain blamed Russia ... (18 sentences) ... Britain blames the Kremlin": apart, both shown, one happening;
    # a third mention below the view is no duplicate, whatever it tells
    article = _article(_mention(0, 0, "blamed", 0.9, ["GBR"], ["RUS"]),
                       _mention(900, 18, "blames", 0.7, ["GBR"]),
                       _mention(990, 19, "blaming", 0.2, ["GBR"], ["FRA"]), gold=[0, 0, 0])
    assert group_eval.shown_duplicates(article) == [([1], [0])]
    kind, p, first, second = group_eval.keeps_apart(article, [1], [0])
    assert kind == "the same word below the bar" and (first, second) == (0, 1) and p < 0.7


def test_a_second_event_of_a_sentence_telling_two_happenings_of_its_type_is_a_match_not_a_duplicate(group_eval) -> None:
    # "Each side has expelled the other's envoys": two expulsions in one sentence, read as two events; a third
    # event of that sentence repeats the surest
    first, second = _mention(0, 0, "expelled", 0.9, ["GBR"], ["RUS"]), _mention(5, 0, "expelled", 0.8, ["RUS"])
    third = _mention(9, 0, "ordered", 0.6, ["RUS"], ["GBR"])
    article = _article(first, second, third, gold=[3, 3, 3]) | {"candidates": [[3, 4], [3, 4], [3, 4]]}
    assert group_eval.shown_duplicates(article) == [([2], [0])]
    one_happening = _article(first, second, gold=[3, 3]) | {"candidates": [[3], [3]]}
    assert group_eval.shown_duplicates(one_happening) == [([1], [0])]


def test_a_mentions_gold_candidates_are_the_fact_happenings_of_its_sentence_and_type(group_eval) -> None:
    # one sentence (0-40) telling two expulsions and a hypothetical one, a threat of its own, and another sentence
    gold = [{"type": "ACCUSE", "trigger": "expelled", "same_as": None},
            {"type": "ACCUSE", "trigger": "expelled", "same_as": None},
            {"type": "ACCUSE", "trigger": "would expel", "status": "hypothetical", "same_as": None},
            {"type": "THREATEN", "trigger": "threatened", "same_as": None},
            {"type": "ACCUSE", "trigger": "expulsions", "same_as": 0}]
    spans, roots = [(0, 40), (0, 40), (0, 40), (0, 40), (50, 90)], group_eval.gold_clusters(gold)
    expelled, _ = _mention(10, 0, "expelled", 0.9)
    assert group_eval.gold_candidates(expelled, gold, spans, roots) == [0, 1]
    assert group_eval.gold_of(expelled, gold, spans, roots) == 0  # one happening, the first whose trigger holds it
    retold, _ = _mention(60, 1, "expulsions", 0.9)
    assert group_eval.gold_candidates(retold, gold, spans, roots) == [0]  # its mention's root
    elsewhere, _ = _mention(45, 0, "expelled", 0.9)
    assert group_eval.gold_candidates(elsewhere, gold, spans, roots) == [] and \
        group_eval.gold_of(elsewhere, gold, spans, roots) is None


def test_what_keeps_two_tellings_apart_is_named_by_its_mechanism(group_eval) -> None:
    accused = _mention(0, 0, "accused", 0.9, ["GBR"], ["RUS"])
    other_side = _mention(900, 18, "blames", 0.7, ["GBR"], ["FRA"])
    assert group_eval.keeps_apart(_article(accused, other_side, gold=[0, 0]), [1], [0])[0] == "a veto: recipients"
    proposal = _mention(900, 18, "said", 0.5, rule="proposed by the learned detector: 'say' reads ACCUSE")
    assert group_eval.keeps_apart(_article(accused, proposal, gold=[0, 0]), [1], [0])[0] == "a borrowed-type reading"
    surer_proposal = _mention(0, 0, "warned", 0.8, rule="proposed by the learned detector: 'warn' reads ACCUSE")
    both = _article(surer_proposal, proposal, gold=[0, 0])
    assert group_eval.keeps_apart(both, [1], [0])[0] == "a borrowed-type reading of another"
    reworded = _mention(900, 18, "condemned", 0.7)
    assert group_eval.keeps_apart(_article(accused, reworded, gold=[0, 0]), [1], [0])[0] == "other words"


def test_a_duplicate_through_a_verifier_retyping_is_counted_apart(group_eval) -> None:
    # "Britain blamed Russia ... Britain warned": "warned" re-typed ACCUSE by the verifier repeats the accusation
    accused = _mention(0, 0, "blamed", 0.9, ["GBR"], ["RUS"])
    retyped = _mention(900, 18, "warned", 0.6, rule="triggers.tsv: warn (verb); re-typed ACCUSE (P=0.7)")
    proposed = _mention(900, 18, "said", 0.6, rule="proposed by the learned detector: 'say' reads ACCUSE")
    events = [accused[0], retyped[0], proposed[0]]
    assert group_eval.through_retyping(events, [1], [0]) and group_eval.through_retyping(events, [0], [1])
    assert not group_eval.through_retyping(events, [2], [0])
    by_mechanism, retypings = group_eval.list_duplicates([_article(accused, retyped, gold=[0, 0])])
    assert by_mechanism == {"test": {"a borrowed-type reading": 1}} and retypings == {"test": 1}


def test_a_duplicate_listing_says_how_far_apart_the_two_tellings_are(group_eval) -> None:
    _, lead = _mention(0, 0, "accused", 0.9)
    _, later = _mention(900, 18, "blames", 0.7)
    _, next_one = _mention(100, 1, "blamed", 0.7)
    assert group_eval._apart(lead, later) == "18 sentences apart"
    assert group_eval._apart(lead, next_one) == "1 sentence apart"
    assert group_eval._apart(lead, lead) == "one sentence"
