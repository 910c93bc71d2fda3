"""Event location (issue 10, seventeenth session): the dateline town is where the reporter was, so an act told right
after a journey to another town ("drove to Houma") is not placed in it; a journey to an area, or none, leaves the
dateline town its acts. Sentences written for these tests."""

from __future__ import annotations

from stage_run import location_of

FILED = "NEW ORLEANS -- "
LATER = " After an hour the police allowed him to take photographs."


def test_an_act_after_a_journey_to_another_town_is_not_placed_in_the_dateline_town(nlp) -> None:
    text = FILED + "A photographer drove two hours to Houma to shoot photos but was stopped by harbor police." + LATER
    location = location_of(nlp, text, "allowed")
    assert location is None or location.name != "New Orleans"


def test_a_town_the_gazetteer_lacks_counts_as_another_town(nlp) -> None:
    text = FILED + "A photographer drove to Port Fourchon, La., to shoot photos but was stopped by harbor police." \
        + LATER
    location = location_of(nlp, text, "allowed")
    assert location is None or location.name != "New Orleans"


def test_with_no_journey_the_dateline_town_keeps_the_act(nlp) -> None:
    text = FILED + "A photographer was stopped by harbor police on Monday." + LATER
    location = location_of(nlp, text, "allowed")
    assert location is not None and location.name == "New Orleans" and "dateline" in (location.basis or "")


def test_a_journey_from_another_town_leaves_the_dateline_town(nlp) -> None:
    text = FILED + "A photographer who drove in from Houma was stopped by harbor police on Monday." + LATER
    location = location_of(nlp, text, "allowed")
    assert location is not None and location.name == "New Orleans"
