""""According to X" names the source of a report, never whom the act is aimed at (`prepositions.tsv`: "according"
is an object adjunct, not searched for a party by `targets.named_in_object`): "students marched in Lagos, according
to police" is no march against the police. Sentences written for these tests, with the lexicon's own candidates."""

from __future__ import annotations

from stage_run import candidates, event_at


def test_the_source_of_a_march_report_is_not_its_target(nlp) -> None:
    event = event_at(candidates(nlp, "Hundreds of students marched in Lagos, according to police."), "marched")
    assert all(p.text != "police" for p in event.recipients)


def test_the_organisers_cited_for_a_protest_are_not_its_target(nlp) -> None:
    text = "Thousands were protesting in the capital of Lagos, according to the Nigerian Bar Association."
    event = event_at(candidates(nlp, text), "protesting")
    assert all(p.text != "the Nigerian Bar Association" for p in event.recipients)
