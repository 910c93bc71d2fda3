"""The dateline town is no guess for an act its own clause puts in an open place no town holds ("barred from trawling in
the waters"); an act at a site in the town, or one whose open place belongs to another clause, keeps the town.
Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted

FILED = "HOUSTON (Reuters) - "


def test_a_bar_on_trawling_in_the_waters_is_not_placed_in_the_dateline_town(nlp) -> None:
    doc = extracted(nlp, FILED + "Shrimpers were barred from trawling in the waters near the leaking well.")
    assert event_at(doc, "barred").location is None


def test_arrests_in_the_waters_are_not_in_the_town(nlp) -> None:
    doc = extracted(nlp, FILED + "Police arrested two fishermen in the waters near the rig on Monday.")
    assert event_at(doc, "arrested").location is None


def test_an_act_at_a_site_in_the_town_keeps_the_dateline(nlp) -> None:
    doc = extracted(nlp, FILED + "Police arrested 12 protesters outside the company's offices on Monday.")
    location = event_at(doc, "arrested").location
    assert location is not None and location.name == "Houston"


def test_waters_in_a_relative_clause_leave_the_dateline(nlp) -> None:
    doc = extracted(nlp, FILED + "Police arrested two men who had fished in the waters near the rig.")
    location = event_at(doc, "arrested").location
    assert location is not None and location.name == "Houston"
