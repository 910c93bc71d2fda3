"""A country's name that ends a person's name is a surname ("Carol Jordan"), and its later bare mentions are that
person (`match.ends_person_name`, `people.people_named_like_places`); a person's name the dictionary does not know
takes no later mention of a country the article named on its own before it. "He" never stands for a plural people
even where its country's name was once read as a person (`resolve._agrees`). Sentences written for the test, run
through the real places and actors stages."""

from __future__ import annotations

from dateline.events.resolve import _agrees


def _mentions(doc, text: str):
    return [a for a in doc.actors if a.text == text]


def test_a_country_name_ending_a_persons_name_is_her_surname(staged) -> None:
    doc = staged("Carol Jordan quit as editor on Tuesday after a row with the owners. "
                 "Jordan said she had been treated unfairly.")
    assert any(a.text.endswith("Carol Jordan") for a in doc.actors)
    assert all(a.country != "JOR" for a in doc.actors)
    later = _mentions(doc, "Jordan")
    assert later and "Carol Jordan' at 0" in (later[0].entry or "")


def test_a_country_named_alone_first_stays_the_country(staged) -> None:
    doc = staged("Floods hit Haiti on Monday. Food came from the charity Lumiere Haiti, run by the singer. "
                 "Haiti asked for more aid.")
    last = [a for a in doc.actors if a.text == "Haiti" and a.start > doc.article.text.index("singer")]
    assert [(a.country, a.sector) for a in last] == [("HTI", "GOV")]


def test_he_is_no_plural_people_whose_country_was_read_as_a_person(staged) -> None:
    doc = staged("Reform has been slow, Abdullah said, and young Jordanians were angry. "
                 "He ordered the new cabinet to tackle corruption.")
    people = next(a for a in doc.actors if a.text == "Jordanians")
    head = next(t for t in doc.parsed if t.text == "Jordanians")
    pronoun = next(t for t in doc.parsed if t.text == "He")
    assert not _agrees(pronoun, head, people, frozenset({people.name}))
