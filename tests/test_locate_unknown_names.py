"""Event location (issue 10, eleventh session): a name the gazetteer lacks that the places stage could put only in
the area of the places named near it is a guess, not what the text says; no event is placed by it, unless the article
is filed from a town in that area. The place itself keeps its guessed area (the toponym benchmarks score it)."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.locate import text_supports
from dateline.model import NAMED_KIND_NOTE, NEARBY_AREA_BASIS, Place
from stage_run import event_at, extracted

UNKNOWN_NEAR_TOWNS = ("Officials from Lyon and Grenoble said riot police detained forty protesters in Vauxbridge "
                      "on Monday.")


def test_an_unknown_name_placed_only_by_the_towns_near_it_places_no_event(nlp) -> None:
    doc = extracted(nlp, UNKNOWN_NEAR_TOWNS)
    guessed = next(p for p in doc.places if p.text == "Vauxbridge")
    assert guessed.name is not None and NEARBY_AREA_BASIS in (guessed.basis or "")  # the place keeps its guess
    assert guessed.found_by == "nearby_area" and not guessed.kind_named
    assert event_at(doc, "detained").location is None


def test_the_decision_reads_how_the_place_was_found_not_its_wording(nlp) -> None:
    """`text_supports` reads the places stage's structured `found_by`, so rewording the basis people read changes
    nothing: the same guess with its basis text dropped still places no event, and a basis that merely quotes the
    words of a guess decides nothing either."""
    doc = extracted(nlp, UNKNOWN_NEAR_TOWNS)
    guessed = next(p for p in doc.places if p.text == "Vauxbridge")
    assert not text_supports(doc, replace(guessed, basis=None))
    named = replace(guessed, found_by=None, basis=f"quoting {NEARBY_AREA_BASIS}")
    assert text_supports(doc, named)


def test_under_a_dateline_in_that_area_the_unknown_name_keeps_placing_the_event(nlp) -> None:
    doc = extracted(nlp, "LYON, France - Riot police detained forty protesters in Vauxbridge on Monday.")
    location = event_at(doc, "detained").location
    assert location is not None and location.precision == "admin" and NEARBY_AREA_BASIS in (location.basis or "")
    assert "Vauxbridge" in location.basis  # `dateline show` says which name it stands for


def test_a_place_the_text_puts_the_name_in_is_supported(nlp) -> None:
    doc = extracted(nlp, UNKNOWN_NEAR_TOWNS)
    stated = Place("Calder Fen", 0, 10, 2657832, "England", 52.0, -1.0, "GB", "England", "ADM1", 0.3,
                   precision="admin", basis="'Calder Fen' is not in the gazetteer: placed in England, which the text "
                                         "puts it in")
    assert text_supports(doc, stated)
    assert not text_supports(doc, next(p for p in doc.places if p.text == "Vauxbridge"))


def test_a_name_the_text_calls_a_village_places_the_event_in_its_area(nlp) -> None:
    """The issue's unresolvable village: the text says what the name is, so the event takes the area around it
    (an admin area, not a town), and says which name it stands for."""
    doc = extracted(nlp, "Officials from Lyon and Grenoble said riot police detained forty protesters in the village "
                         "of Vauxbridge on Monday.")
    location = event_at(doc, "detained").location
    assert location is not None and location.precision == "admin"
    assert "Vauxbridge" in (location.basis or "") and NAMED_KIND_NOTE in (location.basis or "")
    village = next(p for p in doc.places if p.text == "Vauxbridge")
    assert village.found_by == "nearby_area" and village.kind_named
