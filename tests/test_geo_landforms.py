"""Hills and islands take "on" where towns take "in": "a hearing on Capitol Hill" names a place and puts the hearing
there, while "on" before a day, a company or a town cues nothing. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_a_hill_after_on_is_a_place_and_the_act_is_there(nlp) -> None:
    doc = extracted(nlp, "Senators questioned the oil chief at a hearing on Capitol Hill on Thursday.")
    assert "Capitol Hill" in [p.text for p in doc.places]
    location = event_at(doc, "hearing").location
    assert location is not None and location.name == "Capitol Hill" and location.country_code == "US"
    assert "on Capitol Hill" in (location.basis or "")


def test_on_before_a_day_or_a_company_cues_no_place(nlp) -> None:
    doc = extracted(nlp, "Regulators imposed a fine on Shell on Monday after talks on Tuesday.")
    assert [p.text for p in doc.places] == []


def test_an_attack_on_a_town_is_still_aimed_at_it_not_a_landform(nlp) -> None:
    doc = extracted(nlp, "Rebels launched an attack on Homs on Friday.")
    assert "Homs" in [p.text for p in doc.places]
