"""Why an event has its date: the basis the dater gives with each date, and the story time that a
participle clause sets ("Speaking on Tuesday, the mayor urged ..."), on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from dateline.events.explain import explain_event
from stage_run import dating, event_at, extracted


def test_a_governing_timex_is_named_in_the_basis(make_doc) -> None:
    when = dating(make_doc, "The two leaders met on Monday in Sochi.", "met")
    assert (when.value, when.mod) == ("2018-09-17", None)
    assert "'Monday'" in when.basis and "'met'" in when.basis


def test_the_fallback_says_no_time_dates_the_event(make_doc) -> None:
    when = dating(make_doc, "Rebels attacked the convoy near the border.", "attacked")
    assert (when.value, when.mod) == ("2018-09-19", "ON_OR_BEFORE")
    assert when.basis.startswith("no time in the text dates it")


def test_a_report_day_is_named_as_the_day_it_was_reported(make_doc) -> None:
    when = dating(make_doc, "Police said on Tuesday they had arrested 12 people during protests.", "arrested")
    assert (when.value, when.mod) == ("2018-09-18", "ON_OR_BEFORE")
    assert "'Tuesday'" in when.basis and "reported" in when.basis


def test_a_carried_day_names_the_earlier_sentence(make_doc) -> None:
    text = "On Saturday, clashes erupted along the border. Rockets were exchanged across the frontier."
    when = dating(make_doc, text, "exchanged")
    assert (when.value, when.mod) == ("2018-09-15", None)
    assert "'Saturday'" in when.basis and "earlier sentence" in when.basis


def test_a_participle_clause_sets_the_story_day(make_doc) -> None:
    """The day of "Speaking at ... on Monday, the mayor urged" dates the main clause, so it carries on to
    the next past-tense sentence as an "On Monday, ..." opening would."""
    text = ("Speaking at the opening of the games on Monday, the mayor urged the athletes to compete fairly. "
            "He pledged money for the city's teams.")
    when = dating(make_doc, text, "pledged")
    assert (when.value, when.mod) == ("2018-09-17", None)


def test_a_subordinate_day_still_does_not_set_the_story_day(make_doc) -> None:
    text = "Protests have grown since students marched on Monday. Police arrested dozens of people."
    assert dating(make_doc, text, "arrested").mod == "ON_OR_BEFORE"


def test_the_event_and_its_explanation_carry_the_basis(nlp) -> None:
    doc = extracted(nlp, "Turkey and Russia agreed on Monday to set up a buffer zone in Idlib.", "2018-09-19")
    event = event_at(doc, "agreed")
    assert event.date == "2018-09-17" and "'Monday'" in event.date_basis
    assert event.to_json()["date_basis"] == event.date_basis
    when_line = next(line for line in explain_event(event) if line.startswith("when"))
    assert event.date_basis in when_line


def test_benchmarks_count_dates_by_the_path_their_basis_names(monkeypatch, make_doc) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from event_dates import date_path

    carried = dating(make_doc, "On Saturday, clashes erupted along the border. Rockets were exchanged.", "exchanged")
    assert date_path(carried.basis) == "carried"
    assert date_path(dating(make_doc, "Rebels attacked the convoy.", "attacked").basis) == "fallback"
    assert date_path(None) == "other"


def test_a_bare_clock_time_is_no_day_to_carry(make_doc) -> None:
    """A live blog's entry time ("At 7:50 p.m.") has only the article's day by default: the next sentence
    takes no exact day from it."""
    text = "At 7:50 p.m. the police arrested two men. Officers searched their house."
    assert dating(make_doc, text, "searched").mod == "ON_OR_BEFORE"


def test_a_sentence_with_a_time_of_its_own_takes_no_earlier_day(make_doc) -> None:
    """The sentence names Sunday in a clause of its own; Monday, named before, no longer holds for it."""
    text = "On Monday, rebels seized the town. Residents who had fled on Sunday said the army withdrew."
    assert dating(make_doc, text, "withdrew").mod == "ON_OR_BEFORE"


def test_a_source_issued_on_a_day_dates_what_it_reports(make_doc) -> None:
    """The participle on the reporting verb's subject says when the report was made, so the reported act
    happened on or before that day."""
    text = "A statement released on Tuesday said troops had killed five rebels near the border."
    when = dating(make_doc, text, "killed")
    assert (when.value, when.mod) == ("2018-09-18", "ON_OR_BEFORE")
    assert "'Tuesday'" in when.basis and "reported" in when.basis


def test_a_participle_on_a_subject_that_reports_nothing_dates_nothing_else(make_doc) -> None:
    text = "The convoy, attacked on Tuesday near the border, reached the city."
    assert dating(make_doc, text, "reached").mod == "ON_OR_BEFORE"


def test_a_participle_that_issues_nothing_does_not_date_the_report(make_doc) -> None:
    text = "The army, attacked on Tuesday near the border, said it had repelled the rebels."
    assert dating(make_doc, text, "repelled").value == "2018-09-19"
