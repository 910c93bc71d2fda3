"""A statement refused by an answer stays a fact: the charge denied or the request refused was still made
(`events.modality.answered_statement`); an act refused as the object of the same verbs is not one."""

from __future__ import annotations

from dateline.events.modality import trigger_modality
from stage_run import token


def _modality(make_doc, text: str, trigger: str, events: tuple[str, ...] = ()):
    doc = make_doc(text)
    return trigger_modality(token(doc, trigger), frozenset(token(doc, word).i for word in events))


def test_a_denied_charge_was_made(make_doc) -> None:
    found = _modality(make_doc, "The mining firm denies the charge and says its permits were valid.", "charge",
                      ("denies",))
    assert not (found.negated or found.hypothetical or found.future), found


def test_rejected_allegations_were_made(make_doc) -> None:
    found = _modality(make_doc, "The senator angrily rejected new allegations from the ethics panel.",
                      "allegations", ("rejected",))
    assert not (found.negated or found.hypothetical or found.future), found


def test_a_refused_request_was_made_even_under_a_negated_answer(make_doc) -> None:
    found = _modality(make_doc, "The governor did not refuse the request from the farmers.", "request",
                      ("refuse",))
    assert not (found.negated or found.hypothetical or found.future), found


def test_an_act_refused_is_still_not_a_fact(make_doc) -> None:
    assert _modality(make_doc, "The cabinet rejected sanctions against the neighbouring state.", "sanctions",
                     ("rejected",)).negated
    assert _modality(make_doc, "The rebels refused talks with the envoy.", "talks", ("refused",)).negated
