"""Two nouns naming occurrences of different kinds by their own modifiers are two happenings
(`events.occurrences`, read by `events.group_cues` and `events.same_happening`)."""

from __future__ import annotations

from dateline.events.group import cluster, mention_cues, mentions_of, sentence_ordinals
from dateline.events.occurrences import kinds_differ
from dateline.events.same_happening import clash, pair_features
from mention_pairs import DAY, mention_at, mention_pair


def test_a_definite_noun_of_another_kind_does_not_point_back(make_doc) -> None:
    text = ("Two soldiers died in a grenade attack on a checkpoint near Tikrit on Monday. "
            "The pipeline attack happened further north, near Baiji, the army said.")
    events, cues, features = mention_pair(make_doc, text, "attack", "attack", "ASSAULT")
    assert (cues[0].kinds, cues[1].kinds) == (frozenset({"grenade"}), frozenset({"pipeline"}))
    assert features["other_kind"] == 1.0 and clash(features)
    assert [members for members, _ in cluster(events, cues, DAY)] == [[0], [1]]


def test_a_shared_kind_or_a_bare_noun_leaves_the_pair_to_the_model(make_doc) -> None:
    shared = "A car bomb attack hit the market in Hilla on Monday. The bomb attack killed nine people."
    _, cues, features = mention_pair(make_doc, shared, "attack", "attack", "ASSAULT")
    assert cues[0].kinds & cues[1].kinds and features["other_kind"] == 0.0
    bare = "A grenade attack hit the market in Hilla on Monday. The attack killed nine people."
    _, cues, features = mention_pair(make_doc, bare, "attack", "attack", "ASSAULT")
    assert not cues[1].kinds and features["other_kind"] == 0.0


def test_a_kind_named_in_the_other_phrase_is_no_other_kind() -> None:
    # "a mortar attack in Samarra" and "the Samarra attack": the town the second names is in the first one's phrase
    assert not kinds_differ(frozenset({"mortar"}), frozenset({"samarra"}), frozenset({"mortar", "samarra"}),
                            frozenset({"samarra"}))
    assert kinds_differ(frozenset({"mortar"}), frozenset({"oilfield"}), frozenset({"mortar", "samarra"}),
                        frozenset({"oilfield"}))


def test_a_body_named_by_name_is_no_kind(make_doc) -> None:
    # "a committee hearing" and "the Senate hearing" are one hearing: a name says who held it, which parties compare
    text = ("Senators questioned the general at a committee hearing on Tuesday. "
            "The Senate hearing lasted four hours, aides said.")
    doc = make_doc(text)
    events = [mention_at(text, "hearing", "ACCUSE"), mention_at(text, "hearing", "ACCUSE", last=True)]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    a, b = mentions_of(events, cues, DAY)
    assert cues[0].kinds == frozenset({"committee"}) and not cues[1].kinds
    assert pair_features(a, b)["other_kind"] == 0.0
