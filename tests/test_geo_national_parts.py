"""National parts of regions that belong to no one country ("Iranian Kurdistan"): the place is read as the country
its demonym names, never at the region's own point, and sets no scene for later acts; a region named alone, and a region
or town whose reading has a country, keep their reading. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_a_region_named_with_a_countrys_adjective_is_that_country(nlp) -> None:
    doc = extracted(nlp, "Government troops shelled villages in Iranian Kurdistan on Monday.")
    place = next(p for p in doc.places if p.text == "Kurdistan")
    assert (place.name, place.country_code, place.precision) == ("Iran", "IR", "country")
    assert "Iranian" in (place.basis or "")


def test_an_act_in_that_part_is_placed_in_the_country_with_the_reason(nlp) -> None:
    doc = extracted(nlp, "Rebels attacked an army post in Syrian Kurdistan on Sunday.")
    location = event_at(doc, "attacked").location
    assert location is not None and location.name == "Syria" and location.precision == "country"
    assert "part of Kurdistan in Syria" in (location.basis or "")


def test_the_region_named_alone_keeps_its_own_reading(nlp) -> None:
    doc = extracted(nlp, "Aid convoys reached Kurdistan on Monday.")
    place = next(p for p in doc.places if p.text == "Kurdistan")
    assert place.name == "Kurdistan" and place.country_code is None


def test_an_adjective_before_a_town_changes_nothing(nlp) -> None:
    doc = extracted(nlp, "Shelling hit the Syrian city of Aleppo and Russian Sochi on Monday.")
    assert {p.name for p in doc.places} >= {"Aleppo", "Sochi"}


def test_a_national_part_sets_no_scene_for_later_acts(nlp) -> None:
    doc = extracted(nlp, "Fighting is increasing in Iranian Kurdistan. Iranian attacks on Israel have killed ten "
                         "people.")
    assert event_at(doc, "Fighting").location.name == "Iran"
    later = event_at(doc, "attacks").location
    assert later is None or "scene" not in (later.basis or "")
