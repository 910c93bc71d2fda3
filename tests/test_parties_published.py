"""A participle on a text its publisher puts out is done by the publisher (`parties_participles.published_document`):
"the ministry released a report alleging abuses" is the ministry's allegation, as "X issued a statement demanding"
is X's demand; a report only cited names no one. Sentences written for these tests, with the lexicon's candidates."""

from __future__ import annotations

from stage_run import candidates, event_at


def test_who_released_the_report_alleges_what_it_alleges(nlp) -> None:
    event = event_at(candidates(nlp, "The ministry released a report alleging abuses by Chadian troops."), "alleging")
    assert [p.text for p in event.actors] == ["The ministry"]


def test_who_published_the_study_accuses_whom_it_accuses(nlp) -> None:
    text = "Amnesty International published a study on Monday accusing Kenyan police of killings."
    event = event_at(candidates(nlp, text), "accusing")
    assert [p.text for p in event.actors] == ["Amnesty International"]


def test_a_report_only_cited_names_no_one_who_alleges(nlp) -> None:
    event = event_at(candidates(nlp, "A report alleging abuses by Chadian troops was cited by lawmakers."), "alleging")
    assert not event.actors
