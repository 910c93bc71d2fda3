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
    doc = extracted(nlp, "Rebel forces launched an offensive against Sirte on Monday. Gunmen killed two soldiers.")
    killed = event_at(doc, "killed").location
    assert killed is not None and killed.name == "Sirte" and killed.basis.startswith("scene of the story")


def test_a_country_aimed_at_sets_no_scene(nlp) -> None:
    doc = extracted(nlp, "Rebel fighters began their onslaught on Iraq on Monday. Nine soldiers were killed.")
    killed = event_at(doc, "killed").location
    assert killed is None or not killed.basis.startswith("scene of the story")


def _killed_at(nlp, text: str):
    return event_at(extracted(nlp, text), "killed").location


def test_what_is_not_an_armed_push_on_a_town_sets_no_scene(nlp) -> None:
    # reports on a town name their topic; only the armed pushes of scene_nouns take the story there
    killed = _killed_at(nlp, "Journalists began their reports on Mosul on Sunday. Four policemen were killed.")
    assert killed is None or killed.name != "Mosul"


def test_a_push_from_a_town_is_not_aimed_at_it(nlp) -> None:
    # only the assault-way prepositions (on, into, toward(s), against) aim a push at a town
    killed = _killed_at(nlp, "Rebel forces launched an offensive from Sirte on Monday. Gunmen killed two soldiers.")
    assert killed is None or killed.name != "Sirte"


def test_a_push_that_may_come_sets_no_scene(nlp) -> None:
    killed = _killed_at(nlp, "Rebel forces could begin their onslaught on Sirte within days. Two soldiers were killed.")
    assert killed is None or killed.name != "Sirte"
