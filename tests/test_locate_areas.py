"""Event location (issue 10, twelfth session): a wider place the text gives beside a town does not take the town's
place; a country fallback is the whole country; an act named by a gerund or done by "the blast of" something takes
the place of the clause it is in. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, event_telling, extracted


def test_a_dateline_town_keeps_talks_when_the_story_names_only_its_state(nlp) -> None:
    """A scene that is the dateline town's own state has not moved the story away from the town."""
    doc = extracted(nlp, "AUSTIN, Texas (Reuters) - Farmers protested in Texas on Saturday. "
                         "Governor Greg Abbott met farm leaders on Sunday.")
    talks = event_at(doc, "met").location
    assert talks is not None and talks.name == "Austin" and "dateline" in (talks.basis or "")


def test_a_scene_in_another_state_still_keeps_the_dateline_town_off(nlp) -> None:
    doc = extracted(nlp, "AUSTIN, Texas (Reuters) - Farmers protested in Oklahoma on Saturday. "
                         "Governor Greg Abbott met farm leaders on Sunday.")
    assert event_at(doc, "met").location is None


def test_the_state_named_after_the_town_does_not_replace_the_town_as_the_scene(nlp) -> None:
    doc = extracted(nlp, "Troops detained a farmer at a checkpoint in Tampico, in the Mexican state of Tamaulipas, on "
                         "Friday. Smoke inhalation killed three children.")
    killed = event_at(doc, "killed").location
    assert killed is not None and killed.name == "Tampico" and killed.basis.startswith("scene of the story")


def test_a_town_the_sentence_gives_wins_over_the_country_part_holding_it(nlp) -> None:
    doc = extracted(nlp, "Riot police clashed with protesters in Lyon, in eastern France, on Friday.")
    clash = event_at(doc, "clashed").location
    assert clash is not None and clash.name == "Lyon" and clash.precision == "point"


def test_the_country_of_a_domestic_act_is_the_whole_country_not_a_part_named_elsewhere(nlp) -> None:
    doc = extracted(nlp, "Sandstorms swept across southern Iraq last week. "
                         "Iraqi police arrested twelve Iraqi protesters on Monday.")
    arrest = event_at(doc, "arrested").location
    assert arrest is not None and arrest.name == "Iraq" and arrest.precision == "country"
    assert "southern" not in (arrest.basis or "")


def test_a_gerund_subject_takes_the_place_of_its_verb(nlp) -> None:
    fighting = event_at(extracted(nlp, "Fighting continued in Iraq last week."), "Fighting").location
    assert fighting is not None and fighting.name == "Iraq" and "'continued … Fighting'" in fighting.basis


def test_an_act_done_by_the_blast_of_a_bomb_is_where_the_bomb_was(nlp) -> None:
    doc = extracted(nlp, "A customs officer was killed by the blast of a car bomb in Kirkuk on Sunday, officials said.")
    killed = event_at(doc, "killed").location
    assert killed is not None and killed.name == "Kirkuk" and "'bomb' of 'killed'" in killed.basis


def test_a_place_of_a_possessor_after_of_is_still_no_agents_place(nlp) -> None:
    """Only the agent's own "of" phrase carries its place: a place on what the agent is "of" elsewhere does not."""
    doc = extracted(nlp, "The two journalists were released by the kidnappers on Monday, "
                         "after talks with the mayor of Basra.")
    released = event_at(doc, "released").location
    assert released is None or released.name != "Basra"


def test_a_place_beside_the_story_is_no_scene_of_its_later_acts(nlp) -> None:
    """"The neighbouring Dominican Republic" in a story of Haiti: the landing happened there, the later acts did not."""
    doc = extracted(nlp, "Thousands of Haitians protested in Port-au-Prince on Friday. A plane carrying aid landed in "
                         "the neighbouring Dominican Republic. Haitian police fired tear gas at the protesters.")
    fired = event_at(doc, "fired").location
    assert fired is not None and fired.name == "Port-au-Prince"


def test_a_place_that_saw_the_act_is_where_it_happened(nlp) -> None:
    doc = extracted(nlp, "The city of Homs saw fierce fighting between rebels and government troops last week.")
    fighting = event_at(doc, "fighting").location
    assert fighting is not None and fighting.name == "Homs" and "saw" in (fighting.basis or "")


def test_a_river_is_no_dot_of_an_act_aimed_along_it(nlp) -> None:
    """A river is a line: its middle point is no place of an act."""
    assert event_at(extracted(nlp, "Gunmen fought soldiers on the Tigris on Monday."), "fought").location is None


def test_the_place_that_saw_the_act_wins_over_a_river_beside_it(nlp) -> None:
    doc = extracted(nlp, "In 2016 Mosul, on the Tigris north of Baghdad, saw heavy fighting between Iraqi forces and "
                         "Islamic State.")
    fighting = event_at(doc, "fighting").location
    assert fighting is not None and fighting.name == "Mosul"


def test_an_act_a_placed_happening_led_to_in_a_relative_clause_is_placed_with_it(nlp) -> None:
    """The relative pronoun stands for the noun the clause hangs on, even where the parser hangs the clause on the
    place itself ("clashes in Lyon, which led to forty arrests")."""
    doc = extracted(nlp, "Police reported clashes in Lyon, which led to forty arrests on Saturday.")
    arrests = event_at(doc, "arrests").location
    assert arrests is not None and arrests.name == "Lyon" and "'clashes', which 'led'" in arrests.basis


def test_a_relative_clause_of_a_party_elsewhere_places_no_act(nlp) -> None:
    doc = extracted(nlp, "The minister, who lives in Lyon, ordered forty arrests on Saturday.")
    assert event_telling(doc, "arrests").location is None


def test_an_encounter_coded_as_no_event_still_sets_the_scene_of_the_fighting_after_it(nlp) -> None:
    doc = extracted(nlp, "The award praises her courage in two brief encounters in the town of Basra last "
                         "spring. The patrol was repeatedly attacked by gunmen.")
    attacked = event_at(doc, "attacked").location
    assert attacked is not None and attacked.name == "Basrah" and "'encounters … Basra'" in attacked.basis
