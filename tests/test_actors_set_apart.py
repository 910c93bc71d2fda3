"""A generic agent set apart by its adjective ("Western diplomats", "foreign journalists", issue 9) takes no
country from an earlier mention of its noun nor from a country named nearby: it is someone else. Sentences
written for the test, run through the real places and actors stages."""

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
