"""A visit happened where the visitor went (issue 10, sixteenth session): a country or capital named as what was
visited, or as where a journey went for talks, is the act's place, not a state it was aimed at ("sanctions on
Damascus")."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_a_visited_country_is_the_place_of_the_visit(nlp) -> None:
    doc = extracted(nlp, "The Kenyan foreign minister visited Ethiopia on Tuesday to discuss the border dispute.")
    visit = event_at(doc, "visited")
    assert visit.location is not None and visit.location.name == "Ethiopia"
    assert "visit went" in (visit.location.basis or "")


def test_a_visit_due_to_a_country_is_placed_there(nlp) -> None:
    doc = extracted(nlp, "The UN envoy, who is due to visit Bolivia on Sunday, said help was coming.")
    visit = event_at(doc, "visit")
    assert visit.location is not None and visit.location.name == "Bolivia"


def test_a_visit_noun_takes_the_capital_it_went_to(nlp) -> None:
    doc = extracted(nlp, "Relations improved after the Chilean leader's first visit to Lima last spring.")
    visit = event_at(doc, "visit")
    assert visit.location is not None and visit.location.name == "Lima"


def test_a_country_visited_in_a_clause_does_not_place_the_accusation(nlp) -> None:
    doc = extracted(nlp, "Protesters accused the envoy who visited Greece of treason.")
    assert event_at(doc, "accused").location is None


def test_sanctions_on_a_capital_still_name_a_party_not_a_place(nlp) -> None:
    doc = extracted(nlp, "The European Union imposed new sanctions on Damascus on Monday.")
    sanctions = next(e for e in doc.events if e.evidence.trigger in ("imposed", "sanctions"))
    assert sanctions.location is None


def test_talks_a_journey_went_for_are_placed_where_it_went(nlp) -> None:
    doc = extracted(nlp, "The envoy travelled to Nairobi for talks with the rebels.")
    talks = event_at(doc, "talks")
    assert talks.location is not None and talks.location.name == "Nairobi"
    assert "journey for 'talks'" in (talks.location.basis or "")  # `dateline show` says why


def test_a_complaint_to_a_body_is_no_journey(nlp) -> None:
    doc = extracted(nlp, "The minister complained to the United Nations over the raids.")
    assert event_at(doc, "complained").location is None
