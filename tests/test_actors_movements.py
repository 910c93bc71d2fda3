"""A movement active in several states under one name (the Muslim Brotherhood) is an agent of the supplement, so
the text around it gives its country, as for "the opposition" (`data/actors/supplement.tsv`); it is no longer a
name with no code. Sentences written for the test, run through the real places and actors stages."""

from __future__ import annotations


def _movement(doc):
    return next(a for a in doc.actors if a.text.endswith("Brotherhood"))


def test_the_brotherhood_of_a_jordanian_story_is_jordanian(staged) -> None:
    doc = staged("Jordanian police detained three leaders of the Muslim Brotherhood in Amman on Monday.")
    movement = _movement(doc)
    assert (movement.country, movement.sector) == ("JOR", "OPP")


def test_the_brotherhood_of_an_egyptian_story_is_egyptian(staged) -> None:
    doc = staged("An Egyptian court sentenced five members of the Muslim Brotherhood to prison for organising a sit-in "
                 "at a university in Assiut.")
    assert _movement(doc).country == "EGY"
