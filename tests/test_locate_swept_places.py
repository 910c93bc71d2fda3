"""A place an act is said to fill (issue 10, fifteenth session): the object of a verb of sweeping whose subject is the
act, or of such a verb in a clause on the act's noun, is where the act was; the object of any other verb is not."""

from __future__ import annotations

from stage_run import event_at, extracted


def test_the_place_a_clause_on_the_act_says_it_fills_is_its_place(nlp) -> None:
    doc = extracted(nlp, "Hundreds rallied outside the town hall in Leeds on Saturday. Students marched in solidarity "
                         "with the demonstrations currently roiling Algeria.")
    demonstrations = event_at(doc, "demonstrations")
    assert demonstrations.location is not None and demonstrations.location.name == "Algeria"  # not Leeds, the scene
    assert "the place the act filled" in demonstrations.location.basis


def test_the_place_an_act_sweeps_as_subject_is_its_place(nlp) -> None:
    protests = event_at(extracted(nlp, "Angry demonstrations rocked Lagos on Friday."), "demonstrations")
    assert protests.location is not None and protests.location.name == "Lagos"
    assert protests.location.basis == "'demonstrations … rocked Lagos': the place the act filled"


def test_the_object_of_another_verb_on_the_act_is_not_its_place(nlp) -> None:
    doc = extracted(nlp, "Hundreds rallied outside the town hall in Leeds on Saturday. Students marched in solidarity "
                         "with the demonstrations currently praising Algeria.")
    demonstrations = event_at(doc, "demonstrations")
    assert demonstrations.location is None or demonstrations.location.name != "Algeria"
