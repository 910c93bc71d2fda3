"""Type rules of the lexicon by class: hosting is a visit only when a visitor or a meeting is hosted, and an
agreement's content is not its makers' threat (lexicon.TriggerEntry.pact, the coder's intent rule)."""

from __future__ import annotations

from stage_run import candidates, types_at


def test_hosting_refugees_or_a_tournament_is_no_visit(nlp) -> None:
    assert not types_at(candidates(nlp, "Lebanon is hosting more than a million refugees from Syria."), "hosting")
    assert not types_at(candidates(nlp, "Brazil hosted the Olympic Games in 2016."), "hosted")


def test_hosting_a_leader_or_talks_is_a_visit(nlp) -> None:
    doc = candidates(nlp, "Egypt hosted the Jordanian foreign minister in Cairo on Sunday.")
    assert types_at(doc, "hosted") == {"CONSULT"}
    assert types_at(candidates(nlp, "Norway hosted Angela Merkel in Oslo on Monday."), "hosted") == {"CONSULT"}


def test_an_agreement_to_restrict_is_no_threat(nlp) -> None:
    doc = candidates(nlp, "The two governments reached an agreement on Friday to curb fishing in the bay.")
    assert types_at(doc, "reached") == {"AGREE"}
    assert types_at(candidates(nlp, "Iraq agreed to curb its oil exports."), "agreed") == {"AGREE"}


def test_a_vow_to_attack_is_still_a_threat(nlp) -> None:
    doc = candidates(nlp, "The militia vowed to attack the garrison if the siege continued.")
    assert types_at(doc, "vowed") == {"THREATEN"}


def test_a_labour_strike_is_a_protest_and_an_air_strike_an_assault(nlp) -> None:
    assert types_at(candidates(nlp, "Dockworkers have been on strike since Monday."), "strike") == {"PROTEST"}
    assert types_at(candidates(nlp, "The nurses' strike closed two hospitals on Friday."), "strike") == {"PROTEST"}
    assert types_at(candidates(nlp, "A drone strike hit a convoy near the border on Friday."), "strike") == {"ASSAULT"}


def test_releasing_or_shooting_a_thing_made_is_no_act(nlp) -> None:
    """A verb's sense decided by its object ("notobj:artefact_objects"): a published, filmed or spilled thing is
    no captive or target, whether it is the object, the passive subject or the noun the participle describes."""
    assert not types_at(candidates(nlp, "The ministry released its annual report on Thursday."), "released")
    assert not types_at(candidates(nlp, "A survey released on Monday found wide support for the plan."), "released")
    assert not types_at(candidates(nlp, "Gas was released from the pipeline for six hours."), "released")
    assert not types_at(candidates(nlp, "The footage was shot by a resident near the square."), "shot")
    assert not types_at(candidates(nlp, "She shot a documentary about the border towns."), "shot")


def test_releasing_people_or_shooting_them_stays_an_act(nlp) -> None:
    assert types_at(candidates(nlp, "The kidnappers released the two engineers on Friday."), "released") == {"RETREAT"}
    assert types_at(candidates(nlp, "The students who were released on bail went home."), "released") == {"RETREAT"}
    assert types_at(candidates(nlp, "Police shot two demonstrators near the ministry."), "shot") == {"ASSAULT"}
    assert types_at(candidates(nlp, "Gunmen shot him outside his home."), "shot") == {"ASSAULT"}


def test_a_thing_made_is_found_as_the_patient_of_a_raised_or_reduced_passive(nlp) -> None:
    """The released thing is the subject of the clause the passive shares one with: "is about to be released",
    "is expected to be released", "due to be released", "Released in May, the record ..." (`syntax.shared_patient`)."""
    assert not types_at(candidates(nlp, "Their new CD is about to be released in Austria."), "released")
    assert not types_at(candidates(nlp, "The album is expected to be released next month."), "released")
    assert not types_at(candidates(nlp, "Released in theatres in May, the movie made a fortune."), "Released")


def test_people_raised_or_reduced_into_a_passive_release_stay_released(nlp) -> None:
    doc = candidates(nlp, "The two aid workers are expected to be released by the militia on Sunday.")
    assert types_at(doc, "released") == {"RETREAT"}
    assert types_at(candidates(nlp, "Released by the rebels in May, the pilot flew home."), "Released") == {"RETREAT"}


def test_firing_a_holder_of_a_post_is_a_dismissal_no_attack(nlp) -> None:
    assert "ASSAULT" not in types_at(candidates(nlp, "The president said on Sunday that he has fired his cabinet."),
                                     "fired")
    assert "ASSAULT" not in types_at(candidates(nlp, "The mayor fired the police chief after the report."), "fired")


def test_firing_rounds_or_on_a_crowd_stays_an_assault(nlp) -> None:
    assert types_at(candidates(nlp, "Troops fired tear gas at the marchers in the square."), "fired") == {"ASSAULT"}
    assert types_at(candidates(nlp, "The police fired on the crowd outside the court."), "fired") == {"ASSAULT"}
