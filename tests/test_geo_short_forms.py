"""A short form of a sea the article names (issue 10, eleventh session): "the Gulf" after "the Gulf of Mexico" is that
gulf even where its own name reads exactly as a province abroad that no other place of the article lies in (Gulf
province, Papua New Guinea); a country named alone keeps its reading beside a region named after it; an unknown name
built on a province abroad that no other place of the article lies in is not read as it ("the Gulf Coast")."""

from __future__ import annotations

from dateline.geo import tag_places


def readings(make_doc, text: str, name: str) -> set[str | None]:
    return {p.name for p in tag_places(make_doc(text)).places if p.text == name}


def test_the_gulf_after_the_gulf_of_mexico_is_that_gulf_not_a_province_abroad(make_doc) -> None:
    text = ("Oil from the leak in the Gulf of Mexico has reached the Gulf Coast. Towns along the Gulf Coast closed "
            "their beaches. More oil flowed into the Gulf on Monday.")
    assert readings(make_doc, text, "Gulf") == {"Gulf of Mexico"}


def test_a_country_named_beside_a_region_named_after_it_stays_the_country(make_doc) -> None:
    text = "Troops crossed the Niger Delta and entered Niger on Monday."
    assert readings(make_doc, text, "Niger") == {"Niger"}


def test_a_name_built_on_a_province_abroad_alone_in_the_article_is_not_that_province(make_doc) -> None:
    text = "Fishermen in Biloxi said oil had reached the Gulf Coast. Hotels along the Gulf Coast are empty."
    places = [p for p in tag_places(make_doc(text)).places if p.text == "Gulf Coast"]
    assert places and all(p.country_code == "US" for p in places)
