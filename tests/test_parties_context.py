"""Parties from the words around them: a generic agent's country from its own sentence, an owned
agent's from its owner, an object pronoun's antecedent, and followers named after their leader.

Each test is a sentence written for it, run through the real places and actors stages.
"""

from __future__ import annotations

from dateline.events.parties import trigger_parties
from dateline.events.resolve import resolve
from dateline.events.targets import fallback_recipients
from stage_run import actor, token


def test_generic_agent_takes_the_country_of_the_sentence_before_not_the_article_focus(staged) -> None:
    doc = staged("Protesters marched in Amman and Zarqa again. Jordan's king met them in Amman. "
                 "In Algiers, President Abdelaziz Bouteflika promised to lift the emergency. "
                 "The move was demanded by demonstrators for weeks.")
    assert actor(doc, "demonstrators").country == "DZA"


def test_generic_agent_in_a_sentence_naming_no_country_keeps_the_article_focus(staged) -> None:
    doc = staged("Police in Amman dispersed a march. Thousands marched in Zarqa and Irbid. "
                 "Later, demonstrators gathered again.")
    assert actor(doc, "demonstrators").country == "JOR"


def test_agent_owned_by_a_possessive_pronoun_takes_its_owners_country(staged) -> None:
    doc = staged("Egypt and Libya held talks in Cairo. Libya has offered to hand over to Britain two of its nationals.")
    assert actor(doc, "nationals").country == "LBY"


def test_his_needs_a_person_as_owner(staged) -> None:
    doc = staged("Speaking in Nairobi, Ugandan President Yoweri Museveni said he had sacked his ministers.")
    assert actor(doc, "ministers").country == "UGA"


def test_followers_named_after_their_leader_are_the_followers(staged) -> None:
    doc = staged("Supporters of Mubarak attacked protesters in Cairo.")
    found = trigger_parties(token(doc, "attacked"))
    actors = [p for head in found.actors for p in resolve(doc, head)]
    assert [(p.name, p.country, p.sector) for p in actors] == [("Supporters", "EGY", "CVL")]


def test_object_pronoun_does_not_stand_for_its_own_clauses_subject(staged) -> None:
    doc = staged("Egyptian protesters marched on Friday. The police threatened to arrest them.")
    found = trigger_parties(token(doc, "threatened"))
    recipients = [p for head in found.recipients for p in resolve(doc, head)]
    assert [p.name for p in recipients] == ["Egyptian protesters"]


def test_people_nouns_the_dictionary_lacked_are_parties(staged) -> None:
    doc = staged("Police in Denver are asking the public to report the two inmates who escaped.")
    found = trigger_parties(token(doc, "asking"))
    recipients = [p for head in found.recipients for p in resolve(doc, head)]
    assert ("public", "USA", "CVL") in [(p.name, p.country, p.sector) for p in recipients]
    assert actor(doc, "inmates").sector == "CRM"


def test_a_reaction_phrase_names_no_recipient(staged) -> None:
    doc = staged("To the public's surprise, prosecutors in Denver filed a new charge.")
    found = trigger_parties(token(doc, "charge"))
    assert not [p for head in found.recipients for p in resolve(doc, head)]


def test_a_titled_surname_is_the_person_named_in_full_before(staged) -> None:
    doc = staged("Trinidad and Tobago's envoy, Ambassador Anthony Phillips-Spencer, spoke in Washington. "
                 "Dominica asked for a waiver. Ambassador Phillips-Spencer later opposed Dominica's request.")
    in_full = actor(doc, "Ambassador Anthony Phillips-Spencer")
    assert in_full.country and actor(doc, "Ambassador Phillips-Spencer").country == in_full.country


def test_a_surname_that_is_also_a_country_name_is_the_person(staged) -> None:
    doc = staged("Chris Jacobs was tried in Wausau, Wisconsin, reporter Bill Holland wrote. "
                 "Holland said the jury in Minnesota acquitted Jacobs.")
    holland = [a for a in doc.actors if a.text == "Holland"]
    assert holland and all(a.country != "NLD" for a in holland)
    assert actor(doc, "Chris Jacobs").country == "USA"


def test_a_demand_by_the_people_is_made_on_their_own_government(staged) -> None:
    doc = staged("Thousands of workers in Lagos demanded higher wages on Monday.")
    trigger = token(doc, "demanded")
    actors = [p for head in trigger_parties(trigger).actors for p in resolve(doc, head)]
    assert [(p.country, p.sector) for p in actors] == [("NGA", "LAB")]
    recipients = fallback_recipients(doc, trigger, actors, "REQUEST")
    assert [(p.country, p.sector) for p in recipients] == [("NGA", "GOV")]


def test_a_demand_by_an_official_names_no_government_by_default(staged) -> None:
    doc = staged("Nigeria's labour minister in Lagos demanded higher wages on Monday.")
    trigger = token(doc, "demanded")
    actors = [p for head in trigger_parties(trigger).actors for p in resolve(doc, head)]
    assert not fallback_recipients(doc, trigger, actors, "REQUEST")


def test_a_rejection_in_a_relative_clause_answers_who_made_the_charge(staged) -> None:
    doc = staged("Peru says the Chilean government was behind the hacking, a charge that Chile denies.")
    trigger = token(doc, "denies")
    actors = [p for head in trigger_parties(trigger).actors for p in resolve(doc, head)]
    assert [p.country for p in actors] == ["CHL"]
    recipients = fallback_recipients(doc, trigger, actors, "REJECT")
    assert [p.country for p in recipients] == ["PER"]


def test_a_conditional_threat_is_aimed_at_whom_its_condition_names(staged) -> None:
    doc = staged("Russia threatened to halt the talks if the United States deployed new missiles.")
    trigger = token(doc, "threatened")
    actors = [p for head in trigger_parties(trigger).actors for p in resolve(doc, head)]
    recipients = fallback_recipients(doc, trigger, actors, "THREATEN")
    assert [p.country for p in recipients] == ["USA"]


def test_a_surname_in_the_lead_is_the_person_named_in_full_later(staged) -> None:
    doc = staged("Vasko lauded the sports program on Tuesday. "
                 "Dagupan Mayor Lena Vasko spoke at the city hall in Dagupan, Pangasinan.")
    lead = next(a for a in doc.actors if a.text == "Vasko")
    assert lead.country == "PHL"
