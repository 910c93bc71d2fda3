"""What sets the story's scene: no act only called for or meant, and one place (issue 10, twentieth session).

The scene is the place the article last stated for an act, carried to later acts that state none. An act only
called for or planned ("a group calls for rallies in Tripoli") has not happened, and an act told of several places
at once ("protests in Amman and Khartoum") happened in each: neither says where the story's next acts went on.
Place sample 203 found both carrying an Egyptian story's clashes to Syria, then to Sudan. A hedged act ("may have
been killed in a raid near Raqqa") happened all the same and still sets the scene.
"""

from __future__ import annotations

from dateline.events.scene import SCENE_BASIS
from stage_run import event_at, extracted

CALLED_FOR = ("Riot police fought protesters in Alexandria on Tuesday. An exiled opposition group has pressed for "
              "rallies in Tripoli. Police beat dozens of protesters.")
PLANNED = ("Riot police fought protesters in Alexandria on Tuesday. The exiled group plans to rally in Tripoli. "
           "Police beat dozens of protesters.")
HEDGED = ("Riot police fought protesters in Alexandria on Tuesday. Two soldiers may have been killed in a raid near "
          "Tripoli on Wednesday. Police beat dozens of protesters.")
HELD = ("Riot police fought protesters in Alexandria on Tuesday. Thousands rallied in Tripoli on Wednesday. "
        "Police beat dozens of protesters.")
LISTED = ("Riot police fought protesters in Alexandria on Tuesday. Crowds also marched in Amman and Khartoum. "
          "Police beat dozens of protesters.")


def _placed_at(doc, trigger: str) -> str | None:
    event = event_at(doc, trigger)
    return event.location.name if event.location is not None else None


def test_an_act_only_called_for_or_planned_sets_no_scene(nlp) -> None:
    doc = extracted(nlp, CALLED_FOR)
    assert event_at(doc, "rallies").status != "fact"
    assert _placed_at(doc, "beat") != "Tripoli"
    planned = extracted(nlp, PLANNED)
    assert _placed_at(planned, "beat") != "Tripoli"


def test_an_act_told_as_a_fact_still_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, HELD)
    beat = event_at(doc, "beat")
    assert beat.location is not None and beat.location.name == "Tripoli"
    assert beat.location.basis.startswith(SCENE_BASIS)


def test_a_hedged_act_still_sets_the_scene(nlp) -> None:
    doc = extracted(nlp, HEDGED)
    assert _placed_at(doc, "beat") == "Tripoli"


def test_a_place_listed_with_others_for_one_act_sets_no_scene(nlp) -> None:
    doc = extracted(nlp, LISTED)
    assert _placed_at(doc, "beat") not in ("Amman", "Khartoum")
