"""A person the actor dictionary does not know, titled by a body written before the title (issue 9).

"BP Chairman Anders Lindqvist": the person works for the body, so the body's country (and sector, unless
the body is a bare country or people) is theirs, not the country of the places the story names. A later bare
surname the parser reads as a person is that same person. Every sentence is written for these tests.
"""

from __future__ import annotations


def code(doc, text: str) -> list[tuple[str | None, str | None]]:
    hits = [(a.country, a.sector) for a in doc.actors if a.text == text]
    assert hits, f"no actor {text!r} in {[(a.text, a.country) for a in doc.actors]}"
    return hits


def test_a_company_title_places_its_holder_where_the_company_is(staged):
    doc = staged("After talks in Washington, BP Chairman Anders Lindqvist promised to pay fishermen "
                 "in Louisiana for their losses.", "2010-06-16")
    assert code(doc, "Anders Lindqvist") == [("GBR", "BUS")]  # was the story's country (USA)


def test_a_group_title_gives_its_holder_the_group_and_its_sector(staged):
    doc = staged("Amnesty International researcher Mary Kolbe said soldiers burned three villages.", "2014-03-02")
    assert code(doc, "Mary Kolbe") == [("NGO", "SOC")]


def test_a_nationality_before_a_title_gives_the_country_only(staged):
    doc = staged("Canadian trade expert Ian Marlow said the tariffs in Mexico would hurt farmers.", "2018-04-06")
    assert code(doc, "Ian Marlow") == [("CAN", None)]


def test_a_later_bare_surname_is_the_titled_person(staged):
    doc = staged("BP Chairman Anders Lindqvist met officials in Washington on Wednesday. Later Lindqvist "
                 "told reporters in Houston that the company would pay.", "2010-06-16")
    assert code(doc, "Lindqvist") == [("GBR", "BUS")]


def test_a_country_noun_before_a_title_says_what_not_whose(staged):
    doc = staged("Russia expert Tom Harwell told the committee in Washington that the sanctions on Moscow were "
                 "working.", "2015-03-01")
    assert all(country != "RUS" for country, _ in code(doc, "Tom Harwell"))
