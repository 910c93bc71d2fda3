"""Lexicon readings by class (issue 9): a denial of a charge is a rejection (CAMEO 016, which PLOVER otherwise drops
with the statements of CAMEO 01); a CAMEO pattern of one word names the verb's argument, not a word that modifies
it ("attacked government positions" is no verbal attack on the government); phrasal verbs of arrest, beating and
resignation; a speaker's judgement of an act in the clause they report is a disapproval ("said the comments were
inappropriate")."""

from __future__ import annotations

import pytest

from stage_run import candidates, types_at

#: (the class, sentence, trigger, its only type).
READINGS = [
    ("denying involvement is a rejection", "Moscow denied any involvement in the poisoning.", "denied", "REJECT"),
    ("denying a charge is a rejection", "The ministry denies the charge, a spokesman said.", "denies", "REJECT"),
    ("rejecting accusations is a rejection", "Hanoi rejected the accusations as groundless on Tuesday.", "rejected",
     "REJECT"),
    ("dismissing allegations is a rejection", "The rebels dismissed the allegations on Friday.", "dismissed",
     "REJECT"),
    ("a modifier is no argument: attacking government positions", "Rebels attacked government positions near Idlib.",
     "attacked", "ASSAULT"),
    ("a modifier is no argument: a clash with government troops",
     "Fighters clashed with government troops outside the town.", "clashed", "ASSAULT"),
    ("a modifier is no argument: storming a conference hall", "Gunmen stormed the conference hall in Kabul.",
     "stormed", "ASSAULT"),
    ("attacking a decision is still verbal", "The opposition attacked the cabinet's decision.", "attacked",
     "ACCUSE"),
    ("stepping down is a resignation (PLOVER: RETREAT)", "The prime minister stepped down on Friday after the vote.",
     "stepped", "RETREAT"),
    ("rounding up is an arrest", "Soldiers rounded up dozens of opposition activists.", "rounded", "COERCE"),
    ("locking up is an arrest", "Police locked up the union leader overnight.", "locked", "COERCE"),
    ("roughing up is a beating", "Plainclothes police roughed up the reporters.", "roughed", "ASSAULT"),
]


@pytest.mark.parametrize("text, trigger, type_", [pytest.param(*row[1:], id=row[0]) for row in READINGS])
def test_the_lexicon_reads_the_class(nlp, text: str, trigger: str, type_: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == {type_}


def test_stepping_up_is_still_a_support_verb(nlp) -> None:
    """"stepped up patrols": the particle "up" leaves "step" a support verb, no event of its own."""
    assert not types_at(candidates(nlp, "The army stepped up patrols along the border."), "stepped")


def test_a_reported_judgement_of_an_act_is_a_disapproval(nlp) -> None:
    doc = candidates(nlp, "The foreign ministry said the remarks were completely unacceptable.")
    assert types_at(doc, "said") == {"ACCUSE"}
    doc = candidates(nlp, "The union said the government's offer was not enough.")
    assert types_at(doc, "said") == {"ACCUSE"}


def test_a_reported_feeling_or_state_is_no_disapproval(nlp) -> None:
    """Only a word that judges an act counts, and an approving word only when negated."""
    assert not types_at(candidates(nlp, "The envoy said he was not sure."), "said")
    assert not types_at(candidates(nlp, "The governor said the harvest was poor this year."), "said")
    assert not types_at(candidates(nlp, "The mayor said the new stadium was appropriate for the city."), "said")
