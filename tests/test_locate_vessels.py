"""A vessel or vehicle the text places carries its place to the act done aboard or on it (issue 10, twenty-first
session, places 2). Ships, rigs, trains and buses are sites with a place on a map (`site_nouns.txt`), and "aboard"
puts a thing or act at the vessel as "at" or "in" do (`prepositions.tsv`, event-place): "a bomb aboard a train near
X killed" is an act near X. Before, neither was read, so the doer's place stopped at the vessel and the act was left
unplaced. Sentences written for this test."""

from __future__ import annotations

from stage_run import event_at, extracted

BOMB_ON_TRAIN = "A bomb aboard a train near Moscow killed six policemen on Monday."
BLAST_ON_TANKER = "An explosion aboard a tanker in the Gulf of Aden wounded two sailors on Monday."
NO_PLACE = "A bomb aboard a train killed six policemen on Monday."


def test_an_act_by_a_thing_aboard_a_placed_train_is_placed_there(nlp) -> None:
    location = event_at(extracted(nlp, BOMB_ON_TRAIN), "killed").location
    assert location is not None and location.name == "Moscow"
    assert "aboard a train near Moscow" in location.basis


def test_an_act_by_a_blast_aboard_a_placed_tanker_takes_the_tanker_s_place(nlp) -> None:
    location = event_at(extracted(nlp, BLAST_ON_TANKER), "wounded").location
    assert location is not None and location.name == "Gulf of Aden"


def test_a_vessel_with_no_place_gives_none(nlp) -> None:
    assert event_at(extracted(nlp, NO_PLACE), "killed").location is None
