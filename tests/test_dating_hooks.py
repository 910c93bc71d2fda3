"""A time the parser hangs on the participle after the verb it dates (issue 10, thirteenth session): "was discovered
March 3 buried ..." parsed with the day as the subject of "buried". Sentences written for these tests."""

from __future__ import annotations

from stage_run import dating


def test_a_day_parsed_as_the_subject_of_a_participle_dates_the_verb_before_it(make_doc) -> None:
    when = dating(make_doc, "The man's body was discovered March 3 buried two feet below the sand.", "discovered")
    assert (when.value, when.mod) == ("2018-03-03", None)


def test_a_day_before_a_past_form_on_a_passive_dates_the_passive(make_doc) -> None:
    """"stacked" tagged a finite past verb, a clause on "were discovered" with the day as its subject."""
    when = dating(make_doc, "The weapons were discovered March 3 stacked one metre below the floor.", "discovered")
    assert (when.value, when.mod) == ("2018-03-03", None)


def test_a_holiday_parsed_as_the_subject_of_a_gerund_dates_the_finding(make_doc) -> None:
    when = dating(make_doc, "A swimmer was found New Year's Day clinging to a rock.", "found", date="2019-01-04")
    assert (when.value, when.mod) == ("2019-01-01", None)


def test_the_participle_keeps_the_day_the_parse_gives_it(make_doc) -> None:
    when = dating(make_doc, "The man's body was discovered March 3 buried two feet below the sand.", "buried")
    assert when.value == "2018-03-03"

