"""A live page's entries and the story's scene (issue 10, twentieth session).

A live page (two stamps or more, `events.dating_hooks.entry_start`) is a list of stories of their own: the dater
already keeps one entry's day out of the next. The scene rule did not, so a teaser's death in one city placed a later
entry's street battles in another country there (place sample 203). The scene now stays within the entry.
"""

from __future__ import annotations

from dateline.events.scene import SCENE_BASIS
from stage_run import event_at, extracted

PAGE = ("Protesters marched in Lagos on Friday . A bomb killed two men in Kano .\n"
        "( Update 1:40 a.m. in Abuja , 6:40 p.m. ET ) Soldiers beat dozens of protesters .\n"
        "( Update 10:15 p.m. in Abuja , 3:15 p.m. ET ) Gunmen attacked a school in Ibadan on Wednesday . They shot a "
        "teacher .")


def test_no_scene_from_an_earlier_entry(nlp) -> None:
    doc = extracted(nlp, PAGE)
    assert event_at(doc, "killed").location.name == "Kano"
    beat = event_at(doc, "beat")
    assert beat.location is None or beat.location.name != "Kano"


def test_the_scene_of_the_same_entry_still_serves(nlp) -> None:
    doc = extracted(nlp, PAGE)
    shot = event_at(doc, "shot")
    assert shot.location is not None and shot.location.name == "Ibadan"
    assert shot.location.basis.startswith(SCENE_BASIS)
