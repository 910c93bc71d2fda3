"""A trigger's type from its arguments (events.type_senses, and the triggers.tsv rows of the twenty-first session's
type work): a ban of goods from a place is an embargo, a warning of what others should do is advice, stepping down
is a resignation, a suspended sale is a sanction, and an attack told by a manner of speaking, or made for its
target's own conduct, is verbal. Candidates are read with the verifier and detector off, so each test shows the
rule. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from stage_run import candidates


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every candidate one of whose mentions has the trigger `trigger`."""
    return {e.type for e in doc.events if trigger in {m.trigger for m in (e.evidence, *e.mentions)}}


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    # goods kept out that come from a place: an embargo
    ("Several governments banned poultry from countries reporting the virus on Friday.", "banned", "SANCTION"),
    ("Moscow imposed a ban on dairy products from Lithuania last week.", "ban", "SANCTION"),
    # a party banned, or kept from doing something: a coercion, wherever it comes from
    ("The junta banned the opposition candidates from the election on Monday.", "banned", "COERCE"),
    ("The council banned them from the city centre for a year.", "banned", "COERCE"),
    ("The governor banned street vendors in the capital on Monday.", "banned", "COERCE"),
])
def test_a_ban_is_an_embargo_only_of_goods_from_a_place(nlp, text: str, trigger: str, kind: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == {kind}


@pytest.mark.parametrize(("text", "kind"), [
    ("Health officials warned on Monday that travellers should avoid the border markets.", "REQUEST"),
    ("The interior minister warned that the police will break up any march in the capital.", "THREATEN"),
    ("The general warned the villagers to leave their homes before dawn.", "THREATEN"),
])
def test_a_warning_of_what_others_should_do_is_advice(nlp, text: str, kind: str) -> None:
    assert types_at(candidates(nlp, text), "warned") == {kind}


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("The defence minister stepped down on Sunday after the scandal.", "stepped", "RETREAT"),
    ("The militia stepped up attacks on the garrison on Sunday.", "attacks", "ASSAULT"),
    ("Berlin suspended the export of rifles to the kingdom on Thursday.", "suspended", "SANCTION"),
    ("The senator launched a blistering attack on the governor over the budget.", "attack", "ACCUSE"),
    ("Gunmen launched an attack on the police station on Thursday.", "attack", "ASSAULT"),
])
def test_lexicon_rows_type_by_phrase(nlp, text: str, trigger: str, kind: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == {kind}


@pytest.mark.parametrize(("text", "kind"), [
    ("The senator attacked the ministry for its handling of the drought.", "ACCUSE"),
    ("The rebels attacked the garrison for three days in March.", "ASSAULT"),
    ("Raiders attacked the hamlet for sheltering deserters.", "ASSAULT"),
])
def test_an_attack_for_the_targets_own_conduct_is_verbal(nlp, text: str, kind: str) -> None:
    assert types_at(candidates(nlp, text), "attacked") == {kind}


def test_a_retyped_entry_says_why(nlp) -> None:
    doc = candidates(nlp, "Several governments banned poultry from countries reporting the virus on Friday.")
    rules = [e.evidence.rule for e in doc.events if e.type == "SANCTION"]
    assert rules and "embargo" in rules[0]
