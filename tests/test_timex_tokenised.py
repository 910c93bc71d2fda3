"""Dates in tokenised copy (tenth session, issue 10): a comma the tokeniser set apart from the word before it
still joins a date's parts ("Saturday , March 18 , 1967"); sentences written for these tests."""

from __future__ import annotations

from dateline.time import tag_timexes


def timexes(make_doc, text: str, date: str = "2010-06-22") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_timexes(make_doc(text, date)).timexes]


def test_a_spaced_comma_joins_the_year_to_its_day(make_doc) -> None:
    """Without the join, "March 18" alone was read as the March 18 of the article's year."""
    assert timexes(make_doc, "The tanker struck the rock on March 18 , 1967 .") == [("March 18 , 1967", "1967-03-18")]


def test_a_spaced_comma_joins_the_weekday_and_the_year(make_doc) -> None:
    text = "The tanker struck the rock on Saturday , 18 March , 1967 ."
    assert timexes(make_doc, text) == [("Saturday , 18 March , 1967", "1967-03-18")]


def test_a_spaced_comma_joins_a_month_to_its_year(make_doc) -> None:
    assert timexes(make_doc, "The strike began in March , 1967 .") == [("March , 1967", "1967-03")]
