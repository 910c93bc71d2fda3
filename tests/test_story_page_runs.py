"""The story stage's two page shapes with no cue phrase: a run of related-story teasers scraped without stops
(`story.teasers`) and the lead picture's caption on the first line (`story.lead_caption`). Sentences are invented."""

from __future__ import annotations

import pytest

from dateline.story import mark_story

STORY = "Rebels attacked an army base near the capital on Monday, the defence ministry said."
#: Six invented teasers run together the way a scraped "more on this story" box comes out: no stop between items.
TEASERS = ("Water bills are set to rise again for households in the north this spring Hospital staff vote on a new pay "
           "offer after months of talks with the health board Farmers fear a dry summer could halve the harvest in "
           "the valley Cycling clubs want safer lanes on the ring road before the autumn term Readers share the best "
           "walks near their homes Museum curators explain why old maps still matter to historians and to walkers "
           "alike .")


def excluded(make_doc, text: str) -> list[tuple[str, str]]:
    """(kind, text) of every stretch the stage leaves out of `text`."""
    return [(span.kind, span.text) for span in mark_story(make_doc(text)).excluded]


def test_a_run_of_teasers_is_a_related_block(make_doc) -> None:
    assert excluded(make_doc, f"{TEASERS}\n{STORY}") == [("related", TEASERS)]


def test_a_long_prose_sentence_with_titles_before_names_is_story(make_doc) -> None:
    sentence = ("An inquiry led by the former central bank governor Paul Meyer accused the deputy minister Anna "
                "Kowalski and her adviser Jan Novak of taking payments from a contractor in 2009 , a report "
                "released by the parliamentary committee on Tuesday said , adding that the retired judge Maria "
                "Rossi and the auditor general Tom Berg had reached the same view after a separate review of the "
                "accounts held by the ministry in the capital .")
    assert len(sentence) >= 400
    assert excluded(make_doc, f"{sentence}\n{STORY}") == []


@pytest.mark.parametrize("caption", [
    "Farmers block a highway near Lyon during a protest over fuel prices .",
    "A woman holds a placard outside the parliament in Bucharest .",
    "June 3 , 2012 | By Anna Kowalski , News Staff Fishermen mend their nets on the quay at Valparaiso .",
])
def test_a_present_tense_first_line_about_unnamed_people_is_the_lead_caption(make_doc, caption: str) -> None:
    assert excluded(make_doc, f"{caption}\n{STORY}") == [("caption", caption)]


@pytest.mark.parametrize("first", [
    "Farmers blocked a highway near Lyon during a protest over fuel prices .",  # the past: the story's first line
    "The army takes control of the capital .",  # a subject the story knows
    "Farmers block highway near Lyon in fuel price protest",  # a headline: no stop
    "Farmers say they will block the highway near Lyon .",  # a verb of saying
])
def test_other_first_lines_are_story(make_doc, first: str) -> None:
    assert excluded(make_doc, f"{first}\n{STORY}") == []


def test_a_lone_line_is_no_caption(make_doc) -> None:
    assert excluded(make_doc, "Farmers block a highway near Lyon during a protest over fuel prices .") == []
