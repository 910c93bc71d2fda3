"""A state named as the holder of people is no place of what was done to them (issue 10, fifteenth session):
"detainees in US military custody" may be held in a jail abroad or on a ship; a town naming a site stays a place."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_a_state_holding_the_victims_is_not_where_they_were_tortured(nlp) -> None:
    doc = extracted(nlp, "Lawyers accused the general of the torture of detainees in US military custody.")
    torture = event_at(doc, "torture")
    assert torture.location is None  # neither the "in US" of the phrase nor the country of its parties


def test_a_town_naming_a_site_is_still_the_place(nlp) -> None:
    doc = extracted(nlp, "Guards beat detainees in the Baghdad prison on Monday.")
    beat = event_at(doc, "beat")
    assert beat.location is not None and beat.location.name == "Baghdad"
