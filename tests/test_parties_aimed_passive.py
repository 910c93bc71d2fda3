"""An unnamed passive subject with an "at"/"on"/"against" phrase on its verb is the thing aimed, and the phrase's
object whom it is aimed at (`parties._aimed_thing`): "live ammunition was fired at protesters" is done to the
protesters, as the active "fired live ammunition at protesters" is. Sentences written for these tests."""

from __future__ import annotations

from stage_run import candidates, event_at


def test_whom_live_rounds_were_fired_at_is_the_recipient(nlp) -> None:
    event = event_at(candidates(nlp, "Live ammunition was fired at protesters in Lagos on Monday."), "fired")
    assert [p.text for p in event.recipients] == ["protesters"]


def test_a_people_passive_subject_is_still_the_recipient(nlp) -> None:
    event = event_at(candidates(nlp, "Protesters were arrested on Friday in Lagos."), "arrested")
    assert [p.text for p in event.recipients] == ["Protesters"]
    assert "'on' object" not in event.evidence.rule


def test_a_pronoun_confined_at_home_is_no_thing_aimed_at_his_family(nlp) -> None:
    event = event_at(candidates(nlp, "Police said he was confined at home with his mother for a week."), "confined")
    assert all(p.text != "mother" for p in event.recipients)
