"""Event location (issue 10, thirteenth session): an armed push aimed at a town takes the story there, so the acts told
after it that name no place of their own are placed at that town. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_an_uncoded_armed_push_on_a_town_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, "Allied troops began their onslaught on Mosul on Sunday. "
                         "Blasts rocked the old town and four policemen were killed.")
    killed = event_at(doc, "killed").location
    assert killed is not None and killed.name == "Mosul" and "'onslaught … Mosul'" in killed.basis


def test_an_offensive_against_a_town_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, "Rebel forces launched an offensive against Sirte on Monday. Two soldiers were killed.")
    killed = event_at(doc, "killed").location
    assert killed is not None and killed.name == "Sirte" and killed.basis.startswith("scene of the story")


def test_a_country_aimed_at_sets_no_scene(nlp) -> None:
    doc = extracted(nlp, "Rebel fighters began their onslaught on Iraq on Monday. Nine soldiers were killed.")
    killed = event_at(doc, "killed").location
    assert killed is None or not killed.basis.startswith("scene of the story")
