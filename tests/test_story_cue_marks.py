"""A cue's literal marks ("|", ":") are part of its cheap necessary condition (issue 13: the story stage's speed)."""

from __future__ import annotations

from dateline.story import story_end
from dateline.story.cues import load_cues


def _cue(text: str):
    return next(c for c in load_cues() if c.cue == text)


def test_a_cue_with_a_bar_is_not_tried_on_a_text_without_one():
    cue = _cue("<date> at <time> | reply")
    assert "|" in cue.words
    assert not cue.may_occur_in("the mayor spoke on 3 march at 10:00 and took no reply from the council.")
    assert cue.may_occur_in("3 march at 10:00 | reply")


def test_brackets_and_placeholders_are_no_literal_marks():
    for cue in load_cues():
        assert not {"(", ")", "<date>", "<time>", "<user>", "<name>"} & set(cue.words), cue.cue


def test_the_comment_tail_is_still_found_by_a_cue_with_marks():
    story = "Rescuers reached the village on Monday.\nThe road had been closed for a week.\n"
    comments = "March 3, 2011 at 10:42 pm | Reply\nWhat a sad day for everyone.\n"
    text = story + comments
    assert story_end(text) == text.index("What a sad day")  # the cue's own line stays inside
    assert story_end(story) == len(story)
