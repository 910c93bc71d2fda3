"""A sentence that lists several states places no generic agent near it (`nearby._one_of_a_list`): "outbreaks in
Norway, Poland, Austria and Greece" says nothing of whose "federal government" the next sentence means, and the
last state named (Greece) was the guess before; the article's main country stands in. Sentences written for the
tests, run through the real places and actors stages."""

from __future__ import annotations

from stage_run import actor


def test_a_list_of_states_leaves_the_body_to_the_story_s_country(staged) -> None:
    doc = staged("The mayor of Manchester met doctors in Leeds and Liverpool on Monday. "
                 "Outbreaks were reported in Norway, Poland, Austria, Portugal and Greece. "
                 "The mayor's aides are negotiating with the federal government over vaccine supplies.")
    assert actor(doc, "government").country == "GBR"


def test_one_state_named_before_still_places_the_body(staged) -> None:
    doc = staged("The mayor of Manchester met doctors in Leeds and Liverpool on Monday. "
                 "Outbreaks were reported in Greece. "
                 "The health ministry said it would close schools for a week.")
    assert actor(doc, "The health ministry").country == "GRC"


def test_a_list_that_holds_the_story_s_country_still_gives_it(staged) -> None:
    doc = staged("The mayor of Manchester met doctors in Leeds and Liverpool on Monday. "
                 "Outbreaks were reported in Norway, Britain, Austria and Greece. "
                 "The health ministry said it would close schools for a week.")
    assert actor(doc, "The health ministry").country == "GBR"


def test_countries_named_apart_are_no_list(staged) -> None:
    doc = staged("A Chilean court ordered the former minister Jorge Alvarado to testify about arms sales to Peru "
                 "and Bolivia.")
    assert actor(doc, "minister Jorge Alvarado").country == "CHL"
