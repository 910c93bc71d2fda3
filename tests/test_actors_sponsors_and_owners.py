"""A generic agent is not placed by a country that leads or backs another party ("US-led forces killed
civilians": the civilians are not American), nor by a country that only says whose thing the act's other party
is ("gunmen fired on the US embassy"); a town or a province naming where a thing is still places it.

Each test is a sentence written for it, run through the real places and actors stages.
"""

from __future__ import annotations

from stage_run import actor


def test_the_leader_of_the_attackers_does_not_place_their_victims(staged) -> None:
    doc = staged("Fighting went on near Raqqa. US-led forces killed nine civilians in an air raid.")
    assert actor(doc, "civilians").country == "SYR"


def test_the_backer_of_the_attackers_does_not_place_their_victims(staged) -> None:
    doc = staged("Russian-backed rebels shelled villagers near the front line.")
    assert actor(doc, "villagers").country != "RUS"


def test_the_owner_of_the_attacked_thing_does_not_place_the_attackers(staged) -> None:
    doc = staged("Armed men fired on the US embassy compound in Tripoli overnight.")
    assert actor(doc, "Armed men").country == "LBY"


def test_a_province_before_a_noun_still_places_the_agent(staged) -> None:
    doc = staged("Gunmen burned a clinic in the Kivu province town of Beni.")
    assert actor(doc, "Gunmen").country == "COD"
