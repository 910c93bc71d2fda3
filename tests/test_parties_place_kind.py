"""The "of" object of a noun of a kind of place is where the act was done (`act_places._place_named_of`):
"thousands were protesting in the capital of Lagos" places the protest, and its unnamed crowd, in Nigeria, as "in
Lagos" does. Sentences written for these tests, run with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at


def test_a_crowd_protesting_in_the_capital_of_a_town_is_its_country_s(nlp) -> None:
    event = event_at(candidates(nlp, "Thousands were protesting in the capital of Lagos on Monday."), "protesting")
    assert {p.country for p in event.actors} == {"NGA"}


def test_a_bomb_in_the_city_of_a_town_hits_its_people(nlp) -> None:
    event = event_at(candidates(nlp, "A car bomb exploded in the city of Mosul, killing twelve."), "exploded")
    assert {p.country for p in event.recipients} == {"IRQ"}
