"""A country named as the standard of a comparison ("identical to those heard in Lima", "inspired by the events
in Chile") tells another story and places no unnamed agent near it (`actors.comparisons`,
`nearby.country_mentions`); "countries like Peru" names examples, and still places. Sentences written for the
tests: the comparison spans on a real parse, and the actors stage on short texts."""

from __future__ import annotations

from dateline.actors.comparisons import comparison_spans, in_a_standard


def _inside(nlp, text: str, word: str) -> bool:
    doc = nlp(text)
    return in_a_standard(text.index(word), comparison_spans(doc))


def test_the_phrase_of_a_comparing_adjective_is_a_standard(nlp) -> None:
    assert _inside(nlp, "Their complaints were identical to those heard in the streets of Lima.", "Lima")


def test_the_agent_of_inspired_is_a_standard(nlp) -> None:
    assert _inside(nlp, "Students marched in rallies that were inspired by the events in Chile.", "Chile")


def test_examples_of_a_class_are_no_standard(nlp) -> None:
    assert not _inside(nlp, "Students marched in countries like Peru on Monday.", "Peru")


def test_the_subject_compared_is_no_standard(nlp) -> None:
    assert not _inside(nlp, "The rallies in Bolivia were similar to those in Chile.", "Bolivia")


def test_protesters_are_not_placed_by_a_country_of_a_comparison(staged) -> None:
    doc = staged("Supporters of the Bolivian movement marched in La Paz for months. Their complaints were "
                 "identical to those now heard in the streets of Santiago. Protesters demanded new elections.")
    protesters = next(a for a in doc.actors if a.text == "Protesters")
    assert protesters.country != "CHL"
