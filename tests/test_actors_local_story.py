"""A person the dictionary does not know is placed in a story's one country when the article names fewer than two
places but its places and named bodies all lie in one country ("a US judge" and "the US"), and not when they lie in
two (`people.local_story_country`). Sentences written for the test, run through the real places and actors stages."""

from __future__ import annotations


def _person(doc, text: str):
    return next(a for a in doc.actors if a.text == text)


def test_a_story_of_one_countrys_bodies_places_its_unknown_people(staged) -> None:
    doc = staged("Prosecutors said on Monday that Dr Alan Pruitt gave the singer a fatal dose. "
                 "A US judge delayed the trial.")
    assert _person(doc, "Alan Pruitt").country == "USA"


def test_bodies_of_two_countries_place_no_unknown_person(staged) -> None:
    doc = staged("Prosecutors said on Monday that Dr Alan Pruitt gave the singer a fatal dose. "
                 "A US judge and a British court delayed the trial.")
    assert _person(doc, "Alan Pruitt").country is None


def test_a_news_outlet_of_another_country_is_no_body_of_the_story(staged) -> None:
    """The outlet that reports the story ("the BBC reported") says nothing about where its people are."""
    doc = staged("Prosecutors said on Monday that Dr Alan Pruitt gave the singer a fatal dose, the BBC reported. "
                 "A US judge delayed the trial.")
    assert _person(doc, "the BBC").country == "GBR"
    assert _person(doc, "Alan Pruitt").country == "USA"
