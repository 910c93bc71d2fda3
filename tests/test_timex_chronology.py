"""The days that open a chronology's entries are past days, whatever the present tense of the entry says
(`time.chronology`; sentences written for these tests)."""

from __future__ import annotations

from dateline.time import tag_timexes

#: A timeline published early in the year after the one it tells.
PAGE_DAY = "2013-01-08"

TIMELINE = (
    "Key moments of the port strike.\n"
    "March 14 - Dockers walk out at the northern terminal.\n"
    "June 2 - The union and the port authority sign a deal in the capital.\n"
    "Oct. 9 - A court orders the strikers back to work.\n"
    "Nov. 20 - An attempt to reopen the southern terminal fails.\n"
    "Sept. 29 - The union says it could strike again.\n"
)


def values(make_doc, text: str, date: str = PAGE_DAY) -> dict[str, str]:
    return {t.text: t.value for t in tag_timexes(make_doc(text, date)).timexes}


def test_a_timeline_entry_told_in_the_present_is_a_past_day(make_doc) -> None:
    found = values(make_doc, TIMELINE)
    assert found["March 14"] == "2012-03-14"  # not 2013-03-14 ahead
    assert found["June 2"] == "2012-06-02"
    assert found["Oct. 9"] == "2012-10-09"
    assert found["Nov. 20"] == "2012-11-20"  # "to reopen" is not the entry's verb
    assert found["Sept. 29"] == "2012-09-29"  # "could" is what the union said, not the entry's own tense


def test_an_entry_that_says_it_lies_ahead_keeps_the_day_ahead(make_doc) -> None:
    text = ("What comes next.\nMarch 14 - Voters will elect a new council.\n"
            "June 2 - The new council may meet in the capital.\n")
    found = values(make_doc, text)
    assert found["March 14"] == "2013-03-14"
    assert found["June 2"] == "2013-06-02"


def test_a_day_inside_a_sentence_keeps_the_tense_of_its_clause(make_doc) -> None:
    text = "The union says the dockers walk out on March 14 - the day the contract ends."
    assert values(make_doc, text)["March 14"] == "2013-03-14"
