"""Toponyms spaCy does not tag as places: a town at the end of a journey, and a name already taken
as a place elsewhere in the article (one sense per discourse)."""

from __future__ import annotations

from dateline.geo import tag_places


def place_starts(make_doc, text: str) -> list[tuple[str, int]]:
    """The recognised places of a text as (surface text, character offset)."""
    return [(p.text, p.start) for p in tag_places(make_doc(text)).places]


def test_a_town_after_a_verb_of_journey_is_a_place(make_doc) -> None:
    # spaCy calls both towns persons; "moved to", "returned from" make them destinations and origins
    assert ("Thornhill", 51) in place_starts(make_doc, "After the mill closed, the Hartley family moved to "
                                                       "Thornhill in search of work.")
    assert [name for name, _ in place_starts(make_doc, "Militias returned from Misrata on Sunday after weeks "
                                                       "of fighting.")] == ["Misrata"]


def test_a_letter_sent_to_a_person_is_no_journey(make_doc) -> None:
    assert place_starts(make_doc, "He sent a letter to Obama in March.") == []


def test_a_name_taken_as_a_place_is_a_place_in_its_other_mentions(make_doc) -> None:
    text = "Drivers travelling to Cirencester face a long diversion this week. Cirencester is the largest town nearby."
    assert place_starts(make_doc, text) == [("Cirencester", 22), ("Cirencester", 67)]
    text = "Government forces shelled Douma on Monday. Douma's fall would end the siege, a monitor said."
    assert [start for name, start in place_starts(make_doc, text) if name == "Douma"] == [26, 43]
    # the second mention is no entity at all for spaCy
    text = "Lotto numbers were drawn in Riverdale on Friday. Riverdale residents queued for tickets."
    assert place_starts(make_doc, text) == [("Riverdale", 28), ("Riverdale", 49)]


def test_another_mention_inside_a_longer_name_stays_out(make_doc) -> None:
    text = "Lotto numbers were drawn in Riverdale on Friday at the Riverdale Lukoil Station on Main Road."
    assert [start for name, start in place_starts(make_doc, text) if name == "Riverdale"] == [28]


def test_an_area_closing_a_town_area_pair_is_that_area(make_doc) -> None:
    # spaCy calls "Kent" a person and "Fife" nothing; after "Place," and before a full stop they are areas
    found = tag_places(make_doc("The season opens on April 7 at Brands Hatch Indy, Kent.")).places
    kent = next(p for p in found if p.text == "Kent")
    assert (kent.feature_code, kent.country_code) == ("ADM2", "GB")
    assert [p.text for p in tag_places(make_doc("The next round is at Knockhill, Fife. Tickets are on sale.")).places] \
        == ["Fife"]


def test_a_name_in_a_list_of_names_is_no_area(make_doc) -> None:
    text = "The lineup features Rainbow Kitten Surprise, St. Paul & the Broken Bones and others."
    assert "St. Paul" not in [p.text for p in tag_places(make_doc(text)).places]
