"""A bare name the news shares between a country's capital and one of its states means the capital, whatever hamlet
of that state the article also seems to name (issue 10, twenty-second session: a story of an intern killed in the
capital put in Washington State, 4,000 km off, because "Central Park" read as a hamlet there); a cue or a list of
states, or a town the name holds ("Tacoma, Washington"), still says the state. Sentences written for these tests."""

from __future__ import annotations

from dateline.geo import tag_places
from dateline.model import Place


def places_named(make_doc, text: str, name: str) -> list[Place]:
    return [p for p in tag_places(make_doc(text)).places if p.text == name]


def test_washington_beside_a_hamlet_of_the_state_is_the_capital(make_doc) -> None:
    text = ("Volunteers in Washington handed out blankets on Tuesday. Shelters near Central Park and Rock Creek were "
            "full, and Washington churches opened their halls. Donations reached Washington from Ohio.")
    readings = {(p.name, p.feature_code) for p in places_named(make_doc, text, "Washington")}
    assert readings == {("Washington", "PPLC")}


def test_washington_state_named_so_or_among_states_is_the_state(make_doc) -> None:
    cued = places_named(make_doc, "Wildfires burned across Washington state on Monday.", "Washington")
    listed = places_named(make_doc, "Farmers in Oregon, Idaho and Washington lost their crops.", "Washington")
    held = places_named(make_doc, "A baker in Tacoma, Washington shares her recipes.", "Washington")
    assert [p.feature_code for p in cued + listed + held] == ["ADM1", "ADM1", "ADM1"]
