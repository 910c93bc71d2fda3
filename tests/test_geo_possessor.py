"""A name the gazetteer lacks that the text gives as an area's own ("Louisiana's X") lies in that area, not in the
town named beside it (issue 10, twenty-first session: a wrong dot at a mayor's city for a bay of his state); a
known name keeps its own reading whatever possesses it."""

from __future__ import annotations

from dateline.geo import tag_places
from dateline.model import Place


def place_named(make_doc, text: str, name: str) -> Place:
    return next(p for p in tag_places(make_doc(text)).places if p.text == name)


def test_an_unknown_name_an_area_possesses_lies_in_that_area(make_doc) -> None:
    text = "Denver firefighters were sent on Monday to a blaze in Utah's Kessel Canyon."
    canyon = place_named(make_doc, text, "Kessel Canyon")
    assert (canyon.name, canyon.found_by) == ("Utah", "container")  # not Denver, the town named beside it


def test_a_known_name_keeps_its_reading_whatever_possesses_it(make_doc) -> None:
    text = "Officials in Israel's Jerusalem said on Monday that Egypt's Cairo would host the talks."
    cairo = place_named(make_doc, text, "Cairo")
    assert (cairo.name, cairo.country_code, cairo.basis) == ("Cairo", "EG", None)
