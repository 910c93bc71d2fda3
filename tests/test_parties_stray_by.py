"""The doer of a nominal trigger whose "by" phrase the parser hangs on another word (`parties_nominal.stray_by_agent`):
on the trigger's "of" object ("the arrest of the leader by police") or on the active verb whose object the trigger is
("lifted the siege of the city by insurgents"): the act is the by-object's, not the lifter's; a bare noun of means
("by force") names no doer. Sentences written for these tests, run through every stage with the lexicon's own
candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_a_by_phrase_on_the_lifting_verb_names_who_besieged(nlp) -> None:
    doc = candidates(nlp, "Iraqi troops lifted the siege of the town by Syrian rebels on Monday.")
    event = event_at(doc, "siege")
    assert [p.text for p in event.actors] == ["Syrian rebels"]
    assert "'by' agent hung on 'lifted'" in event.evidence.rule


def test_a_by_phrase_on_the_arrested_person_names_who_arrested(nlp) -> None:
    doc = candidates(nlp, "The arrest of the opposition leader by Kenyan police sparked protests in Nairobi.")
    event = event_at(doc, "arrest")
    assert countries(event.actors) == ["KEN"]
    assert "'by' agent hung on 'leader'" in event.evidence.rule


def test_a_bare_noun_of_means_names_no_doer(nlp) -> None:
    doc = candidates(nlp, "Russian troops ended the siege by force.")
    assert "'by' agent hung on" not in event_at(doc, "siege").evidence.rule


def test_a_by_phrase_on_an_act_named_in_the_of_phrase_is_that_act_s(nlp) -> None:
    doc = candidates(nlp, "The minister spoke of the threat of attacks by Syrian rebels on the border towns.")
    assert "'by' agent hung on" not in event_at(doc, "threat").evidence.rule


def test_a_by_phrase_after_a_comma_is_the_verb_s_manner(nlp) -> None:
    doc = candidates(nlp, "Syrian rebels ended the occupation of the town, by peaceful means.")
    assert "'by' agent hung on" not in event_at(doc, "occupation").evidence.rule
