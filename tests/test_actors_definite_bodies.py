"""A short name with its own agent noun keeps that noun's sector ("Maduro loyalists" are people, not the
government: `people.link_short_names`), and a definite body noun ("the oil company") is the nearest body named
before it that such a noun can be, not an agent of a country named near it (`refs.link_definite_bodies`).
Sentences written for the test, run through the real places and actors stages."""

from __future__ import annotations


def _mention(doc, text: str):
    return next(a for a in doc.actors if a.text == text)


def test_a_leaders_supporters_named_by_his_surname_are_not_his_government(staged) -> None:
    doc = staged("Venezuelan President Nicolas Maduro spoke in Caracas on Monday. "
                 "Maduro loyalists stoned a bus of students.")
    loyalists = _mention(doc, "Maduro loyalists")
    assert (loyalists.country, loyalists.sector, loyalists.code) == ("VEN", "CVL", "VENCVL")
    assert _mention(doc, "Venezuelan President Nicolas Maduro").sector == "GOV"


def test_the_company_is_the_company_named_before_not_a_nearby_country(staged) -> None:
    doc = staged("BP reported higher profits on Friday, while a German court fined the oil company's suppliers.")
    company = _mention(doc, "company")
    assert (company.country, company.sector) == ("GBR", "BUS")
    assert "nearest earlier body" in (company.entry or "")


def test_a_company_named_in_its_own_phrase_is_not_the_one_before(staged) -> None:
    doc = staged("BP reported higher profits on Friday. A German court fined the drone company Skyfall.")
    company = next(a for a in doc.actors if a.text.endswith("company"))
    assert company.country != "GBR"


def test_a_ruling_coalition_is_no_company_named_before(staged) -> None:
    doc = staged("BP reported higher profits on Friday. The ruling coalition said it would raise taxes.")
    coalition = next(a for a in doc.actors if "coalition" in a.text)
    assert coalition.sector == "GOV" and "nearest earlier body" not in (coalition.entry or "")
