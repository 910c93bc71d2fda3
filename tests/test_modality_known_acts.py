"""A known act named in a phrase of an intended act stays a fact, even when that act is an event of its own
(`events.modality`, `events.modality_scope.argument_of`)."""

from __future__ import annotations

from dateline.events.modality import trigger_modality
from stage_run import token


def _modality(make_doc, text: str, trigger: str, events: tuple[str, ...]):
    doc = make_doc(text)
    return trigger_modality(token(doc, trigger), frozenset(token(doc, word).i for word in events))


def test_a_known_act_in_a_phrase_of_an_intended_event_stays_a_fact(make_doc) -> None:
    text = "The council voted against allowing inspectors to search the offices as part of the inquiry."
    found = _modality(make_doc, text, "inquiry", ("allowing", "search"))
    assert not (found.hypothetical or found.future or found.negated), found
    text = "The rebels vowed to punish the army for the massacre in the valley."
    found = _modality(make_doc, text, "massacre", ("vowed", "punish"))
    assert not (found.hypothetical or found.future or found.negated), found


def test_what_an_intended_event_acts_on_is_intended_with_it(make_doc) -> None:
    text = "The council threatened to impose the sanctions on the company."
    found = _modality(make_doc, text, "sanctions", ("threatened", "impose"))
    assert found.hypothetical or found.future, found
