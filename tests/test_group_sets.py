"""A member or part of a set is not the set told again, and a manner noun is no occurrence to retell
(`events.group_sets`, read by `events.group_cues` and `events.same_happening`)."""

from __future__ import annotations

from dateline.events.group import cluster, mention_cues, sentence_ordinals
from dateline.events.same_happening import clash
from mention_pairs import DAY, mention_at, mention_pair


def test_a_part_of_a_known_set_is_not_a_set_told_elsewhere(make_doc) -> None:
    text = ("The governor recalled the market attacks of 2019. "
            "He blamed one militia for many of the attacks in the north.")
    _, cues, features = mention_pair(make_doc, text, "attacks", "attacks", "ASSAULT")
    assert (cues[0].member, cues[1].member) == (False, True)
    assert features["member_of_other"] == 1.0 and clash(features)


def test_a_counted_noun_with_no_known_set_is_no_part(make_doc) -> None:
    text = "Dozens of protests broke out on Friday. The protests spread to the port by evening."
    _, cues, features = mention_pair(make_doc, text, "protests", "protests", "PROTEST")
    assert not cues[0].member and features["member_of_other"] == 0.0


def test_an_example_of_a_noun_is_neither_tied_to_it_nor_joined_with_it(make_doc) -> None:
    text = "The company faces several investigations, including a bribery inquiry by prosecutors in Lagos."
    events, cues, features = mention_pair(make_doc, text, "investigations", "inquiry", "ACCUSE")
    assert cues[0].token not in cues[1].chain
    assert features["tied"] == 0.0
    assert [members for members, _ in cluster(events, cues, DAY)] == [[0], [1]]


def test_a_part_of_a_set_may_still_be_told_by_a_singular_noun_or_a_verb(make_doc) -> None:
    # "the bombing" or "bombed" may be one of "many of the bombings": no veto, the model decides
    text = "Officials blamed the group for many of the bombings in the north. The bombing killed nine people."
    _, cues, features = mention_pair(make_doc, text, "bombings", "bombing", "ASSAULT")
    assert cues[0].member and not cues[1].member
    assert features["member_of_other"] == 0.0


def test_an_example_that_names_a_known_act_is_no_part(make_doc) -> None:
    text = ("The ministers opened an advisory meeting on Monday. "
            "Events such as the advisory meetings will go on all year.")
    _, cues, features = mention_pair(make_doc, text, "meeting", "meetings", "CONSULT")
    assert not cues[1].member and features["member_of_other"] == 0.0


def test_a_manner_noun_is_no_occurrence_a_later_noun_retells(make_doc) -> None:
    text = ("A teacher set himself alight in protest at the closure of his school. "
            "The protests have spread to three provinces since then.")
    _, cues, features = mention_pair(make_doc, text, "protest", "protests", "PROTEST")
    assert cues[0].manner is not None and cues[1].manner is None
    assert features["manner_of_act"] == 1.0 and clash(features)


def test_a_determined_noun_after_in_is_no_manner_noun(make_doc) -> None:
    text = "Students took part in the protest outside parliament. The protest ended peacefully at dusk."
    _, cues, features = mention_pair(make_doc, text, "protest", "protest", "PROTEST")
    assert cues[0].manner is None and features["manner_of_act"] == 0.0


def test_a_similar_act_is_another_occurrence(make_doc) -> None:
    text = ("The strikes in the capital closed the ports. "
            "The strikes inspired similar strikes in two other cities.")
    _, _, features = mention_pair(make_doc, text, "strikes", "strikes", "PROTEST")
    assert features["other_occurrence"] == 1.0 and clash(features)


def test_a_manner_noun_on_an_act_of_its_type_joins_that_act(make_doc) -> None:
    # "took to the streets in protest": the noun says what "took" already tells
    text = "Thousands took to the streets in protest of the fuel tax on Sunday."
    doc = make_doc(text)
    events = [mention_at(text, "took", "PROTEST"), mention_at(text, "protest", "PROTEST")]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    assert cues[1].manner == cues[0].token
    assert [members for members, _ in cluster(events, cues, DAY)] == [[0, 1]]


def test_a_manner_noun_joins_the_act_it_qualifies_not_the_wave_its_sentence_names(make_doc) -> None:
    text = ("The riots that shook the region began after a farmer set himself alight in protest at the seizure "
            "of his land.")
    doc = make_doc(text)
    events = [mention_at(text, word, "PROTEST") for word in ("riots", "set", "protest")]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    assert cues[2].manner == cues[1].token
    assert [members for members, _ in cluster(events, cues, DAY)] == [[0], [1, 2]]


def test_a_superscript_is_no_quantity_that_picks_out_part_of_a_set(make_doc) -> None:
    # "²" passes `str.isdigit`; as no number it counts nothing, so the noun after "of" names no part of a set
    text = ("The governor recalled the market attacks of 2019. "
            "He blamed one militia for ² of the attacks in the north.")
    _, cues, features = mention_pair(make_doc, text, "attacks", "attacks", "ASSAULT")
    assert not cues[1].member and features["member_of_other"] == 0.0
