"""A state named as the object of a generic agent's act is its counterpart, never its country ("Foreign Minister
Ana Ruiz criticised Japan" is no Japanese minister), unless the verb is done for one's own state ("represented").

Each test is a sentence written for it, run through the real places and actors stages.
"""

from __future__ import annotations

from stage_run import actor


def test_the_state_criticised_does_not_place_the_minister(staged) -> None:
    doc = staged("Trade talks stalled on Monday. Foreign Minister Ana Ruiz criticised Japan for its new tariffs.")
    assert actor(doc, "Foreign Minister Ana Ruiz").country != "JPN"


def test_another_country_of_the_sentence_still_places_her(staged) -> None:
    doc = staged("Foreign Minister Ana Ruiz criticised Japan for cutting flights to Peru.")
    assert actor(doc, "Foreign Minister Ana Ruiz").country == "PER"


def test_the_state_named_in_the_sentence_before_does_not_place_him_either(staged) -> None:
    doc = staged("Relations with Japan worsened. The foreign minister criticised Japan on Monday.")
    assert actor(doc, "The foreign minister").country != "JPN"


def test_the_main_country_does_not_stand_in_when_it_is_the_counterpart(staged) -> None:
    doc = staged("Tokyo was quiet. Ships waited in Osaka. The envoy warned Japan on Monday.")
    assert actor(doc, "The envoy").country != "JPN"


def test_a_state_the_agent_serves_still_places_him(staged) -> None:
    doc = staged("Tokyo was quiet. The prime minister represented Japan at the summit.")
    assert actor(doc, "The prime minister").country == "JPN"


def test_a_state_owning_the_object_still_places_the_agent(staged) -> None:
    doc = staged("Tokyo was quiet. Police arrested Japan's best known dissident on Monday.")
    assert actor(doc, "Police").country == "JPN"


def test_the_states_criticised_along_with_it_do_not_place_her_either(staged) -> None:
    doc = staged("Foreign Minister Ana Ruiz criticised Japan, along with Chile, Bolivia and Ecuador, for cutting "
                 "flights to Peru.")
    assert actor(doc, "Foreign Minister Ana Ruiz").country == "PER"


def test_a_town_the_act_is_done_to_still_places_the_agents(staged) -> None:
    doc = staged("Fighting went on in the east. Rebels shelled Mosul overnight.")
    assert actor(doc, "Rebels").country == "IRQ"
