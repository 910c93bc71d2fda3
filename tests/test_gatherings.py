"""A gathering told by one of its participants is no other gathering (`events/gatherings`, read by
`same_happening.pair_features` and `group.conflict`)."""

from __future__ import annotations

from dateline.events.gatherings import one_participant_named
from dateline.events.group import conflict
from dateline.events.same_happening import Mention, clash, pair_features
from dateline.model import Event, Evidence, Party


def _mention(type_: str, trigger: str, actors: set[str], ordinal: int) -> Mention:
    return Mention(type=type_, status="fact", mode=None, sentence=ordinal * 20, ordinal=ordinal,
                   stems=frozenset({trigger}), definite=True, nominal=True, trigger=trigger,
                   actors=frozenset(actors), recipients=frozenset(), date=None, span=None, location=None)


def test_a_summit_told_by_one_participant_does_not_clash_with_its_other_participants() -> None:
    first, second = _mention("CONSULT", "summit", {"IGO"}, 0), _mention("CONSULT", "summit", {"UKR", "USA"}, 3)
    features = pair_features(first, second)
    assert features["actors_clash"] == 0.0
    assert not clash(features)


def test_two_meetings_each_naming_two_sides_still_clash() -> None:
    first, second = _mention("CONSULT", "meet", {"USA", "RUS"}, 0), _mention("CONSULT", "meet", {"USA", "FRA"}, 3)
    features = pair_features(first, second)
    assert features["actors_clash"] == 1.0
    assert clash(features)


def test_an_agreement_read_with_one_party_on_each_side_keeps_the_veto() -> None:
    features = pair_features(_mention("AGREE", "agreement", {"RUS"}, 0), _mention("AGREE", "agreement", {"GBR"}, 3))
    assert features["actors_clash"] == 1.0
    assert clash(features)


def test_only_gathering_types_and_a_side_of_one_party() -> None:
    assert one_participant_named("CONSULT", frozenset({"FRA"}), frozenset({"USA"}))
    assert one_participant_named("CONSULT", frozenset(), frozenset({"USA", "GBR"}))
    assert not one_participant_named("CONSULT", frozenset({"FRA", "DEU"}), frozenset({"USA", "GBR"}))
    assert not one_participant_named("ASSAULT", frozenset({"FRA"}), frozenset({"USA"}))


def _event(text: str, trigger: str, actors: list[str]) -> Event:
    start = text.index(trigger)
    evidence = Evidence(sentence=text, start=0, end=len(text), trigger=trigger, trigger_start=start,
                        trigger_end=start + len(trigger))
    return Event(id=trigger, type="CONSULT", actors=[Party(name=c, country=c) for c in actors], recipients=[],
                 date=None, location=None, evidence=evidence, confidence=0.8)


def test_the_explanation_names_no_party_conflict_for_one_participant() -> None:
    first = _event("The alliance's summit opened on the river bank.", "summit", ["IGO"])
    second = _event("The French president told the summit the plan was sound.", "summit", ["FRA"])
    assert conflict(first, second) is None
    third = _event("The two leaders met in the capital.", "met", ["USA", "RUS"])
    fourth = _event("The two leaders met in the port.", "met", ["USA", "FRA"])
    assert conflict(third, fourth) == "parties RUS/USA and FRA/USA"
