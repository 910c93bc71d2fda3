"""Modality in scope: negation and modals from the event's own clause, and future events flagged.

Each test sentence is written for these tests; the modality tests read the parse directly,
the status tests run the whole pipeline (what `dateline extract` prints).
"""

from __future__ import annotations

import datetime as dt

from dateline.events.modality import trigger_modality
from dateline.model import Article, Event, Evidence, extract_schema
from dateline.pipeline import process


def modality_of(make_doc, text: str, trigger: str):
    doc = make_doc(text)
    token = next(t for t in doc.parsed if t.text == trigger)
    return trigger_modality(token)


def test_negation_does_not_reach_a_contrasted_conjunct(make_doc) -> None:
    text = "The army did not attack the town but shelled the village."
    assert modality_of(make_doc, text, "attack").negated
    assert not modality_of(make_doc, text, "shelled").negated


def test_negation_does_not_reach_a_noun_in_a_time_adjunct(make_doc) -> None:
    text = "Police did not arrest anyone after the protest."
    assert modality_of(make_doc, text, "arrest").negated
    assert not modality_of(make_doc, text, "protest").negated


def test_object_of_resist_is_not_a_fact(make_doc) -> None:
    assert modality_of(make_doc, "The president had resisted sanctions against Iran.", "sanctions").negated


def test_planned_nominal_event_is_scheduled_future(make_doc) -> None:
    found = modality_of(make_doc, "The opposition plans another round of demonstrations on Friday.", "demonstrations")
    assert found.future and found.scheduled and not found.negated


def test_event_on_a_schedule_is_future(make_doc) -> None:
    found = modality_of(make_doc, "Protesters gathered ahead of talks scheduled for Thursday.", "talks")
    assert found.future and found.scheduled


def events_of(text: str, date: str = "2018-09-19") -> list[Event]:
    day = dt.date.fromisoformat(date)
    (doc,) = process([Article(id="modality-test", date=day, text=text)])
    return doc.events


def test_scheduled_visit_is_a_future_consult_dated_ahead() -> None:
    (visit,) = [e for e in events_of("Merkel will visit Moscow on Tuesday.") if e.type == "CONSULT"]
    assert visit.status == "future" and visit.hypothetical and not visit.negated
    assert visit.date == "2018-09-25"  # the Tuesday after the article's Wednesday


def evidence() -> Evidence:
    return Evidence(sentence="Iran met Iraq.", start=0, end=14, trigger="met")


def test_status_and_the_contract_booleans_agree() -> None:
    assert Event(id="a", type="CONSULT", status="future", evidence=evidence()).hypothetical
    negated = Event(id="b", type="CONSULT", negated=True, evidence=evidence())
    assert negated.status == "negated" and not negated.hypothetical
    assert Event(id="c", type="CONSULT", hypothetical=True, evidence=evidence()).status == "hypothetical"
    future = Event(id="d", type="CONSULT", status="future", evidence=evidence())
    assert Event.from_json(future.to_json()) == future and future.to_json()["status"] == "future"


def test_schema_lists_the_statuses() -> None:
    status = extract_schema()["$defs"]["Event"]["properties"]["status"]
    assert status == {"enum": ["fact", "negated", "hypothetical", "future"]}
