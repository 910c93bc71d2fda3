"""Acts denied without a negator on their own clause, and acts a relative clause makes under a modal or a future
(`events.modality_denied`, `events.modality_relative`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from stage_run import modality_of, told_as_fact


@pytest.mark.parametrize(("text", "trigger"), [
    ("The regulator imposed fines rather than criminal charges on the bank.", "charges"),
    ("The rebels staged sit-ins instead of attacks on the army.", "attacks"),
])
def test_the_alternative_set_aside_is_negated(make_doc, text: str, trigger: str) -> None:
    assert modality_of(make_doc, text, trigger).negated
    chosen = "fines" if "fines" in text else "ins"
    assert told_as_fact(modality_of(make_doc, text, chosen))  # the alternative chosen stays a fact


def test_the_content_of_absent_evidence_is_negated(make_doc) -> None:
    text = "Inspectors found no evidence that the militia had abducted the farmers and looted their shops."
    assert modality_of(make_doc, text, "abducted").negated
    assert modality_of(make_doc, text, "looted").negated
    assert told_as_fact(modality_of(make_doc, "There is no doubt that the militia attacked the village.", "attacked"))


def test_a_relative_clause_that_makes_the_act_under_a_modal_leaves_it_open(make_doc) -> None:
    found = modality_of(make_doc, "Lawyers discussed the charges prosecutors could bring against the minister.",
                        "charges")
    assert found.hypothetical, found
    found = modality_of(make_doc, "Lawyers listed the sanctions the council will impose next month.", "sanctions")
    assert found.future and not found.hypothetical, found


@pytest.mark.parametrize("text", [
    "Lawyers discussed the charges that could hurt the minister.",  # the charges do something: no making
    "Lawyers discussed the attacks the army could not prevent.",  # a negating verb says nothing of the act
    "Historians recalled the attacks the rebels would launch that spring.",  # the future of a past story
])
def test_a_relative_clause_that_does_not_make_the_act_leaves_it_a_fact(make_doc, text: str) -> None:
    trigger = "charges" if "charges" in text else "attacks"
    assert told_as_fact(modality_of(make_doc, text, trigger))


@pytest.mark.parametrize(("text", "trigger"), [
    ("The council stopped short of sanctions against the company.", "sanctions"),
    ("The mayor stopped short of imposing a curfew on the district.", "curfew"),
    ("The envoys fell short of a ceasefire after two days of talks.", "ceasefire"),
])
def test_what_one_stops_short_of_is_negated(make_doc, text: str, trigger: str) -> None:
    assert modality_of(make_doc, text, trigger).negated

