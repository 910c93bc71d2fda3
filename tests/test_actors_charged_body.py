"""The "of" phrase of a charge is the offence, not an owner: "accused the company of ..." still stands for the
company named before (`syntax.definite_body_sectors`, `_charged_object`), while "the company of ..." outside a
charge says whose it is. Sentences written for the test, run through the real places and actors stages."""

from __future__ import annotations


def _company(doc):
    return next(a for a in doc.actors if a.text.endswith("company"))


def test_the_company_accused_of_an_offence_is_the_company_named_before(staged) -> None:
    doc = staged("BP refused the claim of Ohio last week. The governor of Ohio accused the company of "
                 "negligence in the spill.")
    company = _company(doc)
    assert (company.country, company.sector) == ("GBR", "BUS")
    assert "nearest earlier body" in (company.entry or "")


def test_a_company_of_a_place_outside_a_charge_is_not_the_one_before(staged) -> None:
    doc = staged("BP refused the claim of Ohio last week. The governor met the company of Ohio's farmers.")
    assert "nearest earlier body" not in (_company(doc).entry or "")
