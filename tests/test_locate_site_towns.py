"""A site the gazetteer lacks, put by the places stage in a town named up to 1,500 characters away, places an event
only when that town is named in the site's sentence or the one beside it (issue 10, fifteenth session, location):
a newspaper's town eight sentences on says nothing of where a meeting was held."""

from __future__ import annotations

from stage_run import event_at, extracted

FAR = ("The ministers met at the Marlowe Conference Centre on Tuesday to settle the dispute. The talks lasted four "
       "hours. Both sides called the result fair. The unions had asked for more. The employers had offered less. "
       "Many workers were unhappy. The deal runs for two years. It was welcomed by business groups. Critics said it "
       "came too late, said a columnist for the Denver Post.")
NEAR = "Rioters gathered in Denver on Monday. The ministers met at the Marlowe Conference Centre on Tuesday."


def test_a_site_put_in_a_town_named_far_away_places_no_event(nlp) -> None:
    doc = extracted(nlp, FAR)
    site = next(p for p in doc.places if p.text == "Marlowe Conference Centre")
    assert site.found_by == "town_beside" and site.name == "Denver"  # the places stage's guess stays on the place
    assert event_at(doc, "met").location is None


def test_a_site_put_in_a_town_the_sentence_before_names_keeps_placing_it(nlp) -> None:
    location = event_at(extracted(nlp, NEAR), "met").location
    assert location is not None and location.name == "Denver" and "the town named beside it" in location.basis
