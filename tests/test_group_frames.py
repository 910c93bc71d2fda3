"""An act told as the frame of another in one sentence (the gathering it was done at, the act it was done for, the
hearer it was told to) is another happening (`events.group_frames`, read as `occasion_of` by grouping)."""

from __future__ import annotations

import datetime as dt

from dateline.events.group import mention_cues, mentions_of
from dateline.events.same_happening import clash, pair_features
from dateline.model import Event, Evidence

DAY = dt.date(2018, 9, 19)


def _at(text: str, word: str, type_: str) -> Event:
    start = text.index(word)
    return Event(id=f"{word}@{start}", type=type_,
                 evidence=Evidence(sentence=text, start=0, end=len(text), trigger=word, trigger_start=start,
                                   trigger_end=start + len(word)))


def _pair(make_doc, text: str, first: str, second: str, type_: str) -> dict[str, float]:
    doc = make_doc(text)
    events = [_at(text, first, type_), _at(text, second, type_)]
    a, b = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    return pair_features(a, b)


def test_a_talk_at_a_summit_is_not_the_summit(make_doc) -> None:
    features = _pair(make_doc, "On Sunday the two presidents discussed the company's debts at the trade summit in "
                               "Oslo.", "discussed", "summit", "CONSULT")
    assert features["occasion_of_other"] == 1.0 and clash(features)


def test_a_testimony_is_not_the_investigation_it_was_given_to(make_doc) -> None:
    features = _pair(make_doc, "A former minister allegedly told the investigation the money had been paid to his "
                               "agents.", "told", "investigation", "ACCUSE")
    assert features["occasion_of_other"] == 1.0 and clash(features)


def test_an_act_told_by_its_purpose_is_still_one_act(make_doc) -> None:
    features = _pair(make_doc, "Thousands of students gathered on Sunday for a march through the old town.",
                     "gathered", "march", "PROTEST")
    assert features["occasion_of_other"] == 0.0


def test_the_object_of_the_act_is_still_the_act_told_twice(make_doc) -> None:
    features = _pair(make_doc, "The two presidents held talks in Oslo on Sunday.", "held", "talks", "CONSULT")
    assert features["occasion_of_other"] == 0.0
    features = _pair(make_doc, "The governor arrived on his fourth visit to the coast.", "arrived", "visit",
                     "CONSULT")
    assert features["occasion_of_other"] == 0.0


def test_an_act_dated_by_another_is_not_that_act(make_doc) -> None:
    features = _pair(make_doc, "Before the summit, the prime minister met the visiting chancellor in his office.",
                     "met", "summit", "CONSULT")
    assert features["occasion_of_other"] == 1.0 and clash(features)
    features = _pair(make_doc, "The report says the army burned the villages months before the invasion.",
                     "burned", "invasion", "ASSAULT")
    assert features["occasion_of_other"] == 1.0 and clash(features)
    features = _pair(make_doc, "Police detained dozens of students prior to the arrests of their leaders.",
                     "detained", "arrests", "COERCE")
    assert features["occasion_of_other"] == 1.0 and clash(features)
