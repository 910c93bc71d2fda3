"""A clause told in the present and the story's scene (issue 10, nineteenth session).

`events.dating_present` dates a stance, state or saying told in the present ("soldiers are guarding", "workers are
protesting") to the day the text speaks from, with no bound. That day says when the text was written, not that the
act happened on that day and no other, so for the scene it is read as before: such a state is no act of one day (a
place its participants stand in sets no scene), and a scene it does set is the scene of the story's present (it
serves an act of an earlier day of the same week). The scene rule reads the date's recorded reason, not the tense.
"""

from __future__ import annotations

from dateline.events.dating_present import dated_by_present
from dateline.events.scene import SCENE_BASIS
from stage_run import event_at, extracted

#: Read on Thursday 2019-03-14 (`stage_run.extracted`'s default date).
GUARDING = ("Cairo faced a third day of unrest on Thursday. Egyptian soldiers are guarding the museums in Luxor. "
            "Police arrested forty looters.")
GUARDED = ("Cairo faced a third day of unrest on Thursday. Egyptian soldiers guarded the museums in Luxor on Tuesday. "
           "Police arrested forty looters.")
PROTESTING = ("The strike entered its second week. Textile workers are protesting in Alexandria. "
              "On Monday, police arrested twelve of the strike's leaders.")


def test_a_state_told_in_the_present_places_no_later_act_through_its_participants(nlp) -> None:
    doc = extracted(nlp, GUARDING)
    guarding = event_at(doc, "guarding")
    assert guarding.location is not None and guarding.location.name == "Luxor"  # where the museums are
    assert dated_by_present(guarding.date_basis) and guarding.date_mod is None
    arrested = event_at(doc, "arrested")
    assert arrested.location is None or arrested.location.name != "Luxor"


def test_a_past_act_placed_through_its_participants_still_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, GUARDED)
    assert not dated_by_present(event_at(doc, "guarded").date_basis)
    arrested = event_at(doc, "arrested")
    assert arrested.location is not None and arrested.location.name == "Luxor"
    assert arrested.location.basis.startswith(SCENE_BASIS)


def test_a_scene_told_in_the_present_serves_an_act_of_an_earlier_day_this_week(nlp) -> None:
    doc = extracted(nlp, PROTESTING)
    protesting = event_at(doc, "protesting")
    assert protesting.location is not None and protesting.location.name == "Alexandria"
    assert dated_by_present(protesting.date_basis) and protesting.date == "2019-03-14"
    arrested = event_at(doc, "arrested")
    assert arrested.date == "2019-03-11"  # Monday, three days before the day the text speaks from
    assert arrested.location is not None and arrested.location.name == "Alexandria"
    assert arrested.location.basis.startswith(SCENE_BASIS)


def test_only_a_reason_from_the_present_tense_counts() -> None:
    assert dated_by_present("'denies' is told in the present with no time of its own: it holds on the day ...")
    assert not dated_by_present("no time in the text dates it: on or before the article date")
    assert not dated_by_present(None)
