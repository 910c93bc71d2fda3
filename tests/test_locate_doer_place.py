"""A statement or decision is placed where its subject is said to be, or at a place opening its sentence
(`events.doer_place`); not by an object's place, a body's name, a doer in several places, a doer posted abroad, nor an
opening place over a clause of another time or a relative clause. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_telling, extracted


def _where(nlp, text: str, trigger: str) -> str | None:
    location = event_telling(extracted(nlp, text), trigger).location
    return location.name if location else None


def test_a_body_placed_by_its_own_noun_places_its_recommendation(nlp) -> None:
    text = "The Lutheran Church in Norway has advised that pastors stop serving a shared cup at services."
    assert _where(nlp, text, "advised") == "Norway"


def test_officials_at_an_embassy_in_a_town_criticise_there(nlp) -> None:
    assert _where(nlp, "Officials at the French embassy in Paris criticised the decision on Monday.",
                  "criticised") == "Paris"


def test_a_place_opening_the_sentence_places_a_concession(nlp) -> None:
    text = "In Nepal the king ruled alone for a year and then began to yield power."
    assert _where(nlp, text, "yield") == "Nepal"


def test_a_place_opening_the_sentence_places_an_expulsion_told_in_its_subject(nlp) -> None:
    text = ("In Canberra, two of the Venezuelan attaches being expelled were seen carrying boxes out of the "
            "consulate.")
    assert _where(nlp, text, "expelled") == "Canberra"


def test_the_place_of_whom_an_act_reached_does_not_place_it(nlp) -> None:
    assert _where(nlp, "Mr Smith urged officials in Lagos to release the prisoners.", "urged") is None


def test_a_place_word_in_a_body_name_does_not_place_its_member(nlp) -> None:
    text = "A geologist at the University of Texas who has studied the spill criticised the plan."
    assert _where(nlp, text, "criticised") is None


def test_a_doer_posted_abroad_speaks_for_its_state_unplaced(nlp) -> None:
    text = "Chile's consulate in Madrid has cautioned that Chilean students could lose their visas."
    assert _where(nlp, text, "cautioned") is None


def test_an_opening_place_does_not_place_an_approval_of_another_time(nlp) -> None:
    text = "In Madrid, the bank's shares rose sharply after the regulator approved the merger."
    assert _where(nlp, text, "approved") is None


def test_an_opening_place_does_not_place_a_deal_the_clause_speaks_of(nlp) -> None:
    assert _where(nlp, "In Madrid, the bank's shares rose as investors welcomed the deal.", "deal") is None
