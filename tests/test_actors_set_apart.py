"""Actor mentions that stand for someone other than they seem (issue 9): a generic agent set apart by its
adjective ("Western diplomats", "foreign journalists") takes no country from an earlier mention of its noun
nor from a country named nearby, and a country's name inside a sea or gulf ("the Gulf of Mexico") is no
actor. Sentences written for the test, run through the real places and actors stages."""

from __future__ import annotations


def _last(doc, text: str):
    return [a for a in doc.actors if a.text == text][-1]


def test_western_diplomats_are_not_the_russian_diplomats_before(staged) -> None:
    doc = staged("Britain expelled 23 Russian diplomats on Monday. Russia then expelled Western diplomats.")
    diplomats = _last(doc, "diplomats")
    assert diplomats.country is None
    assert "set apart by 'Western'" in (diplomats.entry or "")


def test_foreign_journalists_are_not_of_the_country_named_nearby(staged) -> None:
    doc = staged("Egyptian police detained foreign journalists in Cairo on Friday.")
    assert _last(doc, "journalists").country is None


def test_an_agent_without_such_an_adjective_still_takes_the_earlier_country(staged) -> None:
    doc = staged("Britain expelled 23 Russian diplomats on Monday. The diplomats left London on Friday.")
    assert _last(doc, "The diplomats").country == "RUS"


def test_a_country_name_inside_a_sea_or_gulf_is_no_actor(staged) -> None:
    doc = staged("A US panel blamed the operator for the Gulf of Mexico oil spill.")
    assert "MEX" not in {a.country for a in doc.actors}


def test_a_country_named_alone_beside_a_gulf_stays_an_actor(staged) -> None:
    doc = staged("Mexico condemned the leak in the Gulf of Mexico.")
    assert [a.country for a in doc.actors if a.text == "Mexico"][:1] == ["MEX"]
