"""Trigger words in a sense that is no act (events.fixed_senses via events.frame.not_an_act): a word of a fixed
expression ("a heart attack", "as opposed to", "paid the price"), and a conflict word against a hardship, an
illness or a wildfire, or of effort with an infinitive ("struggling to cope"); a result against a goal ("met its
deadline", "beat its target"). Candidates are read with the verifier
and detector off, so each test shows the rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger"), [
    ("The composer died of a heart attack at his flat in Vienna on Sunday.", "attack"),
    ("The striker suffered a cardiac arrest during training in May.", "arrest"),
    ("She had a panic attack on the train to Leeds.", "attack"),
    ("The new tablet is light, as opposed to the bulky laptop it replaces.", "opposed"),
    ("The harbour town has a great deal to lose if the ferry stops.", "deal"),
    ("Small bakeries have paid a heavy price for the rise in flour costs.", "paid"),
    ("The head teacher took charge of the school after the floods.", "charge"),
    ("Shoppers have taken the corner shop for granted for decades.", "granted"),
    ("The leaked memo led to the sacking of two football coaches.", "led"),
    ("The car bomb in the market claimed at least 30 lives on Sunday.", "claimed"),
    ("The shipping group beat analysts' forecasts for the third quarter.", "beat"),
    ("The ministry met its deadline for the new port rules.", "met"),
    ("The navy has struggled to meet its hiring targets this year.", "meet"),
    ("The bank beat its profit target for the second year.", "beat"),
    ("The choir beat the previous record for the longest concert.", "beat"),
    ("The shop owners were counting on the summer trade.", "counting"),
    ("The leaked memo is fueling speculation of an early vote.", "fueling"),
])
def test_a_word_of_a_fixed_expression_is_no_act(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize(("text", "trigger"), [
    ("Many pensioners in the valley are struggling with debt and loneliness.", "struggling"),
    ("The clinic gives new drugs to children to fight measles.", "fight"),
    ("The singer lost her long battle with cancer in 2019.", "battle"),
    ("Volunteers battled the wildfire above the village for two days.", "battled"),
    ("Small farms are struggling to pay their workers this winter.", "struggling"),
    ("The clinic gives children new drugs to fight pneumonia.", "fight"),
])
def test_a_conflict_word_against_a_hardship_or_of_effort_is_no_attack(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()


@pytest.mark.parametrize("text", [
    "The junta is seeking to build an information network across the region.",
    "The cabinet is seeking to obtain information on the tender.",
    "With this decree, the junta is seeking to create a news blackout that puts it beside the worst censors, states "
    "such as Chad and Eritrea.",
])
def test_seeking_to_do_something_is_no_request(nlp, text: str) -> None:
    assert types_at(candidates(nlp, text), "seeking") == set()


def test_a_verb_of_effort_with_an_infinitive_is_no_act_of_any_type(nlp) -> None:
    """A CAMEO pattern of struggling read "struggled to meet" as a denunciation (ACCUSE): the effort is no act,
    whichever type its words give it."""
    doc = candidates(nlp, "The navy has struggled to meet its hiring targets this year.")
    assert types_at(doc, "struggled") == set()


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Gunmen launched an attack on a police post near Kano on Monday.", "attack", "ASSAULT"),
    ("Police arrested the mayor of the town on Friday.", "arrested", "COERCE"),
    ("The opposition opposed the budget in parliament.", "opposed", "ACCUSE"),
    ("The two governments reached a deal on fishing rights.", "deal", "AGREE"),
    ("Rebels fought a long battle with army troops outside the city.", "fought", "ASSAULT"),
    ("Masked gunmen opened fire on a bus of pilgrims near the shrine.", "opened", "ASSAULT"),
    ("The inmates struggled with the guards before they fled.", "struggled", "ASSAULT"),
    ("Prosecutors charged the governor with fraud on Tuesday.", "charged", None),
    ("Months of talks led to a ceasefire between the army and the rebels.", "ceasefire", None),
    ("The opposition claimed that the count in the capital had been rigged.", "claimed", "ACCUSE"),
    ("Soldiers beat two farmers at the checkpoint on Sunday.", "beat", "ASSAULT"),
    ("The militia is seeking information about the missing convoy from the governor.", "seeking", "REQUEST"),
    ("The mayor sought help from the army to rebuild the bridge.", "sought", "REQUEST"),
    ("The minister met the union leaders in Lagos.", "met", "CONSULT"),
    ("Gunmen beat the village chief in front of his family.", "beat", "ASSAULT"),
    ("The rebels are trying to seize the airport.", "seize", "COERCE"),
])
def test_the_same_words_in_their_own_sense_stay(nlp, text: str, trigger: str, kind: str | None) -> None:
    kinds = types_at(candidates(nlp, text), trigger)
    assert kinds and (kind is None or kind in kinds)
