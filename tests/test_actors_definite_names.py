"""A definite body noun ("the opposition movement") is the body named before it only when that was named by its
name ("BP", "Boko Haram"), not a country's adjective on a common noun ("the Sudanese uprising"): the uprising of
another state is no antecedent of the movement at home (`refs._a_name`). Sentences written for the tests, run
through the real places and actors stages."""

from __future__ import annotations

from stage_run import actor


def test_another_state_s_uprising_is_no_antecedent_of_the_movement(staged) -> None:
    doc = staged("Kenyan ministers praised the Sudanese uprising on Monday. "
                 "Two opposition figures in Nairobi called for a march. "
                 "The police warned the opposition movement against holding the march.")
    assert actor(doc, "the opposition movement").country != "SDN"


def test_a_company_named_by_its_name_is_still_the_company(staged) -> None:
    doc = staged("The spill fouled beaches in Louisiana on Monday. BP said it would pay for the clean-up. "
                 "Fishermen said the oil company had acted too late.")
    assert actor(doc, "company").country == "GBR"


def test_an_adjective_read_as_a_mention_is_no_antecedent(staged) -> None:
    doc = staged("Kenyan ministers praised the Sudanese and Algerian uprisings on Monday. "
                 "Two opposition figures in Nairobi called for a march. "
                 "The police warned the opposition movement against holding the march.")
    assert actor(doc, "the opposition movement").country not in ("SDN", "DZA")
