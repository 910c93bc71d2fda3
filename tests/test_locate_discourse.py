"""Event location through the discourse (issue 10, ninth session): words passed between the two sides of an act the
story has just placed were said where that act happened; words of someone else, or of another time, were not."""

from __future__ import annotations

from dateline.events.story_moves import moved_away
from dateline.model import Place
from stage_run import event_at, extracted, token

ENCOUNTER = ("Police surrounded a crew of Reuters journalists in Mombasa on Tuesday. A scuffle followed. "
             "The police threatened to arrest the journalists.")


def test_a_threat_between_the_sides_of_a_placed_act_is_placed_with_it(nlp) -> None:
    threat = event_at(extracted(nlp, ENCOUNTER), "threatened")
    assert threat.location is not None and threat.location.name == "Mombasa"
    assert threat.location.basis.startswith("an exchange within an encounter")
    assert "'surrounded'" in threat.location.basis  # `dateline show` names the act that placed the encounter


def test_words_of_a_party_not_in_the_encounter_have_no_place(nlp) -> None:
    doc = extracted(nlp, "Police surrounded protesters in Mombasa on Tuesday. "
                         "The interior ministry threatened to sue a newspaper.")
    assert event_at(doc, "threatened").location is None


def test_an_encounter_told_long_before_places_no_words(nlp) -> None:
    doc = extracted(nlp, "Police surrounded a crew of Reuters journalists in Mombasa on Tuesday. A scuffle followed. "
                         "Editors protested to the governor. The governor visited the newsroom. "
                         "The police threatened to arrest the journalists.")
    assert event_at(doc, "threatened").location is None


def test_words_of_another_time_are_not_placed_at_the_encounter(nlp) -> None:
    doc = extracted(nlp, "Police surrounded a crew of Reuters journalists in Mombasa on Tuesday. "
                         "In 2015, the police threatened to arrest the journalists.")
    assert event_at(doc, "threatened").location is None


def test_an_act_placed_only_in_a_country_is_no_encounter(nlp) -> None:
    doc = extracted(nlp, "Police surrounded a crew of Reuters journalists in Kenya on Tuesday. "
                         "The police threatened to arrest the journalists.")
    assert event_at(doc, "threatened").location is None  # where in Kenya the words were said, the text does not say


def test_a_sentence_naming_a_town_outside_the_scene_takes_no_scene(nlp) -> None:
    elsewhere = event_at(extracted(nlp, "Fighting broke out in Kano on Monday. The Lagos police arrested ten men."),
                         "arrested")
    assert elsewhere.location is None
    there = event_at(extracted(nlp, "Fighting broke out in Kano on Monday. The Kano police arrested ten men."),
                     "arrested")
    assert there.location is not None and there.location.name == "Kano"


def test_words_between_the_sides_of_talks_are_not_placed_at_the_talks(nlp) -> None:
    """No government on either side (that alone would keep the words unplaced): only the talks rule does."""
    doc = extracted(nlp, "Hezbollah leaders met Hamas officials in Beirut on Tuesday. "
                         "Hezbollah urged Hamas to end the rocket fire.")
    assert event_at(doc, "urged").location is None  # they may have been said at the next meeting, or on the phone


def test_a_government_is_no_side_of_an_encounter(nlp) -> None:
    """A government is a party of every act of its state and present at none: its words are not placed at one."""
    doc = extracted(nlp, "The Syrian government bombed rebels in Douma on Monday. "
                         "The government warned the rebels to surrender.")
    assert event_at(doc, "warned").location is None


def test_a_town_of_another_country_does_not_end_a_scene_set_in_a_country(nlp) -> None:
    doc = extracted(nlp, "Soldiers from Accra arrested ten men.")
    trigger = token(doc, "arrested")
    nigeria = Place("Nigeria", 0, 0, 2328926, "Nigeria", 10.0, 8.0, "NG", None, "PCLI", 1.0, 0, 0)
    lagos = Place("Lagos", 0, 0, 2332459, "Lagos", 6.45, 3.39, "NG", "Lagos", "PPLA", 1.0, 0, 0)
    assert moved_away(doc, nigeria, trigger) is None  # a country holds the towns of many stories
    assert moved_away(doc, lagos, trigger).name == "Accra"  # a town scene ends where the sentence names another
