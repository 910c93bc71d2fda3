"""A sentence that lists several states places no generic agent near it (`nearby._a_list_of_states`): "cases in
Ireland, Germany, Italy and Denmark" says nothing of whose "central government" the next sentence means, and the
last state named (Denmark) was the guess before; the article's main country stands in. Sentences written for the
tests, run through the real places and actors stages."""

from __future__ import annotations


def _actor(doc, text: str):
    return next(a for a in doc.actors if a.text == text)


def test_a_list_of_states_leaves_the_body_to_the_story_s_country(staged) -> None:
    doc = staged("The mayor of Manchester met doctors in Leeds and Liverpool on Monday. "
                 "Cases have been confirmed in Ireland, Germany, Italy, Spain and Denmark. "
                 "The mayor's office is in talks with the central government about its stock of tablets.")
    assert _actor(doc, "government").country == "GBR"


def test_one_state_named_before_still_places_the_body(staged) -> None:
    doc = staged("The mayor of Manchester met doctors in Leeds and Liverpool on Monday. "
                 "Cases have been confirmed in Denmark. "
                 "The health ministry said it would close schools for a week.")
    assert _actor(doc, "The health ministry").country == "DNK"


def test_a_list_that_holds_the_story_s_country_still_gives_it(staged) -> None:
    doc = staged("The mayor of Manchester met doctors in Leeds and Liverpool on Monday. "
                 "Cases have been confirmed in Ireland, Britain, Italy and Denmark. "
                 "The health ministry said it would close schools for a week.")
    assert _actor(doc, "The health ministry").country == "GBR"


def test_countries_named_apart_are_no_list(staged) -> None:
    doc = staged("A Chilean court ordered the former minister Jorge Alvarado to testify about arms sales to Peru "
                 "and Bolivia.")
    assert _actor(doc, "minister Jorge Alvarado").country == "CHL"
