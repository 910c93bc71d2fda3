"""A generic agent's country is not read from the other party of its own act, nor from a country that only
says whose border is meant ("near the Turkish border").

Each test is a sentence written for it, run through the real places and actors stages.
"""

from __future__ import annotations

from stage_run import actor


def test_the_victims_nationality_is_not_the_attackers(staged) -> None:
    doc = staged("Violence flared again in Kabul. Masked gunmen shot dead four Belgian aid workers on Sunday.")
    assert actor(doc, "Belgian aid workers").country == "BEL"
    assert actor(doc, "gunmen").country == "AFG"


def test_the_object_of_a_preposition_is_another_party(staged) -> None:
    doc = staged("Clashes went on in Yemen. Soldiers opened fire on Ethiopian migrants at dawn.")
    assert actor(doc, "Soldiers").country == "YEM"


def test_the_party_of_a_passive_by_agent_is_another_party(staged) -> None:
    doc = staged("Security worsened in Mali. Two Dutch engineers were abducted by militants last week.")
    assert actor(doc, "militants").country == "MLI"


def test_what_an_agent_says_about_another_country_does_not_place_it(staged) -> None:
    doc = staged("Talks resumed in Lima. The ministry said it was studying the Chilean proposal.")
    assert actor(doc, "The ministry").country == "PER"


def test_a_place_of_the_act_still_places_the_agent(staged) -> None:
    doc = staged("Gunmen abducted three Belgian engineers in Niger on Sunday.")
    assert actor(doc, "Gunmen").country == "NER"


def test_a_country_named_outside_the_act_still_places_the_agent(staged) -> None:
    doc = staged("Pakistani officials said police arrested two Afghan smugglers.")
    assert actor(doc, "police").country == "PAK"


def test_a_border_does_not_place_agents_near_it(staged) -> None:
    doc = staged("Fighting spread across Iraq. Smugglers near the Iranian frontier shot a guard.")
    assert actor(doc, "Smugglers").country == "IRQ"


def test_a_country_named_beside_the_border_still_places_them(staged) -> None:
    doc = staged("In Pakistan, militants attacked a checkpoint near the Afghan border.")
    assert actor(doc, "militants").country == "PAK"


def test_a_place_in_the_other_parties_phrase_still_places_the_agent(staged) -> None:
    # only actors named there are another party's; the town where the act was done is the agent's place too
    doc = staged("Violence flared again in Pakistan. Masked gunmen shot dead four aid workers in Kandahar on Sunday.")
    assert actor(doc, "gunmen").country == "AFG"
