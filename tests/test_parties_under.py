"""A nominal trigger in an "under" phrase of a verb of state (`under_state_verbs`, `parties_nominal._add_state_under`):
"X was / came / remained under <act> by Y" is Y's act done to X, whichever word the parser hangs the "by" phrase on;
an "under" phrase of an ordinary verb ("Under the agreement, Turkey will ...") gives no such reading. Sentences
written for these tests, run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_a_by_phrase_on_the_verb_of_state_names_who_besieges(nlp) -> None:
    doc = candidates(nlp, "The Armenian villages had been under siege for months by Azerbaijani troops.")
    event = event_at(doc, "siege")
    assert countries(event.actors) == ["AZE"]
    assert "'by' agent of 'been under'" in event.evidence.rule


def test_whoever_comes_under_attack_is_its_recipient(nlp) -> None:
    doc = candidates(nlp, "Iraqi soldiers came under attack by Kurdish fighters near the border.")
    event = event_at(doc, "attack")
    assert countries(event.recipients) == ["IRQ"]
    assert "subject of 'came under'" in event.evidence.rule


def test_under_an_agreement_an_ordinary_verb_takes_no_state_reading(nlp) -> None:
    doc = candidates(nlp, "Under the agreement, Turkey will set up observation posts in the province.")
    assert "under'" not in event_at(doc, "agreement").evidence.rule
