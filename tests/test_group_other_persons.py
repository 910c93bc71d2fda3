"""One act word of two named persons is two acts (`same_happening.clash`, `other_persons`), bar a reciprocal type."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.group import mention_cues, mentions_of, sentence_ordinals
from dateline.events.party_people import UNLISTED_PERSON
from dateline.events.same_happening import clash, pair_features
from dateline.model import Party
from mention_pairs import DAY, mention_at

TEXT = ("At the club's meeting Miller asked the board to delay the vote on the new stadium. "
        "Carter then asked for a recount of the members' ballots.")


def _person(name: str) -> Party:
    return Party(name=name, country="USA", entry=UNLISTED_PERSON)


def _features(make_doc, type_: str, first: str, second: str) -> dict:
    doc = make_doc(TEXT)
    events = [replace(mention_at(TEXT, "asked", type_), actors=[_person(first)]),
              replace(mention_at(TEXT, "asked", type_, last=True), actors=[_person(second)])]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    a, b = mentions_of(events, cues, DAY)
    return pair_features(a, b)


def test_the_same_word_of_two_named_persons_of_one_country_is_two_acts(make_doc) -> None:
    features = _features(make_doc, "REQUEST", "Tom Miller", "Ann Carter")
    assert features["other_persons"] == 1.0
    assert clash(features)


def test_one_person_named_twice_is_not_kept_apart(make_doc) -> None:
    features = _features(make_doc, "REQUEST", "Tom Miller", "Mr Miller")
    assert features["other_persons"] == 0.0
    assert not clash(features)


def test_a_reciprocal_type_names_every_party_as_actor_so_its_persons_say_nothing(make_doc) -> None:
    features = _features(make_doc, "CONSULT", "Tom Miller", "Ann Carter")
    assert features["other_persons"] == 0.0
