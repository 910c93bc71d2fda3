"""State bodies the Phoenix files lack, added to the supplement as data (issue 9): police forces and agencies whose
name fixes their country ("the NYPD", "the RCMP"), and police or sheriff's bodies named by their place ("the
Saskatoon Police Service"), which take the place's country as "police" does; a demonym before a body named the
same in many states still decides its country ("the German Foreign Office"). Sentences written for the test, run
through the real places and actors stages."""

from __future__ import annotations


def _codes(doc) -> list[tuple[str, str | None, str | None]]:
    return [(a.text, a.country, a.sector) for a in doc.actors]


def test_a_city_police_department_known_by_its_initials_is_that_country_s_police(staged) -> None:
    doc = staged("The NYPD said two men were arrested after the rally. The RCMP opened an inquiry.")
    assert ("The NYPD", "USA", "COP") in _codes(doc)
    assert ("The RCMP", "CAN", "COP") in _codes(doc)


def test_a_police_service_named_by_its_town_takes_the_town_s_country(staged) -> None:
    doc = staged("A man was detained in Saskatoon on Sunday, the Saskatoon Police Service said.")
    police = [a for a in doc.actors if a.text.endswith("Police Service")]
    assert [(a.country, a.sector) for a in police] == [("CAN", "COP")]


def test_a_foreign_office_named_by_its_demonym_stays_that_country_s(staged) -> None:
    doc = staged("The German Foreign Office summoned the ambassador on Monday.")
    assert [a.country for a in doc.actors if "Foreign Office" in a.text] == ["DEU"]


def test_a_cabinet_office_the_phoenix_agents_lack_joins_its_demonym_and_holder(staged) -> None:
    doc = staged("Kenyan Health Secretary Jane Wanjiru urged the striking doctors to return to work.")
    assert [(a.country, a.sector) for a in doc.actors if "Wanjiru" in a.text] == [("KEN", "GOV")]
