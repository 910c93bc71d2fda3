"""A known act that is the object of a modal, future or intended verb keeps its own status, unless the verb brings
it about (`events.modality`, `events.modality_scope.known_object_of`)."""

from __future__ import annotations

from dateline.events.modality import trigger_modality
from stage_run import token


def _modality(make_doc, text: str, trigger: str, events: tuple[str, ...] = ()):
    doc = make_doc(text)
    return trigger_modality(token(doc, trigger), frozenset(token(doc, word).i for word in events))


def _fact(found) -> bool:
    return not (found.hypothetical or found.future or found.negated)


def test_a_known_act_under_a_modal_verb_that_does_not_make_it_stays_a_fact(make_doc) -> None:
    text = "The colonel told reporters that his soldiers can prevail against that uprising in the north."
    found = _modality(make_doc, text, "uprising", ("prevail",))
    assert _fact(found), found
    assert _modality(make_doc, text, "prevail").hypothetical


def test_a_known_act_under_a_future_verb_that_does_not_make_it_stays_a_fact(make_doc) -> None:
    text = "The interior ministry will assist the investigation into the bombing."
    found = _modality(make_doc, text, "investigation", ("assist",))
    assert _fact(found), found
    assert _modality(make_doc, text, "assist").future


def test_a_known_act_as_the_object_of_an_intended_event_stays_a_fact(make_doc) -> None:
    text = "The mayor sent two detectives to support the inquiry."
    found = _modality(make_doc, text, "inquiry", ("support",))
    assert _fact(found), found


def test_a_verb_that_brings_its_object_about_keeps_it_intended(make_doc) -> None:
    text = "The rebels will launch the offensive before the rains."
    assert _modality(make_doc, text, "offensive").future
    text = "Students could stage the march on the capital."
    assert _modality(make_doc, text, "march").hypothetical


def test_an_act_not_named_as_known_keeps_the_verbs_status(make_doc) -> None:
    text = "The colonel told reporters that his soldiers can prevail against an uprising in the north."
    assert _modality(make_doc, text, "uprising", ("prevail",)).hypothetical


def test_a_known_act_served_by_an_irrealis_verb_stays_a_fact(make_doc) -> None:
    text = "The governor sent two detectives to help the inquiry."
    assert _fact(_modality(make_doc, text, "inquiry", ("help",)))
    text = "The governor sent two detectives to demand the release."
    assert not _fact(_modality(make_doc, text, "release", ("demand",)))


def test_a_known_act_that_a_verb_takes_part_in_shares_its_status(make_doc) -> None:
    text = "Nobody knows how many workers might join the strike."
    assert _modality(make_doc, text, "strike").hypothetical
    text = "The premier will attend the summit in Oslo."
    assert _modality(make_doc, text, "summit").future


def test_a_condition_leaves_a_known_object_open(make_doc) -> None:
    text = "He will answer in court if the prosecutor brings these charges."
    assert _modality(make_doc, text, "charges").hypothetical
