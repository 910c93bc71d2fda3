"""Event location (issue 10, eleventh session): a place stated for another happening is not the act's. A clause
marked as of another time ("since rebels bombed a dam") does not take the place of the clause it hangs on; a sentence
about things, not people ("oil came ashore in Louisiana"), sets no scene for the political acts told after it, while
one whose subject is a political actor still does. Talks are aimed only at where they are held ("a visit to Basra"),
not at their topic ("discussions on Mosul")."""

from __future__ import annotations

import pytest

from dateline.events.place_links import of_another_time
from stage_run import event_at, extracted


@pytest.mark.parametrize("text", [
    pytest.param("Floods have swamped villages in Assam since rebels bombed a dam on Monday.", id="since"),
    pytest.param("Prices soared in Harare before soldiers arrested the traders.", id="before"),
])
def test_a_clause_of_another_time_does_not_take_the_place_of_the_clause_it_hangs_on(nlp, text: str) -> None:
    parse = nlp(text)
    clause = next(t for t in parse if t.dep_ == "advcl")
    assert of_another_time(clause)
    doc = extracted(nlp, text)
    assert all(e.location is None for e in doc.events if e.evidence.trigger == clause.text)


def test_a_clause_continuing_the_act_still_shares_its_place(nlp) -> None:
    parse = nlp("Troops fired on protesters in Homs, killing twelve.")
    killing = next(t for t in parse if t.text == "killing")
    assert not of_another_time(killing)


def test_a_sentence_about_things_sets_no_scene(nlp) -> None:
    text = "Sheets of oil came ashore in Louisiana on Monday. Police arrested twelve fishermen on Tuesday."
    doc = extracted(nlp, text)
    assert event_at(doc, "arrested").location is None


def test_a_political_actors_sentence_still_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, "Opposition supporters had the upper hand in Cairo on Monday. "
                         "Police arrested twelve protesters on Tuesday.")
    location = event_at(doc, "arrested").location
    assert location is not None and location.name == "Cairo" and location.basis.startswith("scene of the story")


@pytest.mark.parametrize("text", [
    pytest.param("Diplomats held frank discussions on Mosul on Monday.", id="on"),
    pytest.param("The two presidents held talks over Kirkuk on Monday.", id="over"),
])
def test_the_topic_of_talks_is_not_where_they_were_held(nlp, text: str) -> None:
    talks = next(e for e in extracted(nlp, text).events if e.type == "CONSULT")
    assert talks.location is None


def test_a_visit_is_still_held_where_it_went(nlp) -> None:
    doc = extracted(nlp, "The minister paid a visit to Basra on Monday.")
    visit = next(e for e in doc.events if e.type == "CONSULT")
    assert visit.location is not None and visit.location.name == "Basra"
