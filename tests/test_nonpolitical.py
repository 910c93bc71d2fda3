"""Non-political frames (events.frame): hazards, disease, accidents, sport and business give no political
event, while the same verbs with a political agent keep theirs. The lexicon's candidates are checked with
the learned verifier and detector off, so each test shows the rule, not a model's judgement."""

from __future__ import annotations

import pytest

from dateline.events.frame import frame_features
from dateline.model import Document
from stage_run import candidates


def types_of(doc: Document) -> set[str]:
    return {e.type for e in doc.events}


@pytest.mark.parametrize("text", [
    "A powerful earthquake struck eastern Turkey on Monday, killing 31 people.",
    "Floodwaters destroyed two bridges in the north of the province last week.",
    "A landslide killed seven villagers in the hills above the town on Sunday.",
    "Typhoon Hagibis battered the coast on Saturday, killing at least 12 people.",
    "Cholera has killed more than 200 people in the region since March.",
    "Eleven people were killed in the floods, officials said.",
    "At least 30 people were killed after a powerful earthquake hit the island.",
    "Rescuers searched for survivors of the earthquake that hit the coast on Monday.",
    "A meteor exploded over the Urals on Friday, injuring 500 people.",
    "Hundreds were forced from their homes by the Colorado wildfire.",
    "Twelve people killed as floods swept through the valley overnight.",
])
def test_natural_hazards_and_disease_are_no_agents(nlp, text: str) -> None:
    assert not types_of(candidates(nlp, text)) & {"ASSAULT", "COERCE"}


@pytest.mark.parametrize("text", [
    "The measles virus is suspected of killing 40 children in the camps.",
    "A new strain of the virus, suspected of killing dozens of people in the capital, has reached the coast.",
    "Health workers fear the measles virus, which is now suspected of killing 30 people, could spread further.",
])
def test_a_disease_suspected_of_killing_is_the_agent_of_the_killing(nlp, text: str) -> None:
    """The one suspected (or blamed, jailed) of doing an act is its doer: a disease suspected of killing kills."""
    assert "ASSAULT" not in types_of(candidates(nlp, text))


def test_militants_suspected_of_killing_still_attack(nlp) -> None:
    assert "ASSAULT" in types_of(candidates(nlp, "The militants are suspected of killing 40 villagers."))


@pytest.mark.parametrize("text", [
    "The virus has been implicated in the deaths of 20 people.",
    "Cholera was blamed for the deaths of 40 children in the camp.",
])
def test_a_disease_blamed_is_no_party_accused(nlp, text: str) -> None:
    assert "ACCUSE" not in types_of(candidates(nlp, text))


def test_a_militia_blamed_is_still_accused(nlp) -> None:
    assert "ACCUSE" in types_of(candidates(nlp, "The militia has been implicated in the deaths of 20 people."))


def test_a_relative_pronoun_parsed_as_a_second_subject_stands_for_the_disease(nlp) -> None:
    """The parser makes "killed" the main verb with two subjects, the epidemic and "that": the epidemic kills."""
    text = ("An epidemic of the fever , known locally as the red sickness , that has killed at least 90 people -- "
            "mostly in the north -- has led the ministry to close schools .")
    assert "ASSAULT" not in types_of(candidates(nlp, text))


def test_the_same_relative_pronoun_for_a_rebel_offensive_stays_an_assault(nlp) -> None:
    text = ("The rebel offensive , that has killed at least 90 soldiers -- mostly in the north -- has led the ministry "
            "to close schools .")
    assert "ASSAULT" in types_of(candidates(nlp, text))


def test_a_hazard_the_parser_made_the_object_of_since_is_the_agent(nlp) -> None:
    """"since the storm hit" parses "storm" as the object of "since" and "hit" as a clause with no subject."""
    text = "More than 500 people have died since Friday's earthquake hit the country's capital, Lima."
    assert "ASSAULT" not in types_of(candidates(nlp, text))


def test_militants_the_parser_made_the_object_of_since_still_attack(nlp) -> None:
    text = "More than 500 people have died since Friday's rebel militias hit the country's capital, Lima."
    assert "ASSAULT" in types_of(candidates(nlp, text))


@pytest.mark.parametrize("text", [
    "A boiler at the textile factory exploded on Tuesday, injuring nine workers.",
    "A gas explosion at a coal mine killed 14 miners on Thursday.",
    "A minibus plunged off a bridge near the border, killing 17 passengers.",
    "A blaze at a hotel killed six guests early on Friday.",
    "A fertilizer plant exploded near the town on Wednesday, injuring dozens.",
    "Peru bus crash kills 24 passengers on a mountain road.",
    "An explosion on the drilling rig killed eleven workers in April.",
    "Nine workers died when an explosion destroyed the gas platform in the North Sea.",
    "The company's drilling rig near the coast exploded, killing nine workers.",
])
def test_accidents_and_industrial_blasts_are_no_assaults(nlp, text: str) -> None:
    assert "ASSAULT" not in types_of(candidates(nlp, text))


@pytest.mark.parametrize("text", [
    "Syrian government forces shelled the town on Monday, killing 31 people.",
    "Israeli fire killed two men near the border fence on Friday.",
    "A car bomb exploded outside the ministry in Baghdad, killing nine people.",
    "An explosion at a crowded market killed 20 people on Sunday.",
    "An explosion destroyed the police station in the border town on Monday.",
    "A wave of violence killed 40 people across the capital on Sunday.",
    "Rebel fighters rammed a truck into the checkpoint, killing four soldiers.",
    "Two protesters were killed by police during the storm on Friday.",
])
def test_political_and_possible_attacks_stay_assaults(nlp, text: str) -> None:
    assert "ASSAULT" in types_of(candidates(nlp, text))


def test_police_at_a_match_still_arrest(nlp) -> None:
    doc = candidates(nlp, "Police arrested 40 supporters after the cup final in Glasgow on Saturday.")
    assert "COERCE" in types_of(doc)


@pytest.mark.parametrize("text", [
    "Rival gangs fought with knives ahead of the derby in the old port on Saturday.",
    "Masked men attacked a bus of pilgrims prior to the match in the northern city.",
])
def test_a_time_adjunct_naming_a_match_is_no_sport_frame(nlp, text: str) -> None:
    """A match named only as the time of the act ("ahead of", "prior to", like "after") is background, not a
    sport result."""
    assert "ASSAULT" in types_of(candidates(nlp, text))


@pytest.mark.parametrize("text", [
    "Magnitude 6.8 quake strikes southern Peru.",
    "Yahoo/Space- Magnitude 6.9 quake strikes eastern Indonesia: JAKARTA (Reuters) - A 6.9 magnit...",
])
def test_a_headline_hazard_parsed_as_apposition_or_compound_is_the_agent(nlp, text: str) -> None:
    """A headline's hazard the parser hangs on the subject as an apposition, or on the verb as a compound, is still
    what strikes."""
    assert "ASSAULT" not in types_of(candidates(nlp, text))


def test_sport_results_are_no_assaults(nlp) -> None:
    doc = candidates(nlp, "Brazil defeated Croatia 3-1 in the quarter-final of the tournament on Friday.")
    assert "ASSAULT" not in types_of(doc)


def test_a_state_body_jailing_players_is_still_coerce(nlp) -> None:
    doc = candidates(nlp, "The military authorities jailed twelve players for joining a banned football tournament.")
    assert "COERCE" in types_of(doc)


def test_business_deals_are_no_political_agreements(nlp) -> None:
    doc = candidates(nlp, "Siemens agreed to acquire a Swiss software company for $2 billion on Monday.")
    assert not types_of(doc) & {"AGREE", "COOPERATE"}


def test_a_government_deal_stays_an_agreement(nlp) -> None:
    doc = candidates(nlp, "Japan agreed on Monday to buy 40 fighter jets from the United States.")
    assert "AGREE" in types_of(doc)


@pytest.mark.parametrize("text", [
    "BP's internal investigation blamed its contractors for the blowout.",
    "BP's probe blamed Transocean and Halliburton for the blast.",
])
def test_a_companys_dispute_with_companies_is_no_accusation(nlp, text: str) -> None:
    """A known business accusing, rejecting or threatening only businesses, or no one named, is business news."""
    assert "ACCUSE" not in types_of(candidates(nlp, text))


def test_a_companys_answer_to_a_companys_charge_is_no_rejection(nlp) -> None:
    assert not types_of(candidates(nlp, "Exxon rejected the accusations made by BP.")) & {"ACCUSE", "REJECT"}


@pytest.mark.parametrize("text", [
    "BP accused the US government of delaying the drilling permits.",
    "The police accused Shell of polluting the delta.",
    "BP's internal investigation blamed federal regulators for the blowout.",
])
def test_a_dispute_with_a_state_party_stays_an_accusation(nlp, text: str) -> None:
    assert "ACCUSE" in types_of(candidates(nlp, text))


def trigger_features(nlp, text: str, trigger: str) -> list[str]:
    doc = nlp(text)
    return frame_features(next(t for t in doc if t.text == trigger))


def test_undecided_signals_are_features_for_the_models(nlp) -> None:
    assert "frame_agent=private" in trigger_features(nlp, "A man stabbed his brother in a row over money.", "stabbed")
    blast = trigger_features(nlp, "An explosion at a crowded market killed 20 people.", "killed")
    assert "frame_agent=blast" in blast and "frame_site" not in blast
    assert "frame_mishap" in trigger_features(nlp, "A ferry capsized in the storm, killing 40 people.", "killing")
    assert "frame_sport" in trigger_features(nlp, "Chelsea crushed Arsenal in the league on Sunday.", "crushed")
    assert "frame_sport" not in trigger_features(nlp, "Police arrested 40 fans after the final.", "arrested")


def test_a_relative_clause_the_parser_hung_on_the_verb_stands_for_the_noun_before_its_comma(nlp) -> None:
    """", which struck" is parsed as an adverbial clause of "died": "which" stands for the disaster before it."""
    text = "Some 3,000 villagers are thought to have drowned in the disaster , which struck the valley last Tuesday ."
    assert "ASSAULT" not in types_of(candidates(nlp, text))


def test_the_same_relative_clause_after_a_militia_stays_an_assault(nlp) -> None:
    text = "Some 3,000 villagers are thought to have fled the militia , which struck the valley last Tuesday ."
    assert "ASSAULT" in types_of(candidates(nlp, text))


@pytest.mark.parametrize("text", [
    "Labs have confirmed 900 infections with the new strain that has killed 31 people in the south .",
    "A new form of the virus has killed 31 people in the south since April .",
    "The spread of the disease has killed 31 people in the south since April .",
])
def test_a_strain_or_a_kind_of_a_disease_is_no_agent(nlp, text: str) -> None:
    assert "ASSAULT" not in types_of(candidates(nlp, text))


def test_a_unit_of_an_army_is_still_an_agent(nlp) -> None:
    assert "ASSAULT" in types_of(candidates(nlp, "A unit of the army has killed 31 people in the south since April ."))
