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



def test_the_reason_quotes_the_open_place_as_written(nlp) -> None:
    """Why the dateline town was refused quotes the preposition and the place as the text has them ('at sea', 'in the
    waters'), adding no article."""
    from dateline.events.seats import dateline_refuted

    for sentence, trigger, quoted in (("Two fishermen were rescued at sea on Tuesday.", "rescued", "'at sea'"),
                                      ("Police arrested two men in the waters near the rig.", "arrested",
                                       "'in the waters'")):
        doc = extracted(nlp, FILED + sentence)
        town = next(p for p in doc.places if p.text == "HOUSTON")
        token = next(t for t in doc.parsed if t.text == trigger)
        assert quoted in (dateline_refuted(doc, town, token) or "")
