"""A generic agent is not placed by the places of a clause it asks another party to act in
(`dateline.actors.asked_clauses`); a reporting verb's clause, and a clause whose subject is a pronoun, still place.

Each test is a sentence written for it, run through the real places and actors stages.
"""

from __future__ import annotations

from stage_run import actor


def test_a_place_of_a_clause_asked_of_another_party_does_not_place_the_asker(staged) -> None:
    doc = staged("The vote came in Kenya. Lawmakers demanded the cabinet close the embassy in Libya.")
    assert actor(doc, "Lawmakers").country == "KEN"


def test_a_reported_clause_still_places_the_sayer(staged) -> None:
    doc = staged("The vote came in Kenya. Officials said a bomb exploded in a market in Baghdad on Sunday.")
    assert actor(doc, "Officials").country == "IRQ"


def test_a_clause_with_a_pronoun_subject_still_places_the_agent(staged) -> None:
    doc = staged("The vote came in Kenya. Lawmakers demanded they meet in Libya.")
    assert actor(doc, "Lawmakers").country == "LBY"


def test_the_agents_own_place_still_places_it(staged) -> None:
    doc = staged("The vote came in Kenya. Lawmakers in Tunis demanded the cabinet close the embassy in Libya.")
    assert actor(doc, "Lawmakers").country == "TUN"
