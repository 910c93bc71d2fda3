"""An act told in a "where" clause on a place happened there (`events.where_clauses`): a signing after a journey to
Geneva, a shelling of rebels who retreated to Homs; not an act in a phrase of its own inside the clause, nor a clause
"where" opens on no place. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted


def _where(nlp, text: str, trigger: str) -> str | None:
    location = event_at(extracted(nlp, text), trigger).location
    return location.name if location else None


def test_a_signing_in_a_where_clause_is_at_its_place(nlp) -> None:
    text = "The minister travelled to Geneva, where she signed the agreement on Monday."
    assert _where(nlp, text, "signed") == "Geneva"
    assert _where(nlp, text, "agreement") == "Geneva"


def test_a_shelling_in_a_where_clause_is_at_its_place(nlp) -> None:
    text = "The rebels retreated to Homs, where government forces shelled them for a week."
    assert _where(nlp, text, "shelled") == "Homs"


def test_an_act_in_a_phrase_of_its_own_inside_the_clause_is_not_placed_by_it(nlp) -> None:
    text = ("Hundreds of families fled to Basra, where the worst flooding since the invasion of Kuwait destroyed "
            "their homes.")
    assert _where(nlp, text, "invasion") != "Basra"


def test_where_opening_no_relative_clause_places_nothing(nlp) -> None:
    text = "Officials in Lagos said on Monday that nobody knew where the attack took place."
    assert _where(nlp, text, "attack") is None
