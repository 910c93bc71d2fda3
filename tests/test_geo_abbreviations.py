"""A place name opening with an abbreviated word ("St. Bernard Parish", "Ft. Worth") is found under the full word
GeoNames writes ("Saint Bernard Parish", "Fort Worth") when the gazetteer holds no name spelled as the text has it;
a name it holds as written keeps its own entries. Sentences written for these tests."""

from __future__ import annotations

from dateline.geo.abbreviations import spelled_out
from dateline.geo.gazetteer import get_gazetteer
from stage_run import extracted


def test_the_first_word_is_spelled_out() -> None:
    assert spelled_out("St. Bernard Parish") == "saint bernard parish"
    assert spelled_out("Ft. Worth") == "fort worth"
    assert spelled_out("St.") is None and spelled_out("Stanley County") is None


def test_a_saints_bare_name_or_possessive_is_no_place_name() -> None:
    assert spelled_out("St Patrick's") is None and spelled_out("St. Mary’s") is None
    assert spelled_out("St Patrick") is None and get_gazetteer().lookup("St Patrick") == ()


def test_a_parish_written_with_st_is_found_under_saint() -> None:
    found = get_gazetteer().lookup("St. Tammany Parish")
    assert any(c.name == "Saint Tammany Parish" and c.country_code == "US" for c in found)


def test_a_name_held_as_written_keeps_its_own_entries() -> None:
    assert any(c.name == "St. Petersburg" for c in get_gazetteer().lookup("St. Petersburg"))


def test_a_county_written_with_st_is_placed_in_its_state(nlp) -> None:
    doc = extracted(nlp, "Deputies in St. Croix County arrested two men after a chase on Sunday.")
    place = next(p for p in doc.places if p.text == "St. Croix County")
    assert place.name == "Saint Croix County" and place.admin1 == "Wisconsin"
