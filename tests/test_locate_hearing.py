"""An act told as part of a hearing, in a report filed from a capital, is placed at that capital whatever the parties'
countries (a foreign witness came to the hearing); a dateline town that is no capital, or a sentence naming a town
elsewhere, gives none. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_telling, extracted

#: A hearing told under a capital's dateline, its witness of another country.
HEARING = ("WASHINGTON (Reuters) - Senators questioned the head of a Dutch shipping firm on Tuesday over a collision "
           "in the harbour. Under sharp questioning from senators, Jan de Vries apologised to the families of the "
           "crew.")


def _where(doc, trigger: str) -> str | None:
    location = event_telling(doc, trigger).location
    return location.name if location else None


def test_a_foreign_witness_at_a_hearing_is_placed_at_the_capital_it_is_reported_from(nlp) -> None:
    doc = extracted(nlp, HEARING)
    assert _where(doc, "apologised") == "Washington"
    assert "the seat of the hearing" in (event_telling(doc, "apologised").location.basis or "")


def test_a_hearing_reported_from_a_town_that_is_no_capital_is_not_placed_there(nlp) -> None:
    assert _where(extracted(nlp, HEARING.replace("WASHINGTON", "NEW ORLEANS")), "apologised") is None


def test_a_hearing_whose_sentence_names_a_town_elsewhere_is_not_placed_at_the_capital(nlp) -> None:
    text = HEARING.replace("Under sharp questioning from senators,", "Under sharp questioning at a field hearing in "
                                                                     "Chalmette, Louisiana,")
    assert _where(extracted(nlp, text), "apologised") != "Washington"


def test_a_hearing_whose_sentence_names_no_legislature_is_not_placed_at_the_capital(nlp) -> None:
    text = ("WASHINGTON (Reuters) - The shipping firm asked the appeals judge on Tuesday to halt the fine. Under sharp "
            "questioning at the hearing, Jan de Vries apologised to the families of the crew.")
    assert _where(extracted(nlp, text), "apologised") is None  # a court's hearing sits wherever the court does


def test_a_members_home_state_does_not_move_the_hearing(nlp) -> None:
    text = HEARING.replace("Under sharp questioning from senators,", "Under sharp questioning from Senator Jane Roe "
                                                                     "of Ohio,")
    assert _where(extracted(nlp, text), "apologised") == "Washington"


def test_an_act_in_a_when_clause_of_a_hearing_is_placed_at_the_capital(nlp) -> None:
    text = ("WASHINGTON (Reuters) - During Thursday's hearing, a senator startled the committee when he praised the "
            "Japanese carmaker for its recall.")
    assert _where(extracted(nlp, text), "praised") == "Washington"


def test_an_act_in_a_when_clause_of_a_sentence_telling_no_hearing_is_not_placed(nlp) -> None:
    text = ("WASHINGTON (Reuters) - A senator startled the committee on Thursday when he praised the Japanese "
            "carmaker for its recall.")
    assert _where(extracted(nlp, text), "praised") is None
