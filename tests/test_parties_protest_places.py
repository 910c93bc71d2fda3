"""Where an unnamed crowd protested, read past the parser's attachments (`targets._placed_protesters`): a place
phrase right after the protest's own phrase that the parser hangs on a noun above it ("their handling of second
week of demonstrations Sunday in Kenya"), and the place of a relative clause whose subject is the protest
("the protests, which spread to Zambia"). The people of that place protest, at their own government. Sentences
written for these tests, run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_a_place_hung_on_a_noun_above_the_protest_is_where_it_was(nlp) -> None:
    doc = candidates(nlp, "Their handling of second week of demonstrations Sunday in Kenya was praised.")
    event = event_at(doc, "demonstrations")
    assert countries(event.actors) == ["KEN"]
    assert countries(event.recipients) == ["KEN"]


def test_a_relative_clause_of_the_protest_says_where_it_spread(nlp) -> None:
    doc = candidates(nlp, "The protests, which spread to Zambia last week, have toppled a minister.")
    assert countries(event_at(doc, "protests").actors) == ["ZMB"]


def test_a_place_one_phrase_down_in_the_relative_clause_is_where_it_spread(nlp) -> None:
    doc = candidates(nlp, "The protests, which spread to several cities in Zambia last week, have toppled a minister.")
    assert countries(event_at(doc, "protests").actors) == ["ZMB"]


def test_a_clause_with_a_subject_of_its_own_places_someone_else_s_act(nlp) -> None:
    doc = candidates(nlp, "The protests that the police broke up in Zambia were small.")
    assert event_at(doc, "protests").actors == []


def test_a_place_after_other_words_is_the_higher_noun_s_own(nlp) -> None:
    doc = candidates(nlp, "The reaction to the protests by some of the staff at the embassy in Zambia was calm.")
    assert "ZMB" not in countries(event_at(doc, "protests").actors)
