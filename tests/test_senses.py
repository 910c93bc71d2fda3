"""A trigger's sense from its own arguments, and an act's status from its hedges and its date (events.senses,
events.frame.not_an_act, events.modality). Candidates are read with the verifier and detector off, so each test
shows the rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.events.senses import request_states_a_fact
from dateline.model import Document
from stage_run import candidates


def coded(doc: Document) -> set[tuple[str, str]]:
    """(type, trigger) of every candidate."""
    return {(e.type, e.evidence.trigger) for e in doc.events}


def status_of(doc: Document, trigger: str) -> str:
    """The status of the event whose evidence (or one of whose mentions) is on `trigger`."""
    return next(e.status for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)})


@pytest.mark.parametrize("text", [
    "At the summit the minister suggested that hunger was the real cause of the unrest.",
    "The senator suggests that the embassy ignores every warning.",  # a third-person present clause states too
    "The minister suggested the talks would resume in the spring.",  # a forecast asks nothing either
    "The analyst suggests the vote will fail in the senate.",
])
def test_a_request_verb_whose_clause_states_a_view_is_no_request(nlp, text: str) -> None:
    assert not any(t == "REQUEST" for t, _ in coded(candidates(nlp, text)))


@pytest.mark.parametrize(("text", "verb"), [
    ("The envoy asked whether the talks would resume in the spring.", "asked"),
    ("The senator asked when the embassy would reopen.", "asked"),
    ("The committee asked on what basis the ministry would pay the contractors.", "asked"),  # a wh-word before it
])
def test_a_question_with_a_modal_of_prediction_is_no_forecast(nlp, text: str, verb: str) -> None:
    # `senses._forecast`'s question guard: "would" in a question asks what will happen, it forecasts nothing
    assert not request_states_a_fact(next(t for t in nlp(text) if t.text == verb))


def test_a_forecast_with_a_modal_of_prediction_states_a_view(nlp) -> None:
    parsed = nlp("The minister suggested the talks would resume in the spring.")
    assert request_states_a_fact(next(t for t in parsed if t.text == "suggested"))


@pytest.mark.parametrize(("text", "trigger"), [
    ("The ministry suggested that the two delegations be seated apart.", "suggested"),
    ("The ministry suggested that the two delegations should meet in Geneva.", "suggested"),
    ("The envoy suggested the sanctions could be lifted within a month.", "suggested"),  # "could" proposes
    ("The mayor urged residents to stay indoors.", "urged"),
])
def test_a_request_for_an_act_stays(nlp, text: str, trigger: str) -> None:
    assert ("REQUEST", trigger) in coded(candidates(nlp, text))


@pytest.mark.parametrize("text", [
    "The new figures demonstrate the strength of the harvest.",
    "The engineers demonstrated that the bridge could carry the load.",
])
def test_a_protest_verb_with_an_object_is_no_protest(nlp, text: str) -> None:
    assert not any(t == "PROTEST" for t, _ in coded(candidates(nlp, text)))


def test_a_protest_verb_without_an_object_stays(nlp) -> None:
    doc = candidates(nlp, "Hundreds of farmers demonstrated outside the parliament in Kiev.")
    assert ("PROTEST", "demonstrated") in coded(doc)


def test_a_claim_that_only_reports_make_is_no_accusation(nlp) -> None:
    doc = candidates(nlp, "Reports claimed that the governor had taken money from the builders.")
    assert not any(t == "ACCUSE" for t, _ in coded(doc))


def test_a_report_of_a_political_body_still_accuses(nlp) -> None:
    doc = candidates(nlp, "A United Nations report accused the army of burning villages.")
    assert ("ACCUSE", "accused") in coded(doc)


def test_a_hedged_act_is_hypothetical(nlp) -> None:
    doc = candidates(nlp, "The cabinet is studying a plan for possibly lifting the fishing ban.")
    assert status_of(doc, "lifting") == "hypothetical"


def test_a_hedge_on_a_negated_act_is_no_refusal(nlp) -> None:
    doc = candidates(nlp, "The grant is perhaps not being paid this year, the charity said.")
    assert "REJECT" not in {t for t, _ in coded(doc)}


def test_an_act_dated_after_the_article_in_a_present_clause_is_future(nlp) -> None:
    doc = candidates(nlp, "The premier and Chancellor Merkel hold their regular phone call on Saturday.")
    assert status_of(doc, "call") == "future"  # the article is dated Thursday 2019-03-14
    doc = candidates(nlp, "The premier meets Chancellor Merkel in Berlin on Saturday.")
    assert status_of(doc, "meets") == "future"


def test_an_act_told_in_the_past_stays_a_fact_whatever_its_date(nlp) -> None:
    doc = candidates(nlp, "Rebels attacked the barracks on September 21.")
    assert status_of(doc, "attacked") == "fact"


def test_a_later_year_in_the_phrase_is_no_date_of_the_act(nlp) -> None:
    doc = candidates(nlp, "The two sides agreed on Monday to extend the pipeline contract to 2031.")
    assert status_of(doc, "agreed") == "fact"


@pytest.mark.parametrize(("text", "offence"), [
    ("The boxer was arrested and charged with assault after the weigh-in.", "assault"),
    ("Campaigners have made allegations of torture against the prison guards.", "torture"),
])
def test_the_offence_of_a_charge_is_no_reported_act(nlp, text: str, offence: str) -> None:
    assert status_of(candidates(nlp, text), offence) == "hypothetical"


def test_an_attack_protested_against_stays_a_fact(nlp) -> None:
    doc = candidates(nlp, "Villagers rallied on Sunday against the attack on the mosque.")
    assert status_of(doc, "attack") == "fact"


def test_a_harm_to_oneself_is_no_assault(nlp) -> None:
    doc = candidates(nlp, "Several of the pupils had been cutting and harming themselves for months.")
    assert not any(t == "ASSAULT" for t, _ in coded(doc))


def test_a_bomber_who_blew_himself_up_still_attacked(nlp) -> None:
    doc = candidates(nlp, "A bomber blew himself up at the army checkpoint.")
    assert any(t == "ASSAULT" for t, _ in coded(doc))


def test_a_verb_of_state_with_an_under_phrase_is_no_act_of_its_own(nlp) -> None:
    """"Came under attack" is not troops arriving (CAMEO's ARRIVE pattern of 'come'); the attack is the event."""
    doc = candidates(nlp, "The Syrian army base came under attack by Islamic State fighters on Sunday.")
    assert [e.evidence.trigger for e in doc.events] == ["attack"]


def test_the_same_verb_without_an_under_phrase_keeps_its_reading(nlp) -> None:
    doc = candidates(nlp, "Russian troops came to the aid of the villagers.")
    assert [(e.type, e.evidence.trigger) for e in doc.events] == [("AID", "came")]


@pytest.mark.parametrize("text", [
    "Soldiers shot dead two elephants near the park fence.",
    "Hundreds of pigs were slaughtered at the farm last week.",  # the victims counted: "hundreds of pigs"
    "Officials ordered the slaughter of 3,000 chickens after the outbreak.",
    "A bear attacked two campers near the lake on Sunday.",  # an animal as the doer
    "The stray dog was killed by a neighbour.",
])
def test_an_animal_as_doer_or_every_victim_makes_no_assault(nlp, text: str) -> None:
    assert not any(t == "ASSAULT" for t, _ in coded(candidates(nlp, text)))


@pytest.mark.parametrize("text", [
    "Raiders killed three herders and their cattle.",  # people among the victims
    "The Tamil Tigers attacked an army camp.",  # a capitalised name is never an animal
    "Hundreds of protesters were killed by troops.",
])
def test_an_attack_on_people_stays_whatever_animals_it_names(nlp, text: str) -> None:
    assert any(t == "ASSAULT" for t, _ in coded(candidates(nlp, text)))


def test_a_seizure_of_animals_stays_an_act_on_their_owners(nlp) -> None:
    doc = candidates(nlp, "Militiamen seized 200 cattle from the village.")
    assert ("COERCE", "seized") in coded(doc)


def test_a_police_dog_that_takes_a_man_down_leaves_the_arrest(nlp) -> None:
    doc = candidates(nlp, "The police dog chased the gunman across the yard and detained him.")
    assert any(t == "COERCE" for t, _ in coded(doc))
