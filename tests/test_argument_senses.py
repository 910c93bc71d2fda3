"""Words that name no act by where they stand (events.argument_senses via events.frame.not_an_act): a past
participle before the noun it describes, an order whose object is a thing, a question put to the sentence's
subject; and a passive suggestion whose clause the parser hung as a predicate, a questionnaire that asks
(events.senses). Candidates are read with the verifier and detector off, so each test shows the rule. Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Nurses at the clinic are checking suspected cases from the ferry.", "suspected"),
    ("The senators debated climate-related bills in the committee room.", "related"),
])
def test_a_past_participle_describing_its_noun_is_no_act(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


def test_a_past_participle_of_a_deed_done_to_its_noun_stays(nlp) -> None:
    doc = candidates(nlp, "Soldiers carried the wounded villagers to the clinic.")
    assert "ASSAULT" in types_at(doc, "wounded")


@pytest.mark.parametrize(("text", "trigger"), [
    ("The health ministry has ordered vaccine for every school in the province.", "ordered"),
    ("The agriculture minister ordered the culling of 3,000 chickens on the farm.", "ordered"),
    ("The surgeons ordered more scans for the patient on Tuesday.", "ordered"),
])
def test_an_order_of_a_thing_is_no_request(nlp, text: str, trigger: str) -> None:
    assert "REQUEST" not in types_at(candidates(nlp, text), trigger)


@pytest.mark.parametrize("text", [
    "The governor ordered residents to leave the coast before the storm.",
    "The ministry ordered the withdrawal of the families of consulate workers.",
    "The colonel ordered the conscripts back to their barracks.",
    "The court ordered them to pay the fine by Friday.",
])
def test_an_order_to_someone_stays_an_act(nlp, text: str) -> None:
    assert types_at(candidates(nlp, text), "ordered") != set()  # REQUEST, or a type a CAMEO pattern gives


def test_an_object_a_name_or_nationality_qualifies_names_a_party_and_keeps_the_order(nlp) -> None:
    """`_a_thing`: a noun with a name or nationality among its modifiers is taken for a party ("Iraqi troops"), so
    the order stays, where the same order of a plain noun asks nothing of anyone."""
    assert "REQUEST" in types_at(candidates(nlp, "The president ordered Iraqi troops for the defence of the capital."),
                                 "ordered")
    assert types_at(candidates(nlp, "The ministry ordered new flags for the town hall."), "ordered") == set()


@pytest.mark.xfail(strict=True, reason="known limit of `_a_thing`: a nationality also qualifies things ('American "
                                       "flags'), which the rule cannot tell from a party ('American troops')")
def test_an_order_of_things_of_a_nationality_is_no_request(nlp) -> None:
    assert types_at(candidates(nlp, "The mayor ordered American flags for the town hall."), "ordered") == set()


def test_a_question_put_to_the_subject_is_no_request(nlp) -> None:
    doc = candidates(nlp, "Asked about the strike, the mayor criticised the transport union.")
    assert types_at(doc, "Asked") == set()
    assert "ACCUSE" in types_at(doc, "criticised")


def test_a_question_put_by_a_named_asker_about_a_topic_is_no_request(nlp) -> None:
    doc = candidates(nlp, "Asked by a radio host about the tax plan, the senator called it a mistake.")
    assert "REQUEST" not in types_at(doc, "Asked")


def test_asked_to_act_stays_a_request(nlp) -> None:
    assert "REQUEST" in types_at(candidates(nlp, "Asked to resign by the council, the mayor refused."), "Asked")


def test_a_passive_suggestion_of_a_past_fact_asks_nothing(nlp) -> None:
    # parsed with "lobbied" as oprd
    doc = candidates(nlp, "It has been suggested BP lobbied for the prisoner's release.")
    assert "REQUEST" not in types_at(doc, "suggested")


def test_a_questionnaire_asks_no_party(nlp) -> None:
    doc = candidates(nlp, "The questionnaire asked voters to rate the president.")
    assert "REQUEST" not in types_at(doc, "asked")


def test_a_past_participle_on_a_noun_of_an_act_stays(nlp) -> None:
    doc = candidates(nlp, "The mediators called for a negotiated deal to form a unity cabinet.")
    assert "CONSULT" in types_at(doc, "negotiated")
