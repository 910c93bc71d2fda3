"""Compass parts of areas ("southern Iraq"): an event there is put at the part's point, while the
toponym keeps its area's point; a capitalised compass word is part of a name; a town has no part."""

from __future__ import annotations

from stage_run import event_telling, extracted


def test_an_act_in_the_eastern_part_of_a_country_is_put_there(nlp) -> None:
    doc = extracted(nlp, "Shelling killed ten civilians in eastern Ukraine on Sunday.")
    country = next(p for p in doc.places if p.text == "Ukraine")
    location = event_telling(doc, "Shelling").location  # whichever mention leads its group
    assert location is not None and location.name == "eastern Ukraine" and location.precision == "admin"
    assert location.lon > country.lon + 2 and "eastern part of Ukraine" in location.basis


def test_the_toponym_keeps_its_areas_own_point(nlp) -> None:
    doc = extracted(nlp, "Troops were deployed in southern Iraq.")
    country = next(p for p in doc.places if p.text == "Iraq")
    assert country.part is not None and country.part.lat < country.lat
    assert country.name == "Iraq" and country.to_json()["lat"] == country.lat


def test_a_capitalised_compass_word_is_part_of_a_name(nlp) -> None:
    doc = extracted(nlp, "Protesters marched in Northern Ireland on Saturday.")
    assert [(p.text, p.part) for p in doc.places] == [("Northern Ireland", None)]  # one name, no part of Ireland


def test_a_town_has_no_compass_part(nlp) -> None:
    doc = extracted(nlp, "Gunmen attacked a checkpoint in northern Baghdad on Monday.")
    town = next(p for p in doc.places if p.text == "Baghdad")
    assert town.part is None
