"""Event location (issue 10, fourteenth session): the dateline town is where the reporter was, so it places no act
whose own sentence names a town or state elsewhere, nor the words of a figure of the state filed from a town that is not
its capital; a seat of government named by its building stands for its capital. Sentences written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

from dateline.events.seats import state_figure
from stage_run import event_at, extracted, location_of


def test_a_state_body_filed_from_a_town_is_not_placed_at_the_town(nlp) -> None:
    assert location_of(nlp, "DENVER, Colorado (AP) -- The Environmental Protection Agency accused the company of "
                            "hiding test results on Monday.", "accused") is None


def test_a_state_body_filed_from_its_capital_keeps_the_capital(nlp) -> None:
    location = location_of(nlp, "WASHINGTON (AP) -- The Environmental Protection Agency accused the company of "
                                "hiding test results on Monday.", "accused")
    assert location is not None and location.name == "Washington" and "dateline" in (location.basis or "")


def test_a_generic_official_filed_from_a_town_keeps_the_town(nlp) -> None:
    location = location_of(nlp, "DENVER, Colorado (AP) -- City officials accused the company of hiding test results "
                                "on Monday.", "accused")
    assert location is not None and location.name == "Denver"


def test_a_sentence_naming_another_state_keeps_the_dateline_town_off(nlp) -> None:
    location = location_of(nlp, "DENVER, Colorado (AP) -- Utah officials accused the company of hiding test results "
                                "on Monday.", "accused")
    assert location is None or location.name != "Denver"


def test_a_figure_of_the_state_is_told_apart_from_countries_and_agents() -> None:
    named = "Phoenix.Countries.actors.txt: ENVIRONMENTAL_PROTECTION_AGENCY_ [USAGOVENV]"
    through_pronoun = f"pronoun 'He' -> 'Obama' at 30: coreference: 'Obama' at 3; {named}"
    country = "Phoenix.Countries.actors.txt: UNITED_STATES_OF_AMERICA_ [USA] + Phoenix.agents.txt: OFFICIAL [~GOV]"
    agent_after = f"{named} + supplement.tsv: DEMONSTRATOR [~CVL]"
    assert state_figure(SimpleNamespace(entry=named)) and state_figure(SimpleNamespace(entry=through_pronoun))
    assert not state_figure(SimpleNamespace(entry=country)) and not state_figure(SimpleNamespace(entry=agent_after))
    assert not state_figure(SimpleNamespace(entry=None))


def test_a_white_house_meeting_is_in_washington_not_in_tennessee(nlp) -> None:
    doc = extracted(nlp, "WASHINGTON (Reuters) - Oil executives met officials at the White House on Monday.")
    house = next(p for p in doc.places if p.text == "White House")
    assert house.country_code == "US" and house.admin1 == "Washington, D.C."
    location = event_at(doc, "met").location
    assert location is not None and location.name == "Washington"


def test_a_company_acting_is_not_placed_in_the_country_of_its_seat(nlp) -> None:
    assert location_of(nlp, "The United States imports much of its oil. Weeks later, Exxon Mobil attacked American "
                            "protesters at a depot.", "attacked") is None


def test_protesters_acting_against_a_company_of_their_country_keep_the_country(nlp) -> None:
    location = location_of(nlp, "Oil prices in the United States rose again. American protesters blockaded an Exxon "
                                "Mobil depot on Monday.", "blockaded")
    assert location is not None and location.name == "United States"


def test_a_river_named_in_the_sentence_does_not_move_the_act_off_the_dateline_town(nlp) -> None:
    location = location_of(nlp, "CAIRO, Egypt (CNN) -- Police arrested forty protesters on a bridge over the Nile "
                                "River on Friday.", "arrested")
    assert location is not None and location.name == "Cairo"


def test_a_town_someone_came_from_does_not_move_a_physical_act_off_the_dateline_town(nlp) -> None:
    location = location_of(nlp, "MANILA, Philippines (Reuters) - Philippine police detained a Filipino nurse on "
                                "Monday, a day after she returned from Chicago.", "detained")
    assert location is not None and location.name == "Manila" and "dateline" in (location.basis or "")
    assert location_of(nlp, "MANILA, Philippines (Reuters) - Philippine police detained a Filipino nurse on Monday, "
                            "a day after she returned to Chicago.", "detained") is None


def test_a_seat_of_government_the_supplement_names_speaks_from_the_capital(nlp) -> None:
    """The supplement's national bodies and leaders ("White House [USAGOV]") are figures of the state as Phoenix's
    country lines are: their words reported from a town that is not the capital were not said there."""
    assert location_of(nlp, "DENVER, Colorado (AP) -- The White House criticized the company for hiding test results "
                            "on Monday.", "criticized") is None


def test_the_supplements_bodies_of_no_state_and_its_agents_are_no_figures_of_a_state() -> None:
    assert state_figure(SimpleNamespace(entry="supplement.tsv: White House [USAGOV]"))
    assert state_figure(SimpleNamespace(entry="supplement.tsv: Pentagon [USAMIL]"))
    assert not state_figure(SimpleNamespace(entry="supplement.tsv: United Nations [IGOUNO]"))  # no state's
    assert not state_figure(SimpleNamespace(entry="supplement.tsv: CNN [USAMED]"))  # a broadcaster, not the state
    assert not state_figure(SimpleNamespace(entry="supplement.tsv: the West [WSTGOV]"))
    assert not state_figure(SimpleNamespace(entry="supplement.tsv: PRESIDENT [~GOV]"))  # a generic agent
