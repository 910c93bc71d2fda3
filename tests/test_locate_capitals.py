"""Event location (issue 10, thirteenth session): "the capital" stands for the capital the article names of the country
it refers to, and a town the act's own event was placed at stays the scene when a wider place is stated for the act
too. Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_a_capital_named_by_its_nationality_is_that_countrys_capital_the_article_names(nlp) -> None:
    doc = extracted(nlp, "Jordanian officials said rallies were held in Amman on Thursday. "
                         "Students marched through the Jordanian capital again on Friday.")
    marched = event_at(doc, "marched").location
    assert marched is not None and marched.name == "Amman"
    assert "'the Jordanian capital' read as Amman" in marched.basis


def test_a_bare_capital_is_the_capital_of_the_country_named_just_before(nlp) -> None:
    doc = extracted(nlp, "In Yemen, opposition leaders met in Sanaa on Wednesday. "
                         "On Thursday, police clashed with students in the capital.")
    clashed = event_at(doc, "clashed").location
    assert clashed is not None and clashed.name == "Sanaa" and "'the capital' read as Sanaa" in clashed.basis


def test_a_capital_the_article_never_names_places_nothing(nlp) -> None:
    doc = extracted(nlp, "Bolivian troops clashed with miners in the capital on Friday.")
    assert event_at(doc, "clashed").location is None


def test_a_states_capital_is_not_the_countrys(nlp) -> None:
    doc = extracted(nlp, "Nigerian ministers met in Abuja on Monday. "
                         "In Oyo, police arrested forty students in the state capital on Tuesday.")
    arrested = event_at(doc, "arrested").location
    assert arrested is None or arrested.name != "Abuja"


def test_a_capital_followed_by_its_name_is_that_town_however_the_name_is_parsed(nlp) -> None:
    doc = extracted(nlp, "Police in Egypt arrested forty students in the capital, Cairo, on Monday.")
    arrested = event_at(doc, "arrested").location
    assert arrested is not None and arrested.name == "Cairo" and "the name the phrase gives it" in arrested.basis


def test_an_act_told_in_the_capital_sets_the_scene_of_the_next(nlp) -> None:
    doc = extracted(nlp, "Lima is home to ten million people. Looters clashed with police in the capital on Tuesday. "
                         "Police arrested twenty men.")
    arrested = event_at(doc, "arrested").location
    assert arrested is not None and arrested.name == "Lima" and arrested.basis.startswith("scene of the story")


def test_the_town_an_act_was_placed_at_stays_the_scene_when_its_state_is_stated_too(nlp) -> None:
    """"outside a bakery in Tampico" ties the town to the bakery, "in the Mexican state of Tamaulipas" the state to
    the verb: the act is placed at the town, and so is the story's next act."""
    doc = extracted(nlp, "Police detained a trader outside a bakery in Tampico, in the Mexican state of "
                         "Tamaulipas, on Friday. Soldiers later arrested two of his cousins.")
    assert event_at(doc, "detained").location.name == "Tampico"
    arrested = event_at(doc, "arrested").location
    assert arrested is not None and arrested.name == "Tampico" and arrested.basis.startswith("scene of the story")


def test_a_bare_capital_is_not_the_earlier_places_when_its_sentence_names_another_country(nlp) -> None:
    doc = extracted(nlp, "Officials in Madrid urged calm on Friday. "
                         "Chilean police arrested forty students in the capital on Saturday.")
    arrested = event_at(doc, "arrested").location
    assert arrested is None or arrested.name != "Madrid"


def test_a_provincial_capital_is_not_the_country_s_named_before(nlp) -> None:
    # the sub-national modifier alone tells it: "provincial" names no country, so the last place (Abuja) would be taken
    doc = extracted(nlp, "Nigerian ministers met in Abuja on Monday. "
                         "Police arrested forty students in the provincial capital on Tuesday.")
    arrested = event_at(doc, "arrested").location
    assert arrested is None or arrested.name != "Abuja"


def test_a_word_of_how_the_capital_looks_does_not_hide_whose_it_is(nlp) -> None:
    doc = extracted(nlp, "In Yemen, opposition leaders met in Sanaa on Wednesday. "
                         "On Thursday, police clashed with students in the sprawling capital.")
    clashed = event_at(doc, "clashed").location
    assert clashed is not None and clashed.name == "Sanaa"
