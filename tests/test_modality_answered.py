"""A statement refused by an answer stays a fact: the charge denied or the request refused was still made
(`events.modality.answered_statement`); an act refused as the object of the same verbs is not one. Naming no
maker, the statement was made to whoever refuses it (`events.parties_nominal`): the recipient, not the actor."""

from __future__ import annotations

from dateline.events.modality import trigger_modality
from dateline.events.parties import trigger_parties
from stage_run import token


def _modality(make_doc, text: str, trigger: str, events: tuple[str, ...] = ()):
    doc = make_doc(text)
    return trigger_modality(token(doc, trigger), frozenset(token(doc, word).i for word in events))


def test_a_denied_charge_was_made(make_doc) -> None:
    found = _modality(make_doc, "The mining firm denies the charge and says its permits were valid.", "charge",
                      ("denies",))
    assert not (found.negated or found.hypothetical or found.future), found


def test_rejected_allegations_were_made(make_doc) -> None:
    found = _modality(make_doc, "The senator angrily rejected these allegations from the ethics panel.",
                      "allegations", ("rejected",))
    assert not (found.negated or found.hypothetical or found.future), found


def test_a_refused_request_was_made_even_under_a_negated_answer(make_doc) -> None:
    found = _modality(make_doc, "The governor did not refuse their request for water.", "request",
                      ("refuse",))
    assert not (found.negated or found.hypothetical or found.future), found


def test_a_statement_the_refusal_introduces_is_left_to_the_refusal(make_doc) -> None:
    assert _modality(make_doc, "Peru rejected a Chilean request to extradite the banker.", "request",
                     ("rejected",)).negated


def test_an_act_refused_is_still_not_a_fact(make_doc) -> None:
    assert _modality(make_doc, "The cabinet rejected sanctions against the neighbouring state.", "sanctions",
                     ("rejected",)).negated
    assert _modality(make_doc, "The rebels refused talks with the envoy.", "talks", ("refused",)).negated


def test_who_refuses_a_statement_naming_no_maker_is_its_recipient(staged) -> None:
    doc = staged("The Chilean mining firm denies the charge and says its permits were valid.")
    found = trigger_parties(token(doc, "charge"))
    assert "firm" in [t.text for t in found.recipients]
    assert "firm" not in [t.text for t in found.actors]
    doc = staged("The Peruvian governor refused the request on Monday.")
    found = trigger_parties(token(doc, "request"))
    assert "governor" in [t.text for t in found.recipients] and not found.actors


def test_a_refused_statement_with_its_maker_keeps_the_maker_as_actor(staged) -> None:
    doc = staged("The Chilean mining firm denies the charge from the Peruvian senators.")
    found = trigger_parties(token(doc, "charge"))
    assert "senators" in [t.text for t in found.actors]
