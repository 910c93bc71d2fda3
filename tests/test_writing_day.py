"""The writing day: a text that narrates an act on a day after its article date was written by then, and its
relative days are read from that day (`time.writing_day`, `Document.written`, the dater's bounds)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.time import tag_timexes
from stage_run import dating

MONDAY = "2018-04-02"  # the article date a collection gave, days before the text was finished


def _values(doc) -> dict[str, str]:
    return {t.text: t.value for t in doc.timexes}


def test_a_narrated_day_after_the_article_date_moves_the_writing_day(make_doc) -> None:
    text = ("Teachers attended the three-day workshop on April 3-5 at the town hall. "
            "Speaking at its opening on Tuesday, the governor urged them to stay.")
    doc = tag_timexes(make_doc(text, MONDAY))
    assert doc.written == dt.date(2018, 4, 5)
    assert _values(doc)["Tuesday"] == "2018-04-03"  # not the Tuesday before Monday, April 2


def test_the_dater_keeps_a_relative_day_read_from_the_writing_day(make_doc) -> None:
    text = ("Teachers attended the three-day workshop on April 3-5 at the town hall. "
            "Speaking at its opening on Tuesday, the governor urged them to stay.")
    got = dating(make_doc, text, "urged", MONDAY)
    assert (got.value, got.mod) == ("2018-04-03", None)
    assert "read from 2018-04-05" in got.basis  # `dateline show` says which day the weekday was read from


@pytest.mark.parametrize("text", [
    # a present perfect: the day is ahead (the day hangs on the verb here, so only the tense keeps it out)
    "The minister has invited his counterparts to Geneva on April 10.",
    "The deadline was extended to April 10 after the talks.",  # a bound, not the act's day
    "The offer had been set to expire April 10.",  # an infinitive's day
    "This article was amended on 10 April 2018.",  # a note on the page's later life
    "The strike planned on April 10 was called off on Sunday.",  # a participle on a noun
    "Profits rose in the quarter that ended April 10.",  # a relative clause on a noun: a finite past, not narrated
    "Officials said completion between April 6 and April 9 was possible.",  # a copula: a state, not an act
])
def test_days_that_are_not_a_narrated_act_leave_the_article_date(make_doc, text: str) -> None:
    assert tag_timexes(make_doc(text, MONDAY)).written is None


def test_a_day_far_after_the_article_date_is_no_writing_day(make_doc) -> None:
    doc = tag_timexes(make_doc("Rebels seized the town on June 30, 2018.", MONDAY))
    assert doc.written is None


def test_a_written_out_day_carries_to_the_next_sentence_even_after_the_writing_day(make_doc) -> None:
    """"threatened ... on April 5" dates a threat but is no evidence of the writing day (what is threatened
    lies ahead); the next sentence, continuing the story, still takes the day the text writes out."""
    text = ("The president on April 5 threatened to close the border. "
            "It was the latest warning to the neighbouring country.")
    got = dating(make_doc, text, "warning", MONDAY)
    assert (got.value, got.mod) == ("2018-04-05", None)

