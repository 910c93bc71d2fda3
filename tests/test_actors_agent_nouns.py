"""Agent nouns of the supplement (`data/actors/supplement.tsv`, compiled into `actors.json.gz`) that news names
parties by: "opposition figures" and "opposition members" (OPP), "assassins" (unidentified armed actors, as
"attacker"). Without them the recipient of "arrested dozens of opposition figures" was left empty. Sentences
written for the tests."""

from __future__ import annotations

from stage_run import actor


def test_opposition_figures_are_the_opposition(staged) -> None:
    doc = staged("Syrian police arrested dozens of opposition figures in Homs on Monday.")
    found = actor(doc, "opposition figures")
    assert (found.country, found.sector) == ("SYR", "OPP")


def test_opposition_members_are_the_opposition(staged) -> None:
    doc = staged("Belarusian police detained several opposition members in Minsk.")
    assert actor(doc, "opposition members").sector == "OPP"


def test_assassins_are_armed_attackers_of_their_country(staged) -> None:
    doc = staged("Iraqi assassins killed the governor of Basra on Sunday.")
    found = actor(doc, "Iraqi assassins")
    assert (found.country, found.sector) == ("IRQ", "UAF")
