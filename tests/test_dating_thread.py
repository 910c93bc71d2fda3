"""The story's day through the discourse (issue 10, seventh session): wire copy's one-sentence paragraphs
continue the story, and a report carried from an earlier report is made that day; on sentences written for
these tests."""

from __future__ import annotations

from dateline.events.dating import Dating, event_dating
from dateline.time import tag_timexes
from stage_run import dating


def last_dating(make_doc, text: str, trigger: str, date: str = "2018-09-19") -> Dating:
    """The dater's answer for the last token spelled `trigger`."""
    doc = tag_timexes(make_doc(text, date))
    return event_dating(doc, max(t.i for t in doc.parsed if t.text == trigger))


def test_the_story_day_carries_across_a_paragraph_break(make_doc) -> None:
    """Wire copy puts each sentence in a paragraph of its own: the break does not end the story thread."""
    text = ("Gunmen stormed a police post in the north on Saturday.\n\n"
            "They seized weapons and fled into the hills.")
    when = dating(make_doc, text, "seized")
    assert (when.value, when.mod) == ("2018-09-15", None)


def test_the_story_day_still_stops_after_two_sentences(make_doc) -> None:
    text = ("Gunmen stormed a police post on Saturday.\n\nPolice gave chase.\n\nThe army sent troops.\n\n"
            "The gunmen seized weapons.")
    assert dating(make_doc, text, "seized").mod == "ON_OR_BEFORE"


def test_a_report_carried_from_a_report_is_made_that_day(make_doc) -> None:
    """'... the ministry said on Friday. Five men were deported, the newspaper said.': the second report is
    of the same day, not on or before it; what it reports stays on or before it."""
    text = ("Ten people were arrested in the capital, the ministry said on Friday. "
            "Five men were also deported, the newspaper said.")
    assert last_dating(make_doc, text, "said").date == ("2018-09-14", "day", None)
    assert dating(make_doc, text, "deported").date == ("2018-09-14", "day", "ON_OR_BEFORE")
