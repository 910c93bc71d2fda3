"""Who did the act someone is judged for: the object of "accused X of", "blamed X for", "praised X for" (issue 9).

A gerund after a preposition takes the subject of the verb the preposition belongs to ("after meeting the
envoy, the president said"); after a verb of judging (`judging_preps`) it takes the verb's object instead: the
accuser did not do what it accuses someone of. Sentences written for these tests.
"""

from __future__ import annotations

from stage_run import candidates, event_at


def _countries(parties) -> list[str]:
    return sorted(p.country or "" for p in parties)


def test_the_accused_did_the_act_of_an_accusation(nlp) -> None:
    event = event_at(candidates(nlp, "Ukraine blamed Russia for shelling the port of Odesa."), "shelling")
    assert _countries(event.actors) == ["RUS"]


def test_the_criticised_state_arrested_the_journalists(nlp) -> None:
    text = "The German government criticised Turkey for arresting two journalists in Ankara."
    event = event_at(candidates(nlp, text), "arresting")
    assert _countries(event.actors) == ["TUR"]


def test_the_object_of_accused_of_jails(nlp) -> None:
    text = "The Spanish minister accused Venezuela of jailing opposition leaders."
    event = event_at(candidates(nlp, text), "jailing")
    assert [p.text for p in event.actors] == ["Venezuela"]


def test_a_gerund_after_another_preposition_keeps_the_subject(nlp) -> None:
    text = "Chilean students criticised the minister before marching to the parliament in Valparaiso."
    event = event_at(candidates(nlp, text), "marching")
    assert [p.text for p in event.actors] == ["Chilean students"]


def test_the_passive_subject_of_accused_still_did_it(nlp) -> None:
    text = "The Nigerian army was accused of killing villagers in Borno state."
    event = event_at(candidates(nlp, text), "killing")
    assert _countries(event.actors) == ["NGA"]


def test_parties_that_blame_each_other_both_did_it(nlp) -> None:
    text = "Serbian and Albanian officials blamed each other for attacking the border post."
    event = event_at(candidates(nlp, text), "attacking")
    assert {p.country for p in event.actors} >= {"SRB", "ALB"}


def test_a_preposition_the_parser_hangs_on_the_object_still_names_the_doer(nlp) -> None:
    text = "Canada slammed Ghana's cynicism for detaining two aid workers."
    parsed = nlp(text)
    assert parsed[4].text == "cynicism" and parsed[5].head.i == 4  # the premise: "for" hangs on the object
    event = event_at(candidates(nlp, text), "detaining")
    assert _countries(event.actors) == ["GHA"]
