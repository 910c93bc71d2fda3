"""Where an unnamed crowd protested, read past the parser's attachments (`protest_places.placed_protesters`): a place
phrase right after the protest's own phrase that the parser hangs on a noun above it ("their handling of second
week of demonstrations Sunday in Kenya"), and the place of a relative clause whose subject is the protest
("the protests, which spread to Zambia"), places across which it was held and places it rocked. The people of
that place protest, at their own government; a protest no word places, in a sentence naming no other country, is
the story's own country's. Sentences written for these tests, run through every stage with the lexicon's own
candidates (no verifier)."""

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


def test_a_place_across_which_rallies_were_held_is_where_they_were(nlp) -> None:
    doc = candidates(nlp, "Rallies were held across Kenya on Friday.")
    assert countries(event_at(doc, "Rallies").actors) == ["KEN"]


def test_a_place_around_which_counted_rallies_took_place(nlp) -> None:
    doc = candidates(nlp, "Dozens of rallies took place around Peru this week.")
    assert countries(event_at(doc, "rallies").actors) == ["PER"]


def test_the_place_protests_rocked_is_where_they_were(nlp) -> None:
    doc = candidates(nlp, "Similar protests that rocked Kenya last year were put down by the police.")
    assert countries(event_at(doc, "protests").actors) == ["KEN"]


def test_the_object_of_another_verb_of_the_protest_is_no_place(nlp) -> None:
    doc = candidates(nlp, "Similar protests that angered Kenya last year were put down by the police.")
    assert event_at(doc, "protests").actors == []


def test_a_protest_nobody_is_named_for_is_the_story_country_s_crowd(nlp) -> None:
    doc = candidates(nlp, "Police in Nairobi arrested dozens in Kenya on Monday. Shops in the capital stayed shut "
                          "ahead of Friday's rallies.")
    event = event_at(doc, "rallies")
    assert countries(event.actors) == ["KEN"]
    assert countries(event.recipients) == ["KEN"]


def test_a_sentence_naming_another_country_leaves_the_protest_alone(nlp) -> None:
    doc = candidates(nlp, "Police in Nairobi arrested dozens in Kenya on Monday. In Peru during the 2007 protests, "
                          "police fired on crowds.")
    assert event_at(doc, "protests").actors == []


def test_a_protest_whose_makers_are_named_is_not_the_story_s(nlp) -> None:
    doc = candidates(nlp, "Police in Nairobi arrested dozens in Kenya on Monday. Protests by the night shift went "
                          "on for a week.")
    assert event_at(doc, "Protests").actors == []


def test_a_story_of_one_sentence_has_no_country_of_its_own(nlp) -> None:
    doc = candidates(nlp, "Shops in Nairobi, Kenya, stayed shut ahead of Friday's rallies.")
    assert event_at(doc, "rallies").actors == []


def test_a_round_up_of_many_countries_has_no_story_country(nlp) -> None:
    doc = candidates(nlp, "Police in Nairobi and Mombasa arrested dozens in Kenya. Crowds gathered in Kampala, Uganda, "
                          "and in Lusaka, Zambia, and in Harare, Zimbabwe. Shops stayed shut ahead of Friday's "
                          "rallies.")
    assert event_at(doc, "rallies").actors == []
