"""Event location through the parse (issue 10, ninth session): the town an occasion was aimed at is where an act told
in it happened; a place that modifies a noun after "of" is that thing's, not the act's."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_an_act_told_during_an_attack_on_a_town_is_placed_there(nlp) -> None:
    ambush = event_at(extracted(nlp, "Her convoy drove into an ambush during the attack on Ramadi last September."),
                      "ambush")
    assert ambush.location is not None and ambush.location.name and "Ramadi" in ambush.location.name
    assert "the occasion of 'ambush'" in ambush.location.basis


def test_an_attack_on_a_capital_is_no_place_of_the_acts_told_in_it(nlp) -> None:
    arrested = event_at(extracted(nlp, "Police arrested ten men during the air strikes on Damascus."), "arrested")
    assert arrested.location is None  # a capital aimed at stands for its state, a party ("sanctions on Damascus")


def test_a_place_modifying_a_person_after_of_does_not_place_the_act(nlp) -> None:
    charged = event_at(extracted(nlp, "Two men were charged in the death of a Chicago teen on Monday."), "charged")
    assert charged.location is None


def test_a_place_naming_a_kind_of_place_after_of_still_places_the_act(nlp) -> None:
    arrested = event_at(extracted(nlp, "Police arrested ten men in the centre of the Kano region on Monday."),
                        "arrested")
    assert arrested.location is not None and arrested.location.name == "Kano"


def test_an_act_after_a_way_there_is_placed_at_its_end(nlp) -> None:
    attacked = event_at(extracted(nlp, "Rebels moved into Homs and attacked an army post on Monday."), "attacked")
    assert attacked.location is not None and attacked.location.name == "Homs"
    assert "where the way ended" in attacked.location.basis


def test_an_act_before_the_way_is_not_placed_at_its_end(nlp) -> None:
    abducted = event_at(extracted(nlp, "Gunmen abducted the engineer and drove to Abuja with him on Monday."),
                        "abducted")
    assert abducted.location is None
