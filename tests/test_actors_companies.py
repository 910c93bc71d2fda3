"""A company's home places no state's agent (`nearby.not_companies`): "BP" names Britain, but the Interior Secretary
quoted beside it in a story about an American coast is no British official. Sentences written for the tests, run
through the real places and actors stages."""

from __future__ import annotations

from stage_run import actor


def test_a_company_named_nearby_does_not_place_an_official(staged) -> None:
    doc = staged("Oil from the spill reached the coast of Louisiana on Saturday. BP said the leak was slowing. "
                 "Interior Secretary Ken Salazar warned that it could take months to stop it.", "2010-06-01")
    assert actor(doc, "Interior Secretary Ken Salazar").country == "USA"


def test_a_state_named_nearby_still_places_the_official(staged) -> None:
    doc = staged("Oil from the spill reached the coast of Louisiana on Saturday. Britain said the leak was slowing. "
                 "The interior minister warned that it could take months to stop it.", "2010-06-01")
    assert actor(doc, "The interior minister").country == "GBR"
