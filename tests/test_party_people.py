"""Two acts of one country's people are told apart by the persons named, where the country codes cannot tell
(`events.party_people`, read by `events.same_happening.pair_features`)."""

from __future__ import annotations

import datetime as dt

from dateline.events.group import Cues, cluster, mentions_of
from dateline.events.party_people import other_persons, person_key, person_keys
from dateline.events.same_happening import pair_features
from dateline.model import Event, Evidence, Party
from stage_run import event_at, extracted

DAY = dt.date(2015, 3, 2)
UNLISTED = "person not in the actor dictionary"


def _person(name: str, entry: str = UNLISTED) -> Party:
    return Party(name=name, country="CAN", sector="GOV", entry=entry)


def _body(name: str) -> Party:
    return Party(name=name, country="CAN", sector="GOV", entry="Phoenix.agents.txt: GOVERNMENT [~GOV]")


def _mention(at: int, sentence: int, trigger: str, actors: list[Party], recipients: list[Party]) -> tuple[Event, Cues]:
    event = Event(id=f"e{at}", type="ACCUSE", actors=actors, recipients=recipients, confidence=0.8,
                  evidence=Evidence(sentence=f"sentence {at}", start=at, end=at + 10, trigger=trigger,
                                    trigger_start=at, trigger_end=at + 2))
    return event, Cues(sentence=sentence, stems=frozenset({trigger[:5]}), trigger=trigger, ordinal=sentence)


def test_a_person_is_known_by_the_last_word_of_the_name() -> None:
    assert person_key(_person("Mayor Ruth Calder")) == "calder"
    assert person_key(_person("Calder")) == "calder"
    # a dictionary entry held for dated terms, and a titled name resolved through a role word, are persons too
    assert person_key(_person("Jean Tremblay", "Phoenix.Countries.actors.txt: JEAN_TREMBLAY [CANGOV >150101]")) \
        == "tremblay"
    assert person_key(_person("Ruth Calder", "coreference: 'Premier Ruth Calder'; Phoenix.agents.txt: PREMIER [~GOV]"))
    # a body, a role word standing alone and a country are not
    assert person_key(_body("provincial government")) is None
    assert person_key(_person("premier", "Phoenix.agents.txt: PREMIER [~GOV]")) is None
    country = Party(name="Canada", country="CAN", sector="GOV", entry="Phoenix.Countries.actors.txt: CANADA [CAN]")
    assert person_key(country) is None


def test_other_persons_on_both_sides_only() -> None:
    assert other_persons(frozenset({"calder"}), frozenset({"tremblay"}))
    assert not other_persons(frozenset({"calder"}), frozenset({"calder", "tremblay"}))
    assert not other_persons(frozenset({"calder"}), frozenset())  # a body or nobody on one side says nothing
    assert person_keys([_person("Ruth Calder"), Party(name="Ruth Calder")]) == frozenset({"calder"})


def test_one_countrys_persons_criticising_each_other_are_not_the_same_sides() -> None:
    # "Premier Calder criticised Mayor Tremblay ... (9 sentences) ... Tremblay criticised Calder's budget":
    # both read CAN against CAN; the persons say they are two acts
    first = _mention(0, 0, "criticised", [_person("Ruth Calder")], [_person("Jean Tremblay")])
    second = _mention(900, 9, "criticised", [_person("Jean Tremblay")], [_person("Ruth Calder")])
    a, b = mentions_of([first[0], second[0]], [first[1], second[1]], DAY)
    features = pair_features(a, b)
    assert features["same_actors"] == 0 and features["same_recipients"] == 0
    assert features["retold_between"] == 0 and features["same_parties"] == 0 and features["retold_by_actor"] == 0
    assert len(cluster([first[0], second[0]], [first[1], second[1]], DAY)) == 2


def test_one_person_retold_or_a_body_and_its_person_still_share_a_side() -> None:
    # "Calder criticised the province's government ... Premier Ruth Calder criticised the government": one act
    first = _mention(0, 0, "criticised", [_person("Calder")], [_body("provincial government")])
    second = _mention(900, 9, "criticised", [_person("Ruth Calder")], [_body("government")])
    a, b = mentions_of([first[0], second[0]], [first[1], second[1]], DAY)
    features = pair_features(a, b)
    assert features["same_actors"] == 1 and features["same_recipients"] == 1 and features["retold_between"] == 1


def test_the_actors_stage_entries_of_unlisted_persons_are_read_as_persons(nlp) -> None:
    # `person_key` reads the words the actors stage writes in an entry: a change of those words must fail here,
    # not only in the hand-made parties above (which copy them)
    event = event_at(extracted(nlp, "Marta Ibsen, a spokeswoman for the Danish Foreign Ministry, criticised Lars Holm "
                                    "on Monday."), "criticised")
    assert (person_keys(event.actors), person_keys(event.recipients)) == ({"ibsen"}, {"holm"})
